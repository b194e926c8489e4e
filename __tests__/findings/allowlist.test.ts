import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { applyAllowlist } from '../../src/findings/allowlist.js'
import { auditError, parseAuditOutput } from '../../src/tools/audit-report.js'

const audit = parseAuditOutput(readFileSync(new URL('../fixtures/npm-audit/vulnerable.json', import.meta.url), 'utf8'), 1)
const TODAY = '2026-06-15'

describe('applyAllowlist', () => {
  it('marks an allowed advisory, keeps it listed and stops counting it', () => {
    const { result, notes } = applyAllowlist(
      audit,
      [{ ghsa: 'GHSA-HRPP-H998-J3PP', reason: 'qs is not parsing user input', expires: '2026-12-31' }],
      TODAY
    )
    const qs = result.advisories.find((a) => a.id === 'GHSA-HRPP-H998-J3PP')
    expect(qs?.allowed).toEqual({ reason: 'qs is not parsing user input', expires: '2026-12-31' })
    expect(result.advisories).toHaveLength(audit.advisories.length)
    expect(result.advisories.filter((a) => a.allowed)).toHaveLength(1)
    expect(result.counts).toEqual({ ...audit.counts, high: audit.counts.high - 1 })
    expect(notes).toEqual([])
  })

  it('does not touch the input result', () => {
    applyAllowlist(audit, [{ ghsa: 'GHSA-HRPP-H998-J3PP', reason: 'r' }], TODAY)
    expect(audit.advisories.some((a) => a.allowed)).toBe(false)
    expect(audit.counts.high).toBe(6)
  })

  it('applies through its expiry day, then stops and says so', () => {
    const entry = { ghsa: 'GHSA-35JH-R3H4-6JHM', reason: 'r', expires: TODAY }
    expect(applyAllowlist(audit, [entry], TODAY).result.counts.high).toBe(5)
    const { result, notes } = applyAllowlist(audit, [entry], '2026-06-16', '.github/hardening.yml')
    expect(result.counts).toEqual(audit.counts)
    expect(result.advisories.some((a) => a.allowed)).toBe(false)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ file: '.github/hardening.yml' })
    expect(notes[0]?.message).toContain('GHSA-35JH-R3H4-6JHM')
  })

  it('ignores entries that match no advisory', () => {
    const { result } = applyAllowlist(audit, [{ ghsa: 'GHSA-XXXX-XXXX-XXXX', reason: 'r' }], TODAY)
    expect(result.counts).toEqual(audit.counts)
  })

  it('leaves an audit error an error, and still reports expired entries', () => {
    const failed = auditError('npm audit failed')
    const { result, notes } = applyAllowlist(failed, [{ ghsa: 'GHSA-35JH-R3H4-6JHM', reason: 'r', expires: '2020-01-01' }], TODAY)
    expect(result).toEqual(failed)
    expect(notes).toHaveLength(1)
  })
})
