import { describe, expect, it } from '@jest/globals'
import { renderMarkdown } from '../../src/render/markdown.js'
import { RULE_DOCS } from '../../src/rules/docs.generated.js'
import { auditError, auditSkipped } from '../../src/tools/audit-report.js'
import { expectInert } from './inert.js'
import { failingReport } from './realistic-reports.js'
import { advisory, finding, hostileReport, linkDestinations, LINKS, makeReport, SHA } from './sample-report.js'

describe('renderMarkdown', () => {
  it('keeps every piece of hostile repository text inert', () => {
    expectInert(renderMarkdown(hostileReport(), { links: LINKS, sbomArtifact: 'sbom @x <y>' }))
    expectInert(renderMarkdown(hostileReport()))
  })

  it('lists each open finding once, most severe first, and suppressed ones apart', () => {
    const report = makeReport({
      passed: false,
      findings: [
        finding('src/a.js', 1, { severity: 'low', rule: 'x-powered-by' }),
        finding('src/b.js', 2, { severity: 'critical' }),
        finding('src/c.js', 3, { suppressed: true, suppression: { source: 'config', reason: 'legacy', expires: '2026-12-31' } })
      ]
    })
    const markdown = renderMarkdown(report)
    const rows = markdown.split('\n').filter((l) => /^\| (🟣|🔴|🟠|🟡)/.test(l))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('src/b.js:2')
    expect(rows[1]).toContain('src/a.js:1')
    const details = markdown.slice(markdown.indexOf('<details>'))
    expect(details).toContain('src/c.js:3')
    expect(details).toContain('legacy')
    expect(details).toContain('2026-12-31')
  })

  it('links findings to the lines at the head commit, under the working directory', () => {
    const report = makeReport({ root: 'apps/api', findings: [finding('src/app.js', 14), finding('Dockerfile', null)] })
    const destinations = linkDestinations(renderMarkdown(report, { links: LINKS }))
    expect(destinations).toContain(`https://github.com/acme/shop/blob/${SHA}/apps/api/src/app.js#L14`)
    expect(destinations).toContain(`https://github.com/acme/shop/blob/${SHA}/apps/api/Dockerfile`)
    expect(destinations.filter((d) => d.includes('/blob/') && !d.includes('/docs/rules/')).every((d) => d.includes(SHA))).toBe(true)
  })

  it('links a file whose name has parentheses, spaces or # to that very file', () => {
    const files = ['src/a(b)c).js', 'src/my file.js', 'src/#1.js', 'src/100%.js']
    const destinations = linkDestinations(
      renderMarkdown(makeReport({ findings: files.map((f) => finding(f, 1)) }), { links: LINKS })
    ).filter((d) => d.startsWith(`https://github.com/acme/shop/blob/${SHA}/`))
    const linked = destinations.map((d) => decodeURIComponent(new URL(d).pathname.replace(`/acme/shop/blob/${SHA}/`, '')))
    expect([...new Set(linked)].sort()).toEqual([...files].sort())
  })

  it('links rule ids to their docs only for rules it knows', () => {
    const markdown = renderMarkdown(makeReport({ findings: [finding('a.js', 1), finding('b.js', 1, { rule: 'not-a-rule' })] }))
    expect([...new Set(linkDestinations(markdown).filter((d) => d.includes('/docs/rules/')))]).toEqual([
      expect.stringMatching(/\/docs\/rules\/helmet-missing\.md$/)
    ])
  })

  it('shows the advisories with counts, the direct dependency that brings them in, and the fix', () => {
    const markdown = renderMarkdown(
      makeReport({}, [
        advisory('GHSA-HRPP-H998-J3PP', 'qs', 'high', { direct: false, via: ['express'], fix: 'express@4.22.3' }),
        advisory('GHSA-35JH-R3H4-6JHM', 'lodash', 'high', { fixAvailable: false })
      ])
    )
    const qs = markdown.split('\n').find((l) => l.includes('<code>qs</code>'))
    expect(qs).toContain('<code>express</code>')
    expect(qs).toContain('express&#64;4.22.3')
    expect(qs).toContain('(https://github.com/advisories/GHSA-HRPP-H998-J3PP)')
    expect(markdown).toMatch(/\b2\b[^\n]*advisories/)
  })

  it('never presents a failed audit as a count of zero', () => {
    const markdown = renderMarkdown(makeReport({ audit: auditError('ENOLOCK: This command requires an existing lockfile.') }))
    expect(markdown).toContain('ENOLOCK')
    expect(markdown).not.toMatch(/\b0 advisories\b/)
    expect(markdown).not.toMatch(/0 critical/)
    expect(renderMarkdown(makeReport({ audit: auditSkipped('audit is off') }))).not.toMatch(/0 critical/)
  })

  it('leaves rows out beyond maxRows and says how many', () => {
    const findings = Array.from({ length: 30 }, (_, i) => finding(`src/f${i}.js`, i + 1))
    const markdown = renderMarkdown(makeReport({ passed: false, findings }), { maxRows: 10, fullListHint: 'see the job summary' })
    expect(markdown.split('\n').filter((l) => l.startsWith('| 🔴'))).toHaveLength(10)
    expect(markdown).toMatch(/\b20\b[^\n]*see the job summary/)
  })

  it('says why the gate failed, and repeats warnings', () => {
    const markdown = renderMarkdown(
      makeReport({ passed: false, reasons: ['npm ci failed: out of sync'], warnings: ['suppression expired'] })
    )
    expect(markdown).toMatch(/failed/i)
    expect(markdown).toContain('npm ci failed: out of sync')
    expect(markdown).toContain('suppression expired')
  })

  it('passes without claiming the dependencies are clean when npm audit failed or was off', () => {
    const failed = renderMarkdown(makeReport({ audit: auditError('ENOLOCK') }))
    expect(failed.split('\n').slice(0, 3).join('\n')).toMatch(/not checked/)
    expect(failed).not.toMatch(/no dependency advisory/)
    expect(renderMarkdown(makeReport({ audit: auditSkipped('audit is off') }))).not.toMatch(/no dependency advisory/)
  })
})

describe('renderMarkdown: findings new in the pull request', () => {
  const marked = makeReport({
    passed: false,
    findings: [
      finding('src/app.js', 10, { new: true }),
      finding('src/app.js', 20, { new: false }),
      finding('Dockerfile', null, { rule: 'docker-root-user', new: false }),
      finding('src/new.js', 3, { new: true, suppressed: true, suppression: { source: 'inline', reason: 'ok' } })
    ]
  })

  it('marks them before the location in the table and the category sections, and counts them in the heading', () => {
    const markdown = renderMarkdown(marked, { links: LINKS })
    expect(markdown).toContain('### Hardening gaps (3, 1 new in this pull request)')
    const rows = markdown.split('\n').filter((l) => l.startsWith('| 🔴'))
    expect(rows).toHaveLength(3)
    expect(rows.find((r) => r.includes('src/app.js:10'))).toMatch(/\| 🆕 new \[src\/app\.js:10\]\(/)
    expect(rows.filter((r) => r.includes('🆕'))).toHaveLength(1)
    const sections = markdown.slice(markdown.indexOf('<details>'))
    expect(sections).toMatch(/^- 🆕 new \[src\/app\.js:10\]\(/m)
    expect(sections).toMatch(/^- \[src\/app\.js:20\]\(/m)
    // the suppressed one is not counted or marked; the verdict is as before
    expect(markdown.match(/🆕/g)).toHaveLength(2)
    expect(markdown.split('\n')[0]).toBe('## ❌ Hardening gate failed')
  })

  it('counts none new when the changes are known but nothing is new', () => {
    const old = makeReport({ findings: [finding('src/app.js', 20, { new: false })] })
    const markdown = renderMarkdown(old)
    expect(markdown).toContain('### Hardening gaps (1, 0 new in this pull request)')
    expect(markdown).not.toContain('🆕')
  })

  it('shows no marker and no count when nothing is known (a push, an API failure)', () => {
    const unknown = makeReport({ findings: marked.findings.map(({ new: _, ...f }) => f) })
    const markdown = renderMarkdown(unknown)
    expect(markdown).toContain('### Hardening gaps (3)')
    expect(markdown).not.toMatch(/🆕|new in this pull request/)
  })
})

describe('renderMarkdown: a section per category', () => {
  const sections = (markdown: string): Map<string, string> =>
    new Map(
      [...markdown.matchAll(/<details><summary>([^<]*)<\/summary>([\s\S]*?)<\/details>/g)].map((m) => [m[1] as string, m[2] as string])
    )

  it('follows the gaps table, one per category with open findings, in a fixed order, counting its gaps', () => {
    const markdown = renderMarkdown(failingReport())
    expect([...sections(markdown).keys()]).toEqual([
      'Express (6 gaps)',
      'Secrets (2 gaps)',
      'Docker (2 gaps)',
      'Proxy (1 gap)',
      'Project (2 gaps)',
      'Suppressed (2) · 2 expired'
    ])
    expect(markdown.indexOf('<details>')).toBeGreaterThan(markdown.lastIndexOf('| 🟡 low |'))
  })

  it('gives each rule its description, its findings linked at the head commit, the fix and the example from its docs', () => {
    const report = makeReport({ passed: false, findings: [finding('src/app.js', 4), finding('src/admin.js', 2)] })
    const express = sections(renderMarkdown(report, { links: LINKS })).get('Express (2 gaps)') ?? ''
    expect(express).toContain('An Express app with no helmet')
    expect(express).toContain(`(https://github.com/acme/shop/blob/${SHA}/src/app.js#L4): no helmet`)
    expect(express).toContain(`(https://github.com/acme/shop/blob/${SHA}/src/admin.js#L2): no helmet`)
    expect(express).toContain('**Fix:**')
    expect(express).toContain(`\`\`\`js\n${RULE_DOCS['helmet-missing']?.example?.code}\n\`\`\``)
  })

  it('leaves out suppressed findings and rules it does not know', () => {
    const report = makeReport({
      findings: [
        finding('a.js', 1, { suppressed: true, suppression: { source: 'inline', reason: 'r' } }),
        finding('b.js', 1, { rule: 'not-a-rule' })
      ]
    })
    expect([...sections(renderMarkdown(report)).keys()]).toEqual(['Suppressed (1)'])
  })

  it('lists at most a few findings per rule when brief, and none of the sections when told', () => {
    const findings = Array.from({ length: 8 }, (_, i) => finding(`src/f${i}.js`, i + 1))
    const brief =
      sections(renderMarkdown(makeReport({ findings }), { details: 'brief', fullListHint: 'see the job summary' })).get(
        'Express (8 gaps)'
      ) ?? ''
    expect(brief.split('\n').filter((l) => l.startsWith('- src/'))).toHaveLength(3)
    expect(brief).toMatch(/and 5 more: see the job summary/)
    expect(brief).toContain('```js')
    expect(renderMarkdown(makeReport({ findings }), { details: 'none' })).not.toContain('<details>')
  })

  it('lists expired suppressions and allowlist entries under the suppressed section, as now reported', () => {
    const details = sections(renderMarkdown(failingReport())).get('Suppressed (2) · 2 expired') ?? ''
    expect(details).toMatch(
      /<code>helmet-missing<\/code> for <code>src\/&#42;&#42;<\/code> in <code>\.github\/hardening\.yml<\/code>: expired on 2026-05-31: now reported/
    )
    expect(details).toMatch(/advisory <code>GHSA-WF5P-G6VW-RHXX<\/code>[^\n]*expired on 2026-04-30: now reported/)
    const onlyExpired = renderMarkdown(
      makeReport({ expiredSuppressions: [{ source: 'hardening.yml', rule: 'x-powered-by', expires: '2026-01-01' }] })
    )
    expect(sections(onlyExpired).get('Suppressed (0) · 1 expired')).toMatch(/expired on 2026-01-01: now reported/)
  })
})
