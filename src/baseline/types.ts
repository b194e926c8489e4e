/** A finding of the baseline: matched with the head's by rule, file and fingerprint. */
export interface BaselineEntry {
  rule: string
  file: string
  fingerprint: string
}

/** An audit advisory of the baseline: matched with the head's by id and package. */
export interface BaselineAdvisory {
  id: string
  package: string
}

export interface BaselineData {
  findings: BaselineEntry[]
  advisories: BaselineAdvisory[]
}

/** What the gate compares against, or why it could not be had (then every finding counts). */
export type BaselineLoad =
  | { status: 'ok'; source: 'base-commit' | 'file'; ref: string; data: BaselineData }
  | { status: 'error'; source: 'base-commit' | 'file'; ref: string; error: string }
