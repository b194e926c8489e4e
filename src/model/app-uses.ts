import type { Node } from '../parse/javascript.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'
import type { ExpressModel, RouterNode } from './express.js'
import type { ModuleInfo } from './graph.js'
import { lookup, nodesOf } from './scope.js'

const HTTP_PACKAGES = new Set(['http', 'https', 'http2', 'node:http', 'node:https', 'node:http2', 'spdy'])
const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer'])
/** Members of an app that serve nothing: listening, settings and their reads, template locals. */
const INERT_MEMBERS = new Set(['listen', 'set', 'enable', 'disable', 'enabled', 'disabled', 'locals', 'settings'])

/** The node an expression's value goes on to: the expression itself, or the one wrapping it in parentheses or a type cast. */
function outermost(node: Node, module: ModuleInfo): { node: Node; parent: Node | undefined } {
  let n = node
  let parent = module.index.parents.get(n)
  while (parent && unwrapExpression(parent) === unwrapExpression(n)) {
    n = parent
    parent = module.index.parents.get(n)
  }
  return { node: n, parent }
}

/** Whether the app at `node` is used in a way that serves nothing: given to `http.createServer`, `app.listen()`, a setting. */
function isInertUse(express: ExpressModel, node: Node, module: ModuleInfo): boolean {
  const { node: used, parent } = outermost(node, module)
  if (!parent) return false
  if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && (parent.arguments as Node[]).includes(used)) {
    const callee = express.evaluate(parent.callee as Node, module)
    return (
      callee.kind === 'package' && HTTP_PACKAGES.has(callee.name) && SERVER_FACTORIES.has(callee.path[0] ?? '') && callee.path.length === 1
    )
  }
  if (parent.type !== 'MemberExpression' || parent.object !== used || parent.computed) return false
  const member = propertyName(parent) ?? ''
  if (INERT_MEMBERS.has(member)) return true
  // `app.get('port')` reads a setting; with a handler it would be a route.
  const call = module.index.parents.get(parent)
  return member === 'get' && call?.type === 'CallExpression' && call.callee === parent && call.arguments.length === 1
}

/**
 * Whether an app serves nothing but 404s: no middleware, routes or mounted routers, and every use
 * of it is understood (a server made of it, `listen`, settings) — as an app that only carries a
 * websocket server. An app exported, handed to a function or stored elsewhere may get its routes
 * where the model cannot see, so it is not one.
 */
export function servesNothing(express: ExpressModel, app: RouterNode): boolean {
  if (app.kind !== 'app' || app.mounts.length > 0 || app.events.some((e) => e.type === 'use' || e.type === 'route')) return false
  const { module, node } = app.site
  const { parent } = outermost(node, module)
  if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'Identifier') return isInertUse(express, node, module)
  const declarator = parent
  const name = parent.id.name
  for (const n of nodesOf(module.index)) {
    if (n.type !== 'Identifier' || n.name !== name || n === declarator.id) continue
    const p = module.index.parents.get(n)
    // Not a reference: a member's or a key's name.
    if ((p?.type === 'MemberExpression' || p?.type === 'OptionalMemberExpression') && p.property === n && !p.computed) continue
    if ((p?.type === 'ObjectProperty' || p?.type === 'ObjectMethod' || p?.type === 'ClassMethod') && p.key === n && !p.computed) {
      if (p.type !== 'ObjectProperty' || !p.shorthand) continue
    }
    const binding = lookup(module.index, name, n)
    if (binding?.kind !== 'var' || binding.declarator !== declarator) continue
    if (!isInertUse(express, n, module)) return false
  }
  return true
}
