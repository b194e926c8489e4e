import { describe, expect, it } from '@jest/globals'
import { applyBaseline, compareWithBaseline, NO_BASELINE } from '../../src/baseline/compare.js'
import type { BaselineData } from '../../src/baseline/types.js'
import type { Finding } from '../../src/findings/finding.js'
import { auditError, withCounts, type Advisory, type AuditResult } from '../../src/tools/audit-report.js'

function finding(rule: string, file: string, fingerprint: string, extra: Partial<Finding> = {}): Finding {
  return { rule, severity: 'high', file, line: 1, column: 1, message: 'm', fingerprint, suppressed: false, ...extra }
}

function advisory(id: string, pkg: string, extra: Partial<Advisory> = {}): Advisory {
  return { id, package: pkg, severity: 'high', title: 't', url: '', range: '', fixAvailable: true, direct: true, via: [], ...extra }
}

const auditOk = (advisories: Advisory[]): AuditResult =>
  withCounts({ status: 'ok', counts: { low: 0, moderate: 0, high: 0, critical: 0 }, advisories })

const BASE: BaselineData = {
  findings: [
    { rule: 'helmet-missing', file: 'src/app.js', fingerprint: 'aaa' },
    { rule: 'cors-permissive', file: 'src/app.js', fingerprint: 'bbb' },
    { rule: 'cors-permissive', file: 'src/app.js', fingerprint: 'bbb' }
  ],
  advisories: [
    { id: 'GHSA-1', package: 'lodash' },
    { id: 'GHSA-2', package: 'qs' }
  ]
}

describe('compareWithBaseline', () => {
  it('marks findings new unless rule, file and fingerprint all match; lists the fixed ones once, sorted', () => {
    const head = [
      finding('helmet-missing', 'src/app.js', 'aaa'),
      finding('helmet-missing', 'src/app.js', 'zzz'),
      finding('helmet-missing', 'src/other.js', 'aaa'),
      finding('x-powered-by', 'src/app.js', 'aaa')
    ]
    const result = compareWithBaseline(head, auditOk([]), BASE)
    expect(result.findings.map((f) => f.new)).toEqual([false, true, true, true])
    expect(result.fixed).toEqual([{ rule: 'cors-permissive', file: 'src/app.js', fingerprint: 'bbb' }])
  })

  it('pairs a finding whose line was edited with the one unmatched entry of its rule in its file', () => {
    const base: BaselineData = {
      findings: [
        { rule: 'session-memory-store', file: 'src/app.js', fingerprint: 'before-edit' },
        { rule: 'session-secret-hardcoded', file: 'src/app.js', fingerprint: 'secret' }
      ],
      advisories: []
    }
    const result = compareWithBaseline([finding('session-memory-store', 'src/app.js', 'after-edit')], auditOk([]), base)
    expect(result.findings.map((f) => f.new)).toEqual([false])
    expect(result.fixed).toEqual([{ rule: 'session-secret-hardcoded', file: 'src/app.js', fingerprint: 'secret' }])
  })

  it('keeps a gap added beside another of its kind new when two are left unmatched', () => {
    const base: BaselineData = { findings: [{ rule: 'cors-permissive', file: 'src/app.js', fingerprint: 'old' }], advisories: [] }
    const head = [finding('cors-permissive', 'src/app.js', 'edited'), finding('cors-permissive', 'src/app.js', 'added')]
    expect(compareWithBaseline(head, auditOk([]), base).findings.map((f) => f.new)).toEqual([true, true])
  })

  it('counts a suppressed finding as still there (not fixed), and marks it too', () => {
    const head = [finding('helmet-missing', 'src/app.js', 'aaa'), finding('cors-permissive', 'src/app.js', 'bbb', { suppressed: true })]
    const result = compareWithBaseline(head, auditOk([]), BASE)
    expect(result.fixed).toEqual([])
    expect(result.findings.map((f) => f.new)).toEqual([false, false])
  })

  it('matches advisories by id and package', () => {
    const head = [advisory('GHSA-1', 'lodash'), advisory('GHSA-1', 'lodash-es'), advisory('GHSA-3', 'qs')]
    const result = compareWithBaseline([], auditOk(head), BASE)
    expect(result.advisories.map((a) => a.new)).toEqual([false, true, true])
    expect(result.advisoriesFixed).toEqual([{ id: 'GHSA-2', package: 'qs' }])
  })

  it('credits no advisory as fixed when the audit did not run', () => {
    expect(compareWithBaseline([], auditError('registry down'), BASE).advisoriesFixed).toEqual([])
  })

  it('marks everything new against an empty baseline', () => {
    const result = compareWithBaseline([finding('helmet-missing', 'a.js', 'aaa')], auditOk([advisory('GHSA-1', 'lodash')]), {
      findings: [],
      advisories: []
    })
    expect(result.findings[0]?.new).toBe(true)
    expect(result.advisories[0]?.new).toBe(true)
  })
})

describe('applyBaseline', () => {
  const head = [finding('helmet-missing', 'src/app.js', 'aaa')]

  it('leaves findings unmarked without a baseline, and says so in the section', () => {
    const result = applyBaseline(head, auditOk([]), NO_BASELINE)
    expect(result.findings[0]?.new).toBeUndefined()
    expect(result.section).toEqual({ source: 'none', ref: '', status: 'skipped', fixed: [], advisoriesFixed: [] })
  })

  it('leaves findings unmarked when the baseline could not be had, and keeps the error', () => {
    const result = applyBaseline(head, auditOk([]), { status: 'error', source: 'file', ref: 'b.json', error: 'it does not exist' })
    expect(result.findings[0]?.new).toBeUndefined()
    expect(result.section).toMatchObject({ source: 'file', ref: 'b.json', status: 'error', error: 'it does not exist' })
  })

  it('marks findings and advisories and fills the section when the baseline was had', () => {
    const result = applyBaseline(head, auditOk([advisory('GHSA-9', 'minimist')]), {
      status: 'ok',
      source: 'base-commit',
      ref: 'abc',
      data: BASE
    })
    expect(result.findings[0]?.new).toBe(false)
    expect(result.audit.advisories[0]?.new).toBe(true)
    expect(result.section).toMatchObject({ source: 'base-commit', ref: 'abc', status: 'ok' })
    expect(result.section.fixed).toHaveLength(1)
    expect(result.section.advisoriesFixed).toHaveLength(2)
  })
})
