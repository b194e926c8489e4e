import { describe, expect, it } from '@jest/globals'
import { renderComment } from '../../src/render/comment.js'
import { renderMarkdown } from '../../src/render/markdown.js'
import { expectInert } from './inert.js'
import { compared, newOldFixedReport, nothingNewReport, type Baseline } from './baseline-reports.js'
import { advisory, finding, HOSTILE, LINKS, makeReport } from './sample-report.js'

const lines = (markdown: string): string[] => markdown.split('\n')

describe('the comment and the summary without a baseline', () => {
  it('read as before: the gate passed or failed, every gap in one table', () => {
    const report = makeReport({ passed: false, reasons: ['1 hardening finding at or above high'], findings: [finding('src/app.js', 3)] })
    const markdown = renderMarkdown(report)
    expect(lines(markdown)[0]).toBe('## ❌ Hardening gate failed')
    expect(markdown).toContain('### Hardening gaps (1)')
    expect(markdown).not.toMatch(/new hardening gap|already on|Compared with/)
    expect(lines(renderMarkdown(makeReport()))[0]).toBe('## ✅ Hardening gate passed')
  })
})

describe('the comment and the summary with a baseline (status ok)', () => {
  it('lead with the new gaps, the blocking ones marked, then credit the fixed ones, then collapse the old ones with their count', () => {
    const markdown = renderMarkdown(newOldFixedReport(), { links: LINKS })
    expect(lines(markdown)[0]).toBe('## ❌ 2 new hardening gaps')
    expect(markdown).toContain(
      'Compared with the base commit <code>a1b2c3d</code>: 2 new gaps (1 blocking), 2 fixed, 14 already there; 1 new advisory, 1 fixed, 1 already there.'
    )
    const at = (text: string): number => {
      const i = markdown.indexOf(text)
      expect({ text, found: i >= 0 }).toEqual({ text, found: true })
      return i
    }
    const order = [
      '### New in this pull request (3)',
      '| 🔴 high · **blocking** |',
      '| 🟡 low |',
      '**1 new dependency advisory:**',
      '### Fixed in this pull request (3)',
      '<details><summary>14 gaps already on the base commit <code>a1b2c3d</code>, not blocking</summary>',
      '<details><summary>Express (16 gaps, 2 new)</summary>',
      '### Dependencies (npm audit)',
      '<details><summary>1 advisory already on the base commit <code>a1b2c3d</code>, not blocking</summary>'
    ].map(at)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    const newTable = markdown.slice(at('### New in this pull request'), at('### Fixed'))
    expect(newTable).toContain('src/routes/login.js:12')
    expect(newTable).not.toContain('module-')
    // The moderate advisory is new but below audit-level: shown, not blocking.
    expect(newTable).toMatch(/^\| 🟠 moderate \| <code>qs<\/code> via <code>express<\/code>/m)
    const fixed = markdown.slice(at('### Fixed'), at('<details><summary>14 gaps'))
    expect(fixed).toMatch(/^- ✅ \[<code>session-secret-hardcoded<\/code>\]\([^)]+\) in <code>src\/session\.js<\/code>$/m)
    expect(fixed).toContain(
      '- ✅ advisory [<code>GHSA-35jh-r3h4-6jhm</code>](https://github.com/advisories/GHSA-35jh-r3h4-6jhm) in <code>lodash</code>'
    )
    const old = markdown.slice(at('<details><summary>14 gaps'), at('<details><summary>Express'))
    expect(old.split('\n').filter((l) => l.includes('module-'))).toHaveLength(14)
    expect(old).not.toContain('blocking** |')
    // Suppressed ones stay apart, neither new nor old.
    expect(markdown).toContain('<details><summary>Suppressed (1)</summary>')
    expect(markdown).toContain('(fails at **high** and above when new)')
    expectInert(markdown)
  })

  it('says "no new hardening gaps", never "no gaps", when only old ones remain', () => {
    const markdown = renderMarkdown(nothingNewReport(), { links: LINKS })
    expect(lines(markdown)[0]).toBe('## ✅ No new hardening gaps')
    expect(markdown).toContain(
      'This pull request adds no hardening gap at or above **high** and no dependency advisory at or above **high**.'
    )
    expect(markdown).not.toContain('### New in this pull request')
    expect(markdown).toContain('<details><summary>Express (2 gaps, 0 new)</summary>')
    expect(markdown).toContain('<details><summary>3 gaps already on the base commit <code>a1b2c3d</code>, not blocking</summary>')
    expect(markdown).toContain('### Fixed in this pull request (1)')
    expect(markdown).not.toMatch(/No hardening finding|None found|Hardening gate passed/)
    expectInert(markdown)
  })

  it('names the baseline file when the comparison is with one', () => {
    const report = {
      ...nothingNewReport(),
      baseline: { source: 'file' as const, ref: '.github/hardening-baseline.json', status: 'ok' as const, fixed: [], advisoriesFixed: [] }
    }
    const markdown = renderMarkdown(report)
    expect(markdown).toContain(
      'Compared with the baseline file <code>.github/hardening-baseline.json</code>: 0 new gaps, 0 fixed, 3 already there'
    )
    expect(markdown).toContain(
      '<summary>3 gaps already in the baseline file <code>.github/hardening-baseline.json</code>, not blocking</summary>'
    )
    expect(markdown).not.toContain('### Fixed')
  })

  it('counts new gaps below fail-on as not blocking, and names new advisories in a failing headline', () => {
    const lowOnly = compared({ passed: true, findings: [finding('src/app.js', 1, { severity: 'low', rule: 'x-powered-by', new: true })] })
    expect(lines(renderMarkdown(lowOnly))[0]).toBe('## ✅ 1 new hardening gap, none blocking')
    expect(renderMarkdown(lowOnly)).not.toContain('**blocking**')
    const advisoryOnly = compared({ passed: false, reasons: ['1 new advisory at or above high'] }, {}, [
      advisory('GHSA-hrpp-h998-j3pp', 'qs', 'high', { new: true })
    ])
    const markdown = renderMarkdown(advisoryOnly)
    expect(lines(markdown)[0]).toBe('## ❌ 1 new dependency advisory')
    expect(markdown).toMatch(/^\| 🔴 high · \*\*blocking\*\* \| <code>qs<\/code>/m)
    const other = compared({
      passed: false,
      reasons: ['npm ci failed: lockfile out of sync'],
      findings: [finding('a.js', 1, { new: false })]
    })
    expect(lines(renderMarkdown(other))[0]).toBe('## ❌ Hardening gate failed')
  })

  it('keeps hostile text of the baseline section inert', () => {
    const report = compared(
      {
        passed: false,
        reasons: [HOSTILE[0] as string],
        findings: HOSTILE.map((message, i) =>
          finding(`src/${(HOSTILE[i] as string).slice(0, 60)}.js`, i + 1, { message, new: i % 2 === 0 })
        )
      },
      {
        ref: HOSTILE[0] as string,
        fixed: HOSTILE.map((file) => ({ rule: file, file, fingerprint: 'x' })),
        advisoriesFixed: [
          { id: HOSTILE[4] as string, package: HOSTILE[5] as string },
          { id: 'GHSA-x)[a](https://evil.example)', package: 'p' }
        ]
      }
    )
    expectInert(renderMarkdown(report, { links: LINKS }))
    expectInert(renderComment(report, { links: LINKS }))
    const file = { ...report, baseline: { ...(report.baseline as Baseline), source: 'file' as const } }
    expectInert(renderMarkdown(file, { links: LINKS }))
  })

  it('fits the comment under the limit with thousands of old gaps and fixed ones', () => {
    const findings = Array.from({ length: 4000 }, (_, i) =>
      finding(`src/${'x'.repeat(80)}/m${i}.js`, i + 1, { new: i < 30, message: 'y'.repeat(200) })
    )
    const fixed = Array.from({ length: 3000 }, (_, i) => ({
      rule: 'helmet-missing',
      file: `src/${'z'.repeat(80)}/f${i}.js`,
      fingerprint: `${i}`
    }))
    const body = renderComment(compared({ passed: false, reasons: ['30 new'], findings }, { fixed }), { links: LINKS })
    expect([...body].length).toBeLessThan(65_536)
    expect(body).toContain('## ❌ 30 new hardening gaps')
    expect(body).toMatch(/more (gaps|fixed): see the job summary/)
    expectInert(body)
  })
})

describe('the comment and the summary when the baseline could not be had (status error)', () => {
  const report = makeReport({
    passed: false,
    reasons: ['1 hardening finding at or above high'],
    warnings: ['baseline: the base commit 1234567 is not in the checkout and could not be fetched; set fetch-depth: 0'],
    findings: [finding('src/app.js', 3, { new: true }), finding('src/b.js', 4, { new: false })],
    baseline: {
      source: 'base-commit',
      ref: '1234567',
      status: 'error',
      error: 'the base commit 1234567 is not in the checkout and could not be fetched',
      fixed: [],
      advisoriesFixed: []
    }
  })

  it('keeps the old headline and says visibly that nothing was compared, once', () => {
    const markdown = renderMarkdown(report)
    expect(lines(markdown)[0]).toBe('## ❌ Hardening gate failed')
    expect(markdown).toContain(
      '> **Compared with nothing:** the base commit 1234567 is not in the checkout and could not be fetched; every finding counts.'
    )
    expect(markdown.match(/could not be fetched/g)).toHaveLength(1)
    expect(markdown).toContain('### Hardening gaps (2')
    expect(markdown).not.toMatch(/already on|not blocking|No new hardening gaps/)
  })

  it('keeps a warning about something else', () => {
    const other = { ...report, warnings: ['npm audit failed: ENOTFOUND'] }
    expect(renderMarkdown(other)).toContain('npm audit failed: ENOTFOUND')
  })
})
