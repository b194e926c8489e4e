import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMPTY_CONFIG, isExpired, loadConfig } from '../../src/config/config-file.js'
import { parseConfig } from '../../src/config/config-schema.js'
import { UsageError } from '../../src/config/errors.js'

const KNOWN = new Set(['helmet-missing', 'x-powered-by', 'hardcoded-secret', 'docker-root-user'])
const parse = (text: string) => parseConfig(text, '.github/hardening.yml', KNOWN)

function errorOf(text: string): UsageError {
  try {
    parse(text)
  } catch (error) {
    if (error instanceof UsageError) return error
    throw error
  }
  throw new Error('expected parseConfig to throw')
}

const VALID = `
rules:
  helmet-missing: moderate
  x-powered-by: off
suppressions:
  - rule: hardcoded-secret
    path: "test/**"
    reason: fixtures hold fake keys
  - rule: docker-root-user
    reason: the platform drops privileges
    expires: 2026-06-30
audit:
  allow:
    - id: GHSA-35jh-r3h4-6jhm
      reason: not reachable from our code
      expires: "2026-12-31"
    - id: https://github.com/advisories/ghsa-p6mc-m468-83gw/
      reason: only used at build time
`

describe('parseConfig', () => {
  it('reads severity overrides, off, suppressions and the audit allowlist', () => {
    const config = parse(VALID)
    expect(config.source).toBe('.github/hardening.yml')
    expect([...config.severity]).toEqual([
      ['helmet-missing', 'moderate'],
      ['x-powered-by', 'off']
    ])
    expect(config.suppressions).toEqual([
      { rule: 'hardcoded-secret', path: 'test/**', reason: 'fixtures hold fake keys' },
      { rule: 'docker-root-user', reason: 'the platform drops privileges', expires: '2026-06-30' }
    ])
    expect(config.allow).toEqual([
      { ghsa: 'GHSA-35JH-R3H4-6JHM', reason: 'not reachable from our code', expires: '2026-12-31' },
      { ghsa: 'GHSA-P6MC-M468-83GW', reason: 'only used at build time', expires: undefined }
    ])
  })

  it('treats an empty file or a comment-only file as no config', () => {
    for (const text of ['', '# nothing yet\n']) {
      const config = parse(text)
      expect(config.severity.size).toBe(0)
      expect(config.suppressions).toEqual([])
      expect(config.allow).toEqual([])
    }
  })

  it('reports invalid YAML with the file and the line', () => {
    const error = errorOf('rules:\n  helmet-missing: high\n  x-powered-by: [low\n')
    expect(error.message).toMatch(/^config \.github\/hardening\.yml line \d+ is not valid YAML/)
    expect(error.message).not.toContain('\n')
    const line = Number(error.message.match(/line (\d+)/)?.[1])
    expect(line).toBeGreaterThanOrEqual(3)
  })

  it.each([
    ['a misspelt top-level key', 'rulez:\n  helmet-missing: low\n', 'rulez'],
    ['an unknown suppression key', 'suppressions:\n  - rule: helmet-missing\n    file: a.js\n    reason: x\n', 'file'],
    ['an unknown audit key', 'audit:\n  ignore: []\n', 'ignore'],
    ['an unknown allow entry key', 'audit:\n  allow:\n    - id: GHSA-35jh-r3h4-6jhm\n      reason: x\n      until: 2026-01-01\n', 'until']
  ])('rejects %s', (_what, text, key) => {
    const error = errorOf(text)
    expect(error.message).toContain(`'${key}'`)
    expect(error.message).toContain('.github/hardening.yml')
  })

  it('rejects an unknown rule id in rules and in suppressions, so a typo never silently applies', () => {
    expect(errorOf('rules:\n  helmet-mising: low\n').message).toContain("'helmet-mising'")
    expect(errorOf('suppressions:\n  - rule: xpowered-by\n    reason: legacy\n').message).toContain("'xpowered-by'")
  })

  it('rejects an unknown severity', () => {
    expect(errorOf('rules:\n  helmet-missing: severe\n').message).toMatch(/rules\.helmet-missing/)
  })

  it.each([
    ['missing', 'suppressions:\n  - rule: helmet-missing\n'],
    ['blank', 'suppressions:\n  - rule: helmet-missing\n    reason: "   "\n'],
    ['missing in the allowlist', 'audit:\n  allow:\n    - id: GHSA-35jh-r3h4-6jhm\n']
  ])('requires a reason (%s)', (_what, text) => {
    expect(errorOf(text).message).toMatch(/reason/)
  })

  it.each(['2026-02-30', '2026-13-01', '31/12/2026', '2026-1-5', 'next year'])('rejects the expiry date %p', (date) => {
    const error = errorOf(`suppressions:\n  - rule: helmet-missing\n    reason: x\n    expires: "${date}"\n`)
    expect(error.message).toMatch(/expires/)
  })

  it('accepts a leap day', () => {
    expect(parse('suppressions:\n  - rule: helmet-missing\n    reason: x\n    expires: 2028-02-29\n').suppressions[0]?.expires).toBe(
      '2028-02-29'
    )
  })

  it.each([
    'CVE-2021-23337',
    'GHSA-35jh-r3h4',
    'GHSA-35jh-r3h4-6jha',
    'https://github.com/advisories/',
    'https://nvd.nist.gov/vuln/detail/CVE-2021-23337',
    'https://evil.example/GHSA-35jh-r3h4-6jhm'
  ])('rejects the advisory id %p', (id) => {
    const error = errorOf(`audit:\n  allow:\n    - id: "${id}"\n      reason: x\n`)
    expect(error.message).toContain('audit.allow[0]')
  })
})

describe('loadConfig', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'config-file-test-'))
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('returns the empty config for a missing optional file and throws for a missing required one', async () => {
    await expect(loadConfig(join(dir, 'none.yml'), false, 'none.yml', KNOWN)).resolves.toBe(EMPTY_CONFIG)
    await expect(loadConfig(join(dir, 'none.yml'), true, 'none.yml', KNOWN)).rejects.toThrow(UsageError)
  })

  it('parses a file that exists, naming it by its display name', async () => {
    writeFileSync(join(dir, 'gate.yml'), VALID)
    expect((await loadConfig(join(dir, 'gate.yml'), true, 'ci/gate.yml', KNOWN)).source).toBe('ci/gate.yml')
    writeFileSync(join(dir, 'bad.yml'), 'rules: [')
    await expect(loadConfig(join(dir, 'bad.yml'), false, 'ci/bad.yml', KNOWN)).rejects.toThrow(/ci\/bad\.yml/)
  })
})

describe('isExpired', () => {
  it('applies an entry through its expiry day and stops the day after', () => {
    expect(isExpired('2026-05-01', '2026-04-30')).toBe(false)
    expect(isExpired('2026-05-01', '2026-05-01')).toBe(false)
    expect(isExpired('2026-05-01', '2026-05-02')).toBe(true)
    expect(isExpired('2025-12-31', '2026-01-01')).toBe(true)
  })

  it('never expires an entry without a date', () => {
    expect(isExpired(undefined, '2999-01-01')).toBe(false)
  })
})
