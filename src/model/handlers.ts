import { walk, type Node } from '../parse/javascript.js'
import { envSideOf } from './env-guard.js'
import type { ExpressModel, Handler, RouterNode } from './express.js'
import type { ModuleInfo } from './graph.js'
import { middlewareKind } from './middleware.js'
import { isFunction, lookup, type FunctionNode } from './scope.js'
import { type Site } from './values.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'

/** A function of the app that Express calls with `(req, res, next)` or `(err, req, res, next)`. */
export interface HandlerFunction {
  fn: FunctionNode
  module: ModuleInfo
  /** Four parameters: Express calls it only with an error. */
  errorHandler: boolean
}

/** A response call that sends a body: `res.send(x)`, `res.status(500).json(x)`, `res.render(view, locals)`. */
export interface ResponseSend {
  call: Extract<Node, { type: 'CallExpression' }>
  method: string
  /** The arguments that become the body (the locals for `render`). */
  body: Node[]
}

const SEND_METHODS = new Set(['send', 'json', 'jsonp', 'end', 'write', 'render'])
/** Response methods that return the response, so `res.status(500).type('json').send(x)` is still `res`. */
const CHAIN_METHODS = new Set([
  'status',
  'type',
  'set',
  'header',
  'append',
  'vary',
  'location',
  'links',
  'contentType',
  'cookie',
  'clearCookie'
])
const RESPONSE_NAMES = new Set(['res', 'response', 'resp'])

function asFunction(express: ExpressModel, fn: FunctionNode): HandlerFunction | undefined {
  const home = express.graph.moduleOf(fn)
  if (!home) return undefined
  return { fn, module: home, errorHandler: fn.params.length === 4 && fn.params.every((p) => p.type !== 'RestElement') }
}

/** Functions passed to a wrapper call: `asyncHandler(async (req, res) => ...)`, `catchAsync(controller.create)`. */
function wrappedFunctions(express: ExpressModel, site: Site): FunctionNode[] {
  const node = site.node
  if (node.type !== 'CallExpression') return []
  return node.arguments.flatMap((arg) => {
    const value = express.evaluate(arg as Node, site.module)
    return value.kind === 'function' ? [value.fn] : []
  })
}

/** The app's own functions among a handler: the function itself, or the functions a wrapper call is given. */
export function functionsOf(express: ExpressModel, handler: Handler): HandlerFunction[] {
  if (handler.kind === 'function') return [asFunction(express, handler.fn)].filter((f) => f !== undefined)
  if (handler.kind === 'middleware' || handler.kind === 'factory') {
    const wrapped = wrappedFunctions(express, handler.site)
    // A factory given no function returns the handler: `router.get('/x', makeHandler())`.
    const returned =
      wrapped.length === 0 && handler.kind === 'factory'
        ? (factoryResults(express, handler) ?? []).flatMap((h) => (h.kind === 'function' ? [h.fn] : []))
        : []
    return [...wrapped, ...returned].map((fn) => asFunction(express, fn)).filter((f) => f !== undefined)
  }
  return []
}

/** Every app function used as middleware, route handler or error handler, once each. */
export function handlerFunctions(express: ExpressModel): HandlerFunction[] {
  const seen = new Map<FunctionNode, HandlerFunction>()
  const add = (handler: Handler): void => {
    for (const f of functionsOf(express, handler)) if (!seen.has(f.fn)) seen.set(f.fn, f)
  }
  for (const router of express.routers) for (const event of router.events) event.handlers.forEach(add)
  for (const orphan of express.orphanUses) orphan.handlers.forEach(add)
  return [...seen.values()]
}

/** What a factory of the app returns: `module.exports = () => router`, `() => (err, req, res, next) => ...`. */
export function factoryResults(express: ExpressModel, handler: Extract<Handler, { kind: 'factory' }>): Handler[] | undefined {
  const module = express.graph.moduleOf(handler.fn)
  if (!module) return undefined
  const body = handler.fn.body as Node
  const returned: Node[] = body.type === 'BlockStatement' ? [] : [body]
  if (body.type === 'BlockStatement') {
    walk(body, (node) => {
      if (node.type === 'ReturnStatement' && node.argument && ownFunction(module, node) === handler.fn) returned.push(node.argument)
    })
  }
  if (returned.length === 0) return undefined
  return returned.flatMap((node) => express.handlers(express.evaluate(node, module), { module, node }))
}

function ownFunction(module: ModuleInfo, node: Node): Node | undefined {
  for (let n = module.index.parents.get(node); n; n = module.index.parents.get(n)) if (isFunction(n)) return n
  return undefined
}

/** Packages whose exported middleware handles errors: `errorhandler()`, celebrate's `errors()`, Sentry's handler. */
const ERROR_MIDDLEWARE: Record<string, (path: string[]) => boolean> = {
  errorhandler: () => true,
  'express-error-handler': () => true,
  'strong-error-handler': () => true,
  'api-error-handler': () => true,
  'http-errors-express': () => true,
  celebrate: (path) => path[0] === 'errors',
  'express-validation': (path) => path[0] === 'errors',
  '@sentry/node': (path) => path.includes('errorHandler'),
  'express-winston': (path) => path[0] === 'errorLogger',
  // Its default error handler answers the errors of controller actions (see routing-controllers.ts).
  'routing-controllers': (path) => path[0] === 'defaultErrorHandler'
}

/** Common request middleware that never handles errors (static files, logging, auth, flash messages). */
const NOT_ERROR_MIDDLEWARE = new Set([
  'st',
  'serve-favicon',
  'morgan',
  'compression',
  'method-override',
  'passport',
  'connect-flash',
  'express-flash',
  'express-fileupload',
  'multer',
  'csurf',
  'response-time',
  'connect-history-api-fallback',
  'express-mongo-sanitize',
  'xss-clean',
  'hpp',
  'swagger-ui-express',
  'http-proxy-middleware',
  'express-http-proxy',
  'serve-index',
  'i18n'
])

/** Whether a handler is error middleware: `yes`, `no`, or `unknown` when its value is not known. */
export function isErrorMiddleware(express: ExpressModel, handler: Handler, depth = 0): 'yes' | 'no' | 'unknown' {
  switch (handler.kind) {
    case 'function':
      return handler.fn.params.length === 4 ? 'yes' : handler.fn.params.some((p) => p.type === 'RestElement') ? 'unknown' : 'no'
    case 'middleware':
      if (ERROR_MIDDLEWARE[handler.package]?.(handler.export)) return 'yes'
      // A package of unknown job could be error middleware (`app.use(handleErrors)` from a shared kit).
      return handler.package === 'express' || middlewareKind(handler) !== undefined || NOT_ERROR_MIDDLEWARE.has(handler.package)
        ? 'no'
        : 'unknown'
    case 'factory': {
      const results = depth < 3 ? factoryResults(express, handler) : undefined
      if (!results) return 'unknown'
      const answers = results.map((h) => isErrorMiddleware(express, h, depth + 1))
      return answers.includes('yes') ? 'yes' : answers.includes('unknown') ? 'unknown' : 'no'
    }
    case 'router':
      return 'no'
    default:
      return 'unknown'
  }
}

/** The routers a handler mounts: a router itself, or one returned by a factory (`require('./routes')(passport)`). */
export function mountedRouters(express: ExpressModel, handler: Handler): RouterNode[] | undefined {
  if (handler.kind === 'router') return [handler.router]
  if (handler.kind !== 'factory') return []
  const results = factoryResults(express, handler)
  if (!results) return undefined
  const routers = results.flatMap((h) => (h.kind === 'router' ? [h.router] : []))
  return routers.length > 0 ? routers : results.some((h) => h.kind === 'unknown') ? undefined : []
}

/** `res` in `res.status(500).json(x)`, when it is the handler's response parameter (or plainly named so). */
function responseRoot(callee: Node): Node | undefined {
  let object = callee.type === 'MemberExpression' ? callee.object : undefined
  while (
    object?.type === 'CallExpression' &&
    object.callee.type === 'MemberExpression' &&
    CHAIN_METHODS.has(propertyName(object.callee) ?? '')
  ) {
    object = object.callee.object
  }
  return object?.type === 'Identifier' ? object : undefined
}

/** Whether `object` is the handler's response: its response parameter, or a variable plainly named so. */
export function isResponse(handler: HandlerFunction, object: Node): boolean {
  const root = unwrapExpression(object)
  if (root.type !== 'Identifier') return false
  const binding = lookup(handler.module.index, root.name, root)
  if (binding?.kind === 'param' && binding.fn === handler.fn)
    return binding.index === (handler.errorHandler ? 2 : 1) && binding.path.length === 0
  return (binding === undefined || binding.kind === 'param') && RESPONSE_NAMES.has(root.name)
}

/** A response header the handler writes or removes: `res.setHeader(name, value)`, `res.set({ [name]: value })`, `res.removeHeader(name)`. */
export interface HeaderWrite {
  call: Extract<Node, { type: 'CallExpression' }>
  method: string
  name: string
  /** The value written; undefined for `removeHeader`. */
  value?: Node
}

const HEADER_SETTERS = new Set(['setHeader', 'set', 'header', 'append'])

/** Every header the handler's own body writes or removes on its response, with names the evaluator knows. */
export function headerWrites(express: ExpressModel, handler: HandlerFunction): HeaderWrite[] {
  const writes: HeaderWrite[] = []
  walk(handler.fn.body as Node, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return
    const method = propertyName(node.callee)
    if (!method || (!HEADER_SETTERS.has(method) && method !== 'removeHeader') || !isResponse(handler, node.callee.object)) return
    const [first, second] = node.arguments.filter((a) => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder') as Node[]
    if (!first) return
    const named = express.evaluate(first, handler.module)
    if (named.kind === 'literal' && typeof named.value === 'string') {
      writes.push({ call: node, method, name: named.value, ...(second && method !== 'removeHeader' ? { value: second } : {}) })
    } else if (named.kind === 'object' && !second && method !== 'removeHeader') {
      for (const entry of named.entries) writes.push({ call: node, method, name: entry.key, value: entry.node })
    }
  })
  return writes
}

/** Every body-sending response call inside `scope` (a handler, a catch block) on the handler's response. */
export function responseSends(handler: HandlerFunction, scope: Node): ResponseSend[] {
  const sends: ResponseSend[] = []
  walk(scope, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return
    const method = propertyName(node.callee)
    if (!method || !SEND_METHODS.has(method)) return
    const root = responseRoot(node.callee)
    if (!root || !isResponse(handler, root)) return
    const args = node.arguments as Node[]
    sends.push({ call: node, method, body: method === 'render' ? args.slice(1) : args })
  })
  return sends
}

/** Whether a node runs only on a side of a `NODE_ENV` test (either side: the code chose per environment). */
export function isEnvGuarded(node: Node, module: ModuleInfo, boundary?: Node): boolean {
  const side = envSideOf(node, module, boundary)
  return side === 'development' || side === 'either'
}
