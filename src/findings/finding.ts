import type { Severity } from '../common/severity.js'

/** Why a finding does not count against the gate. */
export interface Suppression {
  source: 'config' | 'inline'
  reason: string
  expires?: string
}

/** A hardening gap as data; wording for people lives in the renderers. */
export interface Finding {
  rule: string
  severity: Severity
  /** Relative to the working directory, with `/` separators. */
  file: string
  /** 1-based, or null for a project-wide absence. */
  line: number | null
  column: number | null
  message: string
  /** Stable across unrelated line shifts: rule, file and the flagged code, not the line number. */
  fingerprint: string
  suppressed: boolean
  suppression?: Suppression
  /** With a baseline (status ok): whether the baseline lacks it (matched by rule, file and fingerprint); absent without one. */
  new?: boolean
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  const la = a.line ?? 0
  const lb = b.line ?? 0
  if (la !== lb) return la - lb
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1
  return (a.column ?? 0) - (b.column ?? 0)
}
