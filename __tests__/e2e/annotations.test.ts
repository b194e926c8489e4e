// End-to-end: annotations on a pull request's changed lines, through the bundled action
// (`node dist/index.js`) against a loopback GitHub REST API and npm registry.
import { describe, expect, it } from '@jest/globals'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Finding } from '../../src/findings/finding.js'
import { type FakePullFile } from '../helpers/github-server.js'
import { commands, copyApp, OWNER, PR_NUMBER, REPO, REPO_ROOT, type ActionRun } from '../helpers/run-action.js'
import { actionServers, type ActionServers } from '../helpers/action-servers.js'

const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
// No baseline: these are the annotations on changed lines (with a baseline, its new findings are annotated instead).
const INPUTS = { install: 'false', sbom: 'false', baseline: 'none' }

/** examples/vulnerable-app/src/app.js line 10 (`const app = express()`, where helmet-missing points) rewritten. */
const APP_PATCH = [
  "@@ -9,3 +9,3 @@ const usersRouter = require('./routes/users')",
  ' // No helmet: no security headers at all.',
  '-const app = express();',
  '+const app = express()',
  ' '
].join('\n')

interface Command {
  kind: string
  properties: Record<string, string>
  message: string
}

/** Every `::error|warning|notice ...::message` line, with its properties (unescaped) by name. */
function workflowCommands(stdout: string): Command[] {
  const unescape = (value: string): string =>
    value.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
  return stdout.split(/\r?\n/).flatMap((line) => {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) return []
    const [, kind = '', props = '', message = ''] = match
    const properties = Object.fromEntries(
      props
        .split(',')
        .filter(Boolean)
        .map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))])
    )
    return [{ kind, properties, message: unescape(message) }]
  })
}

const annotations = (run: ActionRun): Command[] => workflowCommands(run.stdout).filter((c) => c.properties.file !== undefined)
const open = (run: ActionRun): Finding[] => (run.reportJson?.findings ?? []).filter((f) => !f.suppressed)
const isError = (f: Finding): boolean => f.severity === 'high' || f.severity === 'critical'

const startServers = actionServers()

async function start(files?: FakePullFile[]): Promise<ActionServers> {
  const servers = await startServers()
  if (files) servers.github.seedPullFiles(OWNER, REPO, PR_NUMBER, files)
  return servers
}

describe('annotations on changed lines (node dist/index.js)', () => {
  it.concurrent('annotates helmet-missing on the changed line of src/app.js and nothing in unchanged files', async () => {
    const { github, run } = await start([
      { filename: 'src/app.js', status: 'modified', patch: APP_PATCH },
      { filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-# old\n+# new' }
    ])
    const result = await run({ workspace: await copyApp(VULNERABLE_APP), inputs: INPUTS })

    const helmet = open(result).find((f) => f.rule === 'helmet-missing')
    expect(helmet).toMatchObject({ file: 'src/app.js', line: 10 })
    expect(result.stdout.split('\n')).toContain(`::error title=helmet-missing,file=src/app.js,line=10::${helmet?.message}`)

    const annotated = annotations(result)
    // line 10, the app's express(): helmet-missing high, the project-wide rate-limit-missing and x-powered-by
    expect(annotated.map((a) => [a.kind, a.properties.title, a.properties.line])).toEqual([
      ['error', 'helmet-missing', '10'],
      ['warning', 'rate-limit-missing', '10'],
      ['warning', 'x-powered-by', '10']
    ])
    expect(open(result).some((f) => f.file === 'Dockerfile' && isError(f))).toBe(true)
    expect(annotated.filter((a) => a.properties.file !== 'src/app.js')).toEqual([])
    expect(annotated.every((a) => a.message.length <= 1000 && !a.message.includes('\n'))).toBe(true)

    // the verdict, outputs and comment are as before; the only ::error:: line is the verdict
    expect(result.code).toBe(1)
    expect(result.outputs.passed).toBe('false')
    expect(commands(result.stdout, 'error')).toHaveLength(1)
    expect(commands(result.stdout, 'notice')).toEqual([])
    expect(github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(1)
    expect(github.requests.filter((r) => r.path.endsWith('/files')).map((r) => r.query.per_page)).toEqual(['100'])

    // without a baseline nothing is marked new or pre-existing: the changed lines only place annotations
    const body = github.comments(OWNER, REPO, PR_NUMBER)[0]?.body ?? ''
    expect(body).not.toContain('🆕')
    expect(open(result).every((f) => f.new === undefined)).toBe(true)
    expect(result.outputs['new-findings']).toBe(result.outputs.findings)
  })

  it.concurrent('more than 10 errors: 9 annotated plus the verdict make 10, and one notice counts the rest', async () => {
    const workspace = await copyApp(VULNERABLE_APP)
    // each Dockerfile: docker-eol-node and docker-root-user (high), and more
    const extra = ['a', 'b', 'c'].map((name) => `docker/${name}/Dockerfile`)
    await Promise.all(
      extra.map(async (file) => {
        await mkdir(join(workspace, file, '..'), { recursive: true })
        await writeFile(join(workspace, file), 'FROM node:14\nCOPY app.js .\nCMD ["node", "app.js"]\n')
      })
    )
    // no patch: binary or too large, so every line counts as changed
    const changed = ['src/app.js', 'Dockerfile', ...extra]
    const { run } = await start(changed.map((filename) => ({ filename, status: 'modified' as const })))
    const result = await run({ workspace, inputs: INPUTS })

    const onChanged = open(result).filter((f) => changed.includes(f.file))
    const errors = onChanged.filter(isError)
    const warnings = onChanged.filter((f) => !isError(f))
    expect(errors.length).toBeGreaterThan(10)
    expect(result.code).toBe(1)

    const lines = result.stdout.split('\n')
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10)
    const annotated = annotations(result)
    const annotatedErrors = annotated.filter((a) => a.kind === 'error')
    expect(annotatedErrors).toHaveLength(9)
    expect(
      annotatedErrors.every((a) => ['high', 'critical'].includes(errors.find((f) => f.rule === a.properties.title)?.severity ?? ''))
    ).toBe(true)
    expect(commands(result.stdout, 'error')).toHaveLength(1)
    // one warning slot is kept for a comment failure
    expect(annotated.filter((a) => a.kind === 'warning')).toHaveLength(Math.min(9, warnings.length))

    const notices = commands(result.stdout, 'notice')
    expect(notices).toHaveLength(1)
    const more = errors.length - 9 + warnings.length - Math.min(9, warnings.length)
    expect(notices[0]).toBe(
      `${more} more findings on changed lines are not annotated (GitHub shows about 10 annotations of each level per step): see the job summary and the JSON report (hardening-report.json)`
    )
  })

  it.concurrent('an API error, a push and an empty token each give one notice and no annotations; the verdict is unchanged', async () => {
    const { github, run } = await start([{ filename: 'src/app.js', status: 'modified', patch: APP_PATCH }])
    github.failNext(1, 403)
    const forbidden = await run({ workspace: await copyApp(VULNERABLE_APP), inputs: INPUTS })
    const pushed = await run({ workspace: await copyApp(VULNERABLE_APP), inputs: INPUTS, eventName: 'push' })
    const tokenless = await run({ workspace: await copyApp(VULNERABLE_APP), inputs: { ...INPUTS, 'github-token': '' } })

    for (const [result, reason] of [
      [forbidden, /could not list the pull request's files \(HTTP 403: /],
      [pushed, /not a pull_request event/],
      [tokenless, /github-token is empty/]
    ] as const) {
      expect(annotations(result)).toEqual([])
      const notices = commands(result.stdout, 'notice')
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatch(reason)
      expect(notices[0]).toMatch(/every finding is in the job summary and the JSON report$/)
      expect(result.code).toBe(1)
      expect(result.outputs.passed).toBe('false')
      expect(commands(result.stdout, 'error')).toHaveLength(1)
    }
    // the 403 was the files list; the comment was still written, with nothing marked new
    expect(github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(1)
    expect(github.comments(OWNER, REPO, PR_NUMBER)[0]?.body).not.toMatch(/🆕|new in this pull request/)
    for (const result of [forbidden, pushed, tokenless]) expect(open(result).some((f) => 'new' in f)).toBe(false)
  })
})
