import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../src/config/config-file.js'
import { RULES } from '../../src/rules/registry.js'
import { runScan } from '../../src/scan/run.js'
import { readExpectations } from '../helpers/expectations.js'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const TODAY = '2026-11-26'

function casesOf(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : []
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

  it.each(cases)('%s: reports exactly the expected rule and lines', (name) => {
    const dir = join(ruleDir, name)
    const { expected } = readExpectations(dir)
    const { findings } = runScan(dir, EMPTY_CONFIG, TODAY)
    const actual = findings
      .filter((f) => f.rule === ruleId)
      .map((f) => `${f.file}:${f.line ?? '-'}`)
      .sort()
    expect(actual).toEqual([...(expected.get(ruleId) ?? [])].sort())
  })
})
