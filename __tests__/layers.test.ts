// Arrows point down: a module of src/ imports, at run time, only from its own folder or a folder
// below it. Type-only imports may also name the contract a lower folder is handed: the rules'
// view of the scan (scan/context.ts), the report's shape (report.ts).
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix, relative } from 'node:path'
import { parseJavaScript } from '../src/parse/javascript.js'

const SRC = join(import.meta.dirname, '..', 'src')
/** Bottom first; `.` is the entry and orchestration modules at the top of src/. */
const LAYERS = [
  'common',
  'data',
  'config',
  'tools',
  'discovery',
  'parse',
  'lockfiles',
  'model',
  'findings',
  'rules',
  'scan',
  'baseline',
  'render',
  'github',
  '.'
]
const TYPE_CONTRACTS = new Set(['scan/context.ts', 'rules/rule.ts', 'report.ts', 'report-file.ts'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

function layerOf(file: string): string {
  const [first, ...rest] = relative(SRC, file).split('/')
  return rest.length === 0 ? '.' : (first as string)
}

/** `from -> to` for each relative import, with whether it imports only types. */
function importsOf(file: string): Array<{ target: string; typeOnly: boolean }> {
  const parsed = parseJavaScript(readFileSync(file, 'utf8'))
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`)
  return parsed.ast.program.body.flatMap((statement) => {
    if (statement.type !== 'ImportDeclaration' && statement.type !== 'ExportNamedDeclaration' && statement.type !== 'ExportAllDeclaration')
      return []
    const source = statement.source?.value
    if (!source?.startsWith('.')) return []
    const target = posix.normalize(posix.join(posix.dirname(relative(SRC, file)), source)).replace(/\.js$/, '.ts')
    const typeOnly =
      statement.type === 'ImportDeclaration' &&
      (statement.importKind === 'type' ||
        (statement.specifiers.length > 0 && statement.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type')))
    return [{ target, typeOnly }]
  })
}

describe('layers', () => {
  it('every module imports only from its own folder or below, but for the type contracts', () => {
    const files = sourceFiles(SRC)
    expect(files.length).toBeGreaterThan(100)
    const upward = files.flatMap((file) => {
      const from = layerOf(file)
      return importsOf(file).flatMap(({ target, typeOnly }) => {
        const to = layerOf(join(SRC, target))
        if (to === from || LAYERS.indexOf(to) < LAYERS.indexOf(from)) return []
        if (typeOnly && TYPE_CONTRACTS.has(target)) return []
        return [`${relative(SRC, file)} -> ${target}${typeOnly ? ' (types)' : ''}`]
      })
    })
    expect(upward).toEqual([])
  })

  it('knows every folder of src/', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
    for (const folder of folders) expect(LAYERS).toContain(folder)
  })
})
