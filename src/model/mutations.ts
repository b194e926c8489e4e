// Later writes into object literals bound to variables (`sess.cookie.secure = true`,
// `Object.assign(opts, x)`), so that an options object read at its literal is read as it ends up.
import type { Node } from '../parse/javascript.js'
import { keyName, propertyName, unwrapExpression } from '../parse/syntax.js'
import type { ModuleInfo } from './graph.js'
import { lookup } from './scope.js'
import type { Value } from './values.js'

interface Mutation {
  root: string
  path: string[]
  node: Node
}

/** `a.b['c']` → { root: 'a', path: ['b', 'c', ...tail] }; a computed key is '*'. */
function memberPath(node: Node, tail: string[] = []): { root: string; path: string[] } | undefined {
  const path = [...tail]
  let n = unwrapExpression(node)
  while (n.type === 'MemberExpression') {
    path.unshift(propertyName(n) ?? '*')
    n = unwrapExpression(n.object)
  }
  return n.type === 'Identifier' ? { root: n.name, path } : undefined
}

function isObjectAssign(callee: Node): boolean {
  return (
    callee.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Object' &&
    propertyName(callee) === 'assign'
  )
}

/** The variable an object literal is (part of) the initial value of, with the keys down to it. */
function objectRoot(node: Node, module: ModuleInfo): { name: string; declarator: Node; path: string[] } | undefined {
  if (node.type !== 'ObjectExpression') return undefined
  const path: string[] = []
  let n: Node = node
  for (let parent = module.index.parents.get(n); parent; parent = module.index.parents.get(n)) {
    if (parent.type === 'VariableDeclarator') {
      return parent.init === n && parent.id.type === 'Identifier' ? { name: parent.id.name, declarator: parent, path } : undefined
    }
    if (parent.type === 'ObjectProperty' && parent.value === n) {
      const key = keyName(parent.key, parent.computed)
      const object = module.index.parents.get(parent)
      if (key === undefined || object?.type !== 'ObjectExpression') return undefined
      path.unshift(key)
      n = object
    } else if (parent.type === 'TSAsExpression' || parent.type === 'TSSatisfiesExpression' || parent.type === 'ParenthesizedExpression') {
      n = parent
    } else {
      return undefined
    }
  }
  return undefined
}

/** The writes of each module, indexed on first use. */
export class ObjectMutations {
  private readonly byModule = new Map<ModuleInfo, Map<string, Mutation[]>>()

  /**
   * Whether `name` of an object literal bound to a variable is assigned later (`sess.cookie = ...`:
   * 'direct'), or something under it is (`sess.cookie.secure = true`, `Object.assign(sess.cookie, x)`: 'deep').
   */
  mutatedAt(value: Extract<Value, { kind: 'object' }>, name: string): 'direct' | 'deep' | undefined {
    const module = value.at?.module
    const root = value.at && module ? objectRoot(value.at.node, module) : undefined
    if (!root || !module) return undefined
    let found: 'direct' | 'deep' | undefined
    for (const m of this.of(module).get(root.name) ?? []) {
      if (m.path.length <= root.path.length) continue
      if (!root.path.every((key, i) => m.path[i] === key || m.path[i] === '*')) continue
      const next = m.path[root.path.length]
      if (next !== name && next !== '*') continue
      const binding = lookup(module.index, m.root, m.node)
      if (binding?.kind !== 'var' || binding.declarator !== root.declarator) continue
      if (m.path.length === root.path.length + 1) return 'direct'
      found = 'deep'
    }
    return found
  }

  /** `a.b.c = x` and `Object.assign(a.b, x)` in a module, by root variable, with key paths ('*': any key). */
  private of(module: ModuleInfo): Map<string, Mutation[]> {
    const cached = this.byModule.get(module)
    if (cached) return cached
    const byRoot = new Map<string, Mutation[]>()
    for (const node of module.index.parents.keys()) {
      const target =
        node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression'
          ? memberPath(node.left)
          : node.type === 'CallExpression' && isObjectAssign(node.callee as Node) && node.arguments[0]
            ? memberPath(node.arguments[0] as Node, ['*'])
            : undefined
      if (!target) continue
      const list = byRoot.get(target.root)
      if (list) list.push({ ...target, node })
      else byRoot.set(target.root, [{ ...target, node }])
    }
    this.byModule.set(module, byRoot)
    return byRoot
  }
}
