import { describe, expect, it } from '@jest/globals'
import { parseJavaScript, type Node } from '../../src/parse/javascript.js'
import { keyName, propertyName, unwrapExpression } from '../../src/parse/syntax.js'

/** The expression of the first statement of a one-line program. */
function expressionOf(source: string): Node {
  const parsed = parseJavaScript(source)
  if (!parsed.ok) throw new Error(parsed.error)
  const [statement] = parsed.ast.program.body
  if (statement?.type !== 'ExpressionStatement') throw new Error(`not an expression: ${source}`)
  return statement.expression
}

describe('unwrapExpression', () => {
  it.each([
    '(req.body as Body)',
    'req.body!',
    '(req.body satisfies Body)',
    '(<Body>req.body)',
    '((req.body))',
    '(req.body as unknown as Body)!'
  ])('sees through %s', (source) => {
    const inner = unwrapExpression(expressionOf(source))
    expect(inner.type).toBe('MemberExpression')
    expect(propertyName(inner)).toBe('body')
  })

  it('leaves other expressions as they are', () => {
    expect(unwrapExpression(expressionOf('await req.body')).type).toBe('AwaitExpression')
    expect(unwrapExpression(expressionOf('(a, b)')).type).toBe('SequenceExpression')
  })
})

describe('propertyName and keyName', () => {
  it('names plain, quoted and optional members, not computed ones', () => {
    expect(propertyName(expressionOf('a.b'))).toBe('b')
    expect(propertyName(expressionOf("a['b']"))).toBe('b')
    expect(propertyName(expressionOf('a?.b'))).toBe('b')
    expect(propertyName(expressionOf('a[b]'))).toBeUndefined()
    expect(propertyName(expressionOf('a'))).toBeUndefined()
  })

  it('names written keys, not computed ones', () => {
    const object = expressionOf("({ a: 1, 'b': 2, 3: 3, [d]: 4 })")
    if (object.type !== 'ObjectExpression') throw new Error('not an object')
    const names = object.properties.map((p) => (p.type === 'ObjectProperty' ? keyName(p.key, p.computed) : undefined))
    expect(names).toEqual(['a', 'b', '3', undefined])
  })
})
