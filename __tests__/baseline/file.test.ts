import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { baselineOf, loadBaselineFile, parseBaselineFile, renderBaselineFile } from '../../src/baseline/file.js'
import type { Finding } from '../../src/findings/finding.js'
import { withCounts, type Advisory } from '../../src/tools/audit-report.js'

function finding(rule: string, file: string, fingerprint: string, extra: Partial<Finding> = {}): Finding {
  return { rule, severity: 'high', file, line: 3, column: 1, message: 'm', fingerprint, suppressed: false, ...extra }
}

function advisory(id: string, pkg: string, extra: Partial<Advisory> = {}): Advisory {
  return { id, package: pkg, severity: 'high', title: 't', url: '', range: '', fixAvailable: true, direct: true, via: [], ...extra }
}

const FINDINGS = [
  finding('x-powered-by', 'src/b.js', '22'),
  finding('helmet-missing', 'src/a.js', '11'),
  finding('cors-permissive', 'src/a.js', '33', { suppressed: true }),
  finding('helmet-missing', 'src/a.js', '11')
]
const AUDIT = withCounts({
  status: 'ok',
  counts: { low: 0, moderate: 0, high: 0, critical: 0 },
  advisories: [advisory('GHSA-b', 'qs'), advisory('GHSA-a', 'lodash'), advisory('GHSA-c', 'minimist', { allowed: { reason: 'r' } })]
})

describe('baselineOf / renderBaselineFile', () => {
  it('keeps open findings and advisories not allowlisted, each once, sorted by file, rule and fingerprint / package and id', () => {
    expect(baselineOf(FINDINGS, AUDIT)).toEqual({
      findings: [
        { rule: 'helmet-missing', file: 'src/a.js', fingerprint: '11' },
        { rule: 'x-powered-by', file: 'src/b.js', fingerprint: '22' }
      ],
      advisories: [
        { id: 'GHSA-a', package: 'lodash' },
        { id: 'GHSA-b', package: 'qs' }
      ]
    })
  })

  it('writes the same bytes whatever order the findings come in, one entry per line, no line numbers or dates', () => {
    const a = renderBaselineFile(baselineOf(FINDINGS, AUDIT))
    const b = renderBaselineFile(baselineOf([...FINDINGS].reverse(), { ...AUDIT, advisories: [...AUDIT.advisories].reverse() }))
    expect(b).toBe(a)
    expect(a).toContain('\n    {"rule":"helmet-missing","file":"src/a.js","fingerprint":"11"},\n')
    expect(a).not.toMatch(/"line"|\d{4}-\d{2}-\d{2}/)
    expect(a.endsWith('}\n')).toBe(true)
  })

  it('reads back what it writes', () => {
    const data = baselineOf(FINDINGS, AUDIT)
    expect(parseBaselineFile(renderBaselineFile(data))).toEqual({ ok: true, data })
    expect(parseBaselineFile(renderBaselineFile({ findings: [], advisories: [] }))).toEqual({
      ok: true,
      data: { findings: [], advisories: [] }
    })
  })
})

describe('parseBaselineFile', () => {
  it.each([
    ['not json', /not JSON/],
    ['{"version": 2, "findings": [], "advisories": []}', /not a version 1 baseline file \(version/],
    ['{"version": 1, "findings": [{"rule": "x"}], "advisories": []}', /findings\.0\.file/],
    ['[]', /top level/]
  ])('says why %j is no baseline, without quoting it', (text, message) => {
    const parsed = parseBaselineFile(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatch(message)
  })
})

describe('loadBaselineFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ehg-baseline-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is status ok with the data for a good file', () => {
    const file = join(dir, 'good.json')
    writeFileSync(file, renderBaselineFile(baselineOf(FINDINGS, AUDIT)))
    const load = loadBaselineFile(file, 'good.json')
    expect(load).toMatchObject({ status: 'ok', source: 'file', ref: 'good.json' })
  })

  it.each([
    ['missing.json', /does not exist/],
    ['folder', /not a regular file/],
    ['link.json', /symbolic link/],
    ['bad.json', /not JSON/],
    ['big.json', /over the 100-byte limit/]
  ])('is status error for %s', (name, message) => {
    mkdirSync(join(dir, 'folder'), { recursive: true })
    writeFileSync(join(dir, 'bad.json'), '{')
    writeFileSync(join(dir, 'big.json'), ' '.repeat(200))
    try {
      symlinkSync(join(dir, 'bad.json'), join(dir, 'link.json'))
    } catch {
      // made by an earlier case
    }
    const load = loadBaselineFile(join(dir, name), name, 100)
    expect(load.status).toBe('error')
    if (load.status === 'error') expect(load.error).toMatch(message)
  })
})
