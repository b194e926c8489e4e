import { defineRule, type RuleFinding, uniqueByPlace } from '../rule.js'
import type { ExpressModel, ResolvedRoute, RouterNode } from '../../model/express.js'
import {
  describeApp,
  describeRoute,
  hasUncertainPath,
  hasUnplacedLimiter,
  isAuthRoute,
  isRouteLimited,
  limitersOf,
  proxyLimits
} from '../../model/limiters.js'

const ADD_LIMITER = '`app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }))` (express-rate-limit) before the routes'
const ENTRY_NAME = /(?:^|\/)(?:app|server|index|main)\.[cm]?[jt]sx?$/

interface Unlimited {
  app: RouterNode
  routes: ResolvedRoute[]
}

function exposure(routes: ResolvedRoute[]): string {
  const auth = routes.filter(isAuthRoute).slice(0, 3).map(describeRoute)
  const count = `${routes.length} route${routes.length === 1 ? '' : 's'}`
  return auth.length > 0 ? `${count}; ${auth.join(', ')} can be brute-forced` : count
}

/** The app a reader thinks of as "the app": most routes, then a conventional entry file name. */
function byImportance(a: Unlimited, b: Unlimited): number {
  return (
    b.routes.length - a.routes.length ||
    Number(ENTRY_NAME.test(b.app.file)) - Number(ENTRY_NAME.test(a.app.file)) ||
    a.app.file.localeCompare(b.app.file)
  )
}

function lateLimiterFinding(express: ExpressModel, { app, routes }: Unlimited): RuleFinding[] {
  const [late] = limitersOf(express, app)
  // A route under a mount path the model does not know may well be behind the limiter.
  if (!late || routes.some((r) => hasUncertainPath(express, r))) return []
  return [
    {
      file: late.event.file,
      line: late.event.line,
      column: late.event.column,
      messageId: 'limiter-after-routes',
      message: `this rate limiter runs before none of ${describeApp(app)}'s routes (it is registered after them or on a path they do not use): move it above the routes, e.g. ${ADD_LIMITER}`
    }
  ]
}

/** No app limits anything: one project-wide finding, at the main app's `express()`. */
function projectFinding(unlimited: Unlimited[]): RuleFinding {
  const [main, ...others] = [...unlimited].sort(byImportance) as [Unlimited, ...Unlimited[]]
  const more =
    others.length > 0
      ? ` (${others.length === 1 ? 'another app has' : `${others.length} other apps have`} none either: ${others
          .slice(0, 3)
          .map((o) => `${o.app.file}:${o.app.line}`)
          .join(', ')})`
      : ''
  return {
    file: main.app.file,
    line: main.app.line,
    column: main.app.column,
    messageId: 'no-limiter-anywhere',
    message: `no rate limiter anywhere: ${describeApp(main.app)} has none in front of its ${exposure(main.routes)}${more}: add ${ADD_LIMITER}`
  }
}

/** Some apps limit and this one does not: reported at its `express()`. */
function appFinding({ app, routes }: Unlimited): RuleFinding {
  return {
    file: app.file,
    line: app.line,
    column: app.column,
    messageId: 'app-without-limiter',
    message: `${describeApp(app)} has no rate limiter in front of its ${exposure(routes)}: add ${ADD_LIMITER}`
  }
}

/**
 * Per app with routes: at least one route must have a limiter in front of it (or inside its
 * handler). When no app has one, that is a project-wide absence: one finding, at the `express()`
 * of the main app (the one with the most routes). When other apps do limit, each app without is
 * reported at its `express()`; a limiter that runs before no route is reported where it is registered. A limiter used on
 * something the model cannot tie to an app counts as present: fewer findings, never wrong ones.
 * So does `limit_req` in the repository's nginx config (or Caddy's `rate_limit`): the proxy limits.
 */
export default defineRule({
  meta: {
    id: 'rate-limit-missing',
    severity: 'moderate',
    category: 'express',
    description: "No rate limiter in front of the app's routes.",
    fix: '`app.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }))` before the routes',
    cwe: 'CWE-770',
    messages: {
      'limiter-after-routes': "a limiter runs before none of the app's routes (registered after them or on another path)",
      'no-limiter-anywhere': 'no app of the project has a limiter (one project-wide finding)',
      'app-without-limiter': 'an app has no limiter while another app of the project has one'
    }
  },
  needs: 'source',
  check({ express, proxyConfigs }) {
    if (hasUnplacedLimiter(express) || proxyLimits(proxyConfigs)) return []
    const withRoutes = express.apps.map((app) => ({ app, routes: express.routesOf(app) })).filter((a) => a.routes.length > 0)
    const unlimited = withRoutes.filter((a) => !a.routes.some((r) => isRouteLimited(express, r)))
    const late = uniqueByPlace(unlimited.flatMap((a) => lateLimiterFinding(express, a)))
    const bare = unlimited.filter((a) => limitersOf(express, a.app).length === 0)
    if (bare.length === 0) return late
    if (bare.length === withRoutes.length) return [...late, projectFinding(bare)]
    return [...late, ...bare.map(appFinding)]
  }
})
