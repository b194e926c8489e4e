// A working directory that does not exist or leads out of the workspace: one line naming the input
// and the fix, no stack trace, no API call. Through the bundled action and the bundled CLI.
// Covered elsewhere: the action with a missing folder (__tests__/e2e/action.test.ts 7), the CLI with
// a missing folder (__tests__/e2e/cli.test.ts), `readActionInputs` with `..` (__tests__/config/inputs.test.ts).
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { actionServers } from '../helpers/action-servers.js'
import { commands, copyApp, REPO_ROOT, type ActionRun } from '../helpers/run-action.js'

const CLEAN_APP = join(REPO_ROOT, '__tests__/fixtures/apps/clean-app')
const CLI = join(REPO_ROOT, 'dist', 'cli.js')
const STACK_FRAME = /^\s+at /m

const servers = actionServers()

function expectOneLineError(run: ActionRun, pattern: RegExp): void {
  expect(run.code).toBe(1)
  const errors = commands(run.stdout, 'error')
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatch(pattern)
  expect(run.outputs.passed).toBe('false')
  expect(run.stdout).not.toMatch(STACK_FRAME)
  expect(run.stderr).not.toMatch(STACK_FRAME)
}

describe('working-directory of the action (node dist/index.js)', () => {
  it.concurrent.each([
    ['../..', /^working-directory '\.\.\/\.\.' is outside the workspace .*; give a path inside the repository$/],
    ['services/../../elsewhere', /^working-directory 'services\/\.\.\/\.\.\/elsewhere' is outside the workspace/]
  ])('%s escapes the workspace: one error line naming it', async (input, pattern) => {
    const { github, run } = await servers()
    const result = await run({ workspace: await copyApp(CLEAN_APP), inputs: { install: 'false', 'working-directory': input } })
    expectOneLineError(result, pattern)
    expect(github.requests).toEqual([])
  })

  it.concurrent('an absolute path outside the workspace: one error line naming it', async () => {
    const { github, run } = await servers()
    const outside = await copyApp(CLEAN_APP)
    const result = await run({ workspace: await copyApp(CLEAN_APP), inputs: { install: 'false', 'working-directory': outside } })
    expectOneLineError(
      result,
      new RegExp(`^working-directory '${outside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' is outside the workspace`)
    )
    expect(github.requests).toEqual([])
  })

  it.concurrent('a symbolic link in the repository that leads outside: one error line, nothing scanned or written there', async () => {
    const { github, run } = await servers()
    const outside = await copyApp(CLEAN_APP)
    const workspace = await copyApp(CLEAN_APP)
    await mkdir(join(workspace, 'services'))
    await symlink(outside, join(workspace, 'services', 'api'))
    for (const input of ['services/api', 'services/api/src']) {
      const result = await run({ workspace, inputs: { install: 'false', 'working-directory': input } })
      expectOneLineError(
        result,
        new RegExp(
          `^working-directory '${input}' is a symbolic link \\(or is inside one\\) that leads outside the workspace; give a real folder inside the repository$`
        )
      )
    }
    expect(github.requests).toEqual([])
    expect(existsSync(join(outside, 'hardening-report.json'))).toBe(false)
  })

  it.concurrent('symbolic links that stay inside are fine, and so is a workspace reached through one', async () => {
    const { run } = await servers()
    const workspace = await copyApp(CLEAN_APP, { subdir: 'real/api' })
    await symlink(join(workspace, 'real', 'api'), join(workspace, 'api'))
    const inside = await run({ workspace, inputs: { install: 'false', sbom: 'false', 'working-directory': 'api' } })
    expect(inside.code).toBe(0)
    expect(inside.outputs['report-path']).toBe('api/hardening-report.json')

    const linkParent = await mkdtemp(join(tmpdir(), 'ehg-ws-link-'))
    try {
      await symlink(workspace, join(linkParent, 'ws'))
      const viaLink = await run({
        workspace: join(linkParent, 'ws'),
        inputs: { install: 'false', sbom: 'false', 'working-directory': 'real/api' }
      })
      expect(viaLink.code).toBe(0)
      expect(viaLink.outputs.passed).toBe('true')
    } finally {
      await rm(linkParent, { recursive: true, force: true })
    }
  })
})

function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr })
    })
  })
}

describe('the path given to the CLI (node dist/cli.js)', () => {
  const offline = ['--no-install', '--no-audit', '--no-sbom']

  it.concurrent.each([
    [
      'a file, not a folder',
      'package.json',
      /^express-hardening-gate: package\.json is not a directory; give the folder that holds package\.json\n$/
    ],
    ['a dangling symbolic link', 'gone', /^express-hardening-gate: gone is not a directory; give the folder that holds package\.json\n$/]
  ])('%s: exit 2 with one line naming it', async (_name, path, pattern) => {
    const dir = await copyApp(CLEAN_APP)
    await symlink(join(dir, 'nowhere'), join(dir, 'gone'))
    const run = await cli([path, ...offline], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(pattern)
    expect(run.stdout).toBe('')
  })

  it.concurrent(
    'a folder beside the current one, or reached through a symbolic link, is scanned: the CLI has no workspace to escape',
    async () => {
      const app = await copyApp(CLEAN_APP)
      const cwd = await copyApp(CLEAN_APP)
      await symlink(app, join(cwd, 'linked'))
      for (const path of [join('..', basename(app)), 'linked']) {
        const run = await cli([path, ...offline, '--format', 'json'], cwd)
        expect(run.code).toBe(0)
        expect(JSON.parse(run.stdout).passed).toBe(true)
      }
    }
  )
})
