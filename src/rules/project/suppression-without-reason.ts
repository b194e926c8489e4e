import { defineRule } from '../rule.js'

/**
 * An inline `hardening-ignore` comment with no reason. Suppressions are applied centrally, so the
 * policy (src/findings/policy.ts) reports these with this meta when it reads the comments; this
 * rule puts it in the catalog (docs, SARIF, config ids) and reports nothing itself.
 */
export default defineRule({
  meta: {
    id: 'suppression-without-reason',
    severity: 'low',
    category: 'project',
    description: 'An inline `hardening-ignore` comment gives no reason, so it suppresses nothing.',
    fix: 'write the comment as `hardening-ignore <rule-id> -- <why this is acceptable>`',
    cwe: 'CWE-710',
    messages: {
      'no-reason': 'an inline hardening-ignore comment gives no reason'
    }
  },
  needs: 'project',
  check() {
    return []
  }
})
