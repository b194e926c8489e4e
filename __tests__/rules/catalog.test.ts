import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RULE_CATALOG } from '../../src/rules/catalog.generated.js'
import { CATALOG_IDS, RULES } from '../../src/rules/registry.js'
import { isSeverity } from '../../src/common/severity.js'
import { readExpectations } from '../helpers/expectations.js'

const ROOT = join(import.meta.dirname, '..', '..')

describe('rule catalog', () => {
  it('registers each rule once, with an id from the product contract', () => {
    const ids = RULES.map((r) => r.meta.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(CATALOG_IDS).toContain(id)
  })

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s has meta, a docs page named by its id and fixtures', (id, rule) => {
    expect(isSeverity(rule.meta.severity)).toBe(true)
    expect(rule.meta.description.length).toBeGreaterThan(10)
    expect(rule.meta.fix.length).toBeGreaterThan(5)
    expect(rule.meta.cwe).toMatch(/^CWE-\d+$/)
    const docs = join(ROOT, 'docs', 'rules', `${id}.md`)
    expect(existsSync(docs)).toBe(true)
    const text = readFileSync(docs, 'utf8')
    expect(text.startsWith(`# ${id}`)).toBe(true)
    for (const heading of ['## Why', '## How to fix', '## References']) expect(text).toContain(heading)
    expect(readdirSync(join(ROOT, '__tests__', 'rules', 'fixtures', rule.meta.category, id)).length).toBeGreaterThan(1)
    // Sources and fixtures are grouped by the same category.
    expect(existsSync(join(ROOT, 'src', 'rules', rule.meta.category, `${id}.ts`))).toBe(true)
  })

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s declares its reasons, and a fixture case expects each', (id, rule) => {
    const ids = Object.keys(rule.meta.messages)
    expect(ids.length).toBeGreaterThan(0)
    for (const messageId of ids) {
      expect(messageId).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(rule.meta.messages[messageId]?.length).toBeGreaterThan(10)
    }
    // Only the rule's own cases count: the rule tests check those (see rules.test.ts).
    const dir = join(ROOT, '__tests__', 'rules', 'fixtures', rule.meta.category, id)
    const expected = new Set(
      readdirSync(dir).flatMap((name) =>
        (readExpectations(join(dir, name)).expected.get(id) ?? []).map((e) => e.messageId ?? (ids.length === 1 ? ids[0] : undefined))
      )
    )
    expect(ids.filter((messageId) => !expected.has(messageId))).toEqual([])
  })

  it('lists every rule with its meta, in the registry order, for the reports and the config check', () => {
    expect(RULE_CATALOG).toEqual(RULES.map((r) => Object.fromEntries(Object.entries(r.meta).filter(([key]) => key !== 'messages'))))
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-rule-catalog.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('has a docs page only for registered rules', () => {
    const pages = readdirSync(join(ROOT, 'docs', 'rules'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.replace(/\.md$/, ''))
    expect(pages.sort()).toEqual(RULES.map((r) => r.meta.id).sort())
  })

  it('keeps the default severities of the product contract', () => {
    const spec = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')
    for (const rule of RULES) expect(spec).toContain(`| \`${rule.meta.id}\` | ${rule.meta.severity} |`)
  })
})
