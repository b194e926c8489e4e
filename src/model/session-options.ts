import { locate, type ExpressModel, type Handler, type Location } from './express.js'
import type { MiddlewareHandler } from './middleware.js'
import { branches, type Site, type Value } from './values.js'

/**
 * What the session rules share: finding every express-session / cookie-session / cookie-parser
 * call the app uses, and reading their options so that only values known for certain to be unsafe
 * give findings (an unknown value, an unknown spread or options from a call give none).
 */

export type CookiePackage = 'express-session' | 'cookie-session' | 'cookie-parser'

export interface CookieMiddleware {
  package: CookiePackage
  handler: MiddlewareHandler
  /** The first argument; an empty object for a call without one, `unknown` when it cannot be told. */
  options: Value
  /** The `session()` call, where findings about absent options point. */
  location: Location
}

const PACKAGES = new Set<string>(['express-session', 'cookie-session', 'cookie-parser'])

function isCookieMiddleware(handler: Handler): handler is MiddlewareHandler {
  return handler.kind === 'middleware' && PACKAGES.has(handler.package) && handler.export.length === 0 && handler.called
}

/** `session()` with no argument has known (default) options; `session(a)(b)` and the like do not. */
function optionsOf(handler: MiddlewareHandler): Value {
  if (handler.options) return handler.options
  const node = handler.site.node
  const bare = (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') && node.arguments.length === 0
  return bare ? { kind: 'object', entries: [], spreads: [], at: handler.site } : { kind: 'unknown' }
}

/**
 * Each distinct call of a session or cookie middleware that an app, a router or an unresolved
 * receiver uses (a call stored in a variable and used twice counts once).
 */
export function cookieMiddlewares(express: ExpressModel, only?: CookiePackage[]): CookieMiddleware[] {
  const handlers = [
    ...express.routers.flatMap((r) => r.events.flatMap((e) => e.handlers)),
    ...express.orphanUses.flatMap((u) => u.handlers)
  ]
  const seen = new Set<unknown>()
  const found: CookieMiddleware[] = []
  for (const handler of handlers) {
    if (!isCookieMiddleware(handler) || seen.has(handler.site.node)) continue
    seen.add(handler.site.node)
    const pkg = handler.package as CookiePackage
    if (only && !only.includes(pkg)) continue
    found.push({ package: pkg, handler, options: optionsOf(handler), location: locate(handler.site) })
  }
  return found
}

export function sessionMiddlewares(express: ExpressModel, pkg: 'express-session' | 'cookie-session'): CookieMiddleware[] {
  return cookieMiddlewares(express, [pkg])
}

/** An option of a value (objects, conditionals, fallbacks and spreads followed); `unknown` when it cannot be told. */
export function option(express: ExpressModel, value: Value, name: string): Value {
  return express.evaluator.property(value, name)
}

/** Whether every value the option may take satisfies `test` (so an unknown branch makes it false). */
export function always(value: Value, test: (v: Value) => boolean): boolean {
  return branches(value).every(test)
}

/** Not written, or written as `undefined`: the package default applies. */
export function isUnset(value: Value): boolean {
  return value.kind === 'absent' || (value.kind === 'literal' && value.value === undefined)
}

export function isLiteral(value: Value, expected: unknown): boolean {
  return value.kind === 'literal' && value.value === expected
}

/** Where to point for an option: the value where it is written, else the middleware call. */
export function optionLocation(value: Value, middleware: CookieMiddleware): Location {
  return value.kind !== 'absent' && value.at ? locate(value.at) : middleware.location
}

/** Where the cookie attributes live: express-session's `cookie` object, cookie-session's top level. */
export function cookieOptions(express: ExpressModel, middleware: CookieMiddleware): Value {
  if (middleware.package !== 'express-session') return middleware.options
  const cookie = option(express, middleware.options, 'cookie')
  return isUnset(cookie) ? { kind: 'object', entries: [], spreads: [], at: middleware.handler.site } : cookie
}

/** A comparison such as `process.env.NODE_ENV === 'production'`: true in some environment. */
function isComparison(site: Site | undefined): boolean {
  const node = site?.node
  return node?.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(node.operator)
}

/** `secure: true`, or a conditional that is true in some environment (`NODE_ENV === 'production'`, `isProd ? true : false`). */
export function isSecureSometimes(value: Value): boolean {
  return branches(value).some((b) => isLiteral(b, true) || (b.kind === 'unknown' && isComparison(b.at)))
}

/**
 * express-session options that default to true and should be false (`resave`, `saveUninitialized`):
 * one finding per session() whose option is true or unset in every branch.
 */
export function trueByDefault(
  express: ExpressModel,
  name: string,
  consequence: string
): Array<Location & { messageId: 'unset' | 'set-true'; message: string }> {
  return sessionMiddlewares(express, 'express-session').flatMap((session) => {
    const value = option(express, session.options, name)
    if (!always(value, (v) => isUnset(v) || isLiteral(v, true))) return []
    const unset = isUnset(value)
    const state = unset ? 'is unset, so it defaults to true' : 'is true'
    return [
      {
        ...optionLocation(value, session),
        messageId: unset ? 'unset' : 'set-true',
        message: `express-session \`${name}\` ${state}: ${consequence}: set \`${name}: false\``
      }
    ]
  })
}
