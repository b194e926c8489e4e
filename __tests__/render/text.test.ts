import { describe, expect, it } from '@jest/globals'
import { renderJson, renderText } from '../../src/render/text.js'
import { auditError } from '../../src/tools/audit-report.js'
import { advisory, finding, makeReport } from './sample-report.js'

// C0 and C1 control characters: ANSI escapes, carriage returns, bells, the 8-bit CSI.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const NASTY = 'a\u001b[2J\u001b]0;pwned\u0007b\rc\bd\u009b31m\u0000e\nPASSED: hardening gate'

describe('renderText', () => {
  const report = makeReport(
    {
      passed: false,
      reasons: [`1 hardening finding at or above high ${NASTY}`],
      warnings: [NASTY],
      findings: [
        finding(`src/${NASTY}.js`, 3, { message: NASTY }),
        finding('src/ok.js', 1, { suppressed: true, suppression: { source: 'inline', reason: 'r' } })
      ],
      notes: [{ file: NASTY, message: NASTY }]
    },
    [
      advisory('GHSA-1', `pkg${NASTY}`, 'high', {
        title: NASTY,
        url: `https://github.com/advisories/GHSA-1${NASTY}`,
        direct: false,
        via: [`via${NASTY}`]
      })
    ]
  )

  it('prints no control character from repository text and adds no line of its own', () => {
    const text = renderText(report)
    const lines = text.split('\n')
    for (const line of lines) expect(line).not.toMatch(CONTROL)
    expect(lines.filter((l) => l.startsWith('PASSED'))).toEqual([])
    expect(lines[0]).toMatch(/^FAILED/)
  })

  it('lists open findings as file:line with rule and severity, and counts the suppressed', () => {
    const text = renderText(makeReport({ findings: [finding('src/app.js', 14), finding('src/b.js', 1, { suppressed: true })] }))
    expect(text).toMatch(/^ {2}src\/app\.js:14 +high +helmet-missing/m)
    expect(text).not.toMatch(/src\/b\.js/)
    expect(text).toMatch(/Hardening findings: 1\b.*\b1 suppressed/)
  })

  it('lists findings worst first, then by file and line', () => {
    const text = renderText(
      makeReport({
        findings: [
          finding('b.js', 2, { severity: 'low', rule: 'x-powered-by' }),
          finding('a.js', 9, { severity: 'moderate', rule: 'rate-limit-missing' }),
          finding('b.js', 1, { severity: 'critical', rule: 'session-secret-hardcoded' }),
          finding('a.js', 3, { severity: 'low', rule: 'body-limit-missing' }),
          finding('a.js', 20, { severity: 'critical', rule: 'hardcoded-secret' }),
          finding('package.json', null, { severity: 'high', rule: 'lockfile-missing' })
        ]
      })
    )
    const order = text
      .split('\n')
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim().split(/\s+/, 2).join(' '))
    expect(order).toEqual(['a.js:20 critical', 'b.js:1 critical', 'package.json high', 'a.js:9 moderate', 'a.js:3 low', 'b.js:2 low'])
  })

  it("puts each finding's rule docs page on an indented line under it, and none for an unknown rule", () => {
    const text = renderText(makeReport({ findings: [finding('src/app.js', 14, { message: 'no helmet: add helmet()' })] }))
    const lines = text.split('\n')
    const at = lines.findIndex((l) => l.startsWith('  src/app.js:14'))
    expect(lines[at]).toMatch(/no helmet: add helmet\(\)$/)
    expect(lines[at + 1]).toMatch(/^ {6}https:\/\/github\.com\/\S+\/blob\/main\/docs\/rules\/helmet-missing\.md$/)
    const unknown = renderText(makeReport({ findings: [finding('src/app.js', 14, { rule: 'no-such-rule' })] })).split('\n')
    const row = unknown.findIndex((l) => l.startsWith('  src/app.js:14'))
    expect(unknown[row + 1]).not.toMatch(/https:/)
  })

  it('shows an audit error as an error, not as zero counts', () => {
    const text = renderText(makeReport({ audit: auditError('ENOLOCK: no lockfile') }))
    expect(text).toContain('ENOLOCK: no lockfile')
    expect(text).not.toMatch(/0 critical/)
  })
})

describe('renderJson', () => {
  it('is the report itself', () => {
    const report = makeReport({ findings: [finding('a.js', 1)] })
    expect(JSON.parse(renderJson(report))).toEqual(report)
  })
})

describe('renderText with a baseline', () => {
  const baseline = {
    source: 'file' as const,
    ref: 'hardening-baseline.json',
    status: 'ok' as const,
    advisoriesFixed: [{ id: 'GHSA-x', package: 'qs' }]
  }

  it('says in one line how many findings and advisories are new, pre-existing and fixed, and marks each finding', () => {
    const report = makeReport(
      {
        findings: [finding('a.js', 1, { new: true }), finding('b.js', 2, { new: false }), finding('c.js', 3, { new: false })],
        baseline: { ...baseline, fixed: [{ rule: 'helmet-missing', file: 'd.js', fingerprint: 'f' }] }
      },
      [advisory('GHSA-1', 'lodash', 'high', { new: true })]
    )
    const text = renderText(report)
    expect(text).toContain(
      'Baseline (baseline file hardening-baseline.json): 1 new, 2 pre-existing; fixed 1; advisories 1 new, 0 pre-existing, fixed 1'
    )
    expect(text).toMatch(/a\.js:1 {2}new {2}/)
    expect(text).toMatch(/b\.js:2 {2}pre-existing {2}/)
  })

  it('says when the baseline could not be used, and nothing when there was none', () => {
    const error = renderText(makeReport({ baseline: { ...baseline, fixed: [], status: 'error' as const, error: 'x' } }))
    expect(error).toContain('Baseline: baseline file hardening-baseline.json could not be used, so every finding counts')
    expect(
      renderText(makeReport({ baseline: { source: 'none', ref: '', status: 'skipped', fixed: [], advisoriesFixed: [] } }))
    ).not.toContain('Baseline')
  })
})
