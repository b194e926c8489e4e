import { describe, expect, it } from '@jest/globals'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { GateConfig } from '../../src/config/config-file.js'
import type { Finding } from '../../src/findings/finding.js'
import { applyPolicy } from '../../src/findings/policy.js'
import { renderSarif } from '../../src/render/sarif.js'
import type { SarifRule } from '../../src/render/sarif-rules.js'
import { RULE_DOCS } from '../../src/rules/docs.generated.js'
import { findRule, RULES } from '../../src/rules/registry.js'
import { auditError, auditSkipped } from '../../src/tools/audit-report.js'
import { advisory, finding, hostileReport, makeReport } from './sample-report.js'

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: { text: string }
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn?: number } }
  }>
  partialFingerprints: Record<string, string>
  suppressions?: Array<{ kind: string; justification?: string }>
  properties?: Record<string, string>
  baselineState?: string
}
interface Sarif {
  $schema: string
  version: string
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: SarifRule[] } }
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }>
    results: SarifResult[]
  }>
}

const ROOT = join(import.meta.dirname, '..', '..')
// A CommonJS module: its default import is `module.exports`, which carries the plugin as `.default`.
const addFormats = addFormatsModule.default

/** The SARIF 2.1.0 schema (draft-07) vendored from oasis-tcs/sarif-spec; see fixtures/sarif/README.md. */
const validateSchema: ValidateFunction = (() => {
  // `unicodeRegExp: false`: the schema's language pattern has a stray `]` that only non-unicode regexps accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
  addFormats(ajv)
  return ajv.compile(
    JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object
  )
})()

function expectValid(text: string): Sarif {
  const sarif = JSON.parse(text) as Sarif
  const ok = validateSchema(sarif)
  expect(ok ? [] : validateSchema.errors).toEqual([])
  return sarif
}

const parse = (text: string): Sarif => JSON.parse(text) as Sarif
const run = (sarif: Sarif) => sarif.runs[0] as Sarif['runs'][number]
const results = (sarif: Sarif): SarifResult[] => run(sarif).results
const rules = (sarif: Sarif): SarifRule[] => run(sarif).tool.driver.rules
const uriOf = (r: SarifResult | undefined): string => r?.locations[0]?.physicalLocation.artifactLocation.uri ?? ''
const uris = (sarif: Sarif): string[] => results(sarif).map(uriOf)
const regionOf = (r: SarifResult | undefined) => r?.locations[0]?.physicalLocation.region
/** The file a code-scanning consumer opens for a URI relative to the repository root. */
const resolved = (uri: string): string => decodeURIComponent(new URL(uri, 'file:///repo/').pathname).replace(/^\/repo\//, '')

/** Several rules, suppressed (inline and config) and project-wide findings, advisories with one allowed. */
function realisticReport(root = 'services/api') {
  const findings: Finding[] = [
    finding('src/app.js', 4, { column: 13, fingerprint: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }),
    finding('src/app.js', 9, { rule: 'session-secret-hardcoded', message: 'session secret is a literal', fingerprint: 'f00d' }),
    finding('src/app.js', 12, {
      rule: 'session-cookie-insecure',
      severity: 'moderate',
      message: 'cookie without secure, httpOnly',
      fingerprint: 'c00k1e'
    }),
    finding('src/routes/users.js', 20, {
      rule: 'validation-missing',
      severity: 'moderate',
      message: 'req.body.email used unvalidated',
      fingerprint: 'b0dy'
    }),
    finding('src/legacy.js', 3, {
      rule: 'error-leak',
      message: 'err.stack sent',
      fingerprint: 'l3gacy',
      suppressed: true,
      suppression: { source: 'inline', reason: 'internal admin tool' }
    }),
    finding('test/fixtures/app.js', 1, {
      rule: 'hardcoded-secret',
      message: 'password literal (redacted: p****d)',
      fingerprint: 't3st',
      suppressed: true,
      suppression: { source: 'config', reason: 'test fixtures', expires: '2027-01-31' }
    }),
    finding('package.json', null, { rule: 'rate-limit-missing', severity: 'moderate', message: 'no rate limiter', fingerprint: 'r4te' }),
    finding('package.json', null, { rule: 'lockfile-missing', message: 'no lockfile', fingerprint: 'l0ck' }),
    finding('Dockerfile', 1, { rule: 'docker-root-user', message: 'runs as root', fingerprint: 'd0ck' }),
    finding('Dockerfile', 1, { rule: 'docker-unpinned-base', severity: 'moderate', message: 'node:latest', fingerprint: 'pin' })
  ]
  const advisories = [
    advisory('GHSA-35jh-r3h4-6jhm', 'lodash', 'high', { title: 'Command Injection in lodash', range: '<4.17.21', fix: 'lodash@4.17.21' }),
    advisory('GHSA-hrpp-h998-j3pp', 'qs', 'high', {
      title: 'qs vulnerable to Prototype Pollution',
      direct: false,
      via: ['express'],
      fixAvailable: false
    }),
    advisory('GHSA-rv95-896h-c2vc', 'express', 'moderate', {
      title: 'Express.js Open Redirect',
      allowed: { reason: 'no redirects built from input', expires: '2027-03-01' }
    }),
    advisory('1096', 'legacy-pkg', 'low', { title: 'Old advisory', url: 'https://www.npmjs.com/advisories/1096' })
  ]
  return makeReport({ root, passed: false, findings }, advisories)
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

describe('renderSarif: schema', () => {
  it('validates against the SARIF 2.1.0 schema for a realistic report', () => {
    const sarif = expectValid(renderSarif(realisticReport()))
    expect(sarif.version).toBe('2.1.0')
    expect(results(sarif)).toHaveLength(14)
  })

  it('validates for an empty report, a failed audit and a hostile report', () => {
    expectValid(renderSarif(makeReport()))
    expectValid(renderSarif(makeReport({ audit: auditError('ENOAUDIT: endpoint down') })))
    expectValid(renderSarif(hostileReport()))
  })

  it('is checked by a validator that rejects broken SARIF, formats included', () => {
    const sarif = parse(renderSarif(realisticReport()))
    const rule = rules(sarif)[0] as SarifRule
    expect(validateSchema({ ...sarif, version: '2.0.0' })).toBe(false)
    expect(
      validateSchema({
        ...sarif,
        runs: [{ ...run(sarif), tool: { driver: { ...run(sarif).tool.driver, rules: [{ ...rule, helpUri: 'not a uri' }] } } }]
      })
    ).toBe(false)
    expect(
      validateSchema({ ...sarif, runs: [{ ...run(sarif), results: [{ ...results(sarif)[0], suppressions: [{ kind: 'ignored' }] }] }] })
    ).toBe(false)
  })

  it('validates what dist/cli.js writes for the sample app', () => {
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'examples/vulnerable-app', '--no-install', '--no-audit', '--no-sbom', '--format', 'sarif'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }
    )
    expect(cli.status).toBe(1)
    const sarif = expectValid(cli.stdout)
    expect(results(sarif).length).toBeGreaterThan(0)
    expect(uris(sarif).every((u) => u.startsWith('examples/vulnerable-app/'))).toBe(true)
    for (const rule of rules(sarif)) expect(rule.help.markdown).toContain('## How to fix')
  })
})

describe('renderSarif: run and tool', () => {
  it('is SARIF 2.1.0 with one run of this tool that says it succeeded', () => {
    const sarif = parse(renderSarif(makeReport({ findings: [finding('src/app.js', 3)] })))
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/)
    expect(sarif.runs).toHaveLength(1)
    expect(run(sarif).tool.driver).toMatchObject({ name: 'express-hardening-gate', version: '0.1.0' })
    expect(run(sarif).invocations).toEqual([{ executionSuccessful: true }])
  })

  it('says when npm audit could not run, and reports warnings as notifications', () => {
    const sarif = parse(renderSarif(makeReport({ audit: auditError('ENOLOCK: no lockfile'), warnings: ['suppression expired'] })))
    expect(run(sarif).invocations[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [
        { level: 'error', message: { text: 'npm audit: ENOLOCK: no lockfile' } },
        { level: 'warning', message: { text: 'suppression expired' } }
      ]
    })
  })
})

describe('renderSarif: rules', () => {
  it('describes every rule with a result, sorted by id, with help from its docs page', () => {
    const sarif = parse(renderSarif(realisticReport()))
    const ids = rules(sarif).map((r) => r.id)
    expect(ids).toEqual([...ids].sort())
    expect(ids).toEqual(
      expect.arrayContaining([
        'helmet-missing',
        'error-leak',
        'hardcoded-secret',
        'lockfile-missing',
        'npm-audit/GHSA-35jh-r3h4-6jhm',
        'npm-audit/1096'
      ])
    )
    const helmet = rules(sarif).find((r) => r.id === 'helmet-missing') as SarifRule
    const meta = findRule('helmet-missing')?.meta
    expect(helmet).toMatchObject({
      name: 'HelmetMissing',
      shortDescription: { text: meta?.description },
      helpUri: expect.stringMatching(/docs\/rules\/helmet-missing\.md$/),
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '8.0', tags: ['security', 'express', 'external/cwe/cwe-693'] }
    })
    expect(helmet.fullDescription.text).toContain(meta?.fix)
    expect(helmet.help.markdown).toContain(RULE_DOCS['helmet-missing']?.why)
    expect(helmet.help.markdown).toContain('## How to fix')
    expect(helmet.help.text).not.toContain('## ')
    expect(helmet.help.text).toContain('How to fix:')
  })

  it('points every result at its rule by index', () => {
    const sarif = parse(renderSarif(realisticReport()))
    for (const result of results(sarif)) expect(rules(sarif)[result.ruleIndex]?.id).toBe(result.ruleId)
  })

  it('gives rules the severity in force, so alerts agree with the gate after a config override', () => {
    const sarif = parse(renderSarif(makeReport({ findings: [finding('a.js', 1, { severity: 'low' })] })))
    expect(rules(sarif)[0]).toMatchObject({ defaultConfiguration: { level: 'note' }, properties: { 'security-severity': '3.0' } })
  })

  it('maps severities to levels and scores', () => {
    const severities = ['critical', 'high', 'moderate', 'low'] as const
    const ids = ['helmet-missing', 'csp-weak', 'x-powered-by', 'cors-permissive']
    const sarif = parse(
      renderSarif(makeReport({ findings: severities.map((severity, i) => finding(`f${i}.js`, 1, { severity, rule: ids[i] as string })) }))
    )
    expect(results(sarif).map((r) => r.level)).toEqual(['error', 'error', 'warning', 'note'])
    const score = (id: string) => rules(sarif).find((r) => r.id === id)?.properties['security-severity']
    expect(ids.map(score)).toEqual(['9.5', '8.0', '5.5', '3.0'])
  })

  it('turns links between rule pages into absolute docs links', () => {
    const sarif = parse(renderSarif(makeReport({ findings: [finding('Dockerfile', 3, { rule: 'docker-npm-install' })] })))
    const markdown = rules(sarif)[0]?.help.markdown ?? ''
    expect(markdown).toMatch(/\]\(https:\/\/github\.com\/[^)]+\/docs\/rules\/lockfile-missing\.md\)/)
    expect(markdown).not.toMatch(/\]\(lockfile-missing\.md\)/)
  })
})

describe('renderSarif: results', () => {
  it('gives locations relative to the repository root, not the working directory', () => {
    const findings = [finding('src/app.js', 3), finding('Dockerfile', null, { rule: 'docker-root-user' })]
    expect(uris(parse(renderSarif(makeReport({ root: 'services/api', findings }))))).toEqual([
      'services/api/Dockerfile',
      'services/api/src/app.js'
    ])
    expect(uris(parse(renderSarif(makeReport({ root: '.', findings }))))).toEqual(['Dockerfile', 'src/app.js'])
    for (const r of results(parse(renderSarif(realisticReport())))) {
      expect(uriOf(r)).toMatch(/^services\/api\//)
      expect(r.locations[0]?.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%')
    }
  })

  it('writes URIs that resolve to the very file, whatever its name', () => {
    const files = ['src/my file.js', 'src/#1.js', 'src/what?.js', 'src/100%.js', 'src/ünï.js', 'src/a:b.js']
    const sarif = parse(renderSarif(makeReport({ root: 'apps/web', findings: files.map((f) => finding(f, 1)) })))
    for (const uri of uris(sarif)) {
      expect(uri.startsWith('/')).toBe(false)
      expect(uri).not.toMatch(/^[a-z][a-z0-9+.-]*:/i)
    }
    expect(uris(sarif).map(resolved).sort()).toEqual(files.map((f) => `apps/web/${f}`).sort())
  })

  it('puts a project-wide finding on line 1 of its file and keeps known columns', () => {
    const sarif = parse(
      renderSarif(
        makeReport({ findings: [finding('src/app.js', 3, { column: 5 }), finding('package.json', null, { rule: 'lockfile-missing' })] })
      )
    )
    const byFile = (file: string) => results(sarif).find((r) => uriOf(r) === file)
    expect(regionOf(byFile('src/app.js'))).toEqual({ startLine: 3, startColumn: 5 })
    expect(regionOf(byFile('package.json'))).toEqual({ startLine: 1 })
  })

  it('keeps suppressed findings, marked with where the suppression lives and why', () => {
    const sarif = parse(renderSarif(realisticReport()))
    const ofRule = (id: string) => results(sarif).find((r) => r.ruleId === id)
    expect(ofRule('error-leak')?.suppressions).toEqual([{ kind: 'inSource', justification: 'internal admin tool' }])
    expect(ofRule('hardcoded-secret')?.suppressions).toEqual([{ kind: 'external', justification: 'test fixtures (until 2027-01-31)' }])
    expect(ofRule('helmet-missing')?.suppressions).toBeUndefined()
    expect(results(sarif).filter((r) => r.suppressions)).toHaveLength(3)
  })

  it('uses the finding fingerprint as primaryLocationLineHash', () => {
    const sarif = parse(renderSarif(makeReport({ findings: [finding('a.js', 1, { fingerprint: 'abc' })] })))
    expect(results(sarif)[0]?.partialFingerprints).toEqual({ primaryLocationLineHash: 'abc' })
  })

  it('marks results new or unchanged (SARIF baselineState) only when the report was compared with a baseline', () => {
    const compared = makeReport(
      {
        findings: [finding('a.js', 1, { new: true }), finding('b.js', 1, { new: false })],
        baseline: { source: 'file', ref: 'b.json', status: 'ok', fixed: [], advisoriesFixed: [] }
      },
      [advisory('GHSA-1', 'lodash', 'high', { new: false })]
    )
    const sarif = expectValid(renderSarif(compared))
    expect(results(sarif).map((r) => r.baselineState)).toEqual(['new', 'unchanged', 'unchanged'])
    const plain = parse(renderSarif(makeReport({ findings: [finding('a.js', 1)] })))
    expect(results(plain)[0]?.baselineState).toBeUndefined()
  })

  it('keeps fingerprints when only line numbers shift', () => {
    const meta = findRule('session-secret-hardcoded')?.meta
    if (!meta) throw new Error('rule missing')
    const config: GateConfig = { severity: new Map(), suppressions: [], allow: [] }
    const before = ['const app = express()', "app.use(session({ secret: 'keyboard cat' }))"]
    const after = ["'use strict'", '// a comment', '', ...before]
    const render = (lines: string[], line: number) => {
      const { findings } = applyPolicy(
        [{ meta, finding: { file: 'src/app.js', line, column: 21, messageId: 'literal-secret', message: 'literal secret' } }],
        config,
        '2026-06-15',
        () => lines
      )
      return results(parse(renderSarif(makeReport({ root: 'services/api', findings }))))[0]
    }
    const [old, shifted] = [render(before, 2), render(after, 5)]
    expect(regionOf(old)?.startLine).toBe(2)
    expect(regionOf(shifted)?.startLine).toBe(5)
    expect(shifted?.partialFingerprints.primaryLocationLineHash).toBe(old?.partialFingerprints.primaryLocationLineHash)
    expect(old?.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/)
  })
})

describe('renderSarif: audit advisories', () => {
  it('reports each advisory under a rule of its own, on the lockfile', () => {
    const sarif = parse(renderSarif(realisticReport()))
    const lodash = results(sarif).find((r) => r.ruleId === 'npm-audit/GHSA-35jh-r3h4-6jhm')
    expect(lodash).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'services/api/package-lock.json' }, region: { startLine: 1 } } }],
      properties: { package: 'lodash', advisory: 'GHSA-35jh-r3h4-6jhm', severity: 'high' }
    })
    expect(lodash?.message.text).toContain('GHSA-35jh-r3h4-6jhm')
    expect(lodash?.message.text).toContain('lodash@4.17.21')
    expect(lodash?.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/)
    const rule = rules(sarif).find((r) => r.id === 'npm-audit/GHSA-35jh-r3h4-6jhm')
    expect(rule).toMatchObject({
      shortDescription: { text: 'lodash: Command Injection in lodash' },
      helpUri: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '8.0', tags: expect.arrayContaining(['security', 'dependency']) }
    })
    expect(rules(sarif).find((r) => r.id === 'npm-audit/1096')?.helpUri).toBe('https://www.npmjs.com/advisories/1096')
  })

  it('keeps allowed advisories with an external suppression', () => {
    const sarif = parse(renderSarif(realisticReport()))
    expect(results(sarif).find((r) => r.ruleId === 'npm-audit/GHSA-rv95-896h-c2vc')?.suppressions).toEqual([
      { kind: 'external', justification: 'no redirects built from input (until 2027-03-01)' }
    ])
  })

  it('describes an advisory once when it affects several packages', () => {
    const advisories = [advisory('GHSA-aaaa-bbbb-cccc', 'b-pkg', 'moderate'), advisory('GHSA-aaaa-bbbb-cccc', 'a-pkg', 'high')]
    const sarif = parse(renderSarif(makeReport({}, advisories)))
    expect(rules(sarif).map((r) => r.id)).toEqual(['npm-audit/GHSA-aaaa-bbbb-cccc'])
    expect(rules(sarif)[0]?.properties['security-severity']).toBe('8.0')
    expect(
      results(sarif)
        .map((r) => r.properties?.package)
        .sort()
    ).toEqual(['a-pkg', 'b-pkg'])
  })

  it('reports no advisories when the audit was skipped', () => {
    const sarif = parse(renderSarif(makeReport({ audit: auditSkipped('--no-audit') })))
    expect(results(sarif)).toEqual([])
  })

  it('links no unsafe advisory URL and escapes advisory text in Markdown help', () => {
    const sarif = expectValid(renderSarif(hostileReport()))
    for (const rule of rules(sarif).filter((r) => r.id.startsWith('npm-audit/'))) {
      if (rule.helpUri) expect(rule.helpUri).toMatch(/^https:\/\//)
      expect(rule.help.markdown).not.toMatch(/<script|<img|\]\(javascript:/i)
    }
  })
})

describe('renderSarif: order', () => {
  it('renders the same report to the same text', () => {
    expect(renderSarif(realisticReport())).toBe(renderSarif(realisticReport()))
  })

  it('does not depend on the order of findings and advisories', () => {
    const report = realisticReport()
    const expected = renderSarif(report)
    for (const seed of [1, 7, 42]) {
      const reordered = {
        ...report,
        findings: shuffled(report.findings, seed),
        audit: { ...report.audit, advisories: shuffled(report.audit.advisories, seed) }
      }
      expect(renderSarif(reordered)).toBe(expected)
    }
  })

  it('sorts results by file, line, rule and fingerprint', () => {
    const sarif = parse(renderSarif(realisticReport()))
    const keys = results(sarif).map((r) => [uriOf(r), regionOf(r)?.startLine ?? 0, r.ruleId] as const)
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)))
    expect(keys).toEqual(sorted)
  })
})

describe('embedded rule docs', () => {
  it('are up to date with docs/rules (run `node scripts/gen-rule-docs.mjs` when this fails)', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-rule-docs.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('cover every registered rule with its Why and How to fix sections', () => {
    for (const rule of RULES) {
      const doc = RULE_DOCS[rule.meta.id]
      expect(doc?.why).toBeTruthy()
      expect(doc?.fix).toBeTruthy()
      const page = readFileSync(join(ROOT, 'docs', 'rules', `${rule.meta.id}.md`), 'utf8')
      expect(page).toContain(doc?.why)
    }
  })
})
