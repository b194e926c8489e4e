import { parse, type ParserPlugin } from '@babel/parser'
import type { File, Node } from '@babel/types'

export type { File, Node }

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
      if (firstError === '') firstError = error instanceof Error ? error.message : String(error)
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

/**
 * Visits every node depth-first, parents before children. A plain walk over the node's own keys:
 * @babel/traverse costs several times the parse, and the rules need no scope tracking from it.
 */
export function walk(root: Node, visit: Visitor): void {
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]]
  while (stack.length > 0) {
    const [node, parent] = stack.pop() as [Node, Node | undefined]
    visit(node, parent)
    const children: Node[] = []
    for (const key in node) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'extra' || key === 'comments' || key.endsWith('Comments')) continue
      const value = (node as unknown as Record<string, unknown>)[key]
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item)
      } else if (isNode(value)) children.push(value)
    }
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push([children[i] as Node, node])
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}
