import type { Node } from '../parse/javascript.js'
import { findDirectives } from '../parse/directive.js'
import type { ProxyConfig } from '../parse/proxy-config.js'
import { walk } from '../parse/javascript.js'
import { CacheKey } from './cache.js'
import type { ExpressModel, Handler, ResolvedRoute, RouterEvent, RouterNode } from './express.js'
import type { ModuleInfo } from './graph.js'
import { isKind, packageKind } from './middleware.js'
import { lookup, type FunctionNode } from './scope.js'
import { type Site, type Value } from './values.js'
import { propertyName } from '../parse/syntax.js'

/** Shared by the rate-limit rules: what a limiter is, where limiters are made and which routes they cover. */

export interface LimiterUse {
  handler: Handler
  event: RouterEvent
}

/** A limiter made in the code: `rateLimit({...})`, `slowDown({...})`, `new RateLimiterMemory({...})`, `new ExpressBrute(store)`. */
export interface LimiterCreation {
  package: string
  /** The export called: `[]` for the default, `['RateLimiterMemory']`... */
  export: string[]
  /** The first argument; `absent` when there is none. */
  options: Value
  site: Site
}

/** The rate-limit package value behind an expression: the package, a call or instance of it. */
function limiterPackage(value: Value): Extract<Value, { kind: 'package' }> | undefined {
  if (value.kind === 'package') return packageKind(value.name) === 'rate-limit' ? value : undefined
  if (value.kind === 'call' || value.kind === 'new') return limiterPackage(value.callee)
  return undefined
}

export function isLimiterValue(value: Value): boolean {
  return limiterPackage(value) !== undefined
}

function callee(node: Node): Node | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression' && node.type !== 'NewExpression') return undefined
  const target = node.callee
  return target.type === 'V8IntrinsicIdentifier' || target.type === 'Super' || target.type === 'Import' ? undefined : target
}

/** Whether evaluating a callee (or the object it is a method of) leads to a rate-limit package. */
function callsLimiter(express: ExpressModel, target: Node, module: ModuleInfo): boolean {
  if (isLimiterValue(express.evaluate(target, module))) return true
  const object = target.type === 'MemberExpression' || target.type === 'OptionalMemberExpression' ? target.object : undefined
  return object !== undefined && isLimiterValue(express.evaluate(object, module))
}

const WRAPS_LIMITER = new CacheKey<Map<FunctionNode, boolean>>('functions that limit')

/**
 * An app function that limits: it calls a limiter (`limiter(req, res, next)`), a method of one
 * (`rateLimiter.consume(req.ip)`, `bruteforce.prevent(...)`) or makes one (`return rateLimit({...})`).
 */
export function wrapsLimiter(express: ExpressModel, fn: FunctionNode): boolean {
  const wraps = express.cache.once(WRAPS_LIMITER, () => new Map())
  const cached = wraps.get(fn)
  if (cached !== undefined) return cached
  const module = express.graph.moduleOf(fn)
  let found = false
  if (module) {
    walk(fn, (node) => {
      if (found) return
      const target = callee(node)
      if (target && callsLimiter(express, target, module)) found = true
    })
  }
  wraps.set(fn, found)
  return found
}

/** Whether a handler limits the rate of requests, directly or through an app function. */
export function isLimiterHandler(express: ExpressModel, handler: Handler): boolean {
  switch (handler.kind) {
    case 'middleware':
      return isKind(handler, 'rate-limit')
    case 'function':
    case 'factory':
      return wrapsLimiter(express, handler.fn)
    case 'unknown': {
      // `bruteforce.prevent`, `limiter.getMiddleware({...})`: a member of a limiter instance.
      const target = callee(handler.site.node) ?? handler.site.node
      return callsLimiter(express, target, handler.site.module)
    }
    default:
      return false
  }
}

/** Every limiter used under an app (its own events and its mounted routers'), in no particular order. */
export function limitersOf(express: ExpressModel, app: RouterNode): LimiterUse[] {
  const found: LimiterUse[] = []
  const visit = (router: RouterNode, seen: Set<RouterNode>): void => {
    if (seen.has(router)) return
    seen.add(router)
    for (const event of router.events) {
      for (const handler of event.handlers) {
        if (handler.kind === 'router') visit(handler.router, seen)
        else if (isLimiterHandler(express, handler)) found.push({ handler, event })
      }
    }
  }
  visit(app, new Set())
  return found
}

/** A limiter used on something the model could not tie to an app: unclear wiring, so it may cover anything. */
export function hasUnplacedLimiter(express: ExpressModel): boolean {
  return express.orphanUses.some((u) => u.handlers.some((h) => isLimiterHandler(express, h)))
}

/** Whether a limiter runs for a route: before it on its path, in its chain, or inside its handler. */
export function isRouteLimited(express: ExpressModel, route: ResolvedRoute): boolean {
  return route.before.some((b) => isLimiterHandler(express, b.handler)) || route.event.handlers.some((h) => isLimiterHandler(express, h))
}

/**
 * Whether a mount's path is not known: not a literal, or a computed first argument the model read
 * as an (unknown) handler, as in `app.use(config.apiPrefix, router)`.
 */
function isUncertainMount(express: ExpressModel, event: RouterEvent): boolean {
  if (event.path === undefined) return true
  const call = event.site.node
  const first =
    call.type === 'CallExpression' || call.type === 'OptionalCallExpression' ? (call.arguments[0] as Node | undefined) : undefined
  if (!first || first.type === 'StringLiteral') return false
  const value = express.evaluate(first, event.site.module)
  if (value.kind === 'literal') return false
  return value.kind === 'env' || express.handlers(value, { module: event.site.module, node: first }).every((h) => h.kind === 'unknown')
}

/** A route whose full path went through a mount path the model does not know: its path may be anything. */
export function hasUncertainPath(express: ExpressModel, route: ResolvedRoute): boolean {
  if (route.event.path === undefined) return true
  const seen = new Set<RouterNode>()
  const uncertain = (router: RouterNode): boolean => {
    if (router === route.app || seen.has(router)) return false
    seen.add(router)
    return router.mounts.some((m) => isUncertainMount(express, m.event) || uncertain(m.parent))
  }
  return uncertain(route.router)
}

const AUTH_WORDS = new Set([
  'login',
  'logon',
  'signin',
  'signup',
  'register',
  'registration',
  'auth',
  'authenticate',
  'authentication',
  'oauth',
  'password',
  'passwd',
  'pwd',
  'reset',
  'forgot',
  'token',
  'tokens',
  'otp',
  'totp',
  'mfa',
  '2fa',
  'verify',
  'verification',
  'session',
  'sessions'
])
const AUTH_PREFIXES = ['login', 'logon', 'signin', 'signup', 'register', 'forgot', 'reset', 'password', 'verify']
const LOGOUT_WORDS = new Set(['logout', 'signout', 'logoff'])
/** Methods that submit credentials or codes; GET/HEAD render forms and DELETE ends sessions. */
const AUTH_METHODS = new Set(['post', 'put', 'patch', 'all'])

function wordsOf(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** `/api/auth/login`, `/forgotpw`, `/users/resetPassword`, `/v1/auth/refresh-tokens`; never `/authors` or `/auth/logout`. */
export function isAuthPath(path: string): boolean {
  // A part the model does not know (`${authBase}`, see path-text.ts) names a variable, not the path.
  const segments = path
    .replace(/\$\{[^}]*\}/g, '')
    .split('/')
    .filter((s) => s !== '' && !s.startsWith(':') && !s.startsWith('*'))
  const words = segments.map(wordsOf)
  if (words.flat().some((w) => LOGOUT_WORDS.has(w))) return false
  return words.some((ws) => ws.some((w) => AUTH_WORDS.has(w)) || AUTH_PREFIXES.some((p) => ws.join('').startsWith(p)))
}

export function isAuthRoute(route: ResolvedRoute): boolean {
  return AUTH_METHODS.has(route.event.method ?? '') && isAuthPath(route.fullPath)
}

export function describeRoute(route: ResolvedRoute): string {
  return `${(route.event.method ?? 'all').toUpperCase()} ${route.fullPath}`
}

export function describeApp(app: RouterNode): string {
  return app.variable ? `Express app '${app.variable}'` : 'Express app'
}

const CREATIONS = new CacheKey<LimiterCreation[]>('rate limiter creations')

/** Every call or `new` of a rate-limit package's export in the app's modules, found once per model. */
export function limiterCreations(express: ExpressModel): LimiterCreation[] {
  const cached = express.cache.get(CREATIONS)
  if (cached) return cached
  // Set before it is filled, so that a lookup made while filling (through an evaluation) cannot recurse.
  const found = express.cache.set(CREATIONS, [])
  for (const module of express.graph.modules.values()) {
    for (const call of module.index.calls) {
      const target = callee(call)
      if (!target) continue
      const value = express.evaluate(target, module)
      if (value.kind !== 'package' || packageKind(value.name) !== 'rate-limit') continue
      const [first] = (call as { arguments: Node[] }).arguments
      found.push({ package: value.name, export: value.path, options: express.evaluate(first, module), site: { module, node: call } })
    }
  }
  return found
}

/** express-rate-limit's and express-slow-down's middleware factories (default or named export). */
export function isOptionsLimiter(creation: LimiterCreation): boolean {
  const [name, ...rest] = creation.export
  if (rest.length > 0) return false
  if (creation.package === 'express-rate-limit') return name === undefined || name === 'default' || name === 'rateLimit'
  if (creation.package === 'express-slow-down') return name === undefined || name === 'default' || name === 'slowDown'
  return false
}

/** The site of an option as written (`keyGenerator: ...`), looking into spread objects. */
export function optionSite(express: ExpressModel, options: Value, key: string, depth = 0): Site | undefined {
  if (options.kind !== 'object' || !options.at || depth > 5) return undefined
  const module = options.at.module
  const entry = [...options.entries].reverse().find((e) => e.key === key)
  if (entry) return { module, node: entry.node }
  for (const spread of [...options.spreads].reverse()) {
    const found = optionSite(express, express.evaluate(spread, module), key, depth + 1)
    if (found) return found
  }
  return undefined
}

/**
 * The request header an expression reads, given the request's name: `req.headers['x-forwarded-for']`,
 * `req.get('X-Real-IP')`, `req.header('x-api-key')`; with `via: 'headers'`, `req` names the headers
 * object itself (`({ headers }) => headers['x-forwarded-for']`). Returns the header name ('' when
 * not literal), or undefined when it reads none.
 */
export function headerRead(root: Node, req: string, via: 'request' | 'headers' = 'request'): string | undefined {
  let header: string | undefined
  walk(root, (node, parent) => {
    if (header !== undefined || (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression')) return
    if (node.object.type !== 'Identifier' || node.object.name !== req) return
    const name = propertyName(node)
    if (via === 'headers') {
      header = name ?? ''
    } else if (name === 'headers') {
      const index =
        parent && (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node
          ? propertyName(parent)
          : undefined
      header = index ?? ''
    } else if (
      (name === 'get' || name === 'header') &&
      parent &&
      (parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') &&
      parent.callee === node
    ) {
      const [arg] = parent.arguments
      header = arg?.type === 'StringLiteral' ? arg.value : ''
    }
  })
  return header
}

/** The name of a function's first parameter when it is a plain identifier (`req`). */
export function firstParamName(fn: FunctionNode): string | undefined {
  const [first] = fn.params
  return first?.type === 'Identifier'
    ? first.name
    : first?.type === 'AssignmentPattern' && first.left.type === 'Identifier'
      ? first.left.name
      : undefined
}

/** A call on a receiver declared in the code (a parameter, a variable), not on an undeclared global of a snippet. */
export function hasDeclaredReceiver(site: Site): boolean {
  const call = site.node
  if (call.type !== 'CallExpression' || (call.callee.type !== 'MemberExpression' && call.callee.type !== 'OptionalMemberExpression'))
    return false
  const receiver = call.callee.object
  return receiver.type !== 'Identifier' || lookup(site.module.index, receiver.name, receiver) !== undefined
}

/** The repository's nginx (`limit_req`) or Caddy (`rate_limit`) config limits request rates in front of the app. */
export function proxyLimits(configs: readonly ProxyConfig[]): boolean {
  return configs.some((c) =>
    c.kind === 'nginx'
      ? findDirectives(c.directives, 'limit_req').length > 0
      : c.model.sites.some((site) => findDirectives(site.directives, 'rate_limit').length > 0)
  )
}
