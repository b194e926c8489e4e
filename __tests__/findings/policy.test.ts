import { describe, expect, it } from '@jest/globals'
import type { GateConfig } from '../../src/config/config-file.js'
import type { Finding } from '../../src/findings/finding.js'
import { applyPolicy, findExpiredSuppressions, type LineSource } from '../../src/findings/policy.js'
import type { Severity } from '../../src/common/severity.js'
import type { RuleFinding, RuleMeta } from '../../src/rules/rule.js'

const TODAY = '2026-06-15'

function meta(id: string, severity: Severity = 'high'): RuleMeta {
  return { id, severity, category: 'express', description: `${id} gap`, fix: 'fix it', cwe: 'CWE-693', messages: { gap: 'the gap' } }
}

function config(partial: Partial<GateConfig> = {}): GateConfig {
  return { source: '.github/hardening.yml', severity: new Map(), suppressions: [], allow: [], ...partial }
}

function sources(files: Record<string, string>): LineSource {
  return (file) => files[file]?.split('\n')
}

const report = (id: string, finding: RuleFinding, severity?: Severity) => ({ meta: meta(id, severity), finding })
const at = (file: string, line: number | null, column: number | null = 1): RuleFinding => ({
  file,
  line,
  column,
  messageId: 'gap',
  message: 'gap'
})

const APP = [
  "const express = require('express')",
  'const app = express()',
  "app.use(session({ secret: 'x' }))",
  "app.get('/', handler)"
].join('\n')

function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1)
  return findings[0] as Finding
}

describe('applyPolicy: severity', () => {
  it('keeps the rule severity without an override', () => {
    const { findings } = applyPolicy([report('helmet-missing', at('src/app.js', 2))], config(), TODAY, sources({ 'src/app.js': APP }))
    expect(only(findings)).toMatchObject({ rule: 'helmet-missing', severity: 'high', file: 'src/app.js', line: 2, suppressed: false })
  })

  it('applies a severity override from the config', () => {
    const { findings } = applyPolicy(
      [report('helmet-missing', at('src/app.js', 2))],
      config({ severity: new Map([['helmet-missing', 'low']]) }),
      TODAY,
      sources({ 'src/app.js': APP })
    )
    expect(only(findings).severity).toBe('low')
  })

  it('drops every finding of a rule turned off, and only that rule', () => {
    const { findings } = applyPolicy(
      [
        report('x-powered-by', at('src/app.js', 2)),
        report('x-powered-by', at('src/b.js', 1)),
        report('helmet-missing', at('src/app.js', 2))
      ],
      config({ severity: new Map([['x-powered-by', 'off']]) }),
      TODAY,
      sources({ 'src/app.js': APP })
    )
    expect(findings.map((f) => f.rule)).toEqual(['helmet-missing'])
  })
})

describe('applyPolicy: config suppressions', () => {
  const secrets = [report('hardcoded-secret', at('test/fixtures/keys.js', 1)), report('hardcoded-secret', at('src/config.js', 1))]

  it('suppresses findings whose file matches the glob, with the reason and expiry', () => {
    const { findings } = applyPolicy(
      secrets,
      config({ suppressions: [{ rule: 'hardcoded-secret', path: 'test/**', reason: 'fake keys', expires: '2026-12-31' }] }),
      TODAY,
      sources({})
    )
    const byFile = Object.fromEntries(findings.map((f) => [f.file, f]))
    expect(byFile['test/fixtures/keys.js']).toMatchObject({
      suppressed: true,
      suppression: { source: 'config', reason: 'fake keys', expires: '2026-12-31' }
    })
    expect(byFile['src/config.js']).toMatchObject({ suppressed: false })
    expect(byFile['src/config.js']?.suppression).toBeUndefined()
  })

  it('matches dot folders and suppresses every file when there is no path', () => {
    const dotted = [report('hardcoded-secret', at('.config/keys.js', 1))]
    expect(
      only(
        applyPolicy(dotted, config({ suppressions: [{ rule: 'hardcoded-secret', path: '**/keys.js', reason: 'r' }] }), TODAY, sources({}))
          .findings
      ).suppressed
    ).toBe(true)
    const { findings } = applyPolicy(secrets, config({ suppressions: [{ rule: 'hardcoded-secret', reason: 'r' }] }), TODAY, sources({}))
    expect(findings.every((f) => f.suppressed)).toBe(true)
  })

  it('does not suppress another rule', () => {
    const { findings } = applyPolicy(
      [report('helmet-missing', at('test/a.js', 1))],
      config({ suppressions: [{ rule: 'hardcoded-secret', path: 'test/**', reason: 'r' }] }),
      TODAY,
      sources({})
    )
    expect(only(findings).suppressed).toBe(false)
  })

  it('still applies on its expiry day', () => {
    const { findings, notes } = applyPolicy(
      secrets,
      config({ suppressions: [{ rule: 'hardcoded-secret', reason: 'r', expires: TODAY }] }),
      TODAY,
      sources({})
    )
    expect(findings.every((f) => f.suppressed)).toBe(true)
    expect(notes).toEqual([])
  })

  it('stops suppressing the day after it expires and says so once, in the config file', () => {
    const { findings, notes } = applyPolicy(
      secrets,
      config({ suppressions: [{ rule: 'hardcoded-secret', path: '**', reason: 'r', expires: '2026-06-14' }] }),
      TODAY,
      sources({})
    )
    expect(findings.every((f) => !f.suppressed)).toBe(true)
    expect(notes).toHaveLength(1)
    expect(notes[0]?.file).toBe('.github/hardening.yml')
    expect(notes[0]?.message).toContain('2026-06-14')
    expect(notes[0]?.message).toContain('hardcoded-secret')
  })

  it('lets a later live entry apply when an earlier one expired', () => {
    const { findings } = applyPolicy(
      [report('hardcoded-secret', at('src/config.js', 1))],
      config({
        suppressions: [
          { rule: 'hardcoded-secret', reason: 'old', expires: '2026-01-01' },
          { rule: 'hardcoded-secret', reason: 'renewed' }
        ]
      }),
      TODAY,
      sources({})
    )
    expect(only(findings).suppression?.reason).toBe('renewed')
  })
})

describe('applyPolicy: inline suppressions', () => {
  const lines = (code: string[]) => sources({ 'src/app.js': code.join('\n') })

  it('suppresses with a comment on the finding line', () => {
    const code = ['const app = express() // hardening-ignore helmet-missing -- headers are set by the gateway']
    const { findings, notes } = applyPolicy([report('helmet-missing', at('src/app.js', 1))], config(), TODAY, lines(code))
    expect(only(findings)).toMatchObject({ suppressed: true, suppression: { source: 'inline', reason: 'headers are set by the gateway' } })
    expect(notes).toEqual([])
  })

  it('suppresses with a comment on the line above, also as a block comment', () => {
    for (const comment of ['// hardening-ignore helmet-missing -- gateway', '  /* hardening-ignore helmet-missing -- gateway */']) {
      const { findings } = applyPolicy(
        [report('helmet-missing', at('src/app.js', 2))],
        config(),
        TODAY,
        lines([comment, 'const app = express()'])
      )
      expect(only(findings)).toMatchObject({ suppressed: true, suppression: { source: 'inline', reason: 'gateway' } })
    }
  })

  it('does not reach two lines up, nor suppress another rule', () => {
    const code = ['// hardening-ignore helmet-missing -- gateway', '', 'const app = express() // hardening-ignore x-powered-by -- gateway']
    const { findings } = applyPolicy([report('helmet-missing', at('src/app.js', 3))], config(), TODAY, lines(code))
    expect(only(findings).suppressed).toBe(false)
  })

  it('does not take a longer rule id for a shorter one', () => {
    const code = ['const app = express() // hardening-ignore helmet-missing-everywhere -- no']
    expect(only(applyPolicy([report('helmet-missing', at('src/app.js', 1))], config(), TODAY, lines(code)).findings).suppressed).toBe(false)
  })

  it.each([
    ['no reason', 'const app = express() // hardening-ignore helmet-missing'],
    ['an empty reason', 'const app = express() // hardening-ignore helmet-missing --   ']
  ])('does not suppress with %s, and reports the comment as suppression-without-reason', (_what, line) => {
    const { findings, notes } = applyPolicy([report('helmet-missing', at('src/app.js', 1))], config(), TODAY, lines([line]))
    expect(findings.map((f) => [f.rule, f.line, f.suppressed])).toEqual([
      ['helmet-missing', 1, false],
      ['suppression-without-reason', 1, false]
    ])
    const comment = findings[1] as Finding
    expect(comment).toMatchObject({ severity: 'low', file: 'src/app.js', column: line.indexOf('hardening-ignore') + 1 })
    expect(comment.message).toContain('helmet-missing -- ')
    expect(notes).toEqual([])
  })

  it('reports a comment without a reason at its own line, once however many findings it names', () => {
    const code = ['// hardening-ignore cors-permissive', 'app.use(cors()); app.use(cors())']
    const { findings } = applyPolicy(
      [report('cors-permissive', at('src/app.js', 2, 9)), report('cors-permissive', at('src/app.js', 2, 26))],
      config(),
      TODAY,
      lines(code)
    )
    expect(findings.map((f) => `${f.rule}:${f.line}:${f.suppressed}`)).toEqual([
      'suppression-without-reason:1:false',
      'cors-permissive:2:false',
      'cors-permissive:2:false'
    ])
  })

  it('applies overrides and config suppressions to suppression-without-reason like any rule', () => {
    const code = ['const app = express() // hardening-ignore helmet-missing']
    const off = applyPolicy(
      [report('helmet-missing', at('src/app.js', 1))],
      config({ severity: new Map([['suppression-without-reason', 'off']]) }),
      TODAY,
      lines(code)
    )
    expect(off.findings.map((f) => f.rule)).toEqual(['helmet-missing'])
    const suppressed = applyPolicy(
      [report('helmet-missing', at('src/app.js', 1))],
      config({ suppressions: [{ rule: 'suppression-without-reason', path: 'src/**', reason: 'being cleaned up' }] }),
      TODAY,
      lines(code)
    )
    expect(suppressed.findings.find((f) => f.rule === 'suppression-without-reason')).toMatchObject({
      suppressed: true,
      suppression: { source: 'config' }
    })
  })

  it('does not read the comment when a config entry already suppresses the finding', () => {
    const code = ['const app = express() // hardening-ignore helmet-missing']
    const { findings } = applyPolicy(
      [report('helmet-missing', at('src/app.js', 1))],
      config({ suppressions: [{ rule: 'helmet-missing', reason: 'gateway' }] }),
      TODAY,
      lines(code)
    )
    expect(only(findings)).toMatchObject({ rule: 'helmet-missing', suppressed: true })
  })

  it('ignores inline comments for project-wide findings without a line', () => {
    const { findings } = applyPolicy(
      [report('rate-limit-missing', at('src/app.js', null))],
      config(),
      TODAY,
      lines(['// hardening-ignore rate-limit-missing -- r'])
    )
    expect(only(findings)).toMatchObject({ suppressed: false, line: null, column: null })
  })
})

describe('applyPolicy: fingerprints and order', () => {
  const fingerprintOf = (code: string, line: number, rule = 'session-secret-hardcoded', file = 'src/app.js'): string =>
    only(applyPolicy([report(rule, at(file, line))], config(), TODAY, sources({ [file]: code })).findings).fingerprint

  it('stays the same when unrelated lines shift the finding or its indentation changes', () => {
    const before = fingerprintOf(APP, 3)
    const shifted = `// a new header comment\n\n${APP.replace("app.use(session({ secret: 'x' }))", "    app.use(session({  secret: 'x' }))")}`
    expect(fingerprintOf(shifted, 5)).toBe(before)
  })

  it('differs for different code, another rule or another file', () => {
    const before = fingerprintOf(APP, 3)
    expect(fingerprintOf(APP.replace("secret: 'x'", "secret: 'y'"), 3)).not.toBe(before)
    expect(fingerprintOf(APP, 3, 'session-memory-store')).not.toBe(before)
    expect(fingerprintOf(APP, 3, 'session-secret-hardcoded', 'src/other.js')).not.toBe(before)
  })

  it('differs for two findings on identical lines of one file', () => {
    const code = 'app.use(cors())\napp.use(cors())'
    const { findings } = applyPolicy(
      [report('cors-permissive', at('a.js', 1)), report('cors-permissive', at('a.js', 2))],
      config(),
      TODAY,
      sources({ 'a.js': code })
    )
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(2)
  })

  it('sorts by file, line and rule', () => {
    const { findings } = applyPolicy(
      [
        report('z-rule', at('b.js', 1)),
        report('x-powered-by', at('a.js', 9)),
        report('helmet-missing', at('a.js', 9)),
        report('lockfile-missing', at('a.js', null))
      ],
      config(),
      TODAY,
      sources({})
    )
    expect(findings.map((f) => `${f.file}:${f.line}:${f.rule}`)).toEqual([
      'a.js:null:lockfile-missing',
      'a.js:9:helmet-missing',
      'a.js:9:x-powered-by',
      'b.js:1:z-rule'
    ])
  })
})

describe('findExpiredSuppressions', () => {
  it('lists config suppressions and allowlist entries past their date, as data, in config order', () => {
    const expired = findExpiredSuppressions(
      config({
        suppressions: [
          { rule: 'hardcoded-secret', path: 'test/**', reason: 'fake keys', expires: '2026-06-14' },
          { rule: 'helmet-missing', reason: 'gateway', expires: TODAY },
          { rule: 'x-powered-by', reason: 'no expiry' },
          { rule: 'cors-permissive', reason: 'old', expires: '2025-01-01' }
        ],
        allow: [
          { ghsa: 'GHSA-P6MC-M468-83GW', reason: 'unused path', expires: '2026-01-31' },
          { ghsa: 'GHSA-AAAA-BBBB-CCCC', reason: 'r', expires: '2027-01-01' }
        ]
      }),
      TODAY
    )
    expect(expired).toEqual([
      { source: '.github/hardening.yml', rule: 'hardcoded-secret', path: 'test/**', expires: '2026-06-14' },
      { source: '.github/hardening.yml', rule: 'cors-permissive', expires: '2025-01-01' },
      { source: '.github/hardening.yml', id: 'GHSA-P6MC-M468-83GW', expires: '2026-01-31' }
    ])
  })

  it('is empty without a config', () => {
    expect(findExpiredSuppressions(config({ source: undefined }), TODAY)).toEqual([])
  })
})
