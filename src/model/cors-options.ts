import type { Node } from '../parse/javascript.js'
import { walk } from '../parse/javascript.js'
import type { ExpressModel, Handler, RouterEvent } from './express.js'
import { isKind, type MiddlewareHandler } from './middleware.js'
import type { FunctionNode } from './scope.js'
import { branches, type Site, type Value } from './values.js'
import { optionSite } from './limiters.js'

/** Shared by the CORS rules: every `cors()` in use and what its options allow. */

export interface CorsUse {
  handler: MiddlewareHandler
  /** The route or use it is given to; undefined for a use the model could not tie to an app. */
  event?: RouterEvent
}

/**
 * Why an origin setting lets any site in: `*` (also the default), `true` (reflects the request's
 * origin), a function that allows every origin, or a regex that matches everything.
 */
export type OpenOrigin = 'default' | 'wildcard' | 'reflect' | 'function' | 'regex'

export interface CorsVerdict {
  /** How any origin gets in; undefined when the origin is restricted or unknown. */
  open?: OpenOrigin
  credentials: boolean
  /** The `origin` option as written, when there is one. */
  originSite?: Site
  credentialsSite?: Site
}

/** Every cors middleware given to a use or route of any app or router, once per `cors(...)` call. */
export function corsUses(express: ExpressModel): CorsUse[] {
  const found = new Map<Node, CorsUse>()
  const add = (handler: Handler, event?: RouterEvent): void => {
    if (isKind(handler, 'cors') && handler.called && handler.export.length === 0 && !found.has(handler.site.node))
      found.set(handler.site.node, { handler, ...(event ? { event } : {}) })
  }
  for (const router of express.routers) for (const event of router.events) for (const handler of event.handlers) add(handler, event)
  for (const use of express.orphanUses) for (const handler of use.handlers) add(handler)
  return [...found.values()]
}

/** `app.options('*', cors())` answers preflights for the app's main `cors()`: one finding is enough. */
export function isPreflightEcho(use: CorsUse, all: CorsUse[]): boolean {
  return use.event?.method === 'options' && all.some((other) => other !== use && other.event?.method !== 'options')
}

const MATCH_ALL = new Set([
  '',
  '.*',
  '.+',
  '.',
  '.*?',
  '.+?',
  '(.*)',
  '(.+)',
  '[\\s\\S]*',
  '[\\s\\S]+',
  '[^]*',
  '[^]+',
  '\\S*',
  '\\S+',
  '[\\w\\W]*'
])

/** `/.*\/`, `/^.+$/`, `/^https?:\/\/.*$/`: read, never run. */
export function matchesEverything(pattern: string): boolean {
  const body = pattern
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/^\(?https\?:?(?:\\\/|\/){2}\)?/, '')
  return MATCH_ALL.has(body)
}

function isNullLiteral(node: Node | undefined): boolean {
  return node?.type === 'NullLiteral' || (node?.type === 'Identifier' && node.name === 'undefined')
}

/**
 * `(origin, callback) => callback(null, true)` or `callback(null, origin)`: every call of the
 * callback allows, whatever the origin. A function that ever refuses (an error, `false`, a
 * computed answer) restricts.
 */
export function allowsEveryOrigin(fn: FunctionNode): boolean {
  const [originParam, callbackParam] = fn.params
  if (callbackParam?.type !== 'Identifier') return false
  const origin = originParam?.type === 'Identifier' ? originParam.name : undefined
  const answers: boolean[] = []
  walk(fn.body as Node, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== callbackParam.name) return
    const [error, allow] = node.arguments as Node[]
    const allows =
      isNullLiteral(error) && ((allow?.type === 'BooleanLiteral' && allow.value) || (allow?.type === 'Identifier' && allow.name === origin))
    answers.push(Boolean(allows))
  })
  return answers.length > 0 && answers.every(Boolean)
}

function openness(value: Value): OpenOrigin | undefined {
  switch (value.kind) {
    case 'absent':
      return 'default'
    case 'literal':
      return value.value === '*' ? 'wildcard' : value.value === true ? 'reflect' : undefined
    case 'regex':
      return matchesEverything(value.pattern) ? 'regex' : undefined
    case 'function':
      return allowsEveryOrigin(value.fn) ? 'function' : undefined
    default:
      return undefined
  }
}

/**
 * A conditional is open only when every branch is (a development-only `*` is common and fine);
 * a fallback is open when its default is (`process.env.CORS_ORIGIN || '*'`).
 */
function originOpenness(value: Value): OpenOrigin | undefined {
  if (value.kind === 'conditional') {
    const sides = [originOpenness(value.consequent), originOpenness(value.alternate)]
    return sides.every((s) => s !== undefined) ? sides[0] : undefined
  }
  if (value.kind === 'fallback') return originOpenness(value.left) ?? originOpenness(value.right)
  return openness(value)
}

function isTrue(value: Value): boolean {
  const all = branches(value)
  return value.kind === 'fallback'
    ? all.some((b) => b.kind === 'literal' && b.value === true)
    : all.every((b) => b.kind === 'literal' && b.value === true)
}

/** What a `cors(options)` call allows; undefined for options the model cannot read (a delegate, a parameter). */
export function assessCors(express: ExpressModel, handler: MiddlewareHandler): CorsVerdict | undefined {
  const options = handler.options
  if (options === undefined || options.kind === 'absent') return { open: 'default', credentials: false }
  if (options.kind !== 'object') return undefined
  const origin = express.evaluator.property(options, 'origin')
  const credentials = express.evaluator.property(options, 'credentials')
  const open = originOpenness(origin)
  const originSite = optionSite(express, options, 'origin')
  const credentialsSite = optionSite(express, options, 'credentials')
  return {
    ...(open ? { open } : {}),
    credentials: isTrue(credentials),
    ...(originSite ? { originSite } : {}),
    ...(credentialsSite ? { credentialsSite } : {})
  }
}

export function describeOpen(open: OpenOrigin): string {
  switch (open) {
    case 'default':
      return 'no `origin` (cors then allows `*`)'
    case 'wildcard':
      return 'origin `*`'
    case 'reflect':
      return 'origin `true` (reflects any request origin)'
    case 'function':
      return 'an origin function that allows every origin'
    case 'regex':
      return 'an origin regex that matches every origin'
  }
}
