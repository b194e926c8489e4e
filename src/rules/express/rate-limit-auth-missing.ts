import { defineRule, type RuleFinding, uniqueByPlace } from '../rule.js'
import type { ExpressModel, RouterNode } from '../../model/express.js'
import { describeRoute, hasUncertainPath, hasUnplacedLimiter, isAuthRoute, isRouteLimited, limitersOf } from '../../model/limiters.js'

function where(uses: ReturnType<typeof limitersOf>): string {
  const first = uses[0]
  if (!first) return ''
  const mount = first.event.path ?? first.event.pathText
  const path = mount && mount !== '/' ? ` on ${mount}` : ''
  return ` (the limiter at ${first.event.file}:${first.event.line}${path} does not run before it)`
}

function checkApp(express: ExpressModel, app: RouterNode): RuleFinding[] {
  const uses = limitersOf(express, app)
  // No limiter at all is rate-limit-missing's finding, which names the login routes: one cause, one finding.
  if (uses.length === 0) return []
  return express
    .routesOf(app)
    .filter((route) => isAuthRoute(route) && !hasUncertainPath(express, route) && !isRouteLimited(express, route))
    .map((route) => ({
      file: route.event.file,
      line: route.event.line,
      column: route.event.column,
      messageId: 'auth-route-unlimited',
      message: `${describeRoute(route)} accepts credentials or codes with no rate limiter in front of it${where(uses)}, so it can be brute-forced: put a strict limiter in its chain, e.g. \`rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 })\``
    }))
}

/**
 * Per app that has some limiter: each POST/PUT/PATCH/ALL route whose full path (mount prefixes
 * included) names login, signup, password reset, tokens, OTP or verification must have a limiter
 * before it on its path, in its chain or inside its handler. An app-wide limiter counts as
 * covering: how strict is enough is the team's call, not something the code shows.
 */
export default defineRule({
  meta: {
    id: 'rate-limit-auth-missing',
    severity: 'high',
    category: 'express',
    description: 'Login, signup, password-reset, token or OTP routes with no rate limiter in front of them.',
    fix: "a strict limiter in the auth route's chain: `router.post('/login', rateLimit({ windowMs: 15 * 60 * 1000, limit: 10 }), login)`",
    cwe: 'CWE-307',
    messages: {
      'auth-route-unlimited': 'an auth route with no limiter in its chain, while the app has a limiter elsewhere'
    }
  },
  needs: 'source',
  check({ express }) {
    if (hasUnplacedLimiter(express)) return []
    return uniqueByPlace(express.apps.flatMap((app) => checkApp(express, app)))
  }
})
