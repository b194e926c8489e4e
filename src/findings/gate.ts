import type { OnAuditError } from '../config/options.js'
import type { AuditResult } from '../tools/audit-report.js'
import type { StepRecord } from '../tools/step.js'
import type { Finding } from './finding.js'
import type { BaselineSection } from '../report.js'
import { meetsThreshold, type Threshold } from '../common/severity.js'

export interface GateInput {
  findings: Finding[]
  audit: AuditResult
  steps: StepRecord[]
  auditLevel: Threshold
  failOn: Threshold
  onAuditError: OnAuditError
  /** What the head was compared with; absent or not `ok`, every finding and advisory counts. */
  baseline?: Pick<BaselineSection, 'source' | 'ref' | 'status' | 'error'>
}

export interface GateDecision {
  passed: boolean
  reasons: string[]
  warnings: string[]
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Why the baseline could not be had, and what to do: one warning, after which every finding counts. */
export function baselineWarning(baseline: NonNullable<GateInput['baseline']>): string {
  const why = baseline.error ?? 'unknown error'
  if (baseline.source === 'file') {
    return `baseline file ${baseline.ref} could not be used (${why}), so every finding counts: fix the baseline path (relative to working-directory), write the file with \`express-hardening-gate --write-baseline ${baseline.ref}\`, or set baseline: none`
  }
  return `the base commit ${baseline.ref.slice(0, 12) || '(unknown)'} could not be scanned (${why}), so every finding counts: check out with actions/checkout's fetch-depth: 0 (or give the job contents: read so the gate can fetch the base commit), or set baseline: none`
}

/**
 * The pass/fail decision: pure, so every rule of it is tested without running anything. With a
 * baseline only what it lacks fails the gate; anything not marked pre-existing (`new: false`) counts,
 * so a comparison that did not happen can never pass what it did not see.
 */
export function decideGate(input: GateInput): GateDecision {
  const reasons: string[] = []
  const warnings: string[] = []
  const compared = input.baseline?.status === 'ok'
  const counts = (item: { new?: boolean }): boolean => !compared || item.new !== false
  const kind = compared ? 'new ' : ''
  if (input.baseline?.status === 'error') warnings.push(baselineWarning(input.baseline))
  const failing = input.findings.filter((f) => !f.suppressed && meetsThreshold(f.severity, input.failOn) && counts(f))
  if (failing.length > 0) reasons.push(`${plural(failing.length, `${kind}hardening finding`)} at or above ${input.failOn}`)
  if (input.audit.status === 'ok') {
    const ids = new Set(
      input.audit.advisories.filter((a) => !a.allowed && meetsThreshold(a.severity, input.auditLevel) && counts(a)).map((a) => a.id)
    )
    if (ids.size > 0)
      reasons.push(`${ids.size} ${kind}dependency ${ids.size === 1 ? 'advisory' : 'advisories'} at or above ${input.auditLevel}`)
  } else if (input.audit.status === 'error') {
    const message = `npm audit could not produce a report: ${input.audit.error ?? 'unknown error'}`
    if (input.auditLevel === 'none') warnings.push(`${message} (audit-level: none, so the gate does not fail on it)`)
    else if (input.onAuditError === 'fail') reasons.push(message)
    else warnings.push(`${message} (on-audit-error: warn, so the gate does not fail on it)`)
  }
  for (const step of input.steps) {
    if (step.status === 'error' && step.name !== 'npm audit') reasons.push(`${step.name} failed: ${step.detail ?? 'unknown error'}`)
  }
  return { passed: reasons.length === 0, reasons, warnings }
}
