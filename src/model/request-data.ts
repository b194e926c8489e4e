import { walk, type Node } from '../parse/javascript.js'
import { CacheKey } from './cache.js'
import type { ExpressModel, Handler, RouterEvent, RouterNode } from './express.js'
import type { ModuleInfo } from './graph.js'
import { isFunction, lookup, patternNames, type Binding, type FunctionNode } from './scope.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'

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
 * Where request data goes inside one handler function: reads of `req.body`/`req.query`/`req.params`
 * (by the handler's own first parameter, whatever its name), destructured parameters
 * (`({ body }, res)`), and local variables assigned from them, followed to a fixpoint.
 */
export interface RequestData {
  fn: FunctionNode
  module: ModuleInfo
  /** `req.body`, `req.query.x`, a destructured `{ body }` parameter...: in source order. */
  reads: Node[]
  /** Whether the expression carries request data (looking through operators, not into nested functions). */
  carries(node: Node): boolean
  /** Whether the expression is all of `req.body`/`req.query`/`req.params`, directly or by an alias. */
  isWhole(node: Node): boolean
  /**
   * Whether the expression is request data itself rather than something computed from it: a read,
   * a member of one, or an alias (`const { message } = req.body`), possibly with a fallback (`x || {}`).
   */
  isRequestValue(node: Node): boolean
  /** Whether the expression is the handler's response parameter (`res`). */
  isResponse(node: Node): boolean
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

/** Visits a node's subtree without entering nested functions. */
function walkExpression(root: Node, visit: (node: Node, parent: Node | undefined) => boolean | void): boolean {
  let found = false
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]]
  while (stack.length > 0 && !found) {
    const [node, parent] = stack.pop() as [Node, Node | undefined]
    if (isFunction(node)) continue
    if (visit(node, parent) === true) {
      found = true
      break
    }
    for (const key in node) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'extra' || key.endsWith('Comments') || key === 'typeAnnotation')
        continue
      const value = (node as unknown as Record<string, unknown>)[key]
      const children = Array.isArray(value) ? value : [value]
      for (const child of children) {
        if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string')
          stack.push([child as Node, node])
      }
    }
  }
  return found
}

class HandlerTaint implements RequestData {
  readonly reads: Node[] = []
  private readonly tainted = new Set<Binding>()
  private readonly whole = new Set<Binding>()
  /** Aliases of request data itself, not values computed from it. */
  private readonly direct = new Set<Binding>()
  private readonly index

  constructor(
    readonly fn: FunctionNode,
    readonly module: ModuleInfo
  ) {
    this.index = module.index
    this.collect()
  }

  /** The binding a name has at a node, if it is the handler's own parameter number `n`. */
  private param(name: string, at: Node, n: number): Extract<Binding, { kind: 'param' }> | undefined {
    const binding = lookup(this.index, name, at)
    return binding?.kind === 'param' && binding.fn === this.fn && binding.index === n ? binding : undefined
  }

  /** `req.body` / `req['query']` where `req` is the handler's first parameter. */
  private isRead(node: Node): boolean {
    if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return false
    const object = unwrapExpression(node.object)
    if (object.type !== 'Identifier' || !REQUEST_SOURCES.has(propertyName(node) ?? '')) return false
    const binding = this.param(object.name, node, 0)
    return binding !== undefined && binding.path.length === 0
  }

  /** An identifier bound to request data: a tainted variable or a destructured `({ body })` parameter. */
  private isTaintedName(node: Node): { whole: boolean } | undefined {
    if (node.type !== 'Identifier') return undefined
    const binding = lookup(this.index, node.name, node)
    if (!binding) return undefined
    if (binding.kind === 'param' && binding.fn === this.fn && binding.index === 0 && REQUEST_SOURCES.has(String(binding.path[0]))) {
      return { whole: binding.path.length === 1 }
    }
    if (this.tainted.has(binding)) return { whole: this.whole.has(binding) }
    return undefined
  }

  carries(node: Node): boolean {
    return walkExpression(
      node,
      (n, parent) => this.isRead(n) || (n.type === 'Identifier' && isReference(n, parent) && this.isTaintedName(n) !== undefined)
    )
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
    if (binding?.kind === 'param') return binding.fn === this.fn && binding.index === 0 && REQUEST_SOURCES.has(String(binding.path[0]))
    return binding !== undefined && this.direct.has(binding)
  }

  isResponse(node: Node): boolean {
    const n = unwrapExpression(node)
    return n.type === 'Identifier' && this.param(n.name, n, 1) !== undefined
  }

  text(node: Node): string {
    return this.module.text.slice(node.start ?? 0, node.end ?? 0)
  }

  private taint(names: Array<{ name: string }>, at: Node, whole: boolean, direct = false): boolean {
    let changed = false
    for (const { name } of names) {
      const binding = lookup(this.index, name, at)
      if (!binding || this.tainted.has(binding)) continue
      this.tainted.add(binding)
      if (whole) this.whole.add(binding)
      if (direct) this.direct.add(binding)
      changed = true
    }
    return changed
  }

  /** One pass over the handler: variables and callback parameters that receive request data. */
  private propagate(): boolean {
    let changed = false
    walk(this.fn, (node) => {
      if (node.type === 'VariableDeclarator' && node.init && this.carries(node.init)) {
        const whole = node.id.type === 'Identifier' && this.isWhole(node.init)
        changed = this.taint(patternNames(node.id), node, whole, this.isRequestValue(node.init)) || changed
      } else if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && this.carries(node.right)) {
        changed = this.taint([{ name: node.left.name }], node, false) || changed
      } else if ((node.type === 'ForInStatement' || node.type === 'ForOfStatement') && this.carries(node.right)) {
        const left = node.left.type === 'VariableDeclaration' ? node.left.declarations[0]?.id : node.left
        if (left) changed = this.taint(patternNames(left as Node), node.body, false) || changed
      } else if (
        node.type === 'CallExpression' &&
        node.callee.type === 'MemberExpression' &&
        ELEMENT_CALLBACKS.has(propertyName(node.callee) ?? '') &&
        this.carries(node.callee.object)
      ) {
        const callback = node.arguments[0]
        const first = callback && isFunction(callback as Node) ? (callback as FunctionNode).params[0] : undefined
        if (first) changed = this.taint(patternNames(first as Node), callback as Node, false) || changed
      }
    })
    return changed
  }

  private collect(): void {
    for (let round = 0; round < FIXPOINT_ROUNDS && this.propagate(); round += 1) {
      /* until nothing new is tainted */
    }
    walk(this.fn, (node, parent) => {
      if (this.isRead(node)) this.reads.push(node)
      else if (node.type === 'Identifier' && isReference(node, parent) && parent?.type !== 'ObjectProperty') {
        const binding = lookup(this.index, node.name, node)
        if (binding?.kind === 'param' && binding.fn === this.fn && binding.index === 0 && REQUEST_SOURCES.has(String(binding.path[0])))
          this.reads.push(node)
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
  const data = usable ? new HandlerTaint(handler.fn, handler.module) : undefined
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

/** The identifier a member chain or call chain starts from: `Joi` in `Joi.object({}).validate(x)`. */
export function rootIdentifier(node: Node): Extract<Node, { type: 'Identifier' }> | undefined {
  let n = unwrapExpression(node)
  for (;;) {
    if (n.type === 'Identifier') return n
    if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') n = unwrapExpression(n.object)
    else if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression' || n.type === 'NewExpression')
      n = unwrapExpression(n.callee as Node)
    else return undefined
  }
}
