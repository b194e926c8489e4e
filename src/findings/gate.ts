import type { OnAuditError } from '../config/options.js'
import type { AuditResult } from '../tools/audit-report.js'
import type { StepRecord } from '../tools/step.js'
import type { Finding } from './finding.js'
import { meetsThreshold, type Threshold } from '../common/severity.js'

export interface GateInput {
  findings: Finding[]
  audit: AuditResult
  steps: StepRecord[]
  auditLevel: Threshold
  failOn: Threshold
  onAuditError: OnAuditError
}

export interface GateDecision {
  passed: boolean
  reasons: string[]
  warnings: string[]
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** The pass/fail decision: pure, so every rule of it is tested without running anything. */
export function decideGate(input: GateInput): GateDecision {
  const reasons: string[] = []
  const warnings: string[] = []
  const failing = input.findings.filter((f) => !f.suppressed && meetsThreshold(f.severity, input.failOn))
  if (failing.length > 0) reasons.push(`${plural(failing.length, 'hardening finding')} at or above ${input.failOn}`)
  if (input.audit.status === 'ok') {
    const ids = new Set(input.audit.advisories.filter((a) => !a.allowed && meetsThreshold(a.severity, input.auditLevel)).map((a) => a.id))
    if (ids.size > 0) reasons.push(`${ids.size} dependency ${ids.size === 1 ? 'advisory' : 'advisories'} at or above ${input.auditLevel}`)
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
