import { walk, type Node } from '../parse/javascript.js'
import { paramRoles, type ParamRoles } from './action-params.js'
import { CacheKey } from './cache.js'
import { isDatabaseRead, rootIdentifier } from './data-layer.js'
import type { ExpressModel, Handler, RouterEvent, RouterNode } from './express.js'
import type { ModuleInfo } from './graph.js'
import { isFunction, lookup, patternNames, type Binding, type FunctionNode, type PatternPath } from './scope.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'

export { rootIdentifier } from './data-layer.js'

/** The parts of a request a client writes freely. */
export const REQUEST_SOURCES = new Set(['body', 'query', 'params'])

/** Array methods whose callback's first parameter is an element (or key) of the receiver. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex'])
const FIXPOINT_ROUNDS = 6

/** A function written in the app that Express calls with `(req, res, next)`. */
export interface HandlerFunction {
  fn: FunctionNode
  module: ModuleInfo
}

/**
 * One field of the request that an expression carries, and the read it comes from: `body.email`
 * read by `req.body` in `const { email } = req.body`. `body` alone is all of the body.
 */
export interface Origin {
  path: string
  read: Node
}

/**
 * Where request data goes inside one handler function: reads of `req.body`/`req.query`/`req.params`
 * (by the handler's own first parameter, whatever its name), destructured parameters
 * (`({ body }, res)`), and local variables assigned from them, followed to a fixpoint. What a
 * database read returns is a stored record, not request data, whatever its filter was.
 */
export interface RequestData {
  fn: FunctionNode
  module: ModuleInfo
  /** `req.body`, `req.query.x`, a destructured `{ body }` parameter...: in source order. */
  reads: Node[]
  /** Whether the expression carries request data (looking through operators, not into nested functions). */
  carries(node: Node): boolean
  /** The request fields the expression carries, each with the read it comes from. */
  origins(node: Node): Origin[]
  /** Whether the expression is all of `req.body`/`req.query`/`req.params`, directly or by an alias. */
  isWhole(node: Node): boolean
  /**
   * Whether the expression is request data itself rather than something computed from it: a read,
   * a member of one, or an alias (`const { message } = req.body`), possibly with a fallback (`x || {}`).
   */
  isRequestValue(node: Node): boolean
  /** Whether the expression is the handler's request parameter itself (`req`). */
  isRequest(node: Node): boolean
  /** Whether the expression is the handler's response parameter (`res`). */
  isResponse(node: Node): boolean
  /** Request fields the framework validates before the handler runs (a routing-controllers `@Body() dto: Dto`). */
  validated: string[]
  /** The source text of a node, for messages. */
  text(node: Node): string
}

/** Whether an identifier node is a reference to a variable (not a property name or object key). */
function isReference(node: Node, parent: Node | undefined): boolean {
  if (!parent) return true
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed)
    return false
  if ((parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod') && parent.key === node && !parent.computed) {
    return parent.type === 'ObjectProperty' && parent.shorthand && parent.value === node
  }
  return true
}

/** What a visitor says about a node: stop the walk, skip its children, or go on. */
type Visit = 'stop' | 'skip' | void

/**
 * Visits the parts of an expression its value can come from, without entering nested functions:
 * the test of `a ? b : c` decides between values, it is not one.
 */
function walkExpression(root: Node, visit: (node: Node, parent: Node | undefined) => Visit): void {
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]]
  while (stack.length > 0) {
    const [node, parent] = stack.pop() as [Node, Node | undefined]
    if (isFunction(node)) continue
    const said = visit(node, parent)
    if (said === 'stop') return
    if (said === 'skip') continue
    for (const key in node) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'extra' || key.endsWith('Comments') || key === 'typeAnnotation')
        continue
      if (key === 'test' && node.type === 'ConditionalExpression') continue
      const value = (node as unknown as Record<string, unknown>)[key]
      const children = Array.isArray(value) ? value : [value]
      for (const child of children) {
        if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string')
          stack.push([child as Node, node])
      }
    }
  }
}

/** `a.b` + ['c', '...', 'd'] → `a.b.c`: a rest element holds every other field, so the path stops there. */
function joinPath(base: string, more: PatternPath): string {
  const parts = [base]
  for (const part of more) {
    if (part === '...' || part === '?') break
    parts.push(String(part))
  }
  return parts.join('.')
}

/** `Object.keys(x)` / `Object.entries(x)` / `Object.values(x)`: which one, and `x`. */
function objectIteration(node: Node): { kind: 'keys' | 'entries' | 'values'; of: Node } | undefined {
  const n = unwrapExpression(node)
  if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression') return undefined
  const object = n.callee.object
  const kind = propertyName(n.callee)
  const [of] = n.arguments
  if (object.type !== 'Identifier' || object.name !== 'Object' || !of || of.type === 'SpreadElement') return undefined
  return kind === 'keys' || kind === 'entries' || kind === 'values' ? { kind, of: of as Node } : undefined
}

class HandlerTaint implements RequestData {
  readonly reads: Node[] = []
  readonly validated: string[]
  /** Variables that hold request data, with the fields they carry. */
  private readonly tainted = new Map<Binding, Origin[]>()
  private readonly whole = new Set<Binding>()
  /** Aliases of request data itself, not values computed from it. */
  private readonly direct = new Set<Binding>()
  private readonly index

  constructor(
    readonly fn: FunctionNode,
    readonly module: ModuleInfo,
    private readonly roles: ParamRoles,
    private readonly isStoredRecord: (call: Node) => boolean
  ) {
    this.index = module.index
    this.validated = [...roles.parts.values()].filter((p) => p.validated).map((p) => p.path.join('.'))
    this.collect()
  }

  /** The binding a name has at a node, if it is the handler's own parameter number `n`. */
  private param(name: string, at: Node, n: number): Extract<Binding, { kind: 'param' }> | undefined {
    const binding = lookup(this.index, name, at)
    return binding?.kind === 'param' && binding.fn === this.fn && binding.index === n ? binding : undefined
  }

  /** `req.body` / `req['query']` where `req` is the handler's request parameter. */
  private isRead(node: Node): boolean {
    if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return false
    const object = unwrapExpression(node.object)
    if (object.type !== 'Identifier' || !REQUEST_SOURCES.has(propertyName(node) ?? '') || this.roles.request === undefined) return false
    const binding = this.param(object.name, node, this.roles.request)
    return binding !== undefined && binding.path.length === 0
  }

  /** A destructured request parameter (`body` in `({ body }, res) => ...`) or a decorated one (`@Body() dto`). */
  private isRequestParam(binding: Binding | undefined): binding is Extract<Binding, { kind: 'param' }> {
    if (binding?.kind !== 'param' || binding.fn !== this.fn) return false
    if (this.roles.parts.has(binding.index)) return true
    return binding.index === this.roles.request && REQUEST_SOURCES.has(String(binding.path[0]))
  }

  /** The request path a request parameter's binding holds: `body` for `({ body })`, `body.name` for `@Body() { name }`. */
  private paramPath(binding: Extract<Binding, { kind: 'param' }>): PatternPath {
    const part = this.roles.parts.get(binding.index)
    return part ? [...part.path, ...binding.path] : binding.path
  }

  /** An identifier bound to request data: a tainted variable or a destructured `({ body })` parameter. */
  private isTaintedName(node: Node): { whole: boolean } | undefined {
    if (node.type !== 'Identifier') return undefined
    const binding = lookup(this.index, node.name, node)
    if (!binding) return undefined
    if (this.isRequestParam(binding)) return { whole: this.paramPath(binding).length === 1 }
    if (this.tainted.has(binding)) return { whole: this.whole.has(binding) }
    return undefined
  }

  /** A database read whose receiver is not itself request data (`req.body.items.find(...)` is). */
  private isOpaque(node: Node): boolean {
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return false
    const root = rootIdentifier(node)
    return (root === undefined || this.isTaintedName(root) === undefined) && this.isStoredRecord(node)
  }

  /** The static member names read off a node: `.user.name` in `req.body.user.name`. */
  private memberPath(node: Node): string[] {
    const names: string[] = []
    let current = node
    for (;;) {
      const parent = this.index.parents.get(current)
      if (!parent || (parent.type !== 'MemberExpression' && parent.type !== 'OptionalMemberExpression') || parent.object !== current) break
      const name = propertyName(parent)
      const grandparent = this.index.parents.get(parent)
      const isMethod =
        (grandparent?.type === 'CallExpression' || grandparent?.type === 'OptionalCallExpression') && grandparent.callee === parent
      if (name === undefined || isMethod) break
      names.push(name)
      current = parent
    }
    return names
  }

  /** Visits the request data in an expression: `visit` gets each origin and may stop the walk. */
  private scan(root: Node, visit: (origin: Origin) => boolean): void {
    walkExpression(root, (n, parent) => {
      if (n !== root && this.isOpaque(n)) return 'skip'
      if (this.isRead(n)) {
        return visit({ path: joinPath(propertyName(n) ?? '', this.memberPath(n)), read: n }) ? 'stop' : 'skip'
      }
      if (n.type !== 'Identifier' || !isReference(n, parent)) return undefined
      const binding = lookup(this.index, n.name, n)
      if (!binding) return undefined
      if (this.isRequestParam(binding)) {
        const [source, ...rest] = this.paramPath(binding)
        const path = joinPath(String(source), [...rest, ...this.memberPath(n)])
        return visit({ path, read: n }) ? 'stop' : undefined
      }
      const origins = this.tainted.get(binding)
      if (!origins) return undefined
      const more = this.direct.has(binding) ? this.memberPath(n) : []
      for (const origin of origins) if (visit({ path: joinPath(origin.path, more), read: origin.read })) return 'stop'
      return undefined
    })
  }

  carries(node: Node): boolean {
    let found = false
    this.scan(node, () => (found = true))
    return found
  }

  origins(node: Node): Origin[] {
    const found: Origin[] = []
    this.scan(node, (origin) => {
      found.push(origin)
      return false
    })
    return found
  }

  isWhole(node: Node): boolean {
    const n = unwrapExpression(node)
    return this.isRead(n) || this.isTaintedName(n)?.whole === true
  }

  isRequestValue(node: Node): boolean {
    let n = unwrapExpression(node)
    if (n.type === 'LogicalExpression') return this.isRequestValue(n.left) || this.isRequestValue(n.right)
    while ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && !this.isRead(n)) n = unwrapExpression(n.object)
    if (this.isRead(n)) return true
    if (n.type !== 'Identifier') return false
    const binding = lookup(this.index, n.name, n)
    if (binding?.kind === 'param') return this.isRequestParam(binding)
    return binding !== undefined && this.direct.has(binding)
  }

  isRequest(node: Node): boolean {
    const n = unwrapExpression(node)
    return n.type === 'Identifier' && this.roles.request !== undefined && this.param(n.name, n, this.roles.request)?.path.length === 0
  }

  isResponse(node: Node): boolean {
    const n = unwrapExpression(node)
    return n.type === 'Identifier' && this.roles.response !== undefined && this.param(n.name, n, this.roles.response) !== undefined
  }

  text(node: Node): string {
    return this.module.text.slice(node.start ?? 0, node.end ?? 0)
  }

  /** Adds origins to the variables a pattern declares; whether anything new was learnt. */
  private taint(pattern: Node, at: Node, origins: Origin[], how: { whole?: boolean; direct?: boolean } = {}): boolean {
    if (origins.length === 0) return false
    let changed = false
    for (const { name, path } of patternNames(pattern)) {
      const binding = lookup(this.index, name, at)
      if (!binding) continue
      const known = this.tainted.get(binding) ?? []
      const keys = new Set(known.map((o) => `${o.path}@${o.read.start}`))
      const added = origins
        .map((o) => (how.direct ? { path: joinPath(o.path, path), read: o.read } : o))
        .filter((o) => !keys.has(`${o.path}@${o.read.start}`) && (keys.add(`${o.path}@${o.read.start}`), true))
      if (added.length === 0 && this.tainted.has(binding)) continue
      this.tainted.set(binding, [...known, ...added])
      if (how.whole && path.length === 0) this.whole.add(binding)
      if (how.direct) this.direct.add(binding)
      changed = true
    }
    return changed
  }

  /**
   * The keys of an object: request data unless the object is a literal the code wrote (its keys are
   * the code's own, even when its values come from the request).
   */
  private keyOrigins(object: Node): Origin[] {
    let n = unwrapExpression(object)
    if (n.type === 'Identifier') {
      const binding = lookup(this.index, n.name, n)
      if (binding?.kind === 'var' && binding.path.length === 0 && binding.init) n = unwrapExpression(binding.init)
    }
    if (n.type === 'ObjectExpression' && n.properties.every((p) => p.type !== 'SpreadElement' || !this.carries(p.argument))) return []
    return this.origins(object)
  }

  /** Taints what a loop or an element callback binds from `source`: keys, values or `[key, value]` pairs. */
  private taintElements(pattern: Node, at: Node, source: Node, keysOnly: boolean): boolean {
    if (keysOnly) return this.taint(pattern, at, this.keyOrigins(source))
    const iteration = objectIteration(source)
    if (iteration?.kind === 'keys') return this.taint(pattern, at, this.keyOrigins(iteration.of))
    if (iteration?.kind === 'entries' && pattern.type === 'ArrayPattern') {
      const [key, value] = pattern.elements
      const keys = key ? this.taint(key as Node, at, this.keyOrigins(iteration.of)) : false
      return (value ? this.taint(value as Node, at, this.origins(iteration.of)) : false) || keys
    }
    return this.taint(pattern, at, this.origins(source))
  }

  /** One pass over the handler: variables and callback parameters that receive request data. */
  private propagate(): boolean {
    let changed = false
    walk(this.fn, (node) => {
      if (node.type === 'VariableDeclarator' && node.init) {
        const origins = this.origins(node.init)
        const how = { whole: node.id.type === 'Identifier' && this.isWhole(node.init), direct: this.isRequestValue(node.init) }
        changed = this.taint(node.id, node, origins, how) || changed
      } else if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') {
        changed = this.taint(node.left, node, this.origins(node.right)) || changed
      } else if (node.type === 'ForInStatement' || node.type === 'ForOfStatement') {
        const left = node.left.type === 'VariableDeclaration' ? node.left.declarations[0]?.id : node.left
        if (left) changed = this.taintElements(left as Node, node.body, node.right, node.type === 'ForInStatement') || changed
      } else if (
        node.type === 'CallExpression' &&
        node.callee.type === 'MemberExpression' &&
        ELEMENT_CALLBACKS.has(propertyName(node.callee) ?? '')
      ) {
        const callback = node.arguments[0]
        const first = callback && isFunction(callback as Node) ? (callback as FunctionNode).params[0] : undefined
        if (first) changed = this.taintElements(first as Node, callback as Node, node.callee.object, false) || changed
      }
    })
    return changed
  }

  /** A parameter as declared (`dto` in `create(@Body() dto)`, `body` in `({ body }) =>`), not a read of it. */
  private isDeclaration(node: Node, parent: Node | undefined): boolean {
    if (parent === this.fn) return true
    return parent?.type === 'ObjectProperty' && this.index.parents.get(parent)?.type === 'ObjectPattern'
  }

  private collect(): void {
    for (let round = 0; round < FIXPOINT_ROUNDS && this.propagate(); round += 1) {
      /* until nothing new is tainted */
    }
    walk(this.fn, (node, parent) => {
      if (this.isRead(node)) this.reads.push(node)
      else if (node.type === 'Identifier' && isReference(node, parent) && !this.isDeclaration(node, parent)) {
        if (this.isRequestParam(lookup(this.index, node.name, node))) this.reads.push(node)
      }
    })
    this.reads.sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
  }
}

const REQUEST_DATA = new CacheKey<Map<FunctionNode, RequestData | null>>('request data of handlers')

/** Request data in a handler; undefined when the function takes no request parameter. */
export function readRequestData(express: ExpressModel, handler: HandlerFunction): RequestData | undefined {
  const cache = express.cache.once(REQUEST_DATA, () => new Map())
  const cached = cache.get(handler.fn)
  if (cached !== undefined) return cached ?? undefined
  const first = handler.fn.params[0] as Node | undefined
  const usable =
    first !== undefined && (first.type === 'Identifier' || first.type === 'ObjectPattern') && handler.module.index.parents.has(handler.fn)
  const roles = paramRoles(express, handler.fn, handler.module)
  const data = usable
    ? new HandlerTaint(handler.fn, handler.module, roles, (call) => isDatabaseRead(express, call, handler.module))
    : undefined
  cache.set(handler.fn, data ?? null)
  return data
}

/**
 * The app functions a route or `use` handler runs: an inline or named function, or the functions
 * given to a wrapper of the app (`catchAsync(async (req, res) => ...)`).
 */
export function handlerFunctions(express: ExpressModel, handler: Handler): HandlerFunction[] {
  if (handler.kind === 'function') {
    const module = express.graph.moduleOf(handler.fn)
    return module ? [{ fn: handler.fn, module }] : []
  }
  if (handler.kind !== 'factory') return []
  const wrapped = handler.args.flatMap((arg) => {
    const value = express.evaluate(arg, handler.site.module)
    return value.kind === 'function' && value.at ? [{ fn: value.fn, module: value.at.module }] : []
  })
  if (wrapped.length > 0) return wrapped
  const module = express.graph.moduleOf(handler.fn)
  const returned = returnedFunction(handler.fn)
  return module && returned ? [{ fn: returned, module }] : []
}

/** The function a middleware factory returns: `() => (req, res) => ...` or `function () { return function (req, res) {...} }`. */
function returnedFunction(factory: FunctionNode): FunctionNode | undefined {
  if (factory.body.type !== 'BlockStatement') return isFunction(factory.body) ? factory.body : undefined
  const last = [...factory.body.body].reverse().find((s) => s.type === 'ReturnStatement')
  const argument = last?.type === 'ReturnStatement' ? last.argument : undefined
  return argument && isFunction(argument) ? argument : undefined
}

/** A route registration and the function that finally answers it. */
export interface RouteHandler {
  router: RouterNode
  event: RouterEvent
  handler: HandlerFunction
}

/** Every route of every app and router with its last handler's functions (also routers never mounted). */
export function routeHandlers(express: ExpressModel): RouteHandler[] {
  return express.routers.flatMap((router) =>
    router.events
      .filter((event) => event.type === 'route' && event.handlers.length > 0)
      .flatMap((event) => handlerFunctions(express, event.handlers.at(-1) as Handler).map((handler) => ({ router, event, handler })))
  )
}

/** Every app function used as middleware or a route handler anywhere, once each. */
export function allHandlerFunctions(express: ExpressModel): HandlerFunction[] {
  const seen = new Map<FunctionNode, HandlerFunction>()
  for (const router of express.routers) {
    for (const event of router.events) {
      for (const handler of event.handlers) for (const h of handlerFunctions(express, handler)) seen.set(h.fn, h)
    }
  }
  return [...seen.values()]
}
