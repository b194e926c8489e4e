// The rules as the reports and the config check know them: ids and metas, without the rules' code.
// The main thread of the action and the CLI reads only this; the scan's worker loads the rules
// themselves (registry.ts). catalog.test.ts checks the generated list against the registry.
import { RULE_CATALOG } from './catalog.generated.js'
import type { RuleSummary } from './rule.js'

/**
 * Every rule id of the product contract, each implemented (docs/rules.md lists no other): the
 * config file may name any of them.
 */
export const CATALOG_IDS: readonly string[] = RULE_CATALOG.map((r) => r.id)

export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(CATALOG_IDS)

const BY_ID = new Map(RULE_CATALOG.map((r) => [r.id, r]))

export function findRuleSummary(id: string): RuleSummary | undefined {
  return BY_ID.get(id)
}
