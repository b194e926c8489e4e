import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/findings/finding.js'
import { decideGate, type GateInput } from '../../src/findings/gate.js'
import type { Severity } from '../../src/common/severity.js'
import { auditError, auditSkipped, withCounts, type Advisory, type AuditResult } from '../../src/tools/audit-report.js'
import type { StepRecord } from '../../src/tools/step.js'

function finding(severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    rule: 'helmet-missing',
    severity,
    file: 'src/app.js',
    line: 1,
    column: 1,
    message: 'm',
    fingerprint: 'f',
    suppressed: false,
    ...extra
  }
}

function advisory(id: string, severity: Severity, extra: Partial<Advisory> = {}): Advisory {
  return { id, package: 'pkg', severity, title: 't', url: '', range: '', fixAvailable: true, direct: true, via: [], ...extra }
}

const auditOk = (advisories: Advisory[] = []): AuditResult =>
  withCounts({ status: 'ok', counts: { low: 0, moderate: 0, high: 0, critical: 0 }, advisories })
const ok = (name: string): StepRecord => ({ name, status: 'ok', ms: 1 })

function decide(input: Partial<GateInput>) {
  return decideGate({
    findings: [],
    audit: auditOk(),
    steps: [ok('npm ci'), ok('npm audit'), ok('sbom'), ok('scan')],
    auditLevel: 'high',
    failOn: 'high',
    onAuditError: 'fail',
    ...input
  })
}

describe('decideGate', () => {
  it('passes when nothing is wrong', () => {
    expect(decide({})).toEqual({ passed: true, reasons: [], warnings: [] })
  })

  describe('hardening findings', () => {
    it('fails on a finding at or above fail-on, not below', () => {
      expect(decide({ findings: [finding('high')] }).passed).toBe(false)
      expect(decide({ findings: [finding('critical')] }).passed).toBe(false)
      expect(decide({ findings: [finding('moderate'), finding('low')] }).passed).toBe(true)
      expect(decide({ findings: [finding('low')], failOn: 'low' }).passed).toBe(false)
    })

    it('never fails on findings with fail-on none', () => {
      expect(decide({ findings: [finding('critical')], failOn: 'none' }).passed).toBe(true)
    })

    it('does not fail on suppressed findings', () => {
      expect(decide({ findings: [finding('critical', { suppressed: true, suppression: { source: 'inline', reason: 'r' } })] }).passed).toBe(
        true
      )
    })

    it('gives one reason that counts the failing findings', () => {
      const { reasons } = decide({ findings: [finding('high'), finding('critical'), finding('low')] })
      expect(reasons).toHaveLength(1)
      expect(reasons[0]).toMatch(/\b2\b/)
    })
  })

  describe('npm audit', () => {
    it('fails on an advisory at or above audit-level, not below', () => {
      expect(decide({ audit: auditOk([advisory('GHSA-1', 'high')]) }).passed).toBe(false)
      expect(decide({ audit: auditOk([advisory('GHSA-1', 'moderate')]) }).passed).toBe(true)
      expect(decide({ audit: auditOk([advisory('GHSA-1', 'moderate')]), auditLevel: 'moderate' }).passed).toBe(false)
    })

    it('counts an advisory shared by several packages once', () => {
      const { reasons } = decide({
        audit: auditOk([advisory('GHSA-1', 'high', { package: 'a' }), advisory('GHSA-1', 'high', { package: 'b' })])
      })
      expect(reasons).toHaveLength(1)
      expect(reasons[0]).toMatch(/\b1\b/)
    })

    it('does not fail on allowed advisories', () => {
      expect(decide({ audit: auditOk([advisory('GHSA-1', 'critical', { allowed: { reason: 'r' } })]) }).passed).toBe(true)
    })

    it('never fails on advisories with audit-level none', () => {
      expect(decide({ audit: auditOk([advisory('GHSA-1', 'critical')]), auditLevel: 'none' }).passed).toBe(true)
    })

    it('fails when npm audit could not produce a report, by default', () => {
      const error = auditError('ENOLOCK: This command requires an existing lockfile.')
      const decision = decide({ audit: error, steps: [ok('npm ci'), { name: 'npm audit', status: 'error', ms: 1, detail: error.error }] })
      expect(decision.passed).toBe(false)
      expect(decision.reasons).toHaveLength(1)
      expect(decision.reasons[0]).toContain('ENOLOCK')
    })

    it('only warns about an audit error with on-audit-error: warn, never calling it clean', () => {
      const decision = decide({ audit: auditError('500 Internal Server Error'), onAuditError: 'warn' })
      expect(decision.passed).toBe(true)
      expect(decision.reasons).toEqual([])
      expect(decision.warnings).toHaveLength(1)
      expect(decision.warnings[0]).toContain('500 Internal Server Error')
    })

    it('only warns about an audit error with audit-level none, even with on-audit-error: fail', () => {
      const decision = decide({ audit: auditError('500'), auditLevel: 'none', onAuditError: 'fail' })
      expect(decision.passed).toBe(true)
      expect(decision.warnings).toHaveLength(1)
    })

    it('passes silently when the audit was skipped', () => {
      expect(decide({ audit: auditSkipped('audit is off') })).toEqual({ passed: true, reasons: [], warnings: [] })
    })
  })

  describe('steps', () => {
    it.each(['npm ci', 'sbom', 'scan'])('fails when %s failed, with its detail', (name) => {
      const decision = decide({ steps: [{ name, status: 'error', ms: 1, detail: 'package-lock.json is out of sync' }] })
      expect(decision.passed).toBe(false)
      expect(decision.reasons.join(' ')).toContain('package-lock.json is out of sync')
    })

    it('does not fail on skipped steps', () => {
      expect(decide({ steps: [{ name: 'npm ci', status: 'skipped', ms: 0, detail: 'install is false' }] }).passed).toBe(true)
    })

    it('does not count a failed npm audit step twice, nor at all under on-audit-error: warn', () => {
      const audit = auditError('boom')
      const steps: StepRecord[] = [{ name: 'npm audit', status: 'error', ms: 1, detail: 'boom' }]
      expect(decide({ audit, steps }).reasons).toHaveLength(1)
      expect(decide({ audit, steps, onAuditError: 'warn' }).passed).toBe(true)
    })

    it('lists every reason when several things fail', () => {
      const decision = decide({
        findings: [finding('high')],
        audit: auditOk([advisory('GHSA-1', 'critical')]),
        steps: [{ name: 'npm ci', status: 'error', ms: 1, detail: 'x' }]
      })
      expect(decision.passed).toBe(false)
      expect(decision.reasons).toHaveLength(3)
    })
  })
})

describe('decideGate with a baseline', () => {
  const ok = { source: 'file', ref: 'b.json', status: 'ok' } as const

  it('fails only on new findings and new advisories', () => {
    const old = decide({
      baseline: ok,
      findings: [finding('high', { new: false })],
      audit: auditOk([advisory('GHSA-1', 'high', { new: false })])
    })
    expect(old).toEqual({ passed: true, reasons: [], warnings: [] })
    const fresh = decide({ baseline: ok, findings: [finding('high', { new: true }), finding('critical', { new: false })] })
    expect(fresh.reasons).toEqual(['1 new hardening finding at or above high'])
    const advisories = decide({ baseline: ok, audit: auditOk([advisory('GHSA-2', 'critical', { new: true })]) })
    expect(advisories.reasons).toEqual(['1 new dependency advisory at or above high'])
  })

  it('counts a finding not marked either way as new: a comparison that did not happen passes nothing', () => {
    expect(decide({ baseline: ok, findings: [finding('high')] }).passed).toBe(false)
  })

  it('judges everything, with one warning saying why and what to do, when the baseline could not be had', () => {
    const error = { source: 'base-commit', ref: 'b'.repeat(40), status: 'error', error: 'the base commit is not in the checkout' } as const
    const decision = decide({ baseline: error, findings: [finding('high', { new: false })] })
    expect(decision.passed).toBe(false)
    expect(decision.reasons).toEqual(['1 hardening finding at or above high'])
    expect(decision.warnings).toHaveLength(1)
    expect(decision.warnings[0]).toMatch(
      /the base commit bbbbbbbbbbbb could not be scanned \(the base commit is not in the checkout\), so every finding counts: .*fetch-depth: 0.*contents: read/
    )
    const file = decide({ baseline: { source: 'file', ref: 'b.json', status: 'error', error: 'it does not exist' } })
    expect(file.warnings).toEqual([
      expect.stringMatching(
        /^baseline file b\.json could not be used \(it does not exist\), so every finding counts: .*--write-baseline b\.json/
      )
    ])
  })

  it('judges everything, with no warning, when there is no baseline', () => {
    const decision = decide({ baseline: { source: 'none', ref: '', status: 'skipped' }, findings: [finding('high', { new: false })] })
    expect(decision.passed).toBe(false)
    expect(decision.warnings).toEqual([])
  })
})
