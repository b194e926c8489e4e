import { formatDuration, MAX_OUTPUT, npmEnv, type Exec } from './exec.js'
import { auditError, parseAuditOutput, type AuditResult } from './audit-report.js'
import type { StepRecord } from './step.js'

export interface NpmAuditOptions {
  cwd: string
  omitDev: boolean
  /** Read the dependency tree from the lockfile alone (`--package-lock-only`): for a tree that was never installed. */
  packageLockOnly?: boolean
  timeoutMs: number
  env?: NodeJS.ProcessEnv
}

export function npmAuditArgs(omitDev: boolean, packageLockOnly = false): string[] {
  return ['audit', '--json', ...(packageLockOnly ? ['--package-lock-only'] : []), ...(omitDev ? ['--omit=dev'] : [])]
}

/** Runs the real `npm audit --json`; npm exits 1 when it finds vulnerabilities, so the JSON decides. */
export async function runNpmAudit(exec: Exec, options: NpmAuditOptions): Promise<{ step: StepRecord; result: AuditResult }> {
  const run = await exec('npm', npmAuditArgs(options.omitDev, options.packageLockOnly), {
    cwd: options.cwd,
    env: npmEnv(options.env),
    timeoutMs: options.timeoutMs
  })
  let result: AuditResult
  if (run.spawnError) {
    result = auditError(`npm could not be started: ${run.spawnError}`)
  } else if (run.timedOut) {
    result = auditError(
      `npm audit did not finish within ${formatDuration(options.timeoutMs)} and was stopped: the registry's audit endpoint did not answer in time; check that it is reachable from the runner and rerun the job`
    )
  } else if (run.truncated) {
    result = auditError(`npm audit printed more than ${MAX_OUTPUT / 1024 / 1024} MiB, so its report was cut off and is not read`)
  } else {
    result = parseAuditOutput(run.stdout, run.code, run.stderr)
  }
  const step: StepRecord = { name: 'npm audit', status: result.status, ms: run.ms, ...(result.error ? { detail: result.error } : {}) }
  return { step, result }
}
