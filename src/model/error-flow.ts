import { walk, type Node } from '../parse/javascript.js'
import { envSideOf, envTest } from './env-guard.js'
import { isEnvGuarded, responseSends, type HandlerFunction, type ResponseSend } from './handlers.js'
import { isFunction, lookup, type Binding } from './scope.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'
import type { ExpressModel, Handler } from './express.js'
import type { Site } from './values.js'

/** What of an error reaches a response: its stack trace, the error object, or its message. */
export type LeakKind = 'stack' | 'object' | 'message'

const RANK: Record<LeakKind, number> = { message: 1, object: 2, stack: 3 }
/** Reads of an error that tell a known, client-facing error apart: `err.status`, `err instanceof HttpError`. */
const TYPE_PROPERTIES = new Set([
  'status',
  'statusCode',
  'code',
  'errorCode',
  'name',
  'isOperational',
  'expose',
  'type',
  'isJoi',
  'isBoom',
  'details'
])
const STRING_METHODS = new Set([
  'toString',
  'split',
  'join',
  'slice',
  'substring',
  'substr',
  'trim',
  'replace',
  'toUpperCase',
  'toLowerCase',
  'concat'
])
const MAX_DEPTH = 8

/** Where an error is in scope: the error parameter of a handler, a `catch (err)` or a `.catch((err) => ...)`. */
export interface ErrorScope {
  handler: HandlerFunction
  /** The node whose body sees the error: the error handler, the catch clause, the callback. */
  scope: Node
  /** The error's name there. */
  name: string
  /** The function binding the error as its first parameter, or undefined for a catch clause. */
  fn?: Node
}

export interface ErrorLeak {
  send: ResponseSend
  kind: LeakKind
  scope: ErrorScope
}

/** The expression inside type wrappers, parentheses and `await`: what a handler's error value is made of. */
function unwrap(node: Node): Node {
  let n = unwrapExpression(node)
  while (n.type === 'AwaitExpression') n = unwrapExpression(n.argument)
  return n
}

function max(...kinds: Array<LeakKind | undefined>): LeakKind | undefined {
  return kinds.reduce<LeakKind | undefined>((a, b) => (b && (!a || RANK[b] > RANK[a]) ? b : a), undefined)
}

/** An error object turned into a string keeps only `Name: message`. */
function stringified(kind: LeakKind | undefined): LeakKind | undefined {
  return kind === 'object' ? 'message' : kind
}

function isInside(module: HandlerFunction['module'], node: Node, ancestor: Node): boolean {
  for (let n: Node | undefined = node; n; n = module.index.parents.get(n)) if (n === ancestor) return true
  return false
}

class ErrorFlow {
  constructor(private readonly scope: ErrorScope) {}

  private get module(): HandlerFunction['module'] {
    return this.scope.handler.module
  }

  isError(node: Node): boolean {
    if (node.type !== 'Identifier' || node.name !== this.scope.name) return false
    const binding = lookup(this.module.index, node.name, node)
    if (this.scope.fn) return binding?.kind === 'param' && binding.fn === this.scope.fn && binding.index === 0 && binding.path.length === 0
    return !binding || !isInside(this.module, binding.kind === 'param' ? binding.fn : bindingNode(binding), this.scope.scope)
  }

  /** What of the error an expression carries, or undefined when none or when it depends on `NODE_ENV`. */
  classify(expression: Node, depth = 0): LeakKind | undefined {
    if (depth > MAX_DEPTH) return undefined
    const node = unwrap(expression)
    const next = (n: Node | null | undefined): LeakKind | undefined => (n ? this.classify(n, depth + 1) : undefined)
    switch (node.type) {
      case 'Identifier':
        return this.isError(node) ? 'object' : this.variable(node, depth)
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const name = propertyName(node)
        const object = next(node.object)
        if (object !== 'object') return undefined
        return name === 'stack' ? 'stack' : name === 'message' ? 'message' : undefined
      }
      case 'CallExpression':
        return this.call(node, depth)
      case 'TemplateLiteral':
        return stringified(max(...node.expressions.map((e) => next(e as Node))))
      case 'BinaryExpression':
        return node.operator === '+' ? stringified(max(next(node.left as Node), next(node.right))) : undefined
      case 'ObjectExpression':
        return max(
          ...node.properties.map((p) =>
            p.type === 'ObjectProperty'
              ? next(p.value as Node)
              : p.type === 'SpreadElement' && !this.isError(unwrap(p.argument))
                ? next(p.argument)
                : undefined
          )
        )
      case 'ArrayExpression':
        return max(...node.elements.map((e) => (e && e.type !== 'SpreadElement' ? next(e) : undefined)))
      case 'ConditionalExpression':
        return envTest(node.test) ? undefined : max(next(node.consequent), next(node.alternate))
      case 'LogicalExpression':
        if (node.operator === '&&') return envTest(node.left) ? undefined : next(node.right)
        return max(next(node.left), next(node.right))
      default:
        return undefined
    }
  }

  private call(node: Extract<Node, { type: 'CallExpression' }>, depth: number): LeakKind | undefined {
    const callee = unwrap(node.callee as Node)
    const args = node.arguments.filter((a) => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder') as Node[]
    const argKind = max(...args.map((a) => this.classify(a, depth + 1)))
    if (callee.type === 'MemberExpression') {
      const method = propertyName(callee)
      if (method && STRING_METHODS.has(method)) return stringified(this.classify(callee.object, depth + 1))
      if (method === 'stringify') return argKind
      if (method === 'inspect') return argKind === 'object' ? 'stack' : argKind
      if (method === 'format') return stringified(argKind)
      return undefined
    }
    if (callee.type !== 'Identifier') return undefined
    if (callee.name === 'String') return stringified(argKind)
    if (callee.name === 'inspect') return argKind === 'object' ? 'stack' : argKind
    return callee.name === 'format' ? stringified(argKind) : undefined
  }

  /** A local variable: what its declaration and assignments in this scope carry, unless one is environment-dependent. */
  private variable(node: Extract<Node, { type: 'Identifier' }>, depth: number): LeakKind | undefined {
    const binding = lookup(this.module.index, node.name, node)
    if (binding?.kind !== 'var' || !isInside(this.module, binding.declarator, this.scope.handler.fn)) return undefined
    const sources = [
      ...(binding.init ? [{ node: binding.init, path: binding.path }] : []),
      ...(this.module.index.assignments.get(node.name) ?? [])
        .filter((a) => isInside(this.module, a, this.scope.handler.fn))
        .map((a) => ({ node: a, path: [] }))
    ]
    if (sources.some((s) => envSideOf(s.node, this.module, this.scope.handler.fn) !== undefined)) return undefined
    return max(...sources.map((s) => follow(this.classify(s.node, depth + 1), s.path)))
  }

  /** Whether the send sits where the error is a known kind: `if (err.status)`, `if (err instanceof HttpError)`. */
  isTypeChecked(send: Node): boolean {
    let child = send
    for (
      let parent = this.module.index.parents.get(send);
      parent && child !== this.scope.scope;
      child = parent, parent = this.module.index.parents.get(parent)
    ) {
      if (
        (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') &&
        child === parent.consequent &&
        this.readsType(parent.test)
      )
        return true
    }
    return false
  }

  private readsType(test: Node): boolean {
    let found = false
    walk(test, (n) => {
      if (
        (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') &&
        TYPE_PROPERTIES.has(propertyName(n) ?? '') &&
        this.isError(unwrap(n.object))
      )
        found = true
      if (n.type === 'BinaryExpression' && n.operator === 'instanceof' && this.isError(unwrap(n.left as Node))) found = true
    })
    return found
  }
}

function bindingNode(binding: Exclude<Binding, { kind: 'param' }>): Node {
  return binding.kind === 'var' ? binding.declarator : binding.node
}

/** `const { message } = err`: the error object followed by a destructuring path. */
function follow(kind: LeakKind | undefined, path: Array<string | number>): LeakKind | undefined {
  if (path.length === 0 || kind !== 'object') return path.length === 0 ? kind : undefined
  return path.length === 1 ? (path[0] === 'stack' ? 'stack' : path[0] === 'message' ? 'message' : undefined) : undefined
}

/** The places an error is in scope in a handler: its error parameter, `catch (err)` blocks, `.catch(err => ...)` callbacks. */
export function errorScopes(handler: HandlerFunction): ErrorScope[] {
  const scopes: ErrorScope[] = []
  const [first] = handler.fn.params
  if (handler.errorHandler && first?.type === 'Identifier') scopes.push({ handler, scope: handler.fn, name: first.name, fn: handler.fn })
  if (handler.errorHandler) return scopes
  walk(handler.fn.body as Node, (node) => {
    if (node.type === 'CatchClause' && node.param?.type === 'Identifier') scopes.push({ handler, scope: node, name: node.param.name })
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return
    const method = propertyName(node.callee)
    const callback = method === 'catch' ? node.arguments[0] : method === 'then' ? node.arguments[1] : undefined
    if (callback && isFunction(callback as Node)) {
      const param = (callback as Extract<Node, { type: 'ArrowFunctionExpression' }>).params[0]
      if (param?.type === 'Identifier') scopes.push({ handler, scope: callback as Node, name: param.name, fn: callback as Node })
    }
  })
  return scopes
}

/**
 * Responses that send an error's stack, the error object or its message, outside a `NODE_ENV` test.
 * A message or object sent where the error was checked to be a known kind (`err.status`,
 * `instanceof`) is meant for the client; a stack never is.
 */
export function errorLeaks(scope: ErrorScope): ErrorLeak[] {
  const flow = new ErrorFlow(scope)
  const body = scope.scope.type === 'CatchClause' ? scope.scope.body : scope.scope
  const leaks: ErrorLeak[] = []
  for (const send of responseSends(scope.handler, body as Node)) {
    const kind = max(...send.body.map((arg) => flow.classify(arg)))
    if (!kind || isEnvGuarded(send.call, scope.handler.module, scope.handler.fn)) continue
    if (kind !== 'stack' && flow.isTypeChecked(send.call)) continue
    leaks.push({ send, kind, scope })
  }
  return leaks
}

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
