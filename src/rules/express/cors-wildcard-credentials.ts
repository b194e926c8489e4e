import { defineRule, type RuleFinding } from '../rule.js'
import type { ExpressModel } from '../../model/express.js'
import { locate } from '../../model/express.js'
import { assessCors, corsUses, describeOpen, isPreflightEcho, type CorsUse } from '../../model/cors-options.js'

function check(express: ExpressModel, use: CorsUse, all: CorsUse[]): RuleFinding[] {
  if (isPreflightEcho(use, all)) return []
  const verdict = assessCors(express, use.handler)
  if (!verdict?.open || !verdict.credentials) return []
  const site = verdict.originSite ?? verdict.credentialsSite ?? use.handler.site
  const consequence =
    verdict.open === 'default' || verdict.open === 'wildcard'
      ? "browsers refuse `*` with credentials, and the usual workaround (`origin: true`) lets every site read responses with the user's cookies"
      : "any website can make requests with the user's cookies and read the responses"
  return [
    {
      ...locate(site),
      messageId: 'credentials-any-origin',
      message: `cors allows credentials with ${describeOpen(verdict.open)}: ${consequence}: list the trusted origins, e.g. \`origin: ['https://app.example.com']\``
    }
  ]
}

/**
 * `cors({ credentials: true })` whose origin lets any site in: unset or `*`, `true`, a function
 * that allows every origin, or a regex that matches everything. Reported at the `origin` option
 * (or `credentials` when origin is unset); options the model cannot read are not judged.
 */
export default defineRule({
  meta: {
    id: 'cors-wildcard-credentials',
    severity: 'high',
    category: 'express',
    description: 'CORS allows credentials together with any origin: `*`, `true`, a reflecting function or a regex matching everything.',
    fix: "an explicit allow-list: `cors({ origin: ['https://app.example.com'], credentials: true })`",
    cwe: 'CWE-942',
    messages: {
      'credentials-any-origin': 'cors allows credentials with any origin (*, true, a reflecting function or an all-matching regex)'
    }
  },
  needs: 'source',
  check({ express }) {
    const uses = corsUses(express)
    return uses.flatMap((use) => check(express, use, uses))
  }
})
