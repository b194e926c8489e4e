import { describe, expect, it } from '@jest/globals'
import { looksMinified, parseJavaScript, walk, type Node } from '../../src/parse/javascript.js'

function types(source: string): string[] {
  const parsed = parseJavaScript(source)
  if (!parsed.ok) throw new Error(parsed.error)
  const seen: string[] = []
  walk(parsed.ast.program, (node: Node) => seen.push(node.type))
  return seen
}

describe('parseJavaScript', () => {
  it('parses CommonJS, ESM, TypeScript and JSX with one parser', () => {
    expect(parseJavaScript("const x = require('x'); module.exports = x").ok).toBe(true)
    expect(parseJavaScript("import x from 'x'; export default x").ok).toBe(true)
    expect(parseJavaScript('const f = (a: number): string => `${a}`; interface I { a: string }').ok).toBe(true)
    expect(parseJavaScript('const el = <div className="a">{x}</div>').ok).toBe(true)
    expect(parseJavaScript('@Controller() class A { @Get() list() {} }').ok).toBe(true)
  })

  it('retries old-style TypeScript casts without JSX', () => {
    expect(parseJavaScript('const n = <number>value; export {}').ok).toBe(true)
  })

  it('reports source that does not parse instead of throwing', () => {
    const parsed = parseJavaScript('const = = ;;; {')
    expect(parsed.ok).toBe(false)
  })
})

describe('walk', () => {
  it('visits every node in source order, parents first', () => {
    expect(types('a(b)')).toEqual(['Program', 'ExpressionStatement', 'CallExpression', 'Identifier', 'Identifier'])
  })

  it('walks deep nesting without recursion, and a parse too deep for babel is a note, not a crash', () => {
    const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`
    expect(types(deep(200)).length).toBeGreaterThan(200)
    expect(parseJavaScript(deep(100_000)).ok).toBe(false)
  })
})

describe('looksMinified', () => {
  it('tells bundles from source', () => {
    expect(looksMinified(`var a=1;${'function x(){return 1};'.repeat(400)}`)).toBe(true)
    expect(looksMinified('const a = 1\n'.repeat(1000))).toBe(false)
  })
})
