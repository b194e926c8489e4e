import { SUPPRESSION_WITHOUT_REASON } from '../../findings/suppression-meta.js'
import { defineRule } from '../rule.js'

/**
 * An inline `hardening-ignore` comment with no reason. Suppressions are applied centrally, so the
 * policy (src/findings/policy.ts) reports these when it reads the comments and holds the meta;
 * this rule puts it in the catalog and reports nothing itself.
 */
export default defineRule({
  meta: SUPPRESSION_WITHOUT_REASON,
  needs: 'project',
  check() {
    return []
  }
})
