// `baseline: auto` on a pull request, through dist/index.js, on a real git repository built here:
// the base commit is the sample app with all its gaps, the head is the pull request. The gate fails
// only on what the head adds, over a base that is anything but clean.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { actionServers } from '../helpers/action-servers.js'
import { copyApp, pullRequestPayload, REPO_ROOT } from '../helpers/run-action.js'

const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
const OFFLINE = { install: 'false', sbom: 'false' }
const servers = actionServers()

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8'
  }).trim()
}

/** A repository whose first commit is the sample app as `prepare` leaves it; returns the workspace and the base sha. */
async function repository(prepare?: (workspace: string) => Promise<void>): Promise<{ workspace: string; base: string }> {
  const workspace = await copyApp(VULNERABLE_APP)
  if (prepare) await prepare(workspace)
  git(workspace, 'init', '-q', '-b', 'main')
  git(workspace, 'add', '-A')
  git(workspace, 'commit', '-q', '-m', 'base')
  return { workspace, base: git(workspace, 'rev-parse', 'HEAD') }
}

async function commitHead(workspace: string, change: () => Promise<void>): Promise<string> {
  await change()
  git(workspace, 'add', '-A')
  git(workspace, 'commit', '-q', '-m', 'head')
  return git(workspace, 'rev-parse', 'HEAD')
}

function payload(base: string, head: string): Record<string, unknown> {
  const event = pullRequestPayload(head) as { pull_request: { base: { sha: string } } }
  event.pull_request.base.sha = base
  return event
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')))
}

/** Every line of the app moves down: a license header added on top. */
const shiftLines = (text: string): string => `// SPDX-License-Identifier: MIT\n// Copyright the authors.\n\n${text}`

describe('dist/index.js compares a pull request with its base commit', () => {
  it.concurrent('passes over a dirty base when the pull request adds no gap, though every old line moved', async () => {
    const { run } = await servers()
    const { workspace, base } = await repository()
    const head = await commitHead(workspace, () => edit(join(workspace, 'src/app.js'), shiftLines))
    const result = await run({ workspace, headSha: head, payload: payload(base, head), inputs: OFFLINE })
    expect(result.reportJson?.baseline).toMatchObject({ source: 'base-commit', status: 'ok' })
    expect(result.outputs['new-findings']).toBe('0')
    expect(Number(result.outputs.findings)).toBeGreaterThan(5)
    expect(result.reportJson?.findings.filter((f) => !f.suppressed).every((f) => f.new === false)).toBe(true)
    expect(result.outputs.passed).toBe('true')
    expect(result.code).toBe(0)
    expect(result.summary).toContain('No new hardening gaps')
    // The base commit's own line: it is scanned in a worker beside the head, and says what it cost.
    expect(result.stdout).toMatch(
      /baseline: base commit [0-9a-f]{12}: \d+ files read in \d+ ms, scanned in \d+ ms(?:, audited by \d+ ms)?: \d+ findings/
    )
  })

  it.concurrent('fails on the one gap the pull request adds, and credits the one it fixes', async () => {
    const { run } = await servers()
    const { workspace, base } = await repository()
    const head = await commitHead(workspace, async () => {
      await edit(join(workspace, 'src/app.js'), (text) =>
        shiftLines(text)
          .replace("secret: 'keyboard cat'", 'secret: process.env.SESSION_SECRET')
          .replace(
            "app.use('/api/users', usersRouter)",
            "app.use('/api/users', usersRouter)\napp.use(require('cors')({ origin: '*', credentials: true }))"
          )
      )
    })
    const result = await run({ workspace, headSha: head, payload: payload(base, head), inputs: OFFLINE })
    expect(result.reportJson?.baseline).toMatchObject({ source: 'base-commit', status: 'ok' })
    const added = result.reportJson?.findings.filter((f) => f.new === true && !f.suppressed) ?? []
    expect(added.map((f) => f.rule)).toEqual(['cors-wildcard-credentials'])
    expect(result.outputs['new-findings']).toBe('1')
    expect(result.reportJson?.baseline?.fixed.map((f) => f.rule)).toContain('session-secret-hardcoded')
    expect(result.outputs.passed).toBe('false')
    expect(result.code).toBe(1)
  })

  it.concurrent('fails on the advisories of a vulnerable package the pull request adds, and only on those', async () => {
    const { run } = await servers()
    // The base has no lodash: the same code, its package.json and lockfile without it.
    const { workspace, base } = await repository(async (dir) => {
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
      delete manifest.dependencies.lodash
      const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8'))
      delete lock.packages[''].dependencies.lodash
      delete lock.packages['node_modules/lodash']
      await writeFile(join(dir, 'package.json.head'), await readFile(join(dir, 'package.json'), 'utf8'))
      await writeFile(join(dir, 'package-lock.json.head'), await readFile(join(dir, 'package-lock.json'), 'utf8'))
      await writeFile(join(dir, 'package.json'), JSON.stringify(manifest, null, 2))
      await writeFile(join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2))
    })
    const head = await commitHead(workspace, async () => {
      await writeFile(join(workspace, 'package.json'), await readFile(join(workspace, 'package.json.head'), 'utf8'))
      await writeFile(join(workspace, 'package-lock.json'), await readFile(join(workspace, 'package-lock.json.head'), 'utf8'))
    })
    const result = await run({ workspace, headSha: head, payload: payload(base, head), inputs: OFFLINE })
    expect(result.reportJson?.baseline).toMatchObject({ source: 'base-commit', status: 'ok' })
    const advisories = result.reportJson?.audit.advisories ?? []
    expect(advisories.filter((a) => a.new === true).map((a) => a.package)).toEqual(
      advisories.filter((a) => a.package === 'lodash').map((a) => a.package)
    )
    expect(advisories.some((a) => a.package === 'lodash' && a.new === true)).toBe(true)
    expect(advisories.some((a) => a.package !== 'lodash' && a.new === false)).toBe(true)
    expect(result.outputs['new-findings']).toBe('0')
    expect(result.outputs.passed).toBe('false')
    expect(result.code).toBe(1)
  })
})
