import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { looksMinified, parseJavaScript, walk, type Node } from '../../src/parse/javascript.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Every JS/TS file under a folder, node_modules left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(path)
    return /\.(?:[cm]?[jt]sx?)$/.test(e.name) ? [path] : []
  })
}

/** The reference walk: every property of every node that holds a node, recursively. */
function allNodes(node: Node, out: Node[] = []): Node[] {
  out.push(node)
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'extra' || key.endsWith('Comments') || key === 'comments') continue
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') allNodes(child as Node, out)
    }
  }
  return out
}

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

  it('reaches every node a walk over all properties reaches, on every fixture, the sample app and our own source', () => {
    const files = [...sources(join(ROOT, '__tests__/rules/fixtures')), ...sources(join(ROOT, 'examples')), ...sources(join(ROOT, 'src'))]
    expect(files.length).toBeGreaterThan(100)
    let checked = 0
    for (const file of files) {
      const parsed = parseJavaScript(readFileSync(file, 'utf8'))
      if (!parsed.ok) continue
      const seen = new Set<Node>()
      walk(parsed.ast.program, (node) => seen.add(node))
      const expected = allNodes(parsed.ast.program)
      expect({ file, missing: expected.filter((n) => !seen.has(n)).map((n) => n.type) }).toEqual({ file, missing: [] })
      expect(seen.size).toBe(expected.length)
      checked += 1
    }
    expect(checked).toBeGreaterThan(100)
  })

  it('uses child keys that are up to date with @babel/types (run `node scripts/gen-visitor-keys.mjs` when this fails)', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-visitor-keys.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
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
