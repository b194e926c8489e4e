import type { Node } from '../parse/javascript.js'
import { walk } from '../parse/javascript.js'
import { propertyName } from '../parse/syntax.js'

export type FunctionNode = Extract<
  Node,
  { type: 'FunctionDeclaration' | 'FunctionExpression' | 'ArrowFunctionExpression' | 'ObjectMethod' | 'ClassMethod' | 'ClassPrivateMethod' }
>

/** Keys from a destructuring pattern down to the bound name: `const { a: { b } } = x` binds b at ['a', 'b']. */
export type PatternPath = Array<string | number>

export type Binding =
  | { kind: 'var'; init: Node | null; path: PatternPath; declarator: Node; defaultValue?: Node }
  | { kind: 'param'; fn: FunctionNode; index: number; path: PatternPath; defaultValue?: Node }
  | { kind: 'function'; node: FunctionNode }
  | { kind: 'class'; node: Node }
  | { kind: 'import'; source: string; imported: string; node: Node }

const PARENT = Symbol('parent')
type Linked = Node & { [PARENT]?: Node }

/**
 * Each node's parent, kept on the node itself under a symbol (no walker or printer sees it): a Map
 * of every node of every module cost more than parsing them. Reads like the Map it replaced.
 */
export class ParentLinks {
  private readonly linked: Node[] = []

  constructor(private readonly program: Node) {}

  set(node: Node, parent: Node): void {
    ;(node as Linked)[PARENT] = parent
    this.linked.push(node)
  }

  get(node: Node): Node | undefined {
    return (node as Linked)[PARENT]
  }

  /** Whether a node other than the program belongs to this module. */
  has(node: Node): boolean {
    return node !== this.program && rootOf(node) === this.program
  }

  /** Every node but the program, parents first, in walk order. */
  keys(): IterableIterator<Node> {
    return this.linked.values()
  }
}

/** Babel's line terminators, so lines computed from offsets are the lines Babel would report. */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g

/**
 * The 1-based line and 0-based column where a node starts. Indexed modules drop Babel's `loc`
 * objects (three per node, a third of a syntax tree's memory); the line comes from the node's
 * `start` offset in the module's text instead, with the line starts computed once per module.
 */
export function positionOf(node: Node, module: { text: string; index: ModuleIndex }): { line: number; column: number } {
  if (node.loc) return { line: node.loc.start.line, column: node.loc.start.column }
  const starts = (module.index.lineStarts ??= lineStarts(module.text))
  const offset = node.start ?? 0
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] as number) <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - (starts[low] as number) }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length)
  return starts
}

/** The program a node belongs to (the node itself when it has no parent). */
export function rootOf(node: Node): Node {
  let n = node
  for (let parent = (n as Linked)[PARENT]; parent; parent = (n as Linked)[PARENT]) n = parent
  return n
}

/** What one walk of a module records: parents, declarations per function scope, calls, assignments. */
export interface ModuleIndex {
  parents: ParentLinks
  scopes: Map<Node, Map<string, Binding>>
  calls: Node[]
  /** `name = value` assignments, by name (for `let app; app = express()`). */
  assignments: Map<string, Node[]>
  /** `module.exports = x`, `exports.a = x`, `module.exports.a = x` as [name, value]; `default` for the whole. */
  cjsExports: Array<[string, Node]>
  /** Literal specifiers the module imports: `import`, `export ... from`, `require('x')`, `import('x')`. */
  imports: string[]
  program: Node
  /** Where each line of the module's text starts, computed on the first positionOf. */
  lineStarts?: number[]
}

export function isFunction(node: Node): node is FunctionNode {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'ObjectMethod' ||
    node.type === 'ClassMethod' ||
    node.type === 'ClassPrivateMethod'
  )
}

/** Names a pattern binds, with the path from the bound value to each. */
export function patternNames(pattern: Node, path: PatternPath = []): Array<{ name: string; path: PatternPath; defaultValue?: Node }> {
  switch (pattern.type) {
    case 'Identifier':
      return [{ name: pattern.name, path }]
    case 'AssignmentPattern':
      return patternNames(pattern.left, path).map((n) => ({ ...n, defaultValue: n.defaultValue ?? pattern.right }))
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) => {
        if (p.type === 'RestElement') return patternNames(p.argument, [...path, '...'])
        const key = !p.computed && p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : '?'
        return patternNames(p.value as Node, [...path, key])
      })
    case 'ArrayPattern':
      return pattern.elements.flatMap((e, i) => (e ? patternNames(e, [...path, i]) : []))
    case 'RestElement':
      return patternNames(pattern.argument, [...path, '...'])
    case 'TSParameterProperty':
      return patternNames(pattern.parameter, path)
    default:
      return []
  }
}

/** `module.exports` → 'default'; `module.exports.a` / `exports.a` → 'a'. */
export function cjsExportName(target: Node): string | undefined {
  if (target.type !== 'MemberExpression') return undefined
  const object = target.object
  if (object.type === 'Identifier' && object.name === 'module' && propertyName(target) === 'exports') return 'default'
  if (object.type === 'Identifier' && object.name === 'exports') return propertyName(target)
  if (
    object.type === 'MemberExpression' &&
    object.object.type === 'Identifier' &&
    object.object.name === 'module' &&
    propertyName(object) === 'exports'
  ) {
    return propertyName(target)
  }
  return undefined
}

/**
 * Indexes a module in one walk. Declarations are kept per function (or the program): block scoping
 * is ignored, which only matters for shadowed names in nested blocks.
 */
export function indexModule(program: Node): ModuleIndex {
  const index: ModuleIndex = {
    parents: new ParentLinks(program),
    scopes: new Map([[program, new Map()]]),
    calls: [],
    assignments: new Map(),
    cjsExports: [],
    imports: [],
    program
  }
  const scopeOf = (node: Node): Map<string, Binding> => {
    for (let n: Node | undefined = index.parents.get(node); n; n = index.parents.get(n)) {
      if (isFunction(n) || n === program) {
        let scope = index.scopes.get(n)
        if (!scope) index.scopes.set(n, (scope = new Map()))
        return scope
      }
    }
    return index.scopes.get(program) as Map<string, Binding>
  }
  walk(program, (node, parent) => {
    if (parent) index.parents.set(node, parent)
    node.loc = null
    switch (node.type) {
      case 'VariableDeclarator':
        for (const { name, path, defaultValue } of patternNames(node.id))
          scopeOf(node).set(name, { kind: 'var', init: node.init ?? null, path, declarator: node, defaultValue })
        break
      case 'FunctionDeclaration':
        if (node.id) scopeOf(node).set(node.id.name, { kind: 'function', node })
        break
      case 'ClassDeclaration':
        if (node.id) scopeOf(node).set(node.id.name, { kind: 'class', node })
        break
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (node.source) index.imports.push(node.source.value)
        break
      case 'ImportDeclaration':
        index.imports.push(node.source.value)
        for (const spec of node.specifiers) {
          const imported =
            spec.type === 'ImportDefaultSpecifier'
              ? 'default'
              : spec.type === 'ImportNamespaceSpecifier'
                ? '*'
                : spec.imported.type === 'Identifier'
                  ? spec.imported.name
                  : spec.imported.value
          index.scopes.get(program)?.set(spec.local.name, { kind: 'import', source: node.source.value, imported, node: spec })
        }
        break
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression': {
        index.calls.push(node)
        const [first] = node.arguments
        const loads = node.callee.type === 'Import' || (node.callee.type === 'Identifier' && node.callee.name === 'require')
        if (loads && node.type !== 'NewExpression' && first?.type === 'StringLiteral') index.imports.push(first.value)
        break
      }
      case 'AssignmentExpression': {
        const exported = cjsExportName(node.left)
        if (exported) index.cjsExports.push([exported, node.right])
        else if (node.left.type === 'Identifier')
          index.assignments.set(node.left.name, [...(index.assignments.get(node.left.name) ?? []), node.right])
        break
      }
      default:
        break
    }
    if (isFunction(node)) {
      const scope = index.scopes.get(node) ?? new Map<string, Binding>()
      index.scopes.set(node, scope)
      node.params.forEach((param, i) => {
        for (const { name, path, defaultValue } of patternNames(param as Node)) {
          scope.set(name, { kind: 'param', fn: node, index: i, path, ...(defaultValue ? { defaultValue } : {}) })
        }
      })
      if (node.type === 'FunctionExpression' && node.id) scope.set(node.id.name, { kind: 'function', node })
    }
  })
  return index
}

/** Every node of an indexed module in walk order (parents first), without walking it again. */
export function* nodesOf(index: ModuleIndex): Generator<Node> {
  yield index.program
  yield* index.parents.keys()
}

/** The binding a name has where `at` is: the nearest enclosing function's, then outwards. */
/** What a plain local names (`const url = \`...\``, no destructuring): its initialiser, else undefined. */
export function localInit(index: ModuleIndex, node: Node): Node | undefined {
  if (node.type !== 'Identifier') return undefined
  const binding = lookup(index, node.name, node)
  return binding?.kind === 'var' && binding.path.length === 0 && binding.init ? binding.init : undefined
}

export function lookup(index: ModuleIndex, name: string, at: Node): Binding | undefined {
  for (let scope = scopeOwner(index, at); scope; scope = scopeOwner(index, index.parents.get(scope))) {
    const binding = index.scopes.get(scope)?.get(name)
    if (binding) return binding
  }
  return undefined
}

const SCOPE = Symbol('scope')
type WithScope = Node & { [SCOPE]?: Node }

/**
 * The nearest node at or above `node` that holds declarations (a function or the program), cached
 * on every node passed on the way: a name deep in a 20,000-call chain must not walk the chain again.
 */
function scopeOwner(index: ModuleIndex, node: Node | undefined): Node | undefined {
  const passed: Node[] = []
  let owner: Node | undefined
  for (let n = node; n; n = index.parents.get(n)) {
    const cached = (n as WithScope)[SCOPE]
    if (cached) {
      owner = cached
      break
    }
    if (index.scopes.has(n)) {
      owner = n
      break
    }
    passed.push(n)
  }
  if (owner) for (const n of passed) (n as WithScope)[SCOPE] = owner
  return owner
}

/** The function a node is in, if any. */
export function enclosingFunction(index: ModuleIndex, node: Node): FunctionNode | undefined {
  for (let n = index.parents.get(node); n; n = index.parents.get(n)) if (isFunction(n)) return n
  return undefined
}

/** The expression a function returns when it has one way out: an arrow's body, or its only `return x`. */
export function singleReturn(fn: FunctionNode): Node | undefined {
  if (fn.body.type !== 'BlockStatement') return fn.body as Node
  const returns = fn.body.body.filter((s) => s.type === 'ReturnStatement')
  return returns.length === 1 && returns[0]?.type === 'ReturnStatement' ? (returns[0].argument ?? undefined) : undefined
}
