import { defineRule, type RuleFinding } from '../rule.js'
import { servesNothing } from '../../model/app-uses.js'
import type { ExpressModel, Handler, RouterEvent, RouterNode } from '../../model/express.js'
import { isKind } from '../../model/middleware.js'
import { headersSet, REQUIRED_HEADERS, type SecurityHeader } from '../../model/security-headers.js'

/** Header middleware that does helmet's job (helmet, lusca). */
export function isHeaderMiddleware(handler: Handler): boolean {
  return isKind(handler, 'headers')
}

function describe(app: RouterNode): string {
  return app.variable ? `Express app '${app.variable}'` : 'Express app'
}

/** The headers the app's header middleware sets together, or `all` when one of them is helmet itself (or unreadable). */
function headersOf(express: ExpressModel, uses: RouterEvent[]): Set<SecurityHeader> | 'all' {
  const headers = new Set<SecurityHeader>()
  for (const handler of uses.flatMap((e) => e.handlers)) {
    const set = headersSet(express.evaluator, handler)
    if (set === 'all') return 'all'
    for (const header of set ?? []) headers.add(header)
  }
  return headers
}

/** `helmet.noSniff()` and `helmet.frameguard()` alone: header middleware that leaves out the CSP or HSTS. */
function partialFinding(express: ExpressModel, app: RouterNode, uses: RouterEvent[]): RuleFinding[] {
  const headers = headersOf(express, uses)
  if (headers === 'all') return []
  const missing = REQUIRED_HEADERS.filter((h) => !headers.has(h))
  const [first] = uses
  if (missing.length === 0 || !first) return []
  const sets = headers.size > 0 ? `sets only ${[...headers].join(' and ')}` : 'sets none of the security headers'
  return [
    {
      file: first.file,
      line: first.line,
      column: first.column,
      messageId: 'partial-headers',
      message: `${describe(app)}'s header middleware ${sets}: ${missing.map((h) => `no ${h}`).join(', ')}; use \`app.use(helmet())\`, which sets them all`
    }
  ]
}

function checkApp(express: ExpressModel, app: RouterNode): RuleFinding[] {
  const uses = app.events.filter((e) => e.type === 'use' && e.handlers.some(isHeaderMiddleware))
  const [helmet] = uses
  if (!helmet) {
    return [
      {
        file: app.file,
        line: app.line,
        column: app.column,
        messageId: 'no-helmet',
        message: `${describe(app)} has no helmet, so responses lack security headers (CSP, HSTS, X-Content-Type-Options, frameguard): add \`app.use(helmet())\` before the routes`
      }
    ]
  }
  // A CORS preflight route (`app.options('*', cors())`) renders nothing that headers would protect.
  const partial = partialFinding(express, app, uses)
  if (partial.length > 0) return partial
  const exposed = express.routesOf(app).find((r) => r.event.method !== 'options' && !r.before.some((b) => isHeaderMiddleware(b.handler)))
  if (!exposed) return []
  return [
    {
      file: helmet.file,
      line: helmet.line,
      column: helmet.column,
      messageId: 'helmet-after-routes',
      message: `helmet is registered after the route ${(exposed.event.method ?? 'all').toUpperCase()} ${exposed.fullPath} (${exposed.event.file}:${exposed.event.line}), which is served without its headers: move \`app.use(helmet())\` above the first route`
    }
  ]
}

/**
 * Per app that is not mounted into another: helmet on the app, before every route. Single-header
 * middleware (`helmet.noSniff()`, `lusca.xframe()`) counts only when together they set both the
 * Content-Security-Policy and Strict-Transport-Security. Helmet used on
 * something the model cannot tie to an app (an unresolved setup parameter) counts as covering:
 * unclear wiring gives fewer findings, never wrong ones. An app that serves nothing (no middleware
 * or routes, only made into a server, e.g. for a websocket server) needs no headers.
 */
export default defineRule({
  meta: {
    id: 'helmet-missing',
    severity: 'high',
    category: 'express',
    description: 'An Express app with no helmet (or equivalent header middleware) in front of its routes.',
    fix: '`app.use(helmet())` right after creating the app, before any route',
    cwe: 'CWE-693',
    messages: {
      'no-helmet': 'an app with no helmet (or equivalent header middleware) at all',
      'partial-headers': 'header middleware that sets only some headers (`helmet.noSniff()`, `lusca.xframe()`), without CSP or HSTS',
      'helmet-after-routes': 'helmet is registered, but after a route that is served without its headers'
    }
  },
  needs: 'source',
  check({ express }) {
    if (express.orphanUses.some((u) => u.handlers.some(isHeaderMiddleware))) return []
    // Setup code shared by two apps (`configure(app)`, `configure(testApp)`) is reported once, where it is written.
    const seen = new Set<string>()
    return express.apps
      .filter((app) => !servesNothing(express, app))
      .flatMap((app) => checkApp(express, app))
      .filter((f) => !seen.has(`${f.file}:${f.line}:${f.column}`) && seen.add(`${f.file}:${f.line}:${f.column}`))
  }
})
