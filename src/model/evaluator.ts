import { posix } from 'node:path'
import { walk, type Node } from '../parse/javascript.js'
import { packageSubpath, type ModuleGraph, type ModuleInfo } from './graph.js'
import { isFunction, lookup, singleReturn, type Binding, type FunctionNode, type PatternPath } from './scope.js'
import { keyName, propertyName, unwrapExpression } from '../parse/syntax.js'
import { ObjectMutations } from './mutations.js'
import { isExpressInstance, literalOf, UNKNOWN, type Value } from './values.js'

const ITERATORS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find'])

/** Methods of an Express app or router that return it, so `Router().use(a).use(b)` is the router. */
const CHAINABLE = new Set([
  'use',
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'all',
  'options',
  'head',
  'set',
  'enable',
  'disable',
  'engine',
  'param'
])

/** Whether a module is written with ES module syntax (`export ...`). */
function isEsModule(module: ModuleInfo): boolean {
  const program = module.index.program
  return program.type === 'Program' && program.body.some((s) => s.type.startsWith('Export'))
}

const MAX_DEPTH = 40
/** Values whose members are worth keeping: reading one evaluates further (see Evaluator.propertyMemo). */
const MEMO_KINDS = new Set<Value['kind']>(['object', 'union', 'conditional', 'fallback', 'call', 'new', 'class', 'module'])
/** How many function returns a member read may pass through: `a().b().c`. */
const MAX_RETURN_DEPTH = 8
/** A computed `require` matching more modules than this is a plugin loader, not a config pick. */
const MAX_REQUIRE_MATCHES = 20
const DIRNAME = Symbol('__dirname')
const WILDCARD = Symbol('computed')
type PathPart = string | typeof DIRNAME | typeof WILDCARD

/** Evaluates expressions across the module graph, memoised per node and guarded against cycles. */
export class Evaluator {
  private readonly memo = new Map<Node, Value>()
  /**
   * While call sites are indexed, parameters are not followed, so a value that met a parameter
   * differs from the final one: it goes to a memo of its own, thrown away when indexing ends.
   * Values that met none are final and go to the main memo.
   */
  private indexingMemo = new Map<Node, Value>()
  /** Parameters met while indexing and not followed, counted to tell which values depend on one. */
  private paramsNotFollowed = 0
  private readonly exportMemo = new Map<string, Value>()
  private readonly mutations = new ObjectMutations()
  private readonly active = new Set<Node | string>()
  /**
   * Members read of composite values and parameters' values, kept when they are final as `memo`
   * keeps values: computed outside indexing, or meeting no parameter. A value is a graph whose parts
   * are shared (a union of conditionals of the same config object, say), so reading a member
   * through it again at each use grew with the number of paths through it, not of its parts.
   */
  private readonly propertyMemo = new WeakMap<Value, Map<string, Value>>()
  private readonly paramMemo = new Map<Binding, Value>()
  private callSites: Map<FunctionNode, Array<{ call: Node; module: ModuleInfo }>> | undefined
  private indexing = false
  private depth = 0
  private returnDepth = 0

  constructor(readonly graph: ModuleGraph) {}

  evaluate(node: Node | null | undefined, module: ModuleInfo): Value {
    if (!node) return { kind: 'absent' }
    const target = unwrapExpression(node)
    const cached = this.memo.get(target) ?? (this.indexing ? this.indexingMemo.get(target) : undefined)
    if (cached) return cached
    if (this.active.has(target) || this.depth > MAX_DEPTH) return { kind: 'unknown', reason: 'cycle', at: { module, node: target } }
    this.active.add(target)
    this.depth += 1
    const paramsBefore = this.paramsNotFollowed
    try {
      const value = this.compute(target, module)
      const result = value.at ? value : { ...value, at: { module, node: target } }
      if (this.indexing && this.paramsNotFollowed !== paramsBefore) this.indexingMemo.set(target, result)
      else this.memo.set(target, result)
      return result
    } finally {
      this.depth -= 1
      this.active.delete(target)
    }
  }

  private compute(node: Node, module: ModuleInfo): Value {
    switch (node.type) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
        return { kind: 'literal', value: node.value }
      case 'NullLiteral':
        return { kind: 'literal', value: null }
      case 'TemplateLiteral':
      case 'BinaryExpression':
        return this.text(node, module)
      case 'RegExpLiteral':
        return { kind: 'regex', pattern: node.pattern, flags: node.flags }
      case 'Identifier':
        return node.name === 'undefined' ? { kind: 'literal', value: undefined } : this.identifier(node.name, node, module)
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return this.member(node, module)
      case 'CallExpression':
      case 'OptionalCallExpression':
        return this.call(node, module)
      case 'NewExpression':
        return { kind: 'new', callee: this.evaluate(node.callee as Node, module), args: node.arguments as Node[] }
      case 'ClassExpression':
        return { kind: 'class', node }
      case 'ThisExpression':
        return this.thisValue(node, module)
      case 'LogicalExpression':
        if (node.operator === '&&') return UNKNOWN
        return {
          kind: 'fallback',
          operator: node.operator,
          left: this.evaluate(node.left, module),
          right: this.evaluate(node.right, module)
        }
      case 'ConditionalExpression':
        return {
          kind: 'conditional',
          test: node.test,
          consequent: this.evaluate(node.consequent, module),
          alternate: this.evaluate(node.alternate, module)
        }
      case 'ObjectExpression':
        return this.object(node)
      case 'ArrayExpression':
        return { kind: 'array', elements: node.elements.filter((e): e is NonNullable<typeof e> => e !== null) as Node[] }
      case 'AwaitExpression':
        return this.evaluate(node.argument, module)
      case 'AssignmentExpression':
        // `var app = module.exports = express()`: the value assigned.
        return node.operator === '=' ? this.evaluate(node.right, module) : UNKNOWN
      case 'UnaryExpression':
        return node.operator === '!' && node.argument.type === 'NumericLiteral' ? { kind: 'literal', value: !node.argument.value } : UNKNOWN
      default:
        return isFunction(node) ? { kind: 'function', fn: node } : UNKNOWN
    }
  }

  /**
   * `${API}/login` or `API + '/login'` with `const API = '/api'`: a literal when every part is a
   * known string or number (a `+` with a string in it); unknown as soon as one part is not.
   */
  private text(node: Extract<Node, { type: 'TemplateLiteral' | 'BinaryExpression' }>, module: ModuleInfo): Value {
    const part = (n: Node): string | number | undefined => {
      const value = literalOf(this.evaluate(n, module))
      return typeof value === 'string' || typeof value === 'number' ? value : undefined
    }
    if (node.type === 'BinaryExpression') {
      const left = node.operator === '+' ? part(node.left as Node) : undefined
      const right = left === undefined ? undefined : part(node.right)
      if (left === undefined || right === undefined || (typeof left === 'number' && typeof right === 'number')) return UNKNOWN
      return { kind: 'literal', value: `${left}${right}` }
    }
    let text = node.quasis[0]?.value.cooked ?? ''
    for (const [i, expression] of node.expressions.entries()) {
      const value = part(expression as Node)
      if (value === undefined) return { kind: 'unknown', reason: 'template' }
      text += `${value}${node.quasis[i + 1]?.value.cooked ?? ''}`
    }
    return { kind: 'literal', value: text }
  }

  private object(node: Extract<Node, { type: 'ObjectExpression' }>): Value {
    const entries: Array<{ key: string; node: Node }> = []
    const spreads: Node[] = []
    for (const p of node.properties) {
      if (p.type === 'SpreadElement') spreads.push(p.argument)
      else {
        const key = keyName(p.key, p.computed)
        if (key !== undefined) entries.push({ key, node: p.type === 'ObjectMethod' ? p : (p.value as Node) })
      }
    }
    return { kind: 'object', entries, spreads }
  }

  private identifier(name: string, node: Node, module: ModuleInfo): Value {
    const binding = lookup(module.index, name, node)
    if (!binding) return { kind: 'unknown', reason: `global ${name}` }
    return this.binding(binding, name, module)
  }

  private binding(binding: Binding, name: string, module: ModuleInfo): Value {
    switch (binding.kind) {
      case 'var': {
        const assigned = module.index.assignments.get(name)
        const source = binding.init ?? assigned?.at(-1) ?? null
        const value: Value = source ? this.follow(this.evaluate(source, module), binding.path) : { kind: 'literal', value: undefined }
        // `const { limit = '20mb' } = options`: the default is what runs unless the caller says otherwise.
        if (!binding.defaultValue) return value
        const fallback = this.evaluate(binding.defaultValue, module)
        // Each caller's value that leaves it unset (or that cannot be told) takes the default.
        if (value.kind === 'union') return { ...value, options: value.options.map((o) => (isUnset(o) ? fallback : o)) }
        return isUnset(value) ? fallback : value
      }
      case 'param':
        return this.param(binding, module)
      case 'function':
        return { kind: 'function', fn: binding.node, at: { module, node: binding.node } }
      case 'import':
        return this.imported(binding.source, binding.imported, module)
      case 'class':
        return binding.node.type === 'ClassDeclaration' || binding.node.type === 'ClassExpression'
          ? { kind: 'class', node: binding.node, at: { module, node: binding.node } }
          : UNKNOWN
      default:
        return UNKNOWN
    }
  }

  /** Follows a destructuring path: `const { a: { b } } = value`. */
  follow(value: Value, path: PatternPath): Value {
    let v = value
    for (const key of path) v = typeof key === 'string' && key !== '...' ? this.property(v, key) : UNKNOWN
    return v
  }

  private member(node: Node, module: ModuleInfo): Value {
    if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return UNKNOWN
    const name = propertyName(node)
    const object = unwrapExpression(node.object)
    if (
      object.type === 'MemberExpression' &&
      propertyName(object) === 'env' &&
      object.object.type === 'Identifier' &&
      object.object.name === 'process'
    ) {
      return name ? { kind: 'env', name } : UNKNOWN
    }
    if (name === undefined) return UNKNOWN
    if (name === 'default') {
      const esm = this.esmDefault(object, module)
      if (esm) return esm
    }
    return this.property(this.evaluate(object, module), name)
  }

  /**
   * `require('./loaders').default` of an ES module (a TypeScript or Babel source): its default export.
   * `require()` of a module reads as its default export elsewhere, which for an ES module is this.
   */
  private esmDefault(object: Node, module: ModuleInfo): Value | undefined {
    if (object.type !== 'CallExpression') return undefined
    const callee = unwrapExpression(object.callee as Node)
    const [arg] = object.arguments
    if (callee.type !== 'Identifier' || callee.name !== 'require' || arg?.type !== 'StringLiteral') return undefined
    if (lookup(module.index, 'require', object)) return undefined
    const target = this.graph.resolve(arg.value, module.path)
    return 'module' in target && isEsModule(target.module) ? this.exported(target.module, 'default') : undefined
  }

  /** A named property of a value: object entries (spreads included), package members, module exports. */
  property(value: Value, name: string): Value {
    if (!MEMO_KINDS.has(value.kind)) return this.computeProperty(value, name)
    const known = this.propertyMemo.get(value)?.get(name)
    if (known) return known
    const paramsBefore = this.paramsNotFollowed
    const result = this.computeProperty(value, name)
    if (this.isFinal(paramsBefore)) {
      const byName = this.propertyMemo.get(value)
      if (byName) byName.set(name, result)
      else this.propertyMemo.set(value, new Map([[name, result]]))
    }
    return result
  }

  /** Whether a result computed since paramsNotFollowed was `paramsBefore` is final (see memo). */
  private isFinal(paramsBefore: number): boolean {
    return !this.indexing || this.paramsNotFollowed === paramsBefore
  }

  private computeProperty(value: Value, name: string): Value {
    switch (value.kind) {
      case 'object': {
        const entry = lastEntry(value.entries, name)
        const module = value.at?.module
        if (!module) return UNKNOWN
        const mutated = this.mutations.mutatedAt(value, name)
        // A nested literal object checks its own deeper mutations; any other value cannot be followed.
        if (mutated === 'direct' || (mutated === 'deep' && (!entry || unwrapExpression(entry).type !== 'ObjectExpression')))
          return { kind: 'unknown', reason: 'mutated' }
        if (entry) return this.evaluate(entry, module)
        return value.spreads.length === 0 ? { kind: 'absent' } : this.spreadProperty([...value.spreads].reverse(), name, module)
      }
      case 'package':
        return { kind: 'package', name: value.name, path: [...value.path, name], ...(value.at ? { at: value.at } : {}) }
      case 'module':
        return this.exported(value.module, name)
      case 'conditional':
        return {
          kind: 'conditional',
          test: value.test,
          consequent: this.property(value.consequent, name),
          alternate: this.property(value.alternate, name)
        }
      case 'fallback':
        return this.property(value.left, name)
      case 'union': {
        const options = value.options.map((o) => this.property(o, name))
        return options.every((o) => o.kind === 'absent') ? { kind: 'absent' } : { kind: 'union', options }
      }
      case 'new':
        if (value.callee.kind === 'class' && value.callee.at) return this.instanceMember(value.callee.node, value.callee.at.module, name, 0)
        return value.callee.kind === 'function' && value.callee.at
          ? this.constructed(value.callee.fn, value.callee.at.module, name)
          : UNKNOWN
      case 'class':
        return value.at ? this.staticMember(value.node, value.at.module, name) : UNKNOWN
      case 'call': {
        // `Server.getInstance().app`, `createConfig().port`: a member of what the app's own function returns.
        const callee = value.callee
        if (callee.kind !== 'function' || !callee.at) return UNKNOWN
        const returned = singleReturn(callee.fn)
        // Memoised values can lead back here without passing `evaluate`'s cycle check (`f = () => f()`).
        if (!returned || this.returnDepth >= MAX_RETURN_DEPTH) return UNKNOWN
        this.returnDepth += 1
        try {
          return this.property(this.evaluate(returned, callee.at.module), name)
        } finally {
          this.returnDepth -= 1
        }
      }
      default:
        return UNKNOWN
    }
  }

  /**
   * `this` in a class member: an instance of the class (the class itself in a static member). Arrow
   * functions keep the `this` around them; any other function has its own, which is not followed.
   */
  private thisValue(node: Node, module: ModuleInfo): Value {
    for (let n = module.index.parents.get(node); n; n = module.index.parents.get(n)) {
      if (n.type === 'ArrowFunctionExpression') continue
      if (n.type === 'ClassMethod' || n.type === 'ClassPrivateMethod' || n.type === 'ClassProperty' || n.type === 'ClassPrivateProperty') {
        const cls = module.index.parents.get(module.index.parents.get(n) as Node)
        if (cls?.type !== 'ClassDeclaration' && cls?.type !== 'ClassExpression') return UNKNOWN
        const classValue: Value = { kind: 'class', node: cls, at: { module, node: cls } }
        return n.static ? classValue : { kind: 'new', callee: classValue, args: [] }
      }
      if (isFunction(n)) return UNKNOWN
    }
    return UNKNOWN
  }

  /**
   * A member of an instance of a class of the app: a field initialiser (`router = Router()`), the last
   * `this.name = value` among the constructor's statements, else one in another method, a method of
   * that name, or the same from the superclass.
   */
  private instanceMember(cls: ClassNode, module: ModuleInfo, name: string, depth: number): Value {
    const members = cls.body.body
    const field = members.find(
      (m) => (m.type === 'ClassProperty' || m.type === 'ClassPrivateProperty') && !m.static && memberName(m) === name
    ) as { value?: Node | null } | undefined
    // `app = undefined` / `app = null` declares the field; the constructor or a method sets it.
    if (field?.value && !isPlaceholder(field.value)) return this.evaluate(field.value, module)
    const ctor = members.find((m) => m.type === 'ClassMethod' && m.kind === 'constructor')
    if (ctor?.type === 'ClassMethod') {
      const set = this.constructed(ctor, module, name)
      if (set.kind !== 'unknown') return set
    }
    for (const m of members) {
      if (m.type !== 'ClassMethod' || m.kind === 'constructor' || m.static) continue
      const assigned = thisAssignment(m, name)
      if (assigned) return this.evaluate(assigned, module)
    }
    const method = members.find((m) => (m.type === 'ClassMethod' || m.type === 'ClassPrivateMethod') && !m.static && memberName(m) === name)
    if (method && isFunction(method)) {
      // `get app() { return this._app ??= build() }`: reading the member runs the getter.
      if (method.type === 'ClassMethod' && method.kind === 'get') {
        const returned = singleReturn(method)
        return returned ? this.evaluate(returned, module) : UNKNOWN
      }
      return { kind: 'function', fn: method, at: { module, node: method } }
    }
    if (cls.superClass && depth < 4) {
      const parent = this.evaluate(cls.superClass as Node, module)
      if (parent.kind === 'class' && parent.at) return this.instanceMember(parent.node, parent.at.module, name, depth + 1)
    }
    return UNKNOWN
  }

  /** A static member: a static field, a static method, or `Cls.name = value` / `this.name = value` in a static method. */
  private staticMember(cls: ClassNode, module: ModuleInfo, name: string): Value {
    const members = cls.body.body
    const method = members.find((m) => (m.type === 'ClassMethod' || m.type === 'ClassPrivateMethod') && m.static && memberName(m) === name)
    if (method && isFunction(method)) return { kind: 'function', fn: method, at: { module, node: method } }
    // `Cls.instance = new Cls()` in a static method wins over a `static instance = null` placeholder.
    const className = cls.id?.name
    let assigned: Node | undefined
    walk(cls.body as Node, (n) => {
      if (assigned || n.type !== 'AssignmentExpression' || n.operator !== '=' || n.left.type !== 'MemberExpression') return
      const target = n.left.object
      const isClass = (target.type === 'Identifier' && target.name === className) || target.type === 'ThisExpression'
      if (isClass && propertyName(n.left) === name && n.right.type === 'NewExpression') assigned = n.right
    })
    if (assigned) return this.evaluate(assigned, module)
    for (const m of members) {
      if ((m.type === 'ClassProperty' || m.type === 'ClassPrivateProperty') && m.static && memberName(m) === name && m.value)
        return this.evaluate(m.value as Node, module)
    }
    return UNKNOWN
  }

  /**
   * A property from spreads, last first: the first that has it wins; where a spread may or may not
   * have it (a union with absent branches, e.g. a per-environment config), the earlier ones fill in.
   */
  private spreadProperty(spreads: Node[], name: string, module: ModuleInfo): Value {
    // A loop, not recursion: an object with thousands of spreads must not overflow the stack.
    const maybes: Value[][] = []
    let value: Value = { kind: 'absent' }
    for (const spread of spreads) {
      const found = this.property(this.evaluate(spread, module), name)
      if (found.kind === 'absent') continue
      if (found.kind !== 'union' || !found.options.some((o) => o.kind === 'absent')) {
        value = found
        break
      }
      maybes.push(found.options.filter((o) => o.kind !== 'absent'))
    }
    for (let i = maybes.length - 1; i >= 0; i -= 1) value = { kind: 'union', options: [...(maybes[i] as Value[]), value] }
    return value
  }

  /** A member of `new Fn()`: the last `this.name = value` among the constructor's own statements. */
  private constructed(fn: FunctionNode, module: ModuleInfo, name: string): Value {
    if (fn.body.type !== 'BlockStatement') return UNKNOWN
    for (const statement of [...fn.body.body].reverse()) {
      const e = statement.type === 'ExpressionStatement' ? statement.expression : undefined
      if (
        e?.type === 'AssignmentExpression' &&
        e.operator === '=' &&
        e.left.type === 'MemberExpression' &&
        e.left.object.type === 'ThisExpression' &&
        propertyName(e.left) === name
      )
        return this.evaluate(e.right, module)
    }
    return UNKNOWN
  }

  private call(node: Extract<Node, { type: 'CallExpression' | 'OptionalCallExpression' }>, module: ModuleInfo): Value {
    const callee = unwrapExpression(node.callee as Node)
    if (callee.type === 'Identifier' && callee.name === 'require' && !lookup(module.index, 'require', node)) {
      const [arg] = node.arguments
      return arg?.type === 'StringLiteral'
        ? this.imported(arg.value, 'default', module)
        : this.computedRequire(arg as Node | undefined, module)
    }
    // `await import('./loaders')`: the module's namespace, whose `.default` is its default export.
    if (callee.type === 'Import' && node.arguments[0]?.type === 'StringLiteral') {
      const target = this.graph.resolve(node.arguments[0].value, module.path)
      if ('module' in target) return { kind: 'module', module: target.module }
    }
    if (callee.type === 'MemberExpression' && CHAINABLE.has(propertyName(callee) ?? '')) {
      const receiver = this.evaluate(callee.object, module)
      if (isExpressInstance(receiver)) return receiver
    }
    return { kind: 'call', callee: this.evaluate(callee, module), args: node.arguments as Node[] }
  }

  /**
   * `require(path.join(__dirname, 'config', env + '.js'))`, `require(__dirname + '/x')`: the module it
   * names, or each module of the app the pattern can match (a union). Only paths anchored at
   * `__dirname` are followed; a computed part matches within one folder level.
   */
  private computedRequire(arg: Node | undefined, module: ModuleInfo): Value {
    // `require(\`./${name}\`)` and the like are not followed: their other parts are not evaluated either.
    if (!arg || !this.startsAtDirname(arg, module)) return UNKNOWN
    const parts = this.pathParts(arg, module)
    if (parts[0] !== DIRNAME || parts.slice(1).includes(DIRNAME)) return UNKNOWN
    const source = `.${parts
      .slice(1)
      .map((p) => (typeof p === 'string' ? p : '\u0000'))
      .join('')}`
    if (!source.includes('\u0000')) return this.imported(source, 'default', module)
    const base = posix.normalize(posix.join(posix.dirname(module.path), source))
    const escaped = base
      .split('\u0000')
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')
    const pattern = new RegExp(`^${escaped}(?:\\.(?:[cm]?[jt]s|jsx|tsx))?$`)
    const matches = [...this.graph.modules.values()].filter((m) => m !== module && pattern.test(m.path))
    if (matches.length === 0 || matches.length > MAX_REQUIRE_MATCHES) return UNKNOWN
    return { kind: 'union', options: matches.map((m) => this.exported(m, 'default')) }
  }

  /** Whether pathParts of a module path expression starts with `__dirname`, found without evaluating its other parts. */
  private startsAtDirname(node: Node, module: ModuleInfo): boolean {
    const n = unwrapExpression(node)
    if (n.type === 'Identifier') return n.name === '__dirname' && !lookup(module.index, '__dirname', n)
    if (n.type === 'BinaryExpression' && n.operator === '+') return this.startsAtDirname(n.left as Node, module)
    if (n.type !== 'CallExpression' || n.arguments.length === 0) return false
    const callee = this.evaluate(n.callee as Node, module)
    const isPathJoin =
      callee.kind === 'package' &&
      (callee.name === 'path' || callee.name === 'node:path') &&
      callee.path.length === 1 &&
      (callee.path[0] === 'join' || callee.path[0] === 'resolve')
    return isPathJoin && this.startsAtDirname(n.arguments[0] as Node, module)
  }

  /** A module path expression as literal pieces, `__dirname` and unknown pieces. */
  private pathParts(node: Node, module: ModuleInfo): PathPart[] {
    const n = unwrapExpression(node)
    if (n.type === 'Identifier' && n.name === '__dirname' && !lookup(module.index, '__dirname', n)) return [DIRNAME]
    if (n.type === 'BinaryExpression' && n.operator === '+')
      return [...this.pathParts(n.left as Node, module), ...this.pathParts(n.right, module)]
    if (n.type === 'TemplateLiteral') {
      return n.quasis.flatMap((q, i) => [
        q.value.cooked ?? '',
        ...(n.expressions[i] ? this.pathParts(n.expressions[i] as Node, module) : [])
      ])
    }
    if (n.type === 'CallExpression') {
      const callee = this.evaluate(n.callee as Node, module)
      const isPathJoin =
        callee.kind === 'package' &&
        (callee.name === 'path' || callee.name === 'node:path') &&
        callee.path.length === 1 &&
        (callee.path[0] === 'join' || callee.path[0] === 'resolve')
      if (isPathJoin) return (n.arguments as Node[]).flatMap((a, i) => [...(i > 0 ? ['/'] : []), ...this.pathParts(a, module)])
    }
    const value = this.evaluate(n, module)
    return value.kind === 'literal' && typeof value.value === 'string' ? [value.value] : [WILDCARD]
  }

  /** An import's value: a package export, or an export of a module of the app. */
  imported(source: string, imported: string, module: ModuleInfo): Value {
    const target = this.graph.resolve(source, module.path)
    if ('package' in target) {
      const sub = source.startsWith('.') ? undefined : packageSubpath(source)
      const path = [...(sub ? [sub] : []), ...(imported === 'default' || imported === '*' ? [] : [imported])]
      return { kind: 'package', name: target.package, path }
    }
    if ('module' in target) return imported === '*' ? { kind: 'module', module: target.module } : this.exported(target.module, imported)
    return { kind: 'unknown', reason: `unresolved ${source}` }
  }

  /** What a module exports under a name, ESM or CommonJS; `default` is `module.exports`. */
  exported(module: ModuleInfo, name: string): Value {
    const key = `${module.path}\u0000${name}`
    const cached = this.exportMemo.get(key)
    if (cached) return cached
    if (this.active.has(key)) return UNKNOWN
    this.active.add(key)
    try {
      const value = this.computeExport(module, name)
      this.exportMemo.set(key, value)
      return value
    } finally {
      this.active.delete(key)
    }
  }

  private computeExport(module: ModuleInfo, name: string): Value {
    const program = module.index.program
    if (program.type !== 'Program') return UNKNOWN
    let hasEsm = false
    for (const statement of program.body) {
      if (statement.type === 'ExportDefaultDeclaration') {
        hasEsm = true
        if (name === 'default') return this.evaluate(statement.declaration as Node, module)
      } else if (statement.type === 'ExportNamedDeclaration') {
        hasEsm = true
        const found = this.namedExport(statement, name, module)
        if (found) return found
      } else if (statement.type === 'ExportAllDeclaration' && name !== 'default') {
        const target = this.imported(statement.source.value, name, module)
        if (target.kind !== 'unknown' && target.kind !== 'absent') return target
      } else if (statement.type === 'TSExportAssignment' && name === 'default') {
        return this.evaluate(statement.expression, module)
      }
    }
    const cjs = [...module.index.cjsExports].reverse()
    const direct = cjs.find(([n]) => n === name)
    if (direct) return this.evaluate(direct[1], module)
    const whole = cjs.find(([n]) => n === 'default')
    if (whole && name !== 'default') return this.property(this.evaluate(whole[1], module), name)
    if (name === 'default' && (hasEsm || cjs.length > 0)) return { kind: 'module', module }
    return { kind: 'absent' }
  }

  private namedExport(statement: Extract<Node, { type: 'ExportNamedDeclaration' }>, name: string, module: ModuleInfo): Value | undefined {
    const declaration = statement.declaration
    if (declaration?.type === 'VariableDeclaration') {
      const declarator = declaration.declarations.find((d) => d.id.type === 'Identifier' && d.id.name === name)
      if (declarator) return this.evaluate(declarator.init ?? null, module)
    } else if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id?.name === name) {
      return declaration.type === 'FunctionDeclaration' ? { kind: 'function', fn: declaration, at: { module, node: declaration } } : UNKNOWN
    }
    for (const spec of statement.specifiers) {
      if (spec.type !== 'ExportSpecifier') continue
      const exportedName = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value
      if (exportedName !== name) continue
      if (statement.source) return this.imported(statement.source.value, spec.local.name, module)
      return this.identifier(spec.local.name, spec.local, module)
    }
    return undefined
  }

  /** A parameter's value at the function's call sites: the first that is known. */
  private param(binding: Extract<Binding, { kind: 'param' }>, module: ModuleInfo): Value {
    const known = this.paramMemo.get(binding)
    if (known) return known
    const value = this.paramValue(binding, module)
    if (!this.indexing) this.paramMemo.set(binding, value)
    return value
  }

  private paramValue(binding: Extract<Binding, { kind: 'param' }>, module: ModuleInfo): Value {
    const element = this.iterationElement(binding, module)
    if (element) return element
    if (this.indexing) {
      this.paramsNotFollowed += 1
      return { kind: 'unknown', reason: 'param' }
    }
    // Every call site's argument: a setup function called with two apps configures both.
    const known: Value[] = []
    for (const site of this.callSitesOf(binding.fn)) {
      const args = (site.call as { arguments: Node[] }).arguments
      const arg = args[binding.index]
      if (!arg || arg.type === 'SpreadElement') continue
      const value = this.follow(this.evaluate(arg, site.module), binding.path)
      if (value.kind !== 'unknown' && value.kind !== 'absent')
        known.push({ ...value, via: [...(value.via ?? []), { module: site.module, node: site.call }] })
    }
    if (known.length === 1) return known[0] as Value
    if (known.length > 1) return { kind: 'union', options: known }
    return binding.defaultValue ? this.evaluate(binding.defaultValue, module) : { kind: 'unknown', reason: 'param' }
  }

  /** The first parameter of a callback given to `list.forEach` / `map` over a known array: its elements. */
  private iterationElement(binding: Extract<Binding, { kind: 'param' }>, module: ModuleInfo): Value | undefined {
    if (binding.index !== 0) return undefined
    const call = module.index.parents.get(binding.fn)
    if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || !ITERATORS.has(propertyName(call.callee) ?? ''))
      return undefined
    const list = this.evaluate(call.callee.object, module)
    if (list.kind !== 'array') return undefined
    const listModule = list.at?.module ?? module
    const options = list.elements.map((e) => this.follow(this.evaluate(e, listModule), binding.path))
    return { kind: 'union', options }
  }

  /** Every call whose callee evaluates to a function of the app, indexed once per scan. */
  callSitesOf(fn: FunctionNode): Array<{ call: Node; module: ModuleInfo }> {
    if (!this.callSites) {
      this.callSites = new Map()
      this.indexing = true
      try {
        for (const module of this.graph.modules.values()) {
          for (const call of module.index.calls) {
            // A call without arguments binds no parameter: it is no call site for param().
            if (call.type === 'NewExpression' || (call as { arguments: Node[] }).arguments.length === 0) continue
            const callee = this.evaluate((call as { callee: Node }).callee, module)
            if (callee.kind !== 'function') continue
            const list = this.callSites.get(callee.fn) ?? []
            list.push({ call, module })
            this.callSites.set(callee.fn, list)
          }
        }
      } finally {
        this.indexing = false
        this.indexingMemo = new Map()
      }
    }
    return this.callSites.get(fn) ?? []
  }
}

type ClassNode = Extract<Node, { type: 'ClassDeclaration' | 'ClassExpression' }>
type ObjectEntries = Extract<Value, { kind: 'object' }>['entries']

/** Objects with more entries than this get a key index: a large config or schema object is read key by key many times. */
const INDEXED_ENTRIES = 16
const entryIndexes = new WeakMap<ObjectEntries, Map<string, Node>>()

/** The value node of the last entry named `name` (the one that wins), without copying the entries. */
function lastEntry(entries: ObjectEntries, name: string): Node | undefined {
  if (entries.length <= INDEXED_ENTRIES) {
    for (let i = entries.length - 1; i >= 0; i -= 1)
      if ((entries[i] as ObjectEntries[number]).key === name) return (entries[i] as ObjectEntries[number]).node
    return undefined
  }
  let index = entryIndexes.get(entries)
  if (!index) {
    index = new Map()
    for (const e of entries) index.set(e.key, e.node)
    entryIndexes.set(entries, index)
  }
  return index.get(name)
}

function memberName(member: Node): string | undefined {
  if (member.type === 'ClassPrivateProperty' || member.type === 'ClassPrivateMethod') return member.key.id.name
  if (member.type !== 'ClassProperty' && member.type !== 'ClassMethod') return undefined
  return keyName(member.key as Node, member.computed)
}

const thisAssignments = new WeakMap<FunctionNode, Map<string, Node>>()

/**
 * `this.name = value` anywhere in a method (not in nested non-arrow functions, whose `this` differs):
 * the first of each name, found in one walk of the method for every name asked of it.
 */
function thisAssignment(method: FunctionNode, name: string): Node | undefined {
  let assigned = thisAssignments.get(method)
  if (!assigned) {
    const found = new Map<string, Node>()
    walk(method.body as Node, (n) => {
      if (
        n.type !== 'AssignmentExpression' ||
        n.operator !== '=' ||
        n.left.type !== 'MemberExpression' ||
        n.left.object.type !== 'ThisExpression'
      )
        return
      const key = propertyName(n.left)
      if (key !== undefined && !found.has(key)) found.set(key, n.right)
    })
    thisAssignments.set(method, (assigned = found))
  }
  return assigned.get(name)
}

function isUnset(value: Value): boolean {
  return value.kind === 'unknown' || value.kind === 'absent' || (value.kind === 'literal' && value.value === undefined)
}

/** `undefined` or `null` written to declare a field that is set later. */
function isPlaceholder(node: Node): boolean {
  const n = unwrapExpression(node)
  return n.type === 'NullLiteral' || (n.type === 'Identifier' && n.name === 'undefined')
}
