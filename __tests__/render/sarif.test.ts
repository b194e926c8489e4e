import { describe, expect, it } from '@jest/globals'
import { renderSarif } from '../../src/render/sarif.js'
import { finding, makeReport } from './sample-report.js'

interface SarifResult {
  ruleId: string
  level: string
  message: { text: string }
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }>
  partialFingerprints: Record<string, string>
}
interface Sarif {
  $schema: string
  version: string
  runs: Array<{ tool: { driver: { name: string; version: string; rules: Array<{ id: string; helpUri: string }> } }; results: SarifResult[] }>
}

const parse = (text: string): Sarif => JSON.parse(text) as Sarif
const uris = (sarif: Sarif): string[] => (sarif.runs[0]?.results ?? []).map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri ?? '')
/** The file a code-scanning consumer opens for a URI relative to the repository root. */
const resolved = (uri: string): string => decodeURIComponent(new URL(uri, 'file:///repo/').pathname).replace(/^\/repo\//, '')

describe('renderSarif', () => {
  it('is SARIF 2.1.0 with one run of this tool', () => {
    const sarif = parse(renderSarif(makeReport({ findings: [finding('src/app.js', 3)] })))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/)
    expect(sarif.runs).toHaveLength(1)
    expect(sarif.runs[0]?.tool.driver).toMatchObject({ name: 'express-hardening-gate', version: '0.1.0' })
  })

  it('gives locations relative to the repository root, not the working directory', () => {
    const findings = [finding('src/app.js', 3), finding('Dockerfile', null, { rule: 'docker-root-user' })]
    expect(uris(parse(renderSarif(makeReport({ root: 'services/api', findings }))))).toEqual(['services/api/src/app.js', 'services/api/Dockerfile'])
    expect(uris(parse(renderSarif(makeReport({ root: '.', findings }))))).toEqual(['src/app.js', 'Dockerfile'])
  })

  it('writes URIs that resolve to the very file, whatever its name', () => {
    const files = ['src/my file.js', 'src/#1.js', 'src/what?.js', 'src/100%.js', 'src/ünï.js', 'src/a:b.js']
    const sarif = parse(renderSarif(makeReport({ root: 'apps/web', findings: files.map((f) => finding(f, 1)) })))
    for (const uri of uris(sarif)) {
      expect(uri.startsWith('/')).toBe(false)
      expect(uri).not.toMatch(/^[a-z][a-z0-9+.-]*:/i)
    }
    expect(uris(sarif).map(resolved)).toEqual(files.map((f) => `apps/web/${f}`))
  })

  it('has a region only for findings with a line', () => {
    const sarif = parse(renderSarif(makeReport({ findings: [finding('src/app.js', 3, { column: 5 }), finding('package.json', null, { rule: 'lockfile-missing' })] })))
    const [located, projectWide] = sarif.runs[0]?.results ?? []
    expect(located?.locations[0]?.physicalLocation.region).toEqual({ startLine: 3, startColumn: 5 })
    expect(projectWide?.locations[0]?.physicalLocation.region).toBeUndefined()
  })

  it('leaves suppressed findings out and keeps the fingerprint', () => {
    const sarif = parse(renderSarif(makeReport({ findings: [finding('a.js', 1, { fingerprint: 'abc' }), finding('b.js', 1, { suppressed: true })] })))
    expect(sarif.runs[0]?.results).toHaveLength(1)
    expect(sarif.runs[0]?.results[0]?.partialFingerprints).toEqual({ primaryLocationLineHash: 'abc' })
  })

  it('maps severities to levels', () => {
    const severities = ['critical', 'high', 'moderate', 'low'] as const
    const sarif = parse(renderSarif(makeReport({ findings: severities.map((severity, i) => finding(`f${i}.js`, 1, { severity })) })))
    expect(sarif.runs[0]?.results.map((r) => r.level)).toEqual(['error', 'error', 'warning', 'note'])
  })

  it('describes the registered rules it used, with their docs', () => {
    const sarif = parse(renderSarif(makeReport({ findings: [finding('a.js', 1), finding('b.js', 2)] })))
    const rules = sarif.runs[0]?.tool.driver.rules ?? []
    expect(rules.map((r) => r.id)).toEqual(['helmet-missing'])
    expect(rules[0]?.helpUri).toMatch(/docs\/rules\/helmet-missing\.md$/)
  })
})
