// Small readings of Babel's syntax tree that every layer above needs the same way.
import type { Node } from './javascript.js'

/**
 * The expression inside type-only and grouping wrappers: `x as T`, `x!`, `x satisfies T`, `<T>x`,
 * Flow's `(x: T)`, and parentheses. They change nothing at run time, so every reader sees through them.
 */
export function unwrapExpression(node: Node): Node {
  let n = node
  while (
    n.type === 'TSAsExpression' ||
    n.type === 'TSNonNullExpression' ||
    n.type === 'TSSatisfiesExpression' ||
    n.type === 'TSTypeAssertion' ||
    n.type === 'TypeCastExpression' ||
    n.type === 'ParenthesizedExpression'
  ) {
    n = n.expression
  }
  return n
}

/** `obj.name`, `obj['name']`, `obj?.name` → 'name'. */
export function propertyName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined
  if (!node.computed && node.property.type === 'Identifier') return node.property.name
  return node.property.type === 'StringLiteral' ? node.property.value : undefined
}

/** The name an object key writes: `a: 1`, `'a': 1`, `1: x`; undefined for a computed key (`[a]: 1`). */
export function keyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name
  if (key.type === 'StringLiteral') return key.value
  if (key.type === 'NumericLiteral') return String(key.value)
  return undefined
}
