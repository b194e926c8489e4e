import type { RuleMeta } from '../rules/rule.js'

/**
 * The policy reports inline suppressions without a reason when it reads the comments, so it owns
 * this meta; the rule of the same id only puts it in the catalog (docs, SARIF, config ids). A
 * module of its own, so that the rule (loaded with every rule by the scan) does not load the policy.
 */
export const SUPPRESSION_WITHOUT_REASON: RuleMeta = {
  id: 'suppression-without-reason',
  severity: 'low',
  category: 'project',
  description: 'An inline `hardening-ignore` comment gives no reason, so it suppresses nothing.',
  fix: 'write the comment as `hardening-ignore <rule-id> -- <why this is acceptable>`',
  cwe: 'CWE-710',
  messages: {
    'no-reason': 'an inline hardening-ignore comment gives no reason'
  }
}
