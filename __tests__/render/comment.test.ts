import { describe, expect, it } from '@jest/globals'
import { COMMENT_LIMIT, commentMarker, renderComment, sameComment } from '../../src/render/comment.js'
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

describe('sameComment', () => {
  const OTHER = { ...LINKS, sha: 'fedcba9876543210fedcba9876543210fedcba98' }
  const report = makeReport({ passed: false, reasons: ['x'], findings: [finding('src/app.js', 14)] })

  it('ignores the durations, the commit our links point at and the per-attempt artifact name', () => {
    const slow = {
      ...report,
      steps: [
        { name: 'npm ci', status: 'ok' as const, ms: 61_234 },
        { name: 'npm audit', status: 'ok' as const, ms: 5 }
      ]
    }
    expect(
      sameComment(
        renderComment(report, { links: LINKS, sbomArtifact: 'sbom-gate' }),
        renderComment(slow, { links: OTHER, sbomArtifact: 'sbom-gate-attempt2' })
      )
    ).toBe(true)
    expect(sameComment(renderComment(report).replace(/\n/g, '\r\n'), renderComment(report))).toBe(true)
  })

  it('sees every change of what the comment says', () => {
    const base = renderComment(report, { links: LINKS })
    const variants = [
      makeReport({ passed: false, reasons: ['x'], findings: [finding('src/app.js', 15)] }),
      makeReport({ passed: false, reasons: ['x'], findings: [finding('src/app.js', 14, { message: 'no helmet at all' })] }),
      makeReport({ passed: false, reasons: ['y'], findings: [finding('src/app.js', 14)] }),
      makeReport({
        passed: false,
        reasons: ['x'],
        findings: [finding('src/app.js', 14)],
        steps: [{ name: 'npm ci', status: 'error', ms: 1200 }]
      }),
      makeReport({
        passed: false,
        reasons: ['x'],
        findings: [finding('src/app.js', 14)],
        tool: { name: 'express-hardening-gate', version: '0.2.0' }
      })
    ]
    for (const variant of variants) expect(sameComment(base, renderComment(variant, { links: LINKS }))).toBe(false)
    expect(sameComment(base, renderComment(report, { links: { ...LINKS, repo: 'other' } }))).toBe(false)
    expect(sameComment(renderComment(report, { links: LINKS }), renderComment(report, { links: LINKS, sbomArtifact: 'sbom' }))).toBe(false)
  })

  it('never takes repository text that looks like a duration, a commit or an artifact for one', () => {
    const quoting = (text: string) =>
      renderComment(makeReport({ passed: false, reasons: ['x'], findings: [finding(`src/${text}.js`, 1, { message: text })] }), {
        links: LINKS
      })
    const pairs = [
      ['took 1.5 s', 'took 9.5 s'],
      ['<sub>npm ci 1.2 s</sub>', '<sub>npm ci 7.2 s</sub>'],
      [`](https://github.com/acme/shop/blob/${'a'.repeat(40)}/x)`, `](https://github.com/acme/shop/blob/${'b'.repeat(40)}/x)`],
      [' · artifact <code>a</code>', ' · artifact <code>b</code>']
    ]
    for (const [a, b] of pairs) expect(sameComment(quoting(a as string), quoting(b as string))).toBe(false)
  })
})
