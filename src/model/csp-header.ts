import { walk, type Node } from '../parse/javascript.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'
import type { CspSource } from './csp.js'
import type { ExpressModel, Handler } from './express.js'
import { factoryResults, functionsOf, type HandlerFunction } from './handlers.js'
import { lookup } from './scope.js'
import type { Site, Value } from './values.js'

/** A Content-Security-Policy header a handler of the app sets itself: `res.setHeader('Content-Security-Policy', '...')`. */
export interface CspHeader {
  /** The `res.setHeader(...)` call, for environment tests around it. */
  call: Site
  /** How the app wrote it, for messages. */
  label: string
  /** `Content-Security-Policy-Report-Only`: nothing is blocked. */
  reportOnly: boolean
  /** Where the policy text is written. */
  site: Site
  /** Each directive's sources, by lowercase directive name. */
  directives: Map<string, CspSource[]>
  /** Parts of the text are computed (`${host}`): a directive may come from them, but what is written still counts. */
  partial: boolean
}

const SETTERS = new Set(['setHeader', 'set', 'header', 'append'])
const HEADER = /^content-security-policy(-report-only)?$/i
const RESPONSE_NAMES = new Set(['res', 'response', 'resp'])
/** Stands for a computed part of a template literal (`'nonce-${nonce}'`, `${host}`). */
const COMPUTED = '<computed>'

/** `default-src 'self'; script-src 'self' cdn.example.com`: sources by directive, the first occurrence winning (as browsers do). */
export function parsePolicy(text: string, site: Site): Map<string, CspSource[]> {
  const directives = new Map<string, CspSource[]>()
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name || directives.has(name.toLowerCase())) continue
    directives.set(
      name.toLowerCase(),
      // A computed source may be a nonce, which makes browsers ignore 'unsafe-inline'.
      sources.map((source) => ({ text: source, nonce: source.includes(COMPUTED), site }))
    )
  }
  return directives
}

/** Whether `object` is the handler's response: its response parameter, or a variable plainly named so. */
function isResponse(handler: HandlerFunction, object: Node): boolean {
  const root = unwrapExpression(object)
  if (root.type !== 'Identifier') return false
  const binding = lookup(handler.module.index, root.name, root)
  if (binding?.kind === 'param' && binding.fn === handler.fn) return binding.index === (handler.errorHandler ? 2 : 1)
  return (binding === undefined || binding.kind === 'param') && RESPONSE_NAMES.has(root.name)
}

function stringOf(value: Value): string | undefined {
  return value.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined
}

/**
 * The policy text of a header value: a string the evaluator knows, or a template literal (directly or
 * through a local constant) whose computed parts are kept as placeholders.
 */
function policyText(
  express: ExpressModel,
  handler: HandlerFunction,
  value: Node,
  depth = 0
): { text: string; site: Site; partial: boolean } | undefined {
  const evaluated = express.evaluate(value, handler.module)
  const known = stringOf(evaluated)
  if (known !== undefined) return { text: known, site: evaluated.at ?? { module: handler.module, node: value }, partial: false }
  const node = unwrapExpression(value)
  if (node.type === 'Identifier' && depth < 3) {
    const binding = lookup(handler.module.index, node.name, node)
    return binding?.kind === 'var' && binding.init && binding.path.length === 0
      ? policyText(express, handler, binding.init, depth + 1)
      : undefined
  }
  if (node.type !== 'TemplateLiteral') return undefined
  const parts = node.quasis.map((q, i) => {
    const expression = node.expressions[i]
    const computed = expression ? (stringOf(express.evaluate(expression as Node, handler.module)) ?? COMPUTED) : ''
    return (q.value.cooked ?? q.value.raw) + computed
  })
  return { text: parts.join(''), site: { module: handler.module, node }, partial: true }
}

/** The header name and policy value a setter call gives: `(name, value)` or `({ [name]: value })`. */
function headerArguments(express: ExpressModel, handler: HandlerFunction, args: Node[]): Array<{ name: string; value: Node }> {
  const [first, second] = args
  if (!first) return []
  if (second) {
    const name = stringOf(express.evaluate(first, handler.module))
    return name ? [{ name, value: second }] : []
  }
  const object = express.evaluate(first, handler.module)
  return object.kind === 'object' ? object.entries.map((e) => ({ name: e.key, value: e.node })) : []
}

function headersIn(express: ExpressModel, handler: HandlerFunction): CspHeader[] {
  const headers: CspHeader[] = []
  walk(handler.fn.body as Node, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return
    const method = propertyName(node.callee)
    if (!method || !SETTERS.has(method) || !isResponse(handler, node.callee.object)) return
    const args = node.arguments.filter((a) => a.type !== 'SpreadElement' && a.type !== 'ArgumentPlaceholder') as Node[]
    for (const { name, value } of headerArguments(express, handler, args)) {
      const match = HEADER.exec(name)
      const policy = match && policyText(express, handler, value)
      if (!match || !policy) continue
      headers.push({
        call: { module: handler.module, node },
        label: `res.${method}('${name}')`,
        reportOnly: match[1] !== undefined,
        site: policy.site,
        directives: parsePolicy(policy.text, policy.site),
        partial: policy.partial
      })
    }
  })
  return headers
}

/** Handlers a factory call makes: `securityHeaders()`, and `asyncHandler(getProfile())`'s inner `getProfile()`. */
function madeHandlers(express: ExpressModel, handler: Handler): Handler[] {
  if (handler.kind !== 'factory' && handler.kind !== 'middleware') return []
  const made = handler.kind === 'factory' ? (factoryResults(express, handler) ?? []) : []
  const call = handler.site.node
  if (call.type !== 'CallExpression') return made
  for (const arg of call.arguments) {
    const value = express.evaluate(arg as Node, handler.site.module)
    if (value.kind !== 'call' || value.callee.kind !== 'function') continue
    const inner: Handler = {
      kind: 'factory',
      fn: value.callee.fn,
      args: value.args,
      site: { module: handler.site.module, node: arg as Node }
    }
    made.push(...(factoryResults(express, inner) ?? []))
  }
  return made
}

/** The app's own handlers, including those its middleware factories return (`app.use(securityHeaders())`). */
function appHandlers(express: ExpressModel): HandlerFunction[] {
  const seen = new Map<Node, HandlerFunction>()
  const handlers = [
    ...express.routers.flatMap((r) => r.events.flatMap((e) => e.handlers)),
    ...express.orphanUses.flatMap((u) => u.handlers)
  ]
  for (const handler of handlers) {
    for (const f of [handler, ...madeHandlers(express, handler)].flatMap((h) => functionsOf(express, h)))
      if (!seen.has(f.fn)) seen.set(f.fn, f)
  }
  return [...seen.values()]
}

/** Every Content-Security-Policy header the app's handlers set by hand, with a policy the model can read. */
export function cspHeaders(express: ExpressModel): CspHeader[] {
  return appHandlers(express).flatMap((handler) => headersIn(express, handler))
}
