import type { ExpressModel, Handler } from './express.js'
import { isEnvGuarded } from './handlers.js'
import type { Site } from './values.js'

/** Error middleware from a package that answers with the stack trace: `errorhandler()`, `strongErrorHandler({ debug: true })`. */
function showsStacks(express: ExpressModel, handler: Handler): boolean {
  if (handler.kind !== 'middleware' || handler.export.length > 0) return false
  if (handler.package === 'errorhandler') return true
  if (handler.package !== 'strong-error-handler' || handler.options?.kind !== 'object') return false
  const debug = express.evaluator.property(handler.options, 'debug')
  return debug.kind === 'literal' && debug.value === true
}

/**
 * `app.use(errorhandler())` mounted outside a development-only test: the package's page, with the
 * stack trace, answers every error in production too.
 */
export function debugErrorMiddleware(express: ExpressModel): Array<{ site: Site; package: string }> {
  const uses = [...express.routers.flatMap((r) => r.events.filter((e) => e.type === 'use')), ...express.orphanUses]
  return uses.flatMap((use) =>
    use.handlers
      .filter((h) => showsStacks(express, h))
      .filter(() => !isEnvGuarded(use.site.node, use.site.module))
      .map((h) => ({ site: use.site, package: (h as Extract<Handler, { kind: 'middleware' }>).package }))
  )
}
