import { walk, type Node } from '../parse/javascript.js'
import { envSideOf, envTest } from './env-guard.js'
import { isEnvGuarded, responseSends, type HandlerFunction, type ResponseSend } from './handlers.js'
import { isFunction, lookup, type Binding } from './scope.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'

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
  'isPublic',
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
  /** What puts the error into the response: `stack: err.stack` in the body, or the send's argument. */
  node: Node
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
  /** Fields deleted from a local's object literal in every environment (`delete response.stack`). */
  private readonly omitted = new Map<Node, Set<string>>()

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
        if (this.isError(node)) return this.fieldsChangedPerEnv(node).size > 0 ? undefined : 'object'
        return this.variable(node, depth)
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        const name = propertyName(node)
        const target = unwrap(node.object as Node)
        // `if (isProduction) delete err.stack` chooses the stack per environment, not the message.
        const ofError = target.type === 'Identifier' && this.isError(target)
        if (ofError && name && this.fieldsChangedPerEnv(target).has(name)) return undefined
        const object = ofError ? 'object' : next(node.object)
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
              ? this.omitted.get(node)?.has(propertyKey(p) ?? '')
                ? undefined
                : next(p.value as Node)
              : p.type === 'SpreadElement' && !this.isError(unwrap(p.argument))
                ? next(p.argument)
                : undefined
          )
        )
      case 'ArrayExpression':
        return max(...node.elements.map((e) => (e && e.type !== 'SpreadElement' ? next(e) : undefined)))
      case 'ConditionalExpression': {
        if (envTest(node.test)) return undefined
        const known = this.knownBranch(node.test)
        // The known (client-facing) error's message may be sent; its stack never.
        const branch = (n: Node, isKnown: boolean): LeakKind | undefined => {
          const kind = next(n)
          return isKnown && kind !== 'stack' ? undefined : kind
        }
        return max(branch(node.consequent, known === 'consequent'), branch(node.alternate, known === 'alternate'))
      }
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
    // Fields deleted or set under an environment test were chosen per environment; the others go out everywhere.
    const perEnv = this.fieldsChangedPerEnv(node)
    const writes = this.memberWrites(node)
    const init = binding.init && unwrap(binding.init)
    if (init?.type === 'ObjectExpression') this.omitted.set(init, new Set([...writes.deleted, ...perEnv]))
    return max(
      ...sources.map((s) => follow(this.classify(s.node, depth + 1), s.path)),
      ...writes.added.map((value) => this.classify(value, depth + 1))
    )
  }

  /**
   * The fields of a local deleted or set under an environment test (`delete response.stack`,
   * `response.stack = err.stack`): what they carry was chosen per environment.
   */
  private fieldsChangedPerEnv(id: Extract<Node, { type: 'Identifier' }>): Set<string> {
    const binding = lookup(this.module.index, id.name, id)
    const fields = new Set<string>()
    walk(this.scope.handler.fn.body as Node, (n) => {
      const target =
        n.type === 'UnaryExpression' && n.operator === 'delete' ? n.argument : n.type === 'AssignmentExpression' ? n.left : undefined
      if (!target || (target.type !== 'MemberExpression' && target.type !== 'OptionalMemberExpression')) return
      const object = unwrap(target.object as Node)
      if (object.type !== 'Identifier' || object.name !== id.name || lookup(this.module.index, object.name, object) !== binding) return
      const field = propertyName(target)
      if (field && envSideOf(n, this.module, this.scope.handler.fn) !== undefined) fields.add(field)
    })
    return fields
  }

  /**
   * Outside any environment test: the fields a local's object loses for good (`delete response.stack`)
   * and the values it gains (`body.detail = err.message`).
   */
  private memberWrites(id: Extract<Node, { type: 'Identifier' }>): { deleted: Set<string>; added: Node[] } {
    const binding = lookup(this.module.index, id.name, id)
    const deleted = new Set<string>()
    const added: Node[] = []
    walk(this.scope.handler.fn.body as Node, (n) => {
      const deletion = n.type === 'UnaryExpression' && n.operator === 'delete'
      const target = deletion ? n.argument : n.type === 'AssignmentExpression' && n.operator === '=' ? n.left : undefined
      if (target?.type !== 'MemberExpression') return
      const object = unwrap(target.object)
      if (object.type !== 'Identifier' || lookup(this.module.index, object.name, object) !== binding) return
      if (envSideOf(n, this.module, this.scope.handler.fn) !== undefined) return
      const field = propertyName(target)
      if (deletion && field) deleted.add(field)
      if (n.type === 'AssignmentExpression') added.push(n.right)
    })
    return { deleted, added }
  }

  /** Whether the send sits where the error is a known kind: `if (err.status)`, `if (err instanceof HttpError)`. */
  isTypeChecked(send: Node): boolean {
    let child = send
    for (
      let parent = this.module.index.parents.get(send);
      parent && child !== this.scope.scope;
      child = parent, parent = this.module.index.parents.get(parent)
    ) {
      if (parent.type !== 'IfStatement' && parent.type !== 'ConditionalExpression') continue
      const known = this.knownBranch(parent.test)
      if ((known === 'consequent' && child === parent.consequent) || (known === 'alternate' && child === parent.alternate)) return true
    }
    return false
  }

  /**
   * The branch of a test on the error's kind where the error is a known, client-facing one:
   * `err.isOperational ? ...`, `statusCode < 500 ? ...` (the consequent), `statusCode >= 500 ? ...`
   * (the alternate); undefined when the test does not read the error's kind.
   */
  private knownBranch(test: Node): 'consequent' | 'alternate' | undefined {
    if (!this.readsType(test)) return undefined
    return isServerErrorTest(test) ? 'alternate' : 'consequent'
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
      if (n.type === 'Identifier' && this.isTypeVariable(n)) found = true
    })
    return found
  }

  /** `const statusCode = err.statusCode || 500`, `const { status } = err`: a local holding the error's kind. */
  private isTypeVariable(node: Extract<Node, { type: 'Identifier' }>): boolean {
    const binding = lookup(this.module.index, node.name, node)
    if (binding?.kind !== 'var' || !binding.init || !isInside(this.module, binding.declarator, this.scope.handler.fn)) return false
    const init = unwrap(binding.init)
    if (binding.path.length > 0) return this.isError(init) && TYPE_PROPERTIES.has(String(binding.path[0]))
    let found = false
    walk(init, (n) => {
      if ((n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') && TYPE_PROPERTIES.has(propertyName(n) ?? ''))
        found ||= this.isError(unwrap(n.object))
    })
    return found
  }

  /** The node inside `expression` that carries `kind` into the response: `stack: err.stack`, not the whole body. */
  carrier(expression: Node, kind: LeakKind, depth = 0): Node | undefined {
    const node = unwrap(expression)
    if (depth > MAX_DEPTH || this.classify(node) !== kind) return undefined
    const inner = (n: Node | null | undefined): Node | undefined => (n ? this.carrier(n, kind, depth + 1) : undefined)
    switch (node.type) {
      case 'ObjectExpression':
        for (const p of node.properties) {
          const value = p.type === 'ObjectProperty' ? (p.value as Node) : p.type === 'SpreadElement' ? p.argument : undefined
          const found = inner(value)
          if (found) return p.type === 'ObjectProperty' && unwrap(p.value as Node) === found ? p : found
        }
        return node
      case 'ArrayExpression':
        return node.elements.map((e) => (e && e.type !== 'SpreadElement' ? inner(e) : undefined)).find(Boolean) ?? node
      case 'ConditionalExpression':
        return inner(node.consequent) ?? inner(node.alternate) ?? node
      case 'LogicalExpression':
        return inner(node.left) ?? inner(node.right) ?? node
      case 'Identifier': {
        const binding = this.isError(node) ? undefined : lookup(this.module.index, node.name, node)
        const init = binding?.kind === 'var' && binding.path.length === 0 ? binding.init : undefined
        if (binding?.kind !== 'var') return node
        const added = this.memberWrites(node).added.find((value) => inner(value))
        return (
          (init && isInside(this.module, init, this.scope.handler.fn) && inner(init)) ||
          (added && this.module.index.parents.get(added)) ||
          node
        )
      }
      default:
        return node
    }
  }
}

/** `status >= 500`, `statusCode > 499`, `err.status === 500`: true for server errors, whose messages are internal. */
function isServerErrorTest(test: Node): boolean {
  const t = unwrapExpression(test)
  if (t.type !== 'BinaryExpression') return false
  const right = unwrapExpression(t.right)
  const bound = right.type === 'NumericLiteral' ? right.value : undefined
  if (bound === undefined) return false
  if (t.operator === '>=') return bound >= 500
  if (t.operator === '>') return bound >= 499
  return ['===', '=='].includes(t.operator) && bound >= 500
}

function propertyKey(property: Extract<Node, { type: 'ObjectProperty' }>): string | undefined {
  if (property.computed) return property.key.type === 'StringLiteral' ? property.key.value : undefined
  return property.key.type === 'Identifier' ? property.key.name : property.key.type === 'StringLiteral' ? property.key.value : undefined
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
    const node = send.body.map((arg) => flow.carrier(arg, kind)).find(Boolean) ?? send.call
    leaks.push({ send, kind, scope, node })
  }
  return leaks
}
