import type { Node } from '../parse/javascript.js'
import { ModelCache } from './cache.js'
import { ModuleGraph, type JsModule, type ModuleInfo, type ImportMap } from './graph.js'
import { enclosingFunction, positionOf, singleReturn, type FunctionNode } from './scope.js'
import { Evaluator } from './evaluator.js'
import { writtenExpression, writtenPath } from './path-text.js'
import { branches, type Site, type Value } from './values.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'
import { packageKind } from './middleware.js'
import { looksLikeHandler, returnsHandler } from './wrappers.js'
import { applySetup, PACKAGE as ROUTING_CONTROLLERS, SETUPS as CONTROLLER_SETUPS } from './routing-controllers.js'

export type { ImportMap, JsModule }

export interface Location {
  file: string
  line: number
  column: number
}

/** An `express()` app or an `express.Router()`. */
export interface RouterNode extends Location {
  id: number
  kind: 'app' | 'router'
  site: Site
  /** The variable it is first assigned to, when it is. */
  variable?: string
  /** Uses, routes and settings in the order they run. */
  events: RouterEvent[]
  /** Where it is mounted with `parent.use(path, router)`. */
  mounts: Mount[]
}

export type Handler =
  /** A middleware from a package: `helmet()`, `express.json({ limit })`, `rateLimit({...})`. */
  | { kind: 'middleware'; package: string; export: string[]; options: Value | undefined; called: boolean; site: Site }
  /** A router or sub-app mounted here. */
  | { kind: 'router'; router: RouterNode; site: Site }
  /** A function written in the app: `(req, res, next) => ...` or a named handler. */
  | { kind: 'function'; fn: FunctionNode; site: Site }
  /** A call of the app's own function that returns middleware: `validate(schema)`, `auth('admin')`. */
  | { kind: 'factory'; fn: FunctionNode; args: Node[]; site: Site }
  | { kind: 'unknown'; site: Site }

export interface RouterEvent extends Location {
  type: 'use' | 'route' | 'set' | 'disable' | 'enable'
  /** Sort key: runs before any event whose key compares greater. */
  order: number[]
  site: Site
  /** The literal mount or route path; undefined when it is not a literal (it may match anything). */
  path?: string
  /** A path the model cannot know, as written (`${base}/health`), for messages. */
  pathText?: string
  /** For routes: get, post, put, patch, delete, all, ... */
  method?: string
  handlers: Handler[]
  /** For `set`: the setting's name and value. */
  setting?: { name: string; value: Value }
}

export interface Mount {
  parent: RouterNode
  event: RouterEvent
}

/** A route as a request reaches it: the full path and every handler that runs before its last one. */
export interface ResolvedRoute {
  app: RouterNode
  router: RouterNode
  event: RouterEvent
  fullPath: string
  /** App- and router-level middleware on the route's path registered before it, then the route's own. */
  before: Array<{ handler: Handler; event: RouterEvent }>
}

/** resource-router-middleware's method names: the verb, and whether the route is on the collection or one item. */
const RESOURCE_VERBS: Record<string, [string, 'collection' | 'item']> = {
  index: ['get', 'collection'],
  list: ['get', 'collection'],
  create: ['post', 'collection'],
  read: ['get', 'item'],
  update: ['put', 'item'],
  modify: ['patch', 'item'],
  delete: ['delete', 'item'],
  del: ['delete', 'item']
}

export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head'])
const ROUTER_METHODS = new Set([...ROUTE_METHODS, 'use', 'set', 'disable', 'enable', 'route'])
/** Settings of an Express app, told apart from `map.set(key)` on receivers the model cannot tie to an app. */
const EXPRESS_SETTINGS = new Set([
  'x-powered-by',
  'trust proxy',
  'env',
  'etag',
  'query parser',
  'strict routing',
  'case sensitive routing',
  'json escape',
  'json replacer',
  'json spaces',
  'jsonp callback name',
  'subdomain offset',
  'view cache',
  'view engine',
  'views'
])

export function locate(site: Site): Location {
  const { line, column } = positionOf(site.node, site.module)
  return { file: site.module.path, line, column: column + 1 }
}

function isExpressCreation(value: Value): 'app' | 'router' | undefined {
  if (value.kind !== 'call' || value.callee.kind !== 'package') return undefined
  const path = value.callee.path
  // routing-controllers' `createExpressServer(options)` returns the Express app it built.
  if (value.callee.name === ROUTING_CONTROLLERS) return path.length === 1 && path[0] === 'createExpressServer' ? 'app' : undefined
  if (value.callee.name !== 'express') return undefined
  if (path.length === 0) return 'app'
  return path.length === 1 && path[0] === 'Router' ? 'router' : undefined
}

/**
 * Whether a call can be `express()`, `express.Router()`, `Router()` or `require('express')()`:
 * its callee is a name, a call, or a member named like those. `logger.info()` and the other
 * method calls, most calls of an app, are not evaluated for it.
 */
function mayCreateRouter(call: Extract<Node, { type: 'CallExpression' | 'OptionalCallExpression' }>): boolean {
  let callee = unwrapExpression(call.callee as Node)
  // `(0, express.Router)()`, as compilers write an unbound call.
  while (callee.type === 'SequenceExpression') callee = unwrapExpression(callee.expressions.at(-1) as Node)
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return true
  const name = propertyName(callee)
  return name === 'Router' || name === 'default' || name === 'express' || (name !== undefined && CONTROLLER_SETUPS.has(name))
}

/** `createExpressServer(options)` / `useExpressServer(app, options)` of routing-controllers. */
function isControllerSetup(value: Value): value is Extract<Value, { kind: 'call' }> {
  return (
    value.kind === 'call' &&
    value.callee.kind === 'package' &&
    value.callee.name === ROUTING_CONTROLLERS &&
    value.callee.path.length === 1 &&
    CONTROLLER_SETUPS.has(value.callee.path[0] as string)
  )
}

function literalPath(value: Value): string | undefined {
  return value.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined
}

/** Joins a mount path and a route path as Express matches them. */
export function joinPaths(prefix: string, path: string): string {
  // A path written with an unknown start (`${base}/x`, see path-text.ts) brings its own slash, if any.
  if (path.startsWith('${')) return `${prefix.replace(/\/+$/, '')}${path}`
  const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
  return joined === '/' ? '/' : joined.replace(/\/+$/, '') || '/'
}

/** Whether middleware mounted at `mount` runs for requests to `path` (an unknown mount matches all). */
export function pathCovers(mount: string | undefined, path: string): boolean {
  if (mount === undefined || mount === '/' || mount === '' || mount === '*') return true
  const m = mount.replace(/\/+$/, '').toLowerCase()
  const p = path.toLowerCase()
  return p === m || p.startsWith(`${m}/`)
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1)
    if (d !== 0) return d
  }
  return 0
}

/**
 * The model of the app's Express structure across modules: apps and routers with their uses,
 * routes and settings in the order they run, mounts, and what each middleware is.
 */
export class ExpressModel {
  readonly graph: ModuleGraph
  readonly evaluator: Evaluator
  readonly routers: RouterNode[] = []
  /** `.use()` calls on something that is not known to be an app or router (a parameter never bound, say). */
  readonly orphanUses: Array<{ site: Site; handlers: Handler[] }> = []
  /** Express settings (`disable('x-powered-by')`, `set('trust proxy', 1)`) on receivers not known to be an app. */
  readonly orphanSettings: Array<{ site: Site; name: string; value: Value }> = []
  /** What readers and rules derive from this model, computed once per package's scan. */
  readonly cache = new ModelCache()
  private readonly byNode = new Map<Node, RouterNode>()
  private wrapDepth = 0
  private readonly resourceRouters = new Map<Node, RouterNode>()

  constructor(modules: JsModule[], mapImport?: ImportMap) {
    this.graph = new ModuleGraph(modules, mapImport)
    this.evaluator = new Evaluator(this.graph)
    this.build()
  }

  /** Apps that are not mounted into another app: what a server listens with. */
  get apps(): RouterNode[] {
    return this.routers.filter((r) => r.kind === 'app' && r.mounts.length === 0)
  }

  evaluate(node: Node | null | undefined, module: ModuleInfo): Value {
    return this.evaluator.evaluate(node, module)
  }

  private routerFor(value: Value): RouterNode | undefined {
    const kind = isExpressCreation(value)
    if (!kind || !value.at) return undefined
    const existing = this.byNode.get(value.at.node)
    if (existing) return existing
    const parent = value.at.module.index.parents.get(value.at.node)
    const variable =
      parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier'
        ? parent.id.name
        : parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier'
          ? parent.left.name
          : undefined
    const router: RouterNode = {
      id: this.routers.length,
      kind,
      site: value.at,
      ...locate(value.at),
      ...(variable ? { variable } : {}),
      events: [],
      mounts: []
    }
    this.routers.push(router)
    this.byNode.set(value.at.node, router)
    return router
  }

  private build(): void {
    const setups: Array<{ call: Extract<Node, { type: 'CallExpression' | 'OptionalCallExpression' }>; value: Value; module: ModuleInfo }> =
      []
    for (const module of this.graph.modules.values()) {
      for (const call of module.index.calls) {
        if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') continue
        if (mayCreateRouter(call)) {
          const value = this.evaluate(call, module)
          this.routerFor(value)
          if (isControllerSetup(value)) setups.push({ call, value, module })
        }
        this.event(call, module)
      }
    }
    for (const { call, value, module } of setups) this.controllerSetup(call, value, module)
    for (const router of this.routers) router.events.sort((a, b) => compareOrder(a.order, b.order))
  }

  /** The app a routing-controllers setup builds or configures, with its controllers, middlewares and error handling. */
  private controllerSetup(
    call: Extract<Node, { type: 'CallExpression' | 'OptionalCallExpression' }>,
    value: Value,
    module: ModuleInfo
  ): void {
    const created = this.routerFor(value)
    const apps = created ? [created] : branches(this.evaluate(call.arguments[0] as Node | undefined, module)).map((b) => this.routerFor(b))
    for (const app of apps) {
      if (app?.kind !== 'app') continue
      applySetup(this, app, call, module, [app.site.module === module ? 0 : 1, call.start ?? 0])
    }
  }

  /** A router the model adds for a structure Express builds from something else (a routing-controllers controller). */
  newRouter(site: Site, variable: string | undefined): RouterNode {
    const router: RouterNode = {
      id: this.routers.length,
      kind: 'router',
      site,
      ...locate(site),
      ...(variable ? { variable } : {}),
      events: [],
      mounts: []
    }
    this.routers.push(router)
    return router
  }

  /** Records `<router>.use/route/set/...(...)` calls, including `router.route(path).get(...)` chains. */
  private event(call: Node, module: ModuleInfo): void {
    if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') return
    const callee = call.callee
    if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return
    const method = propertyName(callee)
    if (!method || !ROUTER_METHODS.has(method) || method === 'route') return
    const chain = this.routeChain(callee.object as Node, module)
    const receiverValue = chain ? chain.receiver : this.evaluate(callee.object as Node, module)
    const receivers = branches(receiverValue).filter((b) => this.routerFor(b))
    if (receivers.length === 0) {
      this.orphanUse(call, method, chain !== undefined, module)
      return
    }
    for (const receiver of receivers) this.addEvent(call, method, chain, receiver, module)
  }

  private orphanUse(
    call: Extract<Node, { type: 'CallExpression' | 'OptionalCallExpression' }>,
    method: string,
    inChain: boolean,
    module: ModuleInfo
  ): void {
    const args = call.arguments as Node[]
    if (method === 'use' && !inChain) {
      const handlers = args.flatMap((a) => this.handlers(this.evaluate(a, module), { module, node: a }))
      if (handlers.some((h) => h.kind === 'middleware' || (h.kind === 'function' && h.fn.params.length === 4)))
        this.orphanUses.push({ site: { module, node: call }, handlers })
    }
    if (method === 'set' || method === 'disable' || method === 'enable') {
      const name = literalPath(this.evaluate(args[0], module))
      if (name === undefined || !EXPRESS_SETTINGS.has(name)) return
      const value: Value = method === 'set' ? this.evaluate(args[1], module) : { kind: 'literal', value: method === 'enable' }
      this.orphanSettings.push({ site: { module, node: call }, name, value })
    }
  }

  private addEvent(
    call: Extract<Node, { type: 'CallExpression' | 'OptionalCallExpression' }>,
    method: string,
    chain: { receiver: Value; path?: string; pathText?: string } | undefined,
    receiver: Value,
    module: ModuleInfo
  ): void {
    const callee = call.callee as Extract<Node, { type: 'MemberExpression' | 'OptionalMemberExpression' }>
    const router = this.routerFor(receiver) as RouterNode
    const args = call.arguments as Node[]
    const site: Site = { module, node: call }
    // Code in the module that creates the router runs first; a module that imports it runs after.
    // Uses reached through a setup function run where that function is called.
    const via = receiver.via ?? []
    const rank = (via[0]?.module ?? module) === router.site.module ? 0 : 1
    const order = [rank, ...via.map((s) => s.node.start ?? 0), callee.property.start ?? call.start ?? 0]
    const base = { site, order, ...locate(site) }
    if (method === 'set' || method === 'disable' || method === 'enable') {
      const name = literalPath(this.evaluate(args[0], module))
      if (name === undefined) return
      const value: Value = method === 'set' ? this.evaluate(args[1], module) : { kind: 'literal', value: method === 'enable' }
      router.events.push({ ...base, type: method, handlers: [], setting: { name, value } })
      return
    }
    const first = args[0] ? this.evaluate(args[0], module) : undefined
    const written = chain ? chain.pathText : this.writtenFirst(args, method, first, module)
    const firstIsPath =
      first !== undefined &&
      (literalPath(first) !== undefined ||
        (written !== undefined && !chain) ||
        first.kind === 'regex' ||
        (first.kind === 'array' && method !== 'use') ||
        (first.kind === 'union' && branches(first).every((b) => literalPath(b) !== undefined)))
    const pathArg = chain ? chain.path : firstIsPath ? literalPath(first as Value) : method === 'use' ? '/' : undefined
    if (method === 'get' && !chain && args.length === 1) {
      const setting = literalPath(first as Value)
      if (setting !== undefined) return // app.get('setting') reads a setting
    }
    const handlerArgs = chain || !firstIsPath ? args : args.slice(1)
    if (!chain && method !== 'use' && handlerArgs.length === 0) return
    const perElement = first?.kind === 'union' && !chain ? this.perElement(first, handlerArgs, module) : undefined
    const parts = perElement ?? [
      { path: pathArg, handlers: handlerArgs.flatMap((a) => this.handlers(this.evaluate(a, module), { module, node: a })) }
    ]
    for (const { path, handlers } of parts) {
      const text = path === undefined && written !== undefined ? { pathText: written } : {}
      const event: RouterEvent = {
        ...base,
        type: method === 'use' ? 'use' : 'route',
        ...(path !== undefined ? { path } : {}),
        ...text,
        handlers
      }
      if (method !== 'use') event.method = method
      router.events.push(event)
      for (const h of handlers) if (h.kind === 'router') h.router.mounts.push({ parent: router, event })
    }
  }

  /**
   * `routes.forEach((r) => router.use(r.path, r.route))`: the path and the handlers are unions over
   * the same list, so element i's path goes with element i's handlers (one event each).
   */
  private perElement(
    paths: Extract<Value, { kind: 'union' }>,
    args: Node[],
    module: ModuleInfo
  ): Array<{ path?: string; handlers: Handler[] }> | undefined {
    const values = args.map((a) => ({ node: a, value: this.evaluate(a, module) }))
    if (values.length === 0 || !values.every(({ value }) => value.kind === 'union' && value.options.length === paths.options.length))
      return undefined
    return paths.options.map((option, i) => {
      const path = literalPath(option)
      const handlers = values.flatMap(({ node, value }) =>
        this.handlers((value as Extract<Value, { kind: 'union' }>).options[i] as Value, { module, node })
      )
      return { ...(path !== undefined ? { path } : {}), handlers }
    })
  }

  /** `router.route('/x').get(a).post(b)`: the router and path behind a chain of route calls. */
  private routeChain(object: Node, module: ModuleInfo): { receiver: Value; path?: string; pathText?: string } | undefined {
    let node = object
    while (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
      const name = propertyName(node.callee)
      if (name === 'route') {
        const arg = node.arguments[0] as Node | undefined
        const path = literalPath(this.evaluate(arg, module))
        const text = path === undefined && arg ? this.writtenPath(arg, module) : undefined
        return {
          receiver: this.evaluate(node.callee.object, module),
          ...(path !== undefined ? { path } : {}),
          ...(text !== undefined ? { pathText: text } : {})
        }
      }
      if (!name || !ROUTE_METHODS.has(name)) return undefined
      node = node.callee.object
    }
    return undefined
  }

  private writtenPath(node: Node, module: ModuleInfo): string | undefined {
    return writtenPath(node, module, (n) => this.evaluate(n, module))
  }

  /**
   * A first argument that is a path the model cannot know, as written: text (`${base}/x`), or for a
   * route, whose first argument Express always takes as its path, any expression (`${paths.health}`).
   */
  private writtenFirst(args: Node[], method: string, first: Value | undefined, module: ModuleInfo): string | undefined {
    const arg = args[0]
    if (!arg || !first || literalPath(first) !== undefined || ['regex', 'array', 'union', 'function'].includes(first.kind)) return undefined
    const text = this.writtenPath(arg, module)
    return text ?? (ROUTE_METHODS.has(method) && args.length >= 2 ? writtenExpression(arg, module) : undefined)
  }

  /**
   * What a value given to `.use()` or a route is. A call that wraps handlers (`asyncHandler(fn)`,
   * `catchAsync(controller.create)`, `wrap(factory())`) is the wrapper, then the handlers it wraps:
   * the wrapper runs first, the wrapped function answers.
   */
  handlers(value: Value, site: Site): Handler[] {
    const resource = this.resourceRouter(value, site)
    if (resource) return [{ kind: 'router', router: resource, site: value.at ?? site }]
    const own = this.ownHandlers(value, site)
    return value.kind === 'call' && own.every((h) => h.kind !== 'router') ? [...own, ...this.wrappedHandlers(value, site)] : own
  }

  /**
   * The handlers a call wraps: arguments that are handler-like functions of the app, factory calls
   * returning one, or wrapper calls around those. A package middleware with a known job is no
   * wrapper (`cors(delegate)` is CORS middleware).
   */
  private wrappedHandlers(call: Extract<Value, { kind: 'call' }>, site: Site): Handler[] {
    const callee = call.callee
    if (callee.kind === 'package' && (callee.name === 'express' || packageKind(callee.name) !== undefined)) return []
    if (this.wrapDepth > 3) return []
    this.wrapDepth += 1
    try {
      const module = call.at?.module ?? site.module
      return call.args.flatMap((arg) =>
        branches(this.evaluate(arg, module)).flatMap((v): Handler[] => {
          const at = v.at ?? { module, node: arg }
          if (v.kind === 'function') return looksLikeHandler(v.fn) ? [{ kind: 'function', fn: v.fn, site: at }] : []
          if (v.kind !== 'call') return []
          if (v.callee.kind === 'function') {
            const home = this.graph.moduleOf(v.callee.fn)
            return returnsHandler(this.evaluator, v.callee.fn, home) ? this.handlers(v, at) : this.wrappedHandlers(v, at)
          }
          return this.wrappedHandlers(v, at)
        })
      )
    } finally {
      this.wrapDepth -= 1
    }
  }

  /**
   * A router made by a package from an object of handler methods, in the way of
   * resource-router-middleware: `resource({ id: 'user', list({ query }, res) {...}, create({ body }, res) {...} })`
   * routes `list`/`index` as GET /, `create` as POST /, `read`/`update`/`modify`/`delete` on /:id.
   * Undefined when no method of the object names a route.
   */
  private resourceRouter(value: Value, site: Site, depth = 0): RouterNode | undefined {
    if (value.kind === 'call' && value.callee.kind === 'function' && value.callee.at && depth < 2) {
      // `api.use('/facets', facets({ config }))` where `facets = (deps) => resource({...})`.
      const module = value.callee.at.module
      const returned = singleReturn(value.callee.fn)
      return returned ? this.resourceRouter(this.evaluate(returned, module), { module, node: returned }, depth + 1) : undefined
    }
    if (value.kind !== 'call' || value.callee.kind !== 'package' || packageKind(value.callee.name) !== undefined) return undefined
    const [first] = value.args
    const module = value.at?.module ?? site.module
    const object = first ? this.evaluate(first, module) : undefined
    if (object?.kind !== 'object') return undefined
    const node = (value.at ?? site).node
    const known = this.resourceRouters.get(node)
    if (known) return known
    const id = object.entries.find((e) => e.key === 'id')
    const idValue = id ? this.evaluate(id.node, object.at?.module ?? module) : undefined
    const param = `/:${idValue?.kind === 'literal' && typeof idValue.value === 'string' ? idValue.value : 'id'}`
    const routes = object.entries.flatMap(({ key, node: entry }) => {
      const verb = RESOURCE_VERBS[key]
      const fn = verb ? this.evaluate(entry, object.at?.module ?? module) : undefined
      if (!verb || fn?.kind !== 'function' || !looksLikeHandler(fn.fn)) return []
      return [
        {
          method: verb[0],
          path: verb[1] === 'item' ? param : '/',
          fn: fn.fn,
          site: fn.at ?? { module: object.at?.module ?? module, node: entry }
        }
      ]
    })
    if (routes.length === 0) return undefined
    const router = this.newRouter(value.at ?? site, undefined)
    this.resourceRouters.set(node, router)
    routes.forEach((r, i) =>
      router.events.push({
        type: 'route',
        order: [node.start ?? 0, i],
        site: r.site,
        ...locate(r.site),
        method: r.method,
        path: r.path,
        handlers: [{ kind: 'function', fn: r.fn, site: r.site }]
      })
    )
    return router
  }

  private ownHandlers(value: Value, site: Site): Handler[] {
    if (value.kind === 'array') {
      const module = value.at?.module ?? site.module
      return value.elements.flatMap((e) => this.handlers(this.evaluate(e, module), { module, node: e }))
    }
    if (value.kind === 'conditional' || value.kind === 'fallback' || value.kind === 'union')
      return branches(value).flatMap((b) => this.handlers(b, site))
    const at = value.at ?? site
    const router = this.routerFor(value)
    if (router) return [{ kind: 'router', router, site: at }]
    if (value.kind === 'call' && value.callee.kind === 'package') {
      const [first] = value.args
      const module = value.at?.module ?? site.module
      return [
        {
          kind: 'middleware',
          package: value.callee.name,
          export: value.callee.path,
          options: first ? this.evaluate(first, module) : undefined,
          called: true,
          site: at
        }
      ]
    }
    if (value.kind === 'call' && value.callee.kind === 'call' && value.callee.callee.kind === 'package') {
      return [
        {
          kind: 'middleware',
          package: value.callee.callee.name,
          export: value.callee.callee.path,
          options: undefined,
          called: true,
          site: at
        }
      ]
    }
    if (value.kind === 'package')
      return [{ kind: 'middleware', package: value.name, export: value.path, options: undefined, called: false, site: at }]
    if (value.kind === 'function') return [{ kind: 'function', fn: value.fn, site: at }]
    if (value.kind === 'call' && value.callee.kind === 'function') {
      const returned = value.callee.at ? this.returnedRouter(value.callee.fn, value.callee.at.module) : undefined
      if (returned) return [{ kind: 'router', router: returned, site: at }]
      return [{ kind: 'factory', fn: value.callee.fn, args: value.args, site: at }]
    }
    return [{ kind: 'unknown', site: at }]
  }

  /** `module.exports = (passport) => { router.post(...); return router }`: the router a function returns. */
  private returnedRouter(fn: FunctionNode, module: ModuleInfo): RouterNode | undefined {
    if (fn.body.type !== 'BlockStatement') return this.routerFor(this.evaluate(fn.body as Node, module))
    for (const statement of fn.body.body) {
      if (statement.type === 'ReturnStatement' && statement.argument) return this.routerFor(this.evaluate(statement.argument, module))
    }
    return undefined
  }

  /** Every route of an app with its full path and the handlers that run before it. */
  routesOf(app: RouterNode): ResolvedRoute[] {
    const routes: ResolvedRoute[] = []
    // Middleware with the full path it is mounted at (undefined: not a literal, may match anything); it
    // runs for a route when that path covers the route's, even when it is deeper than a router's mount.
    type Scoped = ResolvedRoute['before'][number] & { mount: string | undefined }
    const visit = (router: RouterNode, prefix: string, inherited: Scoped[], seen: Set<RouterNode>): void => {
      if (seen.has(router)) return
      const inScope = new Set([...seen, router])
      const earlier: Scoped[] = []
      for (const event of router.events) {
        if (event.type === 'use') {
          const mountPath = joinPaths(prefix, event.path ?? event.pathText ?? '/')
          for (const handler of event.handlers) {
            if (handler.kind === 'router') visit(handler.router, mountPath, [...inherited, ...earlier], inScope)
          }
          const mount = event.path === undefined ? undefined : mountPath
          earlier.push(...event.handlers.filter((h) => h.kind !== 'router').map((handler) => ({ handler, event, mount })))
        } else if (event.type === 'route') {
          const fullPath = joinPaths(prefix, event.path ?? event.pathText ?? '/')
          const before = [
            ...[...inherited, ...earlier]
              .filter((e) => pathCovers(e.mount, fullPath))
              .map(({ handler, event: e }) => ({ handler, event: e })),
            ...event.handlers.slice(0, -1).map((handler) => ({ handler, event }))
          ]
          routes.push({ app, router, event, fullPath, before })
        }
      }
    }
    visit(app, '', [], new Set())
    return routes
  }

  /** Middleware used anywhere under an app (its own and its mounted routers'), with the event. */
  middlewareOf(app: RouterNode): Array<{ handler: Extract<Handler, { kind: 'middleware' }>; event: RouterEvent; router: RouterNode }> {
    const found: Array<{ handler: Extract<Handler, { kind: 'middleware' }>; event: RouterEvent; router: RouterNode }> = []
    const visit = (router: RouterNode, seen: Set<RouterNode>): void => {
      if (seen.has(router)) return
      seen.add(router)
      for (const event of router.events) {
        for (const handler of event.handlers) {
          if (handler.kind === 'middleware') found.push({ handler, event, router })
          if (handler.kind === 'router') visit(handler.router, seen)
        }
      }
    }
    visit(app, new Set())
    return found
  }

  /** The value of `app.set(name, ...)`, last one wins; undefined when never set. */
  setting(app: RouterNode, name: string): { value: Value; event: RouterEvent } | undefined {
    const event = [...app.events].reverse().find((e) => e.setting?.name === name)
    return event?.setting ? { value: event.setting.value, event } : undefined
  }

  /** The function a node sits in, for handlers written inline. */
  enclosingFunction(site: Site): FunctionNode | undefined {
    return enclosingFunction(site.module.index, site.node)
  }
}

export function buildExpressModel(modules: JsModule[], mapImport?: ImportMap): ExpressModel {
  return new ExpressModel(modules, mapImport)
}
