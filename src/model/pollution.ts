// Where request data is merged into an object or used as a key: the points prototype pollution
// starts from (shared by the prototype-pollution and validation-missing rules).
import type { ExpressModel } from './express.js'
import type { RequestData } from './request-data.js'
import { lookup } from './scope.js'
import { branches } from './values.js'
import type { Node } from '../parse/javascript.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'

/** Deep-merge and path-setting exports: which argument positions take the data that is copied or the path. */
type Taking = { from: number } | { at: number }
const LODASH: Record<string, Taking> = {
  merge: { from: 1 },
  mergeWith: { from: 1 },
  defaultsDeep: { from: 1 },
  assign: { from: 1 },
  assignIn: { from: 1 },
  extend: { from: 1 },
  set: { at: 1 },
  setWith: { at: 1 },
  zipObjectDeep: { at: 0 }
}
/** Packages that are one merge function (`require('deep-extend')(target, source)`), or have one under a name. */
const MERGE_PACKAGES: Record<string, Record<string, Taking>> = {
  lodash: LODASH,
  'lodash-es': LODASH,
  underscore: { extend: { from: 1 }, extendOwn: { from: 1 } },
  'lodash.merge': { '': { from: 1 } },
  'lodash.mergewith': { '': { from: 1 } },
  'lodash.defaultsdeep': { '': { from: 1 } },
  'lodash.set': { '': { at: 1 } },
  'lodash.setwith': { '': { at: 1 } },
  'lodash.zipobjectdeep': { '': { at: 0 } },
  'deep-extend': { '': { from: 1 } },
  merge: { '': { from: 0 }, recursive: { from: 1 } },
  extend: { '': { from: 1 } },
  'just-extend': { '': { from: 1 } },
  'mixin-deep': { '': { from: 1 } },
  'merge-deep': { '': { from: 1 } },
  'defaults-deep': { '': { from: 1 } },
  'deep-assign': { '': { from: 1 } },
  'assign-deep': { '': { from: 1 } },
  jquery: { extend: { from: 1 } },
  'set-value': { '': { at: 1 } },
  'dot-prop': { set: { at: 1 } },
  'object-path': { set: { at: 1 } },
  dset: { dset: { at: 1 } },
  hoek: { merge: { from: 1 }, applyToDefaults: { from: 1 } },
  '@hapi/hoek': { merge: { from: 1 }, applyToDefaults: { from: 1 } }
}

function shortText(data: RequestData, node: Node): string {
  const text = data.text(node).replace(/\s+/g, ' ')
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** How a call copies data: `Object.assign`, a lodash or merge-package function; undefined for other calls. */
function mergeOf(express: ExpressModel, data: RequestData, callee: Node): Taking | undefined {
  const c = unwrapExpression(callee)
  if (
    c.type === 'MemberExpression' &&
    c.object.type === 'Identifier' &&
    c.object.name === 'Object' &&
    propertyName(c) === 'assign' &&
    !lookup(data.module.index, 'Object', c)
  )
    return { from: 1 }
  for (const value of branches(express.evaluate(c, data.module))) {
    if (value.kind !== 'package') continue
    const table = MERGE_PACKAGES[value.name]
    return table?.[value.path.join('.')]
  }
  return undefined
}

/**
 * A pollution point: request data `merged` into an object (or written under a key it chose), or
 * handed to a view as its locals (`view-locals`), where keys like `settings` are view options.
 */
export interface Pollution {
  kind: 'merged' | 'view-locals'
  /** What happens, for the message. */
  what: string
}

/** What makes a node a pollution point; undefined when it is not one. */
export function pollutionAt(express: ExpressModel, data: RequestData, node: Node): Pollution | undefined {
  const what = mergeAt(express, data, node)
  if (what) return { kind: 'merged', what }
  const view = viewLocalsAt(data, node)
  return view ? { kind: 'view-locals', what: view } : undefined
}

/** `res.render(view, req.body)` or `res.render(view, { ...req.query })`: the client writes the view's locals. */
function viewLocalsAt(data: RequestData, node: Node): string | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return undefined
  const callee = unwrapExpression(node.callee as Node)
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'render' || !data.isResponse(callee.object)) return undefined
  const locals = node.arguments[1] as Node | undefined
  if (!locals || !isCopiedObject(data, locals)) return undefined
  return `\`${shortText(data, callee)}()\` takes request data (\`${shortText(data, locals)}\`) as the view's locals`
}

function mergeAt(express: ExpressModel, data: RequestData, node: Node): string | undefined {
  if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
    const taking = mergeOf(express, data, node.callee as Node)
    if (!taking) return undefined
    const args = node.arguments as Node[]
    const picked = 'at' in taking ? [args[taking.at]] : args.slice(taking.from).filter((a) => !(a.type === 'BooleanLiteral'))
    const source = picked.find((a): a is Node => a !== undefined && ('at' in taking ? data.carries(a) : isCopiedObject(data, a)))
    if (!source) return undefined
    const callee = shortText(data, node.callee as Node)
    return 'at' in taking
      ? `\`${callee}()\` writes at a path taken from request data (\`${shortText(data, source)}\`)`
      : `\`${callee}()\` copies request data (\`${shortText(data, source)}\`) into an object`
  }
  if (node.type !== 'AssignmentExpression' || node.operator !== '=') return undefined
  const left = node.left
  // `obj[key] = undefined` (or another primitive) under `__proto__` changes nothing; one level deeper it would.
  const primitive =
    isPrimitive(node.right) && !(left.type === 'MemberExpression' && left.object.type === 'MemberExpression' && left.object.computed)
  if (
    left.type === 'MemberExpression' &&
    left.computed &&
    data.carries(left.property as Node) &&
    !isNumeric(left.property as Node) &&
    !primitive
  ) {
    return `\`${shortText(data, left)} = …\` writes under a key taken from request data (\`${shortText(data, left.property as Node)}\`)`
  }
  const right = unwrapExpression(node.right)
  if (right.type === 'ObjectExpression') {
    const target = data.text(left)
    const spreads = right.properties.filter((p) => p.type === 'SpreadElement')
    const source = spreads.find((p) => data.text(p.argument) !== target && data.isRequestValue(p.argument))
    if (source && spreads.some((p) => data.text(p.argument) === target)) {
      return `\`${shortText(data, node)}\` spreads request data (\`${shortText(data, source.argument)}\`) over an existing object`
    }
  }
  return undefined
}

/** Functions that copy an object leaving some keys out: a deny-list, which lets `__proto__` through. */
const DENY_LISTS = new Set(['omit', 'omitBy', 'without', 'except'])

/**
 * Request data as an object to copy from: `req.body`, `req.body.message`, an alias, `{ ...req.body }`,
 * or any of these with some keys left out (`_.omit(req.body, 'role')`).
 */
function isCopiedObject(data: RequestData, node: Node): boolean {
  const n = unwrapExpression(node)
  if (n.type === 'ObjectExpression') return n.properties.some((p) => p.type === 'SpreadElement' && isCopiedObject(data, p.argument))
  if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression') {
    const callee = unwrapExpression(n.callee as Node)
    const name = callee.type === 'Identifier' ? callee.name : propertyName(callee)
    const [first] = n.arguments
    return DENY_LISTS.has(name ?? '') && first !== undefined && first.type !== 'SpreadElement' && isCopiedObject(data, first as Node)
  }
  return data.isRequestValue(n)
}

function isPrimitive(node: Node): boolean {
  const n = unwrapExpression(node)
  if (n.type === 'Identifier') return n.name === 'undefined'
  return ['NullLiteral', 'BooleanLiteral', 'NumericLiteral', 'StringLiteral'].includes(n.type)
}

function isNumeric(node: Node): boolean {
  return (
    node.type === 'NumericLiteral' ||
    (node.type === 'CallExpression' && node.callee.type === 'Identifier' && ['Number', 'parseInt'].includes(node.callee.name))
  )
}
