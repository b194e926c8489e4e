import type { Node } from '../parse/javascript.js'
import { unwrapExpression } from '../parse/syntax.js'
import type { ModuleInfo } from './graph.js'
import { literalOf, type Value } from './values.js'

/** Longer unknown parts are cut: the message names the place, not the whole expression. */
const MAX_PART = 40

/** An unknown part as the source writes it, `${config.base}`, on one line. */
export function writtenExpression(node: Node, module: ModuleInfo): string {
  const source = module.text.slice(node.start ?? 0, node.end ?? 0).replace(/\s+/g, ' ')
  return `\${${source.length > MAX_PART ? `${source.slice(0, MAX_PART - 1)}…` : source}}`
}

/** The pieces of `a + '/x' + b`, left to right. */
function addends(node: Node): Node[] {
  const n = unwrapExpression(node)
  return n.type === 'BinaryExpression' && n.operator === '+' ? [...addends(n.left as Node), ...addends(n.right)] : [n]
}

function isString(node: Node): boolean {
  return node.type === 'StringLiteral' || node.type === 'TemplateLiteral'
}

/**
 * A route or mount path the model cannot know, as the source writes it, for messages:
 * `` `${base}/health` `` or `base + '/health'` with `base` unknown reads `${base}/health`; the
 * parts the evaluator knows are filled in. Undefined when the argument is not written as text (a
 * template literal, or a `+` with a string in it), so a handler passed first is never taken for a path.
 */
export function writtenPath(node: Node, module: ModuleInfo, evaluate: (node: Node) => Value): string | undefined {
  const n = unwrapExpression(node)
  const known = (part: Node): string | undefined => {
    const value = literalOf(evaluate(part))
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
  }
  const render = (part: Node): string => {
    const p = unwrapExpression(part)
    if (p.type === 'TemplateLiteral')
      return p.quasis.map((q, i) => `${q.value.cooked ?? q.value.raw}${p.expressions[i] ? render(p.expressions[i] as Node) : ''}`).join('')
    return known(p) ?? writtenExpression(p, module)
  }
  if (n.type === 'TemplateLiteral') return render(n)
  if (n.type !== 'BinaryExpression' || n.operator !== '+') return undefined
  const parts = addends(n)
  return parts.some(isString) ? parts.map(render).join('') : undefined
}
