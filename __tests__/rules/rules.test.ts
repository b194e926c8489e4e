import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../src/config/config-file.js'
import { findRule, RULES } from '../../src/rules/registry.js'
import { runScan } from '../../src/scan/run.js'
import { readExpectations, type Expected } from '../helpers/expectations.js'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const TODAY = '2026-11-26'

function casesOf(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : []
}

function messageIds(ruleId: string): string[] {
  return Object.keys(findRule(ruleId)?.meta.messages ?? {})
}

/**
 * `file:line:messageId`. A rule with one reason may be expected by its id alone; for a rule with
 * several the fixture must name the reason, so an unnamed one never matches what the rule reports.
 */
function expectedKey(ruleId: string, e: Expected): string {
  const ids = messageIds(ruleId)
  const id = e.messageId ?? (ids.length === 1 ? ids[0] : `<name the reason: ${ruleId}/{${ids.join(',')}}>`)
  return `${e.where}:${id}`
}

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (ruleId, rule) => {
  // Grouped by category, as the rule sources are.
  const ruleDir = join(FIXTURES, rule.meta.category, ruleId)
  const cases = casesOf(ruleDir)

  it('has positive and negative fixture cases', () => {
    const all = cases.map((c) => readExpectations(join(ruleDir, c)))
    expect(all.some((e) => (e.expected.get(ruleId) ?? []).length > 0)).toBe(true)
    expect(all.some((e) => e.negatives.has(ruleId))).toBe(true)
  })

  it.each(cases)('%s: reports exactly the expected rule, lines and reasons', (name) => {
    const dir = join(ruleDir, name)
    const { expected } = readExpectations(dir)
    const { findings, reasons } = runScan(dir, EMPTY_CONFIG, TODAY)
    const messageIdOf = (f: (typeof findings)[number]): string | undefined => reasons.get(f)
    // Every rule that fires here, not only this one, reports only reasons it declares.
    const undeclared = findings
      .filter((f) => !messageIds(f.rule).includes(messageIdOf(f) ?? ''))
      .map((f) => `${f.rule}:${f.file}:${f.line ?? '-'}:${messageIdOf(f)}`)
    expect(undeclared).toEqual([])
    const actual = findings
      .filter((f) => f.rule === ruleId)
      .map((f) => `${f.file}:${f.line ?? '-'}:${messageIdOf(f)}`)
      .sort()
    expect(actual).toEqual((expected.get(ruleId) ?? []).map((e) => expectedKey(ruleId, e)).sort())
  })
})
