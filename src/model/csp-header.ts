import type { Node } from '../parse/javascript.js'
import { unwrapExpression } from '../parse/syntax.js'
import type { CspSource } from './csp.js'
import type { ExpressModel } from './express.js'
import { handlerFunctions, headerWrites, type HandlerFunction } from './handlers.js'
import { localInit } from './scope.js'
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

const HEADER = /^content-security-policy(-report-only)?$/i
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
  if (node.type === 'Identifier') {
    const init = depth < 3 ? localInit(handler.module.index, node) : undefined
    return init ? policyText(express, handler, init, depth + 1) : undefined
  }
  if (node.type !== 'TemplateLiteral') return undefined
  const parts = node.quasis.map((q, i) => {
    const expression = node.expressions[i]
    const computed = expression ? (stringOf(express.evaluate(expression as Node, handler.module)) ?? COMPUTED) : ''
    return (q.value.cooked ?? q.value.raw) + computed
  })
  return { text: parts.join(''), site: { module: handler.module, node }, partial: true }
}

function headersIn(express: ExpressModel, handler: HandlerFunction): CspHeader[] {
  return headerWrites(express, handler).flatMap(({ call, method, name, value }): CspHeader[] => {
    const match = HEADER.exec(name)
    const policy = match && value && policyText(express, handler, value)
    if (!match || !policy) return []
    return [
      {
        call: { module: handler.module, node: call },
        label: `res.${method}('${name}')`,
        reportOnly: match[1] !== undefined,
        site: policy.site,
        directives: parsePolicy(policy.text, policy.site),
        partial: policy.partial
      }
    ]
  })
}

/** Every Content-Security-Policy header the app's handlers set by hand, with a policy the model can read. */
export function cspHeaders(express: ExpressModel): CspHeader[] {
  return handlerFunctions(express).flatMap((handler) => headersIn(express, handler))
}
