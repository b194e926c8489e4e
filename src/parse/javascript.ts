import { parse, type ParserPlugin } from '@babel/parser'
import type { File, Node } from '@babel/types'
import { describeErrorFully } from '../common/errors.js'
import { VISITOR_KEYS } from './visitor-keys.generated.js'

export type { File, Node }

// In a module of its own, so that what only looks at names does not load the parser.
export { isScriptName } from './script-name.js'

const BASE_OPTIONS = {
  sourceType: 'unambiguous' as const,
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowImportExportEverywhere: true,
  allowUndeclaredExports: true,
  allowNewTargetOutsideFunction: true,
  allowSuperOutsideMethod: true,
  errorRecovery: true,
  createParenthesizedExpressions: false,
  attachComment: false,
  ranges: false,
  tokens: false
}

/** One plugin set for every file is fastest (measured); other sets are only retries. */
const PLUGIN_SETS: ParserPlugin[][] = [
  ['typescript', 'jsx', 'decorators-legacy'],
  ['typescript', 'decorators-legacy'], // `.ts` files with old-style `<T>value` casts
  ['jsx', 'flow', 'decorators-legacy'] // JavaScript that the TypeScript grammar rejects
]

export type ParseOutcome = { ok: true; ast: File } | { ok: false; error: string }

/** Parses JS/TS/JSX source with @babel/parser; never throws. */
export function parseJavaScript(text: string): ParseOutcome {
  let firstError = ''
  for (const plugins of PLUGIN_SETS) {
    try {
      const ast = parse(text, { ...BASE_OPTIONS, plugins })
      return { ok: true, ast }
    } catch (error) {
      if (firstError === '') firstError = describeErrorFully(error)
    }
  }
  return { ok: false, error: firstError }
}

/** Minified or generated code is not the app's source: long lines and few of them. */
export function looksMinified(text: string): boolean {
  if (text.length < 4096) return false
  let lines = 1
  let longest = 0
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines += 1
    longest = Math.max(longest, i - start)
    start = i + 1
  }
  longest = Math.max(longest, text.length - start)
  return longest > 1000 && text.length / lines > 200
}

type Visitor = (node: Node, parent: Node | undefined) => void

/** Keys that never hold child nodes, for node types the generated table does not know. */
function isChildKey(key: string): boolean {
  return key !== 'loc' && key !== 'start' && key !== 'end' && key !== 'extra' && key !== 'comments' && !key.endsWith('Comments')
}

/** A node's children in order: the keys @babel/types lists for its type, every property otherwise. */
function pushChildren(node: Node, stack: Array<Node | undefined>): void {
  const record = node as unknown as Record<string, unknown>
  const keys = VISITOR_KEYS[node.type] ?? Object.keys(record).filter(isChildKey)
  // Pushed last-first, so that they pop first-first.
  for (let k = keys.length - 1; k >= 0; k -= 1) {
    const value = record[keys[k] as string]
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) {
        const item: unknown = value[i]
        if (isNode(item)) stack.push(item, node)
      }
    } else if (isNode(value)) {
      stack.push(value, node)
    }
  }
}

/**
 * Visits every node depth-first, parents before children. A plain walk over each node's child keys:
 * @babel/traverse costs several times the parse, and the rules need no scope tracking from it.
 */
export function walk(root: Node, visit: Visitor): void {
  // Pairs of [node, parent], flattened: no array per visited node.
  const stack: Array<Node | undefined> = [root, undefined]
  while (stack.length > 0) {
    const parent = stack.pop()
    const node = stack.pop() as Node
    visit(node, parent)
    pushChildren(node, stack)
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}
