// The install step for every package manager: `npm ci` (./npm-ci.ts) for npm, and the frozen
// install of pnpm or yarn, which installs exactly the lockfile and fails when it is out of date.
// The manager is the one on PATH (a workflow sets it up with pnpm/action-setup or corepack); the
// gate never falls back to `npm install`, which would ignore the project's lockfile.
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { PackageManager } from '../common/lockfiles.js'
import { readRegularFile } from '../common/regular-file.js'
import { formatDuration, lastLine, npmEnv, type Exec } from './exec.js'
import { npmCiArgs, runNpmCi } from './npm-ci.js'
import type { StepRecord } from './step.js'

export interface InstallOptions {
  cwd: string
  manager: PackageManager
  ignoreScripts: boolean
  timeoutMs: number
  env?: NodeJS.ProcessEnv
}

/** The step's name in the report: the command it runs. */
export function installStepName(manager: PackageManager | undefined): string {
  if (manager?.name === 'pnpm') return 'pnpm install'
  if (manager?.name === 'yarn') return 'yarn install'
  return 'npm ci'
}

/** The frozen install's arguments: scripts off unless ignore-scripts is false. */
export function installArgs(manager: PackageManager, ignoreScripts: boolean): string[] {
  if (manager.name === 'pnpm') {
    // A .pnpmfile.cjs is code of the repository that pnpm loads to rewrite manifests: off with the scripts.
    return ['install', '--frozen-lockfile', ...(ignoreScripts ? ['--ignore-scripts', '--ignore-pnpmfile'] : []), '--reporter=append-only']
  }
  if (manager.name === 'yarn' && manager.yarnFlavor === 'berry') {
    return ['install', '--immutable', ...(ignoreScripts ? ['--mode=skip-build'] : [])]
  }
  if (manager.name === 'yarn') return ['install', '--frozen-lockfile', '--non-interactive', ...(ignoreScripts ? ['--ignore-scripts'] : [])]
  return npmCiArgs(ignoreScripts)
}

/** The workflow step that puts the manager on PATH. */
function setupStep(manager: PackageManager): string {
  if (manager.name === 'pnpm') return 'add `pnpm/action-setup` (or `corepack enable`) before this step'
  if (manager.yarnFlavor === 'berry') return 'add `corepack enable` before this step, so that the Yarn of `packageManager` runs'
  return 'add `corepack enable` (or `npm install --global yarn@1`) before this step'
}

/**
 * Yarn 2+ plugins listed in .yarnrc.yml are files of the repository that Yarn loads and runs on
 * every command: with scripts off they are a way around it, so the install does not run.
 */
export function yarnPlugins(cwd: string): string[] {
  const text = readRegularFile(join(cwd, '.yarnrc.yml'))
  if (text === undefined) return []
  try {
    const config = parseYaml(text) as { plugins?: unknown }
    const plugins = Array.isArray(config?.plugins) ? config.plugins : []
    return plugins.map((p) => (typeof p === 'string' ? p : typeof p?.path === 'string' ? p.path : '?'))
  } catch {
    return []
  }
}

/**
 * The environment of pnpm and yarn: npm's (./exec.ts, whose pinned settings pnpm reads too), a
 * `yarnPath`/`yarn-path` of the repository ignored (it would run a Yarn release committed to the
 * pull request), no telemetry, and build scripts off for Yarn 2+ as well.
 */
export function installEnv(manager: PackageManager, ignoreScripts: boolean, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = npmEnv(base)
  if (manager.name !== 'yarn') return env
  return {
    ...env,
    YARN_IGNORE_PATH: '1',
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: '0',
    ...(ignoreScripts ? { YARN_ENABLE_SCRIPTS: '0' } : {})
  }
}

/** One line that names the fix, from what pnpm or yarn printed. */
export function explainInstallFailure(manager: PackageManager, code: number | null, output: string): string {
  const lockfile = manager.name === 'pnpm' ? 'pnpm-lock.yaml' : 'yarn.lock'
  const outdated =
    /ERR_PNPM_OUTDATED_LOCKFILE|ERR_PNPM_LOCKFILE_CONFIG_MISMATCH|lockfile needs to be updated|would have been modified by this install|YN0028/i
  if (outdated.test(output)) {
    return `${lockfile} is out of date with package.json: run \`${manager.name} install\` and commit the updated ${lockfile}`
  }
  const line = lastLine(output.replace(/\n+$/, '')) || 'no output'
  return `${installStepName(manager)} failed (exit ${code ?? 'killed'}): ${line}`
}

const VERSION_TIMEOUT_MS = 60_000

/**
 * Why the yarn on PATH cannot install this lockfile, or undefined when it can. Yarn 1 given a Yarn
 * 2+ lockfile ignores `--immutable` and `--mode=skip-build`: it rewrites yarn.lock and runs the
 * build scripts. So the major version is asked first (with corepack it is `packageManager`'s).
 */
async function yarnMismatch(exec: Exec, manager: PackageManager, cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const run = await exec('yarn', ['--version'], { cwd, env, timeoutMs: VERSION_TIMEOUT_MS })
  if (run.spawnError) return `yarn is not on PATH: ${setupStep(manager)}`
  const version = run.stdout.trim()
  const major = Number.parseInt(version, 10)
  if (run.code !== 0 || !Number.isInteger(major))
    return `\`yarn --version\` failed (exit ${run.code ?? 'killed'}): ${lastLine(run.stderr) || 'no output'}`
  const onPath = major >= 2 ? 'berry' : 'classic'
  if (manager.yarnFlavor === undefined || onPath === manager.yarnFlavor) return undefined
  const wanted = manager.yarnFlavor === 'berry' ? 'Yarn 2 or later' : 'Yarn 1'
  return `the yarn on PATH is ${version}, but yarn.lock was written by ${wanted}: ${setupStep(manager)}`
}

export async function runInstall(exec: Exec, options: InstallOptions): Promise<StepRecord> {
  const { manager } = options
  if (manager.name === 'npm') return runNpmCi(exec, options)
  const name = installStepName(manager)
  if (manager.yarnFlavor === 'berry' && options.ignoreScripts) {
    const plugins = yarnPlugins(options.cwd)
    if (plugins.length > 0) {
      return {
        name,
        status: 'error',
        ms: 0,
        detail: `not run: .yarnrc.yml loads Yarn plugins from the repository (${plugins.join(', ')}), which would run the pull request's code; with ignore-scripts: false the gate runs them`
      }
    }
  }
  const env = installEnv(manager, options.ignoreScripts, options.env)
  if (manager.name === 'yarn') {
    const mismatch = await yarnMismatch(exec, manager, options.cwd, env)
    if (mismatch !== undefined) return { name, status: 'error', ms: 0, detail: mismatch }
  }
  const args = installArgs(manager, options.ignoreScripts)
  const execOptions = { cwd: options.cwd, env, timeoutMs: options.timeoutMs }
  // The program is one of two names, never one read from the repository.
  const result = manager.name === 'pnpm' ? await exec('pnpm', args, execOptions) : await exec('yarn', args, execOptions)
  const base = { name, ms: result.ms }
  if (result.spawnError) return { ...base, status: 'error', detail: `${manager.name} is not on PATH: ${setupStep(manager)}` }
  if (result.timedOut) {
    return {
      ...base,
      status: 'error',
      detail: `${name} did not finish within ${formatDuration(options.timeoutMs)} and was stopped: check that the registry is reachable from the runner`
    }
  }
  if (result.code !== 0)
    return { ...base, status: 'error', detail: explainInstallFailure(manager, result.code, `${result.stdout}\n${result.stderr}`) }
  return { ...base, status: 'ok' }
}
