import { describe, expect, it } from '@jest/globals'
import { ModuleGraph } from '../../src/model/graph.js'
import { positionOf } from '../../src/model/scope.js'
import { parseJavaScript, walk, type Node } from '../../src/parse/javascript.js'

/** Every node's line and column as Babel reported them, then as positionOf computes them once the module is indexed. */
function positions(text: string): { babel: string[]; computed: string[] } {
  const parsed = parseJavaScript(text)
  if (!parsed.ok) throw new Error(parsed.error)
  const nodes: Node[] = []
  const babel: string[] = []
  walk(parsed.ast.program, (node) => {
    nodes.push(node)
    babel.push(`${node.type} ${node.loc?.start.line}:${node.loc?.start.column}`)
  })
  const graph = new ModuleGraph([{ path: 'app.js', text, ast: parsed.ast.program }])
  expect(graph.modules.size).toBe(1)
  expect(nodes.every((n) => n.loc === null)).toBe(true)
  const module = graph.modules.get('app.js')!
  return { babel, computed: nodes.map((n) => `${n.type} ${positionOf(n, module).line}:${positionOf(n, module).column}`) }
}

describe('positionOf', () => {
  it('gives the line and column Babel gave, with every line terminator Babel knows', () => {
    const text = "const a = 1\r\nconst b = 'x'\rconst c = 2\u2028const d = `\n${a}`\u2029function f() {\n  return b\n}\n\nf()"
    const { babel, computed } = positions(text)
    expect(babel.length).toBeGreaterThan(20)
    expect(computed).toEqual(babel)
  })

  it('is right on the last line and for a text without line breaks', () => {
    const { babel, computed } = positions('x(1)')
    expect(computed).toEqual(babel)
    expect(positions('a\n\n\nb(c)').computed.at(-1)).toBe('Identifier 4:2')
  })
})
