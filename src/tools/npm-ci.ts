import { formatDuration, lastLine, npmEnv, type Exec } from './exec.js'
import type { StepRecord } from './step.js'

export interface NpmCiOptions {
  cwd: string
  ignoreScripts: boolean
  timeoutMs: number
  env?: NodeJS.ProcessEnv
}

/** npm's own audit and funding output are off: the gate audits separately, with its own threshold. */
export function npmCiArgs(ignoreScripts: boolean): string[] {
  return ['ci', ...(ignoreScripts ? ['--ignore-scripts'] : []), '--no-audit', '--no-fund', '--no-progress']
}

/** One line that names the fix, from what `npm ci` printed. */
export function explainNpmCiFailure(code: number | null, stderr: string): string {
  if (/can only install packages when your package\.json and package-lock\.json|are in sync/i.test(stderr)) {
    // npm lists a changed version as "Invalid" first, then as "Missing" the old version that is in fact there.
    const invalid = stderr.match(/Invalid: lock file's (\S+) does not satisfy (\S+)/)
    const missing = stderr.match(/Missing: (\S+) from lock file/)?.[1]
    const what = invalid
      ? ` (package.json asks for ${invalid[2]}, the lockfile has ${invalid[1]})`
      : missing
        ? ` (${missing} is missing from the lockfile)`
        : ''
    return `package-lock.json is out of sync with package.json${what}: run \`npm install\` and commit the updated package-lock.json`
  }
  if (/can only install with an existing package-lock\.json/i.test(stderr)) {
    return 'no package-lock.json or npm-shrinkwrap.json: run `npm install` and commit package-lock.json'
  }
  if (/EBADENGINE|EBADPLATFORM|notsup/i.test(stderr)) {
    return `npm ci rejected the platform or engine: ${lastLine(stderr)}`
  }
  return `npm ci failed (exit ${code ?? 'killed'}): ${lastLine(stderr) || 'no output'}`
}

export async function runNpmCi(exec: Exec, options: NpmCiOptions): Promise<StepRecord> {
  const result = await exec('npm', npmCiArgs(options.ignoreScripts), {
    cwd: options.cwd,
    env: npmEnv(options.env),
    timeoutMs: options.timeoutMs
  })
  const base = { name: 'npm ci', ms: result.ms }
  if (result.spawnError)
    return { ...base, status: 'error', detail: `npm could not be started: ${result.spawnError}; is Node.js set up on this runner?` }
  if (result.timedOut) {
    const scripts = options.ignoreScripts ? '' : ', and that no install script hangs or waits for input (ignore-scripts: true skips them)'
    return {
      ...base,
      status: 'error',
      detail: `npm ci did not finish within ${formatDuration(options.timeoutMs)} and was stopped: check that the registry is reachable from the runner${scripts}`
    }
  }
  if (result.code !== 0) return { ...base, status: 'error', detail: explainNpmCiFailure(result.code, result.stderr) }
  return { ...base, status: 'ok' }
}
