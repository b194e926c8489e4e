import { describe, expect, it } from '@jest/globals'
import { COMMENT_LIMIT, commentMarker, renderComment } from '../../src/render/comment.js'
import type { Finding } from '../../src/findings/finding.js'
import { expectInert } from './inert.js'
import { failingReport } from './realistic-reports.js'
import { advisory, finding, HOSTILE, hostileReport, LINKS, makeReport, SHA } from './sample-report.js'

const codePoints = (text: string): number => [...text].length

describe('commentMarker', () => {
  it('is a hidden HTML comment that names the working directory', () => {
    expect(commentMarker('apps/api')).toMatch(/^<!-- [^\n]*apps\/api[^\n]* -->$/)
    expect(commentMarker('.')).toMatch(/^<!-- .* -->$/)
  })

  it('differs per working directory, so two gates in one workflow keep two comments', () => {
    const markers = ['.', 'apps/api', 'apps/web', 'apps/api2'].map(commentMarker)
    expect(new Set(markers).size).toBe(4)
    for (const a of markers) for (const b of markers) if (a !== b) expect(b.startsWith(a)).toBe(false)
  })

  it.each(['apps/x --> <script>', 'a--!>b', 'a-->', '<!--', 'x\n-->\ny', 'a - - > b'])('cannot be closed early by the root %p', (root) => {
    const marker = commentMarker(root)
    const inner = marker.slice('<!--'.length, -'-->'.length)
    expect(marker.startsWith('<!--')).toBe(true)
    expect(marker.endsWith('-->')).toBe(true)
    expect(inner).not.toMatch(/--|[<>\n]/)
  })
})

describe('renderComment', () => {
  it('starts with the marker of its root', () => {
    const report = makeReport({ root: 'apps/api' })
    expect(renderComment(report).startsWith(`${commentMarker('apps/api')}\n`)).toBe(true)
  })

  it('says passed for an all-clear report', () => {
    const body = renderComment(makeReport())
    expect(body).toMatch(/passed/i)
    expect(body).not.toMatch(/failed/i)
  })

  it('says failed for a failing report', () => {
    expect(
      renderComment(makeReport({ passed: false, reasons: ['1 hardening finding at or above high'], findings: [finding('a.js', 1)] }))
    ).toMatch(/failed/i)
  })

  it('keeps hostile repository text inert', () => {
    const body = renderComment(hostileReport(), { links: LINKS })
    expectInert(body)
    expect(body.split('\n')[0]).toMatch(/^<!-- [A-Za-z0-9._/:%-]+ -->$/)
  })

  it('lists the worst advisories first and says how many more the summary has', () => {
    const advisories = Array.from({ length: 14 }, (_, i) =>
      advisory(`GHSA-${String(1000 + i)}-aaaa-bbbb`, `pkg-${i}`, i < 3 ? 'critical' : 'low')
    )
    const body = renderComment(makeReport({ passed: false, reasons: ['x'] }, advisories), { links: LINKS })
    const rows = body.split('\n').filter((l) => /^\| \S+ (critical|low) \| <code>pkg-/.test(l))
    expect(rows).toHaveLength(10)
    expect(rows.slice(0, 3).every((r) => r.includes('critical'))).toBe(true)
    expect(body).toMatch(/and 4 more advisories: see the job summary/)
  })

  it('links findings at the head commit', () => {
    const body = renderComment(makeReport({ findings: [finding('src/app.js', 14)] }), { links: LINKS })
    expect(body).toContain(`https://github.com/acme/shop/blob/${SHA}/src/app.js#L14`)
  })

  it("stays under GitHub's limit with 5,000 findings and 2,000 advisories, and says where the rest is", () => {
    const findings: Finding[] = Array.from({ length: 5000 }, (_, i) =>
      finding(`src/very/long/path/to/module-${i}/${'x'.repeat(60)}.js`, i + 1, { message: HOSTILE[i % HOSTILE.length] as string })
    )
    const advisories = Array.from({ length: 2000 }, (_, i) =>
      advisory(`GHSA-${String(i).padStart(4, '0')}-aaaa-bbbb`, `package-${i}`, i % 2 ? 'high' : 'critical', {
        title: 'T'.repeat(300),
        direct: false,
        via: ['express', 'body-parser']
      })
    )
    const report = makeReport({ passed: false, reasons: ['5000 hardening findings at or above high'], findings }, advisories)

    const body = renderComment(report, { links: LINKS })
    expect(codePoints(body)).toBeLessThan(COMMENT_LIMIT)
    expect(COMMENT_LIMIT).toBe(65_536)
    const shown = body.split('\n').filter((l) => l.startsWith('| 🔴') && l.includes('module-')).length
    expect(shown).toBeGreaterThan(0)
    expect(body).toMatch(new RegExp(`\\b${5000 - shown}\\b[^\\n]*job summary`, 'i'))
    expectInert(body)
  })

  it('counts code points, not UTF-16 units, against the limit', () => {
    const findings = Array.from({ length: 400 }, (_, i) => finding(`src/${'😀'.repeat(150)}${i}.js`, 1, { message: '😀'.repeat(400) }))
    const body = renderComment(makeReport({ passed: false, findings }))
    expect(codePoints(body)).toBeLessThan(COMMENT_LIMIT)
  })

  it('keeps the per-category sections and the example fixes when they fit', () => {
    const body = renderComment(failingReport(), { links: LINKS })
    for (const summary of ['Express (6 gaps)', 'Secrets (2 gaps)', 'Docker (2 gaps)', 'Proxy (1 gap)', 'Project (2 gaps)'])
      expect(body).toContain(`<summary>${summary}</summary>`)
    expect(body).toContain('```dockerfile')
  })

  it('shortens the per-category sections before it leaves out a table row', () => {
    // The table fits; the table and a second listing of every finding do not.
    const findings = Array.from({ length: 100 }, (_, i) =>
      finding(`src/routes/module-${i}.js`, i + 1, { message: `route ${i} ${'is served without security headers '.repeat(8)}` })
    )
    const body = renderComment(makeReport({ passed: false, findings }), { links: LINKS })
    expect(codePoints(body)).toBeLessThan(COMMENT_LIMIT)
    expect(body.split('\n').filter((l) => l.startsWith('| 🔴'))).toHaveLength(100)
    expect(body).toContain('<summary>Express (100 gaps)</summary>')
    expect(body).toMatch(/and 97 more: see the job summary/)
  })

  it.each([60, 96, 99, 101, 140, 400])('never keeps a section per category at the cost of table rows (%i findings)', (n) => {
    const findings = Array.from({ length: n }, (_, i) => finding(`src/routes/module-${i}.js`, i + 1, { message: 'x'.repeat(350) }))
    const body = renderComment(makeReport({ passed: false, findings }), { links: LINKS })
    expect(codePoints(body)).toBeLessThan(COMMENT_LIMIT)
    const rows = body.split('\n').filter((l) => l.startsWith('| 🔴')).length
    if (rows < n) expect(body).not.toContain('<summary>Express')
  })
})
