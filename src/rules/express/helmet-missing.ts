import { defineRule, type RuleFinding } from '../rule.js'
import { servesNothing } from '../../model/app-uses.js'
import type { ExpressModel, Handler, RouterNode } from '../../model/express.js'
import { isKind } from '../../model/middleware.js'

/** Header middleware that does helmet's job (helmet, lusca). */
export function isHeaderMiddleware(handler: Handler): boolean {
  return isKind(handler, 'headers')
}

function describe(app: RouterNode): string {
  return app.variable ? `Express app '${app.variable}'` : 'Express app'
}

function checkApp(express: ExpressModel, app: RouterNode): RuleFinding[] {
  const helmet = app.events.find((e) => e.type === 'use' && e.handlers.some(isHeaderMiddleware))
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
 * Per app that is not mounted into another: helmet on the app, before every route. Helmet used on
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
      'helmet-after-routes': 'helmet is registered, but after a route that is served without its headers'
    }
  },
  needs: 'source',
  check({ express }) {
    if (express.orphanUses.some((u) => u.handlers.some(isHeaderMiddleware))) return []
    return express.apps.filter((app) => !servesNothing(express, app)).flatMap((app) => checkApp(express, app))
  }
})
