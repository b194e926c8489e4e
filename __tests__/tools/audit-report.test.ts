import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseAuditOutput, withCounts, type Advisory, type AuditResult } from '../../src/tools/audit-report.js'

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/npm-audit/${name}`, import.meta.url), 'utf8')
const recorded = JSON.parse(fixture('recorded.json')) as { exitCodes: Record<string, number> }
const exitOf = (name: string): number => recorded.exitCodes[name] ?? -1

const find = (result: AuditResult, pkg: string, id: string): Advisory | undefined =>
  result.advisories.find((a) => a.package === pkg && a.id === id)

function expectError(result: AuditResult): void {
  expect(result.status).toBe('error')
  expect(result.error).toBeTruthy()
  expect(result.error).not.toContain('\n')
  expect(result.advisories).toEqual([])
  expect(result.counts).toEqual({ low: 0, moderate: 0, high: 0, critical: 0 })
}

describe('parseAuditOutput on real npm output', () => {
  const vulnerable = parseAuditOutput(fixture('vulnerable.json'), exitOf('vulnerable.json'))

  it('reads a vulnerable tree as ok even though npm exits 1', () => {
    expect(exitOf('vulnerable.json')).toBe(1)
    expect(vulnerable.status).toBe('ok')
  })

  it('lists every distinct advisory once, with its package and severity', () => {
    expect(vulnerable.advisories.map((a) => [a.package, a.id, a.severity])).toEqual([
      ['body-parser', 'GHSA-QWCR-R2FM-QRC7', 'high'],
      ['lodash', 'GHSA-35JH-R3H4-6JHM', 'high'],
      ['lodash', 'GHSA-P6MC-M468-83GW', 'high'],
      ['path-to-regexp', 'GHSA-9WV6-86V2-598J', 'high'],
      ['path-to-regexp', 'GHSA-RHX6-C78J-4Q9W', 'high'],
      ['qs', 'GHSA-HRPP-H998-J3PP', 'high'],
      ['express', 'GHSA-RV95-896H-C2VC', 'moderate'],
      ['lodash', 'GHSA-29MW-WPGM-HMR9', 'moderate'],
      ['lodash', 'GHSA-XXJR-MMJV-4GPG', 'moderate'],
      ['cookie', 'GHSA-PXG6-PF52-XH8X', 'low'],
      ['express', 'GHSA-QW6H-VGH9-J6WX', 'low'],
      ['on-headers', 'GHSA-76C9-3JPH-RJ3Q', 'low'],
      ['send', 'GHSA-M6FV-JMCG-4JFG', 'low'],
      ['serve-static', 'GHSA-CM22-4G7W-348P', 'low']
    ])
  })

  it("counts distinct advisories by severity, not npm's vulnerable packages", () => {
    const npmCounts = (JSON.parse(fixture('vulnerable.json')) as { metadata: { vulnerabilities: Record<string, number> } }).metadata
      .vulnerabilities
    expect(npmCounts.high).toBe(5)
    expect(vulnerable.counts).toEqual({ low: 5, moderate: 3, high: 6, critical: 0 })
  })

  it('marks direct dependencies and names the direct dependencies that bring a transitive one in', () => {
    const lodash = find(vulnerable, 'lodash', 'GHSA-35JH-R3H4-6JHM')
    expect(lodash).toMatchObject({ direct: true, via: [] })
    expect(find(vulnerable, 'express', 'GHSA-RV95-896H-C2VC')).toMatchObject({ direct: true, via: [] })
    expect(find(vulnerable, 'qs', 'GHSA-HRPP-H998-J3PP')).toMatchObject({ direct: false, via: ['express'] })
    expect(find(vulnerable, 'send', 'GHSA-M6FV-JMCG-4JFG')).toMatchObject({ direct: false, via: ['express'] })
    expect(find(vulnerable, 'cookie', 'GHSA-PXG6-PF52-XH8X')).toMatchObject({ direct: false, via: ['express', 'express-session'] })
    expect(find(vulnerable, 'on-headers', 'GHSA-76C9-3JPH-RJ3Q')).toMatchObject({ direct: false, via: ['express-session'] })
  })

  it('says what npm audit fix would install', () => {
    expect(find(vulnerable, 'lodash', 'GHSA-35JH-R3H4-6JHM')).toMatchObject({ fixAvailable: true, fix: 'lodash@4.18.1' })
    expect(find(vulnerable, 'qs', 'GHSA-HRPP-H998-J3PP')).toMatchObject({ fixAvailable: true, fix: 'express@4.22.3' })
    expect(find(vulnerable, 'on-headers', 'GHSA-76C9-3JPH-RJ3Q')).toMatchObject({ fixAvailable: true, fix: 'express-session@1.19.0' })
  })

  it('keeps the advisory title, link and vulnerable range', () => {
    expect(find(vulnerable, 'qs', 'GHSA-HRPP-H998-J3PP')).toMatchObject({
      title: 'qs vulnerable to Prototype Pollution',
      url: 'https://github.com/advisories/GHSA-hrpp-h998-j3pp',
      range: '>=6.7.0 <6.7.3'
    })
  })

  it('reads a clean tree as ok with nothing found', () => {
    expect(parseAuditOutput(fixture('clean.json'), exitOf('clean.json'))).toEqual({
      status: 'ok',
      counts: { low: 0, moderate: 0, high: 0, critical: 0 },
      advisories: []
    })
  })

  it("turns the advisory endpoint answering 500 into an error with npm's reason, never a clean report", () => {
    const result = parseAuditOutput(fixture('endpoint-500.json'), exitOf('endpoint-500.json'), fixture('endpoint-500.stderr.txt'))
    expectError(result)
    expect(result.error).toContain('audit endpoint returned an error')
    expect(result.error).toContain('500 Internal Server Error')
  })

  it('still reports the endpoint failure when stderr was lost', () => {
    const result = parseAuditOutput(fixture('endpoint-500.json'), 1)
    expectError(result)
    expect(result.error).toContain('500')
  })

  it('turns ENOLOCK into an error that names the missing lockfile', () => {
    const result = parseAuditOutput(fixture('enolock.json'), exitOf('enolock.json'))
    expectError(result)
    expect(result.error).toContain('ENOLOCK')
    expect(result.error).toMatch(/lockfile/)
  })
})

describe('parseAuditOutput on output that is not a report', () => {
  it("is an error for empty stdout, with npm's stderr reason", () => {
    expectError(parseAuditOutput('', 1))
    const result = parseAuditOutput('', 1, 'npm error code ECONNREFUSED\nnpm error request to http://127.0.0.1:9/ failed\n')
    expectError(result)
    expect(result.error).toContain('ECONNREFUSED')
  })

  it('is an error when npm was killed', () => {
    expectError(parseAuditOutput('{"auditReportVersion": 2, "vulnerabil', null))
  })

  it.each(['Segmentation fault', '<html>502 Bad Gateway</html>', 'null', '42', '"ok"', '[]', '{}'])('is an error for %p', (stdout) => {
    expectError(parseAuditOutput(stdout, 0))
  })

  it('is an error for an npm 6 report (auditReportVersion 1 or none), even when it lists advisories', () => {
    const npm6 = {
      actions: [],
      advisories: { 1523: { module_name: 'lodash', severity: 'high' } },
      muted: [],
      metadata: { vulnerabilities: { high: 1 } }
    }
    expectError(parseAuditOutput(JSON.stringify(npm6), 1))
    expectError(parseAuditOutput(JSON.stringify({ ...npm6, auditReportVersion: 1 }), 1))
  })

  it('is an error for a version 2 report without vulnerabilities', () => {
    expectError(parseAuditOutput(JSON.stringify({ auditReportVersion: 2, vulnerabilities: null }), 0))
  })
})

describe('withCounts', () => {
  const advisory = (id: string, pkg: string, severity: Advisory['severity'], extra: Partial<Advisory> = {}): Advisory => ({
    id,
    package: pkg,
    severity,
    title: '',
    url: '',
    range: '',
    fixAvailable: false,
    direct: true,
    via: [],
    ...extra
  })

  it('recounts from scratch, counting an advisory shared by two packages once', () => {
    const result = withCounts({
      status: 'ok',
      counts: { low: 9, moderate: 9, high: 9, critical: 9 },
      advisories: [
        advisory('GHSA-1', 'a', 'high'),
        advisory('GHSA-1', 'b', 'high'),
        advisory('GHSA-2', 'a', 'critical'),
        advisory('GHSA-3', 'c', 'low')
      ]
    })
    expect(result.counts).toEqual({ low: 1, moderate: 0, high: 1, critical: 1 })
    expect(result.advisories).toHaveLength(4)
  })

  it('leaves allowed advisories out of the counts but keeps them listed', () => {
    const parsed = parseAuditOutput(fixture('vulnerable.json'), 1)
    const allowed = withCounts({
      ...parsed,
      advisories: parsed.advisories.map((a) => (a.id === 'GHSA-HRPP-H998-J3PP' ? { ...a, allowed: { reason: 'not reachable' } } : a))
    })
    expect(allowed.counts).toEqual({ ...parsed.counts, high: parsed.counts.high - 1 })
    expect(allowed.advisories).toHaveLength(parsed.advisories.length)
  })
})
