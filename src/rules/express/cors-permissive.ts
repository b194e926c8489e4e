import { defineRule, type RuleFinding } from '../rule.js'
import type { ExpressModel } from '../../model/express.js'
import { locate } from '../../model/express.js'
import { assessCors, corsUses, describeOpen, isPreflightEcho, type CorsUse } from '../../model/cors-options.js'

function check(express: ExpressModel, use: CorsUse, all: CorsUse[]): RuleFinding[] {
  if (isPreflightEcho(use, all)) return []
  const verdict = assessCors(express, use.handler)
  // With credentials it is cors-wildcard-credentials' (high) finding.
  if (!verdict?.open || verdict.credentials) return []
  const what =
    verdict.open === 'default' && use.handler.options === undefined ? '`cors()` without options' : `cors with ${describeOpen(verdict.open)}`
  return [
    {
      ...locate(use.handler.site),
      messageId: 'any-origin',
      message: `${what} lets every website read this app's responses from a visitor's browser: restrict it, e.g. \`cors({ origin: ['https://app.example.com'] })\``
    }
  ]
}

/**
 * `cors()` with no origin restriction (no options, no `origin`, `*`, `true`, an allow-everything
 * function or regex) and no credentials. Reported at the `cors()` call; the
 * `app.options('*', cors())` preflight echo of a main `cors()` is not reported twice.
 */
export default defineRule({
  meta: {
    id: 'cors-permissive',
    severity: 'moderate',
    category: 'express',
    description: '`cors()` with no origin restriction: every website may read the responses.',
    fix: "an explicit allow-list: `cors({ origin: ['https://app.example.com'] })`",
    cwe: 'CWE-942',
    messages: {
      'any-origin': 'cors lets every origin read responses (no origin restriction), without credentials'
    }
  },
  needs: 'source',
  check({ express }) {
    const uses = corsUses(express)
    return uses.flatMap((use) => check(express, use, uses))
  }
})
