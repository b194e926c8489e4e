export interface BaselineEntry {
  rule: string
  file: string
  fingerprint: string
}

export interface BaselineAdvisory {
  id: string
  package: string
}

export interface BaselineData {
  findings: BaselineEntry[]
  advisories: BaselineAdvisory[]
}

export type BaselineLoad =
  | { status: 'ok'; source: 'base-commit' | 'file'; ref: string; data: BaselineData }
  | { status: 'error'; source: 'base-commit' | 'file'; ref: string; error: string }
