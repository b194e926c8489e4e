// A static check over our own source (src/, parsed with @babel/parser like the scan parses apps):
// child processes only in src/tools/exec.ts, only `spawn`, never with a shell, never a command
// built from strings; no eval, `new Function`, vm, createRequire, and no dynamic import()/require()
// of a computed path anywhere. The checker is tested on small bad snippets, so it can fail.
import { describe, expect, it } from '@jest/globals'
import { parse } from '@babel/parser'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { REPO_ROOT } from '../helpers/run-action.js'

type AstNode = { type: string } & Record<string, unknown>

const EXEC_FILE = 'src/tools/exec.ts'
/** The programs the tools may start by name: package managers found on PATH, as the runner sets them up. */
const FIXED_PROGRAMS = new Set(['npm', 'pnpm', 'yarn'])
const CHILD_PROCESS = /^(?:node:)?child_process$/
/** Modules that run code from strings or load modules by computed paths. */
const FORBIDDEN_MODULES = /^(?:node:)?(?:vm|module|inspector|repl|wasi|cluster)$/
/** The scan's worker thread runs our own bundle (the entry point's file), never code given as a string. */
const WORKER_THREADS = /^(?:node:)?worker_threads$/
const WORKER_FILE = 'src/scan/worker.ts'
/** The child_process functions exec.ts may use: both take an argument vector and checked options. */
const SPAWNS = new Set(['spawn', 'spawnSync'])
/**
 * What src may take from node:module: the list of built-in module names (data) and the switch of
 * Node's compile cache (it caches what Node compiles anyway, and loads nothing); everything else
 * there loads code.
 */
const MODULE_DATA = new Set(['builtinModules', 'isBuiltin', 'enableCompileCache'])
const SHELLS = /^(?:.*[\\/])?(?:sh|bash|zsh|dash|ksh|fish|cmd|cmd\.exe|powershell|pwsh)$/i
const NOT_CHILDREN = new Set(['loc', 'start', 'end', 'extra', 'range', 'leadingComments', 'trailingComments', 'innerComments'])

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

function* walk(value: unknown): Generator<AstNode> {
  if (Array.isArray(value)) {
    for (const item of value) yield* walk(item)
  } else if (isNode(value)) {
    yield value
    for (const [key, child] of Object.entries(value)) if (!NOT_CHILDREN.has(key)) yield* walk(child)
  }
}

const child = (node: AstNode, key: string): AstNode | undefined => (isNode(node[key]) ? node[key] : undefined)
const children = (node: AstNode, key: string): AstNode[] => (Array.isArray(node[key]) ? (node[key] as unknown[]).filter(isNode) : [])
const nameOf = (node: AstNode | undefined): string | undefined =>
  node?.type === 'Identifier' ? String(node.name) : node?.type === 'StringLiteral' ? String(node.value) : undefined

/** A string the code states outright: a literal, or a template with nothing interpolated. */
function literal(node: AstNode | undefined): string | undefined {
  if (node?.type === 'StringLiteral') return String(node.value)
  if (node?.type === 'TemplateLiteral' && children(node, 'expressions').length === 0) {
    return children(node, 'quasis')
      .map((q) => String((q.value as { cooked?: string }).cooked ?? ''))
      .join('')
  }
  return undefined
}

function isMember(node: AstNode | undefined, object: string, property: string): boolean {
  return node?.type === 'MemberExpression' && nameOf(child(node, 'object')) === object && nameOf(child(node, 'property')) === property
}

function line(node: AstNode): number {
  return (node.loc as { start?: { line?: number } } | undefined)?.start?.line ?? 0
}

/** Modules a file loads, statically or dynamically, with the node that loads each. */
function moduleLoads(program: AstNode): Array<{ source: string | undefined; node: AstNode; dynamic: boolean }> {
  const out: Array<{ source: string | undefined; node: AstNode; dynamic: boolean }> = []
  for (const node of walk(program)) {
    if (['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration'].includes(node.type) && child(node, 'source')) {
      out.push({ source: literal(child(node, 'source')), node, dynamic: false })
    } else if (node.type === 'TSImportEqualsDeclaration') {
      const ref = child(node, 'moduleReference')
      if (ref?.type === 'TSExternalModuleReference') out.push({ source: literal(child(ref, 'expression')), node, dynamic: false })
    } else if (node.type === 'ImportExpression') {
      out.push({ source: literal(child(node, 'source')), node, dynamic: true })
    } else if (node.type === 'CallExpression') {
      const callee = child(node, 'callee')
      if (
        callee?.type === 'Import' ||
        nameOf(callee) === 'require' ||
        isMember(callee, 'require', 'resolve') ||
        isMember(callee, 'module', 'require')
      ) {
        out.push({ source: literal(children(node, 'arguments')[0]), node, dynamic: true })
      }
    }
  }
  return out
}

/** Checks a `spawn(command, args, options)` call: argv only, no shell, nothing that could smuggle one in. */
/** `import { builtinModules } from 'node:module'`: only the names of built-in modules, nothing that loads one. */
function isBuiltinListImport(node: AstNode, source: string): boolean {
  if (!/^(?:node:)?module$/.test(source) || node.type !== 'ImportDeclaration') return false
  const specs = children(node, 'specifiers')
  return (
    specs.length > 0 && specs.every((spec) => spec.type === 'ImportSpecifier' && MODULE_DATA.has(nameOf(child(spec, 'imported')) ?? ''))
  )
}

function spawnProblems(call: AstNode): string[] {
  const [command, args, options] = children(call, 'arguments')
  const problems: string[] = []
  const fixed = literal(command)
  if (!(command?.type === 'Identifier' || fixed !== undefined || isMember(command, 'process', 'execPath'))) {
    problems.push('spawn command is built, not a name or a variable')
  }
  if (fixed !== undefined && SHELLS.test(fixed.trim())) problems.push(`spawn runs a shell (${fixed})`)
  if (!args || args.type === 'StringLiteral' || args.type === 'TemplateLiteral' || args.type === 'BinaryExpression')
    problems.push('spawn without an argument vector')
  if (options?.type !== 'ObjectExpression') {
    problems.push('spawn options are not an object literal, so `shell` cannot be checked')
  } else {
    for (const prop of children(options, 'properties')) {
      if (prop.type === 'SpreadElement') problems.push('spawn options spread another object (it could carry `shell`)')
      const value = child(prop, 'value')
      if (nameOf(child(prop, 'key')) === 'shell' && !(value?.type === 'BooleanLiteral' && value.value === false))
        problems.push('spawn with `shell`')
    }
  }
  return problems
}

/** Every rule above, for one file's source; `file` is relative to the repository root with `/`. */
export function auditSource(code: string, file: string): { problems: string[]; spawnCalls: number } {
  const program = parse(code, { sourceType: 'module', plugins: ['typescript', 'jsx'] }).program as unknown as AstNode
  const problems: string[] = []
  const at = (node: AstNode, what: string) => problems.push(`${file}:${line(node)}: ${what}`)
  const spawnNames = new Set<string>()

  for (const load of moduleLoads(program)) {
    if (load.source === undefined) {
      at(load.node, 'loads a module by a computed path')
      continue
    }
    if (FORBIDDEN_MODULES.test(load.source) && !isBuiltinListImport(load.node, load.source)) at(load.node, `imports ${load.source}`)
    if (WORKER_THREADS.test(load.source) && file !== WORKER_FILE) at(load.node, `imports ${load.source} outside ${WORKER_FILE}`)
    if (!CHILD_PROCESS.test(load.source)) continue
    if (file !== EXEC_FILE || load.dynamic || load.node.type !== 'ImportDeclaration') {
      at(load.node, `loads ${load.source} outside a static import in ${EXEC_FILE}`)
      continue
    }
    for (const spec of children(load.node, 'specifiers')) {
      if (spec.type !== 'ImportSpecifier' || !SPAWNS.has(nameOf(child(spec, 'imported')) ?? ''))
        at(spec, `imports ${nameOf(child(spec, 'imported')) ?? 'the whole of'} child_process, not just spawn or spawnSync`)
      else spawnNames.add(String(nameOf(child(spec, 'local'))))
    }
  }

  let spawnCalls = 0
  for (const node of walk(program)) {
    const callee = child(node, 'callee')
    if (node.type === 'CallExpression' && callee && spawnNames.has(nameOf(callee) ?? '')) {
      spawnCalls += 1
      for (const problem of spawnProblems(node)) at(node, problem)
    }
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && callee) {
      const name = nameOf(callee) ?? (callee.type === 'MemberExpression' ? nameOf(child(callee, 'property')) : undefined)
      if (name === 'eval') at(node, 'eval')
      if (node.type === 'NewExpression' && name === 'Worker') {
        const options = children(node, 'arguments')[1]
        if (options && options.type !== 'ObjectExpression') at(node, 'Worker options not a literal (they could carry `eval`)')
        for (const prop of options ? children(options, 'properties') : []) {
          if (prop.type === 'SpreadElement') at(node, 'Worker options spread another object (it could carry `eval`)')
          else if (nameOf(child(prop, 'key')) === 'eval') at(node, 'a Worker that evaluates a string')
        }
      }
      if (name === 'Function') at(node, 'Function constructor')
      if (['setTimeout', 'setInterval', 'setImmediate'].includes(name ?? '')) {
        const first = children(node, 'arguments')[0]
        if (first?.type === 'StringLiteral' || first?.type === 'TemplateLiteral') at(node, `${name} with code in a string`)
      }
    }
    if (['binding', '_linkedBinding', 'dlopen'].some((p) => isMember(node, 'process', p))) at(node, 'process native binding')
  }
  return { problems, spawnCalls }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

describe('our own source cannot run repository data', () => {
  const files = sourceFiles(join(REPO_ROOT, 'src')).map((abs) => ({
    file: relative(REPO_ROOT, abs).split(sep).join('/'),
    code: readFileSync(abs, 'utf8')
  }))

  it('every file in src/ passes, and the two spawns in src/tools/exec.ts (spawn, spawnSync) were checked', () => {
    expect(files.length).toBeGreaterThan(50)
    const results = files.map(({ file, code }) => ({ file, ...auditSource(code, file) }))
    expect(results.flatMap((r) => r.problems)).toEqual([])
    expect(results.find((r) => r.file === EXEC_FILE)?.spawnCalls).toBe(2)
    expect(results.filter((r) => r.file !== EXEC_FILE && r.spawnCalls > 0)).toEqual([])
  })

  it('every tool runs a fixed program (npm, pnpm, yarn or this node), never one named by data', () => {
    const calls = files
      .filter((f) => f.file.startsWith('src/tools/') && f.file !== EXEC_FILE)
      .flatMap(({ file, code }) => {
        const program = parse(code, { sourceType: 'module', plugins: ['typescript'] }).program as unknown as AstNode
        return [...walk(program)]
          .filter((n) => n.type === 'CallExpression' && nameOf(child(n, 'callee')) === 'exec')
          .map((n) => ({ file, command: children(n, 'arguments')[0] }))
      })
    expect(calls.length).toBeGreaterThanOrEqual(3)
    for (const { file, command } of calls)
      expect({ file, fixed: FIXED_PROGRAMS.has(literal(command) ?? '') || isMember(command, 'process', 'execPath') }).toEqual({
        file,
        fixed: true
      })
  })
})

describe('the checker catches', () => {
  const GOOD =
    "import { spawn } from 'node:child_process'\nexport const run = (command: string, args: string[], cwd: string) => spawn(command, args, { cwd, shell: false, stdio: 'pipe' })\n"

  it('nothing in a correct exec.ts', () => {
    expect(auditSource(GOOD, EXEC_FILE)).toEqual({ problems: [], spawnCalls: 1 })
  })

  it('nothing in the built-in list and the compile cache switch of node:module', () => {
    expect(auditSource("import { builtinModules, enableCompileCache } from 'node:module'", 'src/x.ts').problems).toEqual([])
  })

  it.each([
    ['exec from child_process', EXEC_FILE, "import { exec } from 'node:child_process'\nexec('npm ci')"],
    ['execSync', EXEC_FILE, "import { spawn, execSync } from 'child_process'\nexecSync(x)"],
    ['a namespace import', EXEC_FILE, "import * as cp from 'node:child_process'\ncp.spawn('npm', [], {})"],
    ['child_process outside exec.ts', 'src/scan.ts', "import { spawn } from 'node:child_process'\nspawn('npm', [], {})"],
    ['a re-export of child_process', 'src/x.ts', "export { exec } from 'child_process'"],
    ['child_process by require', 'src/x.ts', "const cp = require('child_process')"],
    ['child_process by dynamic import', EXEC_FILE, "const { spawn } = await import('node:child_process')"],
    ['import = require', 'src/x.ts', "import cp = require('child_process')"],
    ['shell: true', EXEC_FILE, "import { spawn } from 'node:child_process'\nspawn(cmd, args, { cwd, shell: true })"],
    ['shell from a variable', EXEC_FILE, "import { spawn } from 'node:child_process'\nspawn(cmd, args, { shell: useShell })"],
    ['options spread', EXEC_FILE, "import { spawn } from 'node:child_process'\nspawn(cmd, args, { ...options })"],
    ['options not a literal', EXEC_FILE, "import { spawn } from 'node:child_process'\nspawn(cmd, args, options)"],
    ['a command from a template', EXEC_FILE, "import { spawn } from 'node:child_process'\nspawn(`npm ${sub}`, [], {})"],
    ['a command concatenated', EXEC_FILE, "import { spawn } from 'node:child_process'\nspawn('npm ' + sub, [], {})"],
    ['a shell as the command', EXEC_FILE, "import { spawn } from 'node:child_process'\nspawn('/bin/sh', ['-c', script], {})"],
    ['a shell string instead of argv', EXEC_FILE, "import { spawn } from 'node:child_process'\nspawn('npm', 'ci --ignore-scripts', {})"],
    ['a renamed spawn with a shell', EXEC_FILE, "import { spawn as run } from 'node:child_process'\nrun(cmd, args, { shell: 'bash' })"],
    ['eval', 'src/x.ts', 'eval(code)'],
    ['indirect eval', 'src/x.ts', 'globalThis.eval(code)'],
    ['new Function', 'src/x.ts', "new Function('a', body)"],
    ['Function()', 'src/x.ts', 'Function(body)()'],
    ['vm', 'src/x.ts', "import { runInNewContext } from 'node:vm'"],
    ['createRequire', 'src/x.ts', "import { createRequire } from 'node:module'"],
    ['createRequire beside the built-in list', 'src/x.ts', "import { builtinModules, createRequire } from 'node:module'"],
    ['createRequire beside the compile cache switch', 'src/x.ts', "import { enableCompileCache, createRequire } from 'node:module'"],
    ['the default export of node:module', 'src/x.ts', "import mod from 'node:module'"],
    ['the whole of node:module', 'src/x.ts', "import * as mod from 'node:module'"],
    ['spawnSync with a shell', EXEC_FILE, "import { spawnSync } from 'node:child_process'\nspawnSync(cmd, args, { shell: true })"],
    ['execFileSync', EXEC_FILE, "import { execFileSync } from 'node:child_process'\nexecFileSync('git', [])"],
    ['a computed import()', 'src/x.ts', 'await import(file)'],
    ['a template import()', 'src/x.ts', 'await import(`./rules/${id}.js`)'],
    ['a computed require()', 'src/x.ts', 'require(path.join(root, name))'],
    ['require.resolve of data', 'src/x.ts', 'require.resolve(name)'],
    ['setTimeout with a string', 'src/x.ts', "setTimeout('run()', 10)"],
    ['worker_threads outside scan/worker.ts', 'src/x.ts', "import { Worker } from 'node:worker_threads'"],
    [
      'a Worker that evaluates a string',
      'src/scan/worker.ts',
      "import { Worker } from 'node:worker_threads'\nnew Worker(code, { eval: true })"
    ],
    ['Worker options spread', 'src/scan/worker.ts', "import { Worker } from 'node:worker_threads'\nnew Worker(file, { ...options })"],
    ['a native binding', 'src/x.ts', "process.binding('spawn_sync')"]
  ])('%s', (_name, file, code) => {
    expect(auditSource(code, file).problems.length).toBeGreaterThan(0)
  })
})
