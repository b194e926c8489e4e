import { defineRule, type RuleFinding } from '../rule.js'
import type { ExpressModel, Handler, RouterEvent, RouterNode } from '../../model/express.js'
import { envSideOf } from '../../model/env-guard.js'
import { isErrorMiddleware, mountedRouters } from '../../model/handlers.js'

/**
 * After a router's events: `none` (no routes yet), `open` (routes no error middleware follows),
 * `handled` (error middleware after the last route), `unknown` (something unreadable after them).
 */
type State = 'none' | 'open' | 'handled' | 'unknown'

/** Error middleware registered only outside production (`if (env === 'development')`) handles nothing in production. */
function productionErrorMiddleware(express: ExpressModel, handler: Handler, event: RouterEvent): 'yes' | 'no' | 'unknown' {
  const answer = isErrorMiddleware(express, handler)
  if (answer !== 'yes') return answer
  return envSideOf(event.site.node, event.site.module) === 'development' ? 'no' : 'yes'
}

interface Walk {
  state: State
  /** The last error middleware registered, for judging whether later routes certainly come after it. */
  errorEvent?: RouterEvent
}

/** Enclosing function (or module) of an event: events in the same one run in the order written. */
function scopeOf(express: ExpressModel, event: RouterEvent): unknown {
  return express.enclosingFunction(event.site) ?? event.site.module
}

/**
 * Routes after error middleware leave the app open, unless the two were registered in different
 * functions: a setup function called from a callback (`connect().then(() => configure(app))`) may
 * run after code written below it, so the order is not certain.
 */
function reopen(express: ExpressModel, walk: Walk, event: RouterEvent): State {
  if (walk.state !== 'handled' || !walk.errorEvent) return 'open'
  return scopeOf(express, walk.errorEvent) === scopeOf(express, event) ? 'open' : 'unknown'
}

function afterHandler(express: ExpressModel, walk: Walk, handler: Handler, event: RouterEvent, seen: Set<RouterNode>): void {
  const error = productionErrorMiddleware(express, handler, event)
  if (error === 'yes') {
    if (walk.state !== 'none') walk.state = 'handled'
    walk.errorEvent = event
    return
  }
  const routers = mountedRouters(express, handler)
  if (routers === undefined || error === 'unknown') {
    if (walk.state === 'open' || walk.state === 'handled') walk.state = 'unknown'
    return
  }
  for (const router of routers) {
    const inner = walkRouter(express, router, seen)
    // A router's own final error middleware handles its routes; otherwise they fall through to the app's.
    if (inner === 'open') walk.state = reopen(express, walk, event)
    else if (inner === 'unknown' && walk.state !== 'open') walk.state = 'unknown'
  }
}

function walkRouter(express: ExpressModel, router: RouterNode, seen: Set<RouterNode>): State {
  if (seen.has(router)) return 'unknown'
  seen.add(router)
  const walk: Walk = { state: 'none' }
  for (const event of router.events) {
    if (event.type === 'route') walk.state = reopen(express, walk, event)
    else if (event.type === 'use') for (const handler of event.handlers) afterHandler(express, walk, handler, event, seen)
  }
  seen.delete(router)
  return walk.state
}

function checkApp(express: ExpressModel, app: RouterNode): RuleFinding[] {
  if (walkRouter(express, app, new Set()) !== 'open') return []
  const name = app.variable ? `Express app '${app.variable}'` : 'Express app'
  return [
    {
      file: app.file,
      line: app.line,
      column: app.column,
      messageId: 'no-error-handler',
      message: `${name} has routes but no error-handling middleware after them, so errors reach Express's default handler (stack traces unless NODE_ENV=production): end with \`app.use((err, req, res, next) => { log(err); res.status(500).json({ error: 'Internal Server Error' }) })\``
    }
  ]
}

/**
 * Per app that is not mounted into another: some route (its own, or a mounted router's without a
 * final error handler of its own) with no four-argument error middleware registered after it.
 * Unreadable handlers after the routes (they may be error middleware) and error middleware on
 * receivers the model cannot tie to an app give no finding.
 */
export default defineRule({
  meta: {
    id: 'error-handler-missing',
    severity: 'low',
    category: 'express',
    description: 'An Express app with routes but no final four-argument error middleware.',
    fix: '`app.use((err, req, res, next) => ...)` after all routes, sending a generic message',
    cwe: 'CWE-209',
    messages: {
      'no-error-handler': 'an app with routes and no production error middleware after them'
    }
  },
  needs: 'source',
  check({ express }) {
    if (express.orphanUses.some((u) => u.handlers.some((h) => isErrorMiddleware(express, h) === 'yes'))) return []
    return express.apps.flatMap((app) => checkApp(express, app))
  }
})
