import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Exec, ExecResult } from '../../src/tools/exec.js'
import { explainInstallFailure, installArgs, installEnv, installStepName, runInstall, yarnPlugins } from '../../src/tools/install.js'

const PNPM = { name: 'pnpm' } as const
const CLASSIC = { name: 'yarn', yarnFlavor: 'classic' } as const
const BERRY = { name: 'yarn', yarnFlavor: 'berry' } as const

const dirs: string[] = []
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop() as string, { recursive: true, force: true })
})

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ehg-install-'))
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

/** An exec that records its calls and answers with `result` (`yarn --version` with `yarnVersion`). */
function recording(
  result: Partial<ExecResult>,
  yarnVersion = '4.5.0'
): { exec: Exec; calls: Array<{ command: string; args: string[]; env: NodeJS.ProcessEnv }> } {
  const calls: Array<{ command: string; args: string[]; env: NodeJS.ProcessEnv }> = []
  const exec: Exec = (command, args, options) => {
    calls.push({ command, args, env: options.env ?? {} })
    const answer = args[0] === '--version' && !result.spawnError ? { stdout: `${yarnVersion}\n` } : result
    return Promise.resolve({ code: 0, stdout: '', stderr: '', ms: 5, timedOut: false, ...answer })
  }
  return { exec, calls }
}

describe('installArgs', () => {
  it("is each manager's frozen install, scripts off by default", () => {
    expect(installArgs(PNPM, true)).toEqual([
      'install',
      '--frozen-lockfile',
      '--ignore-scripts',
      '--ignore-pnpmfile',
      '--reporter=append-only'
    ])
    expect(installArgs(PNPM, false)).toEqual(['install', '--frozen-lockfile', '--reporter=append-only'])
    expect(installArgs(CLASSIC, true)).toEqual(['install', '--frozen-lockfile', '--non-interactive', '--ignore-scripts'])
    expect(installArgs(BERRY, true)).toEqual(['install', '--immutable', '--mode=skip-build'])
    expect(installArgs(BERRY, false)).toEqual(['install', '--immutable'])
    expect(installArgs({ name: 'npm' }, true)).toEqual(['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--no-progress'])
  })

  it('names the step by its command', () => {
    expect([PNPM, CLASSIC, BERRY, { name: 'npm' as const }, undefined].map(installStepName)).toEqual([
      'pnpm install',
      'yarn install',
      'yarn install',
      'npm ci',
      'npm ci'
    ])
  })
})

describe('installEnv', () => {
  it("ignores the repository's yarnPath and turns Yarn's scripts off with ignore-scripts", () => {
    const env = installEnv(BERRY, true, { PATH: '/bin' })
    expect(env).toMatchObject({ YARN_IGNORE_PATH: '1', YARN_ENABLE_SCRIPTS: '0', YARN_ENABLE_TELEMETRY: '0', npm_config_git: 'git' })
    expect(installEnv(BERRY, false, { PATH: '/bin' }).YARN_ENABLE_SCRIPTS).toBeUndefined()
    expect(installEnv(PNPM, true, { PATH: '/bin' }).YARN_IGNORE_PATH).toBeUndefined()
  })
})

describe('explainInstallFailure', () => {
  it('names the command that updates an out-of-date lockfile', () => {
    expect(explainInstallFailure(PNPM, 1, ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile"')).toBe(
      'pnpm-lock.yaml is out of date with package.json: run `pnpm install` and commit the updated pnpm-lock.yaml'
    )
    expect(explainInstallFailure(CLASSIC, 1, 'error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.')).toBe(
      'yarn.lock is out of date with package.json: run `yarn install` and commit the updated yarn.lock'
    )
    expect(
      explainInstallFailure(BERRY, 1, '➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.')
    ).toMatch(/^yarn\.lock is out of date/)
  })

  it('otherwise gives the last line printed, on one line', () => {
    expect(explainInstallFailure(PNPM, 1, 'progress\n ERR_PNPM_FETCH_404  GET https://r/x: Not Found - 404\n\n')).toBe(
      'pnpm install failed (exit 1): ERR_PNPM_FETCH_404  GET https://r/x: Not Found - 404'
    )
  })
})

describe('runInstall', () => {
  it('runs the manager found on PATH with the frozen arguments, in the project folder', async () => {
    const { exec, calls } = recording({})
    const step = await runInstall(exec, { cwd: tempDir(), manager: PNPM, ignoreScripts: true, timeoutMs: 1000 })
    expect(step).toEqual({ name: 'pnpm install', status: 'ok', ms: 5 })
    expect(calls.map((c) => [c.command, ...c.args])).toEqual([['pnpm', ...installArgs(PNPM, true)]])
  })

  it('names the setup step when the manager is not on PATH', async () => {
    const { exec } = recording({ code: null, spawnError: 'spawn yarn ENOENT' })
    const classic = await runInstall(exec, { cwd: tempDir(), manager: CLASSIC, ignoreScripts: true, timeoutMs: 1000 })
    expect(classic.detail).toBe('yarn is not on PATH: add `corepack enable` (or `npm install --global yarn@1`) before this step')
    const berry = await runInstall(exec, { cwd: tempDir(), manager: BERRY, ignoreScripts: true, timeoutMs: 1000 })
    expect(berry.detail).toBe('yarn is not on PATH: add `corepack enable` before this step, so that the Yarn of `packageManager` runs')
  })

  it('does not start Yarn 2+ when .yarnrc.yml loads plugins from the repository and scripts are off', async () => {
    const cwd = tempDir({ '.yarnrc.yml': 'plugins:\n  - path: .yarn/plugins/pwn.cjs\n  - .yarn/plugins/other.cjs\n' })
    expect(yarnPlugins(cwd)).toEqual(['.yarn/plugins/pwn.cjs', '.yarn/plugins/other.cjs'])
    const { exec, calls } = recording({})
    const step = await runInstall(exec, { cwd, manager: BERRY, ignoreScripts: true, timeoutMs: 1000 })
    expect(step.status).toBe('error')
    expect(step.detail).toMatch(
      /^not run: \.yarnrc\.yml loads Yarn plugins from the repository \(\.yarn\/plugins\/pwn\.cjs, \.yarn\/plugins\/other\.cjs\)/
    )
    expect(calls).toEqual([])
    // With scripts allowed the workflow trusts the repository's code: Yarn runs.
    expect((await runInstall(exec, { cwd, manager: BERRY, ignoreScripts: false, timeoutMs: 1000 })).status).toBe('ok')
  })

  it("asks yarn's version first, and never lets Yarn 1 install a Yarn 2+ lockfile (it would rewrite it and run scripts)", async () => {
    const { exec, calls } = recording({}, '1.22.22')
    const step = await runInstall(exec, { cwd: tempDir(), manager: BERRY, ignoreScripts: true, timeoutMs: 1000 })
    expect(step).toMatchObject({
      status: 'error',
      detail:
        'the yarn on PATH is 1.22.22, but yarn.lock was written by Yarn 2 or later: add `corepack enable` before this step, so that the Yarn of `packageManager` runs'
    })
    expect(calls.map((c) => c.args)).toEqual([['--version']])
    const berryOnPath = recording({}, '4.5.0')
    expect((await runInstall(berryOnPath.exec, { cwd: tempDir(), manager: CLASSIC, ignoreScripts: true, timeoutMs: 1000 })).detail).toMatch(
      /^the yarn on PATH is 4\.5\.0, but yarn\.lock was written by Yarn 1: /
    )
    const same = recording({}, '1.22.22')
    expect((await runInstall(same.exec, { cwd: tempDir(), manager: CLASSIC, ignoreScripts: true, timeoutMs: 1000 })).status).toBe('ok')
    expect(same.calls.map((c) => c.args[0])).toEqual(['--version', 'install'])
  })

  it('stops a hanging install with the time it was given', async () => {
    const { exec } = recording({ code: null, timedOut: true }, '1.22.22')
    const step = await runInstall(exec, { cwd: tempDir(), manager: CLASSIC, ignoreScripts: true, timeoutMs: 120_000 })
    expect(step.detail).toMatch(/^yarn install did not finish within 2 min/)
  })
})
