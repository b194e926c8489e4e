import type { Node } from '../parse/javascript.js'
import type { ModuleInfo } from './graph.js'
import type { FunctionNode } from './scope.js'

/** Where a value was written: the module and node a finding can point at. */
export interface Site {
  module: ModuleInfo
  node: Node
}

interface Common {
  at?: Site
  /** Call sites passed through to reach this value (a parameter bound at a call), outermost first. */
  via?: Site[]
}

/**
 * What an expression is known to be, as far as a reading of the source can tell. Options objects,
 * `process.env` reads with literal fallbacks, `NODE_ENV` conditionals, package exports and the
 * functions and calls that build middleware; anything else is `unknown`, never a guess.
 */
export type Value = Common &
  (
    | { kind: 'literal'; value: string | number | boolean | null | undefined }
    | { kind: 'absent' }
    | { kind: 'object'; entries: Array<{ key: string; node: Node }>; spreads: Node[] }
    | { kind: 'array'; elements: Node[] }
    | { kind: 'env'; name: string }
    | { kind: 'fallback'; operator: '||' | '??'; left: Value; right: Value }
    | { kind: 'conditional'; test: Node; consequent: Value; alternate: Value }
    /** One of several values, e.g. the element a `forEach` callback is called with. */
    | { kind: 'union'; options: Value[] }
    | { kind: 'function'; fn: FunctionNode }
    | { kind: 'package'; name: string; path: string[] }
    | { kind: 'call'; callee: Value; args: Node[] }
    | { kind: 'new'; callee: Value; args: Node[] }
    /** A class of the app; `new` of it is an instance whose members are read from the class body. */
    | { kind: 'class'; node: Extract<Node, { type: 'ClassDeclaration' | 'ClassExpression' }> }
    | { kind: 'regex'; pattern: string; flags: string }
    | { kind: 'module'; module: ModuleInfo }
    | { kind: 'unknown'; reason?: string }
  )

export const UNKNOWN: Value = { kind: 'unknown' }

/** `express()` or `express.Router()` / `Router()`. */
export function isExpressInstance(value: Value): boolean {
  if (value.kind !== 'call' || value.callee.kind !== 'package' || value.callee.name !== 'express') return false
  const path = value.callee.path
  return path.length === 0 || (path.length === 1 && path[0] === 'Router')
}

/** The literal a value certainly is, looking through nothing else. */
export function literalOf(value: Value): string | number | boolean | null | undefined {
  return value.kind === 'literal' ? value.value : undefined
}

/** Every value a conditional or fallback can produce, for "is any branch unsafe" checks. */
export function branches(value: Value): Value[] {
  if (value.kind === 'conditional') return [...branches(value.consequent), ...branches(value.alternate)]
  if (value.kind === 'fallback') return [...branches(value.left), ...branches(value.right)]
  if (value.kind === 'union') return value.options.flatMap(branches)
  return [value]
}
