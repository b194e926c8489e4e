import { THRESHOLDS, type Threshold } from '../common/severity.js'
import { UsageError } from './errors.js'

export type CommentMode = 'always' | 'on-failure' | 'never'
export type RunMode = 'scan' | 'comment'
export type OnAuditError = 'fail' | 'warn'

/**
 * What the gate compares against, resolved: nothing, a baseline file (absolute `path`; `ref` as the
 * report shows it), a commit of the scanned repository, or a baseline asked for that cannot be had.
 */
export type BaselineChoice =
  | { kind: 'none' }
  | { kind: 'file'; path: string; ref: string }
  | { kind: 'base-commit'; ref: string }
  | { kind: 'unavailable'; source: 'base-commit' | 'file'; ref: string; error: string }

/** Everything the pipeline needs, already validated. Paths are absolute. */
export interface GateOptions {
  /** The repository root (GITHUB_WORKSPACE for the action, the current directory for the CLI). */
  workspace: string
  workingDirectory: string
  install: boolean
  ignoreScripts: boolean
  audit: boolean
  auditLevel: Threshold
  omitDev: boolean
  onAuditError: OnAuditError
  failOn: Threshold
  sbom: boolean
  sbomFile: string
  /** Empty when SARIF output is off. */
  sarifFile: string
  /** Empty when no JSON report file is written. */
  reportFile: string
  /** The config file to read; `configRequired` says whether its absence is an error. */
  configFile: string
  configRequired: boolean
  /** The scan date (YYYY-MM-DD, UTC) for expiry dates and end-of-life tables. */
  today: string
  /** What the gate compares against; absent means nothing (every finding counts). */
  baseline?: BaselineChoice
}

/**
 * A git commit or ref as the gate passes it to git: never an option (`-x`), no whitespace or
 * control characters, only what ref names and revision syntax use.
 */
export function parseGitRef(name: string, value: string): string {
  const v = value.trim()
  if (/^[A-Za-z0-9._/@^~{}+-]+$/.test(v) && !v.startsWith('-')) return v
  throw new UsageError(
    `${name} must be a baseline file or a git commit or ref (letters, digits and ._/@^~{}+-, not starting with -); got '${value}'`
  )
}

export function parseChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  const v = value.trim()
  if ((choices as readonly string[]).includes(v)) return v as T
  throw new UsageError(`${name} must be one of ${choices.join(', ')}; got '${value}'`)
}

export function parseThreshold(name: string, value: string): Threshold {
  return parseChoice(name, value.toLowerCase(), THRESHOLDS)
}

/** YAML 1.2 core booleans, as GitHub Actions' getBooleanInput accepts them. */
export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim()
  if (['true', 'True', 'TRUE'].includes(v)) return true
  if (['false', 'False', 'FALSE'].includes(v)) return false
  throw new UsageError(`${name} must be true or false; got '${value}'`)
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}
