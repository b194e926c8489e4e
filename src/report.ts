import type { Note } from './discovery/find-files.js'
import type { Finding } from './findings/finding.js'
import type { ExpiredSuppression } from './findings/policy.js'
import type { Threshold } from './common/severity.js'
import type { AuditResult } from './tools/audit-report.js'
import type { StepRecord } from './tools/step.js'

export interface SbomSection {
  status: 'ok' | 'error' | 'skipped'
  error?: string
  /** Relative to the working directory. */
  path?: string
  components?: number
  specVersion?: string
}

/** The JSON report, version 1 (SPEC "JSON report"); extra fields are additive. */
export interface Report {
  version: 1
  tool: { name: string; version: string }
  /** The working directory, relative to the workspace. */
  root: string
  passed: boolean
  /** Why the gate failed; empty when it passed. */
  reasons: string[]
  /** Problems that did not fail the gate (an audit error under on-audit-error: warn, expired entries). */
  warnings: string[]
  thresholds: { audit: Threshold; findings: Threshold }
  findings: Finding[]
  audit: AuditResult
  sbom: SbomSection
  steps: StepRecord[]
  /** Files skipped or not parsed, and config entries that no longer apply. */
  notes: Note[]
  /** Config suppressions and audit allowlist entries past their date, so no longer applied (additive). */
  expiredSuppressions?: ExpiredSuppression[]
}
