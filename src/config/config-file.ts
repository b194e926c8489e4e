import { existsSync, readFileSync, statSync } from 'node:fs'
import type { Severity } from '../common/severity.js'
import { UsageError } from './errors.js'

export interface ConfigSuppression {
  rule: string
  /** A glob over finding paths (relative to the working directory); all files when absent. */
  path?: string
  reason: string
  expires?: string
}

export interface AllowedAdvisory {
  /** Upper-case GHSA id. */
  ghsa: string
  reason: string
  expires?: string
}

export interface GateConfig {
  /** The file read, relative to the workspace, or undefined when there was none. */
  source?: string
  severity: Map<string, Severity | 'off'>
  suppressions: ConfigSuppression[]
  allow: AllowedAdvisory[]
}

export const EMPTY_CONFIG: GateConfig = { severity: new Map(), suppressions: [], allow: [] }

/** The config file, or EMPTY_CONFIG when there is none and none is required; its parser (config-schema.ts) is loaded only for a file. */
export async function loadConfig(
  file: string,
  required: boolean,
  displayName: string,
  knownRules: ReadonlySet<string>
): Promise<GateConfig> {
  if (!existsSync(file)) {
    if (required) throw new UsageError(`config file ${displayName} does not exist; fix the path or remove the config input`)
    return EMPTY_CONFIG
  }
  // A FIFO or device would block the read forever; a folder cannot be read.
  if (!statSync(file).isFile())
    throw new UsageError(`config file ${displayName} is not a regular file; give a YAML file or remove the config input`)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(
      `config file ${displayName} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); give a readable YAML file or remove the config input`
    )
  }
  return (await import('./config-schema.js')).parseConfig(text, displayName, knownRules)
}

/** An entry with `expires` applies through that day (UTC) and stops applying the day after. */
export function isExpired(expires: string | undefined, today: string): boolean {
  return expires !== undefined && expires < today
}
