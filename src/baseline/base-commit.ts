import type { Threshold } from '../common/severity.js'
import type { GateConfig } from '../config/config-file.js'
import type { Exec } from '../tools/exec.js'
import type { BaselineLoad } from './types.js'

export interface BaseCommitOptions {
  /** The working directory being scanned. */
  root: string
  /** The base commit (sha or ref) to compare with. */
  ref: string
  /** The head's config, so suppressions and overrides apply to both sides alike. */
  config: GateConfig
  exec: Exec
  audit: boolean
  auditLevel: Threshold
  omitDev: boolean
  today: string
}

/** Stub: the base-commit scan is built separately; until then a base commit is never available. */
export async function loadBaseCommit(options: BaseCommitOptions): Promise<BaselineLoad> {
  return { status: 'error', source: 'base-commit', ref: options.ref, error: 'base-commit baselines are not available yet' }
}
