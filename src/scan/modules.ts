// The scan's JS/TS modules: read, parsed and indexed once, grouped by package, and modelled.
import { readFileSync, statSync } from 'node:fs'
import { join, posix, resolve } from 'node:path'
import type { Note, SourceFile } from '../discovery/find-files.js'
import type { PackageGroup } from '../discovery/packages.js'
import { buildExpressModel, type ExpressModel, type JsModule, type ImportMap } from '../model/express.js'
import { isRelativeSpecifier, packageName, resolveImport } from '../model/graph.js'
import { indexModule } from '../model/scope.js'
import { looksMinified, parseJavaScript } from '../parse/javascript.js'
import { notReadOrParsed, readText } from './documents.js'
import { projectAliases } from './import-aliases.js'
import { describeError } from '../common/errors.js'

type Manifest = { name?: unknown; imports?: unknown }

function readManifest(dir: string): Manifest | undefined {
  try {
    const file = join(dir, 'package.json')
    if (!statSync(file).isFile()) return undefined // a FIFO would block the read forever
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as unknown
    return manifest !== null && typeof manifest === 'object' ? (manifest as Manifest) : undefined
  } catch {
    return undefined
  }
}

/** Conditions Node matches for a server's `require` or `import`, in the order a map lists them. */
const CONDITIONS = new Set(['node', 'import', 'require', 'default'])

/** A package.json `imports` target as Node picks it: a string, the first matching condition, or the first of an array. */
function pickTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target
  if (Array.isArray(target)) return target.map(pickTarget).find((t) => t !== undefined)
  if (target === null || typeof target !== 'object') return undefined
  const key = Object.keys(target).find((k) => CONDITIONS.has(k))
  return key === undefined ? undefined : pickTarget((target as Record<string, unknown>)[key])
}

/** `#lib/auth` through a package's `imports`: exact keys first, then one `*` pattern. */
function subpathTarget(imports: Record<string, unknown>, source: string): string | undefined {
  if (source in imports) return pickTarget(imports[source])
  for (const [key, target] of Object.entries(imports)) {
    const star = key.indexOf('*')
    if (star < 0 || !source.startsWith(key.slice(0, star)) || !source.endsWith(key.slice(star + 1))) continue
    const matched = source.slice(star, source.length - (key.length - star - 1))
    return pickTarget(target)?.replaceAll('*', matched)
  }
  return undefined
}

/**
 * Where the project maps an import (see ImportMap): a relative import of a folder with a named
 * package.json stands for that package; `#…` goes through the `imports` of the nearest package.json
 * above the importing file, to a module path (`./src/lib/auth.js`) or a package; any other bare
 * import through the project's aliases (tsconfig `paths`/`baseUrl`, Babel module-resolver, the
 * package root), when they lead into the project's own code.
 */
export function projectImportMap(root: string): ImportMap {
  const aliases = projectAliases(root)
  const manifests = new Map<string, Manifest | undefined>()
  const manifestOf = (dir: string): Manifest | undefined => {
    if (!manifests.has(dir)) manifests.set(dir, readManifest(resolve(root, dir)))
    return manifests.get(dir)
  }
  return (source, fromFile) => {
    if (source.startsWith('.')) {
      const name = manifestOf(posix.join(posix.dirname(fromFile), source))?.name
      return typeof name === 'string' ? { package: name } : undefined
    }
    if (source.startsWith('/')) return undefined
    if (!source.startsWith('#')) return aliases(source, fromFile)
    for (let dir = posix.dirname(fromFile); ; dir = posix.dirname(dir)) {
      const manifest = manifestOf(dir)
      if (manifest) {
        const imports = manifest.imports
        const target =
          imports !== null && typeof imports === 'object' ? subpathTarget(imports as Record<string, unknown>, source) : undefined
        if (target === undefined) return undefined
        return target.startsWith('./') ? { path: posix.normalize(posix.join(dir, target)) } : { package: packageName(target) }
      }
      if (dir === '.') return undefined
    }
  }
}

/**
 * The Express model of every module. Code nested deeper than the model's walks can follow (a stack
 * overflow) must not cost the whole scan: the modules that fail on their own are left out of the
 * model with a note, and when even that fails the Express rules see no app, also with a note.
 */
export function buildModelSafely(modules: JsModule[], mapImport: ImportMap, notes: Note[]): ExpressModel {
  try {
    return buildExpressModel(modules, mapImport)
  } catch (error) {
    const failing = new Set(
      modules.filter((m) => {
        try {
          buildExpressModel([m], mapImport)
          return false
        } catch {
          return true
        }
      })
    )
    for (const m of failing) notes.push({ file: m.path, message: `not checked by the Express rules: ${describeError(error)}` })
    try {
      return buildExpressModel(
        modules.filter((m) => !failing.has(m)),
        mapImport
      )
    } catch (again) {
      notes.push({
        file: '.',
        message: `the Express app model could not be built, so no Express rule checked anything: ${describeError(again)}`
      })
      return buildExpressModel([], mapImport)
    }
  }
}

/** Reads, parses and indexes one JS/TS file; minified and unparsable ones become notes. */
export function parseModule(file: SourceFile, notes: Note[]): JsModule | undefined {
  try {
    const text = readText(file)
    if (looksMinified(text)) {
      notes.push({ file: file.path, message: 'skipped: looks minified or generated' })
      return undefined
    }
    const parsed = parseJavaScript(text)
    if (!parsed.ok) {
      notes.push({ file: file.path, message: `not parsed, so not checked: ${parsed.error.split('\n')[0]}` })
      return undefined
    }
    return { path: file.path, text, ast: parsed.ast.program, index: indexModule(parsed.ast.program) }
  } catch (error) {
    notes.push(notReadOrParsed(file, error))
    return undefined
  }
}

/** JSON a module may require: a data file this large is not configuration. */
const MAX_JSON_BYTES = 256 * 1024

/**
 * The JSON files the modules import by relative path (`require('../package.json')`, `import config
 * from './config.json'`), each as a module exporting its value (`module.exports = {...}`, the line
 * numbers kept), so `pkg.name` evaluates to the string written in package.json. A JSON file is data
 * committed with the code: a secret read from it is as hardcoded as a literal.
 */
export function jsonModules(modules: JsModule[], root: string, notes: Note[]): JsModule[] {
  const known = new Set(modules.map((m) => m.path))
  const found: JsModule[] = []
  for (const module of modules) {
    for (const source of module.index?.imports ?? []) {
      if (!isRelativeSpecifier(source) || !source.endsWith('.json') || source.startsWith('/')) continue
      const path = posix.normalize(posix.join(posix.dirname(module.path), source))
      if (path.startsWith('../') || known.has(path)) continue
      known.add(path)
      const json = readJsonModule(root, path, notes)
      if (json) found.push(json)
    }
  }
  return found
}

function readJsonModule(root: string, path: string, notes: Note[]): JsModule | undefined {
  try {
    const abs = join(root, path)
    const stat = statSync(abs)
    if (!stat.isFile() || stat.size > MAX_JSON_BYTES) return undefined
    const json = readFileSync(abs, 'utf8').replace(/^\uFEFF/, '')
    JSON.parse(json) // only JSON: a `.json` name holding code is not evaluated as data
    const text = `module.exports = ${json}`
    const parsed = parseJavaScript(text)
    if (!parsed.ok) return undefined
    return { path, text, ast: parsed.ast.program, index: indexModule(parsed.ast.program) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT' || error instanceof SyntaxError) return undefined
    notes.push({ file: path, message: `not read: ${describeError(error)}` })
    return undefined
  }
}

/** What an import names in the project's own code, as modulesOfGroup follows it: a file path, or undefined for a package or nothing found. */
function importedFile(source: string, from: string, byPath: Map<string, SourceFile>, mapImport: ImportMap): string | undefined {
  const mapped = mapImport(source, from)
  if ((mapped && 'package' in mapped) || (!mapped && !isRelativeSpecifier(source))) return undefined
  return resolveImport(source, from, mapped, (path) => byPath.has(path))
}

/** Literal specifiers in a module's text, as `index.imports` lists them, and more (in comments, say): a superset. */
const SPECIFIERS = /\b(?:require|import)\s*\(\s*(['"])([^'"\n]+)\1|\bfrom\s*(['"])([^'"\n]+)\3|\bimport\s*(['"])([^'"\n]+)\5/g

/**
 * Parsed modules that more than one package's scan reads (a monorepo's shared code; NodeBB's
 * `install/` package, which imports the root package's `src/`): parsed once and held only until the
 * last of those packages is modelled, so a module is not parsed once per package that reaches it
 * and memory still holds about one package's syntax trees. Which packages reach a file is read
 * from the texts beforehand; a guess too wide only holds a module longer, one too narrow only parses it again.
 */
export class SharedModules {
  /** For each file, how many packages not yet modelled are expected to read it. */
  private readonly readers = new Map<string, number>()
  private readonly expected = new Map<PackageGroup, Set<string>>()
  private readonly parsed = new Map<string, JsModule | undefined>()

  constructor(groups: PackageGroup[], byPath: Map<string, SourceFile>, mapImport: ImportMap) {
    // One package reads only its own files, each once: nothing to share, nothing to read twice.
    if (groups.length < 2) return
    const importsOf = new Map<string, string[]>()
    const textImports = (file: SourceFile): string[] => {
      let found = importsOf.get(file.path)
      if (found) return found
      found = []
      try {
        for (const m of readText(file).matchAll(SPECIFIERS)) {
          const target = importedFile((m[2] ?? m[4] ?? m[6]) as string, file.path, byPath, mapImport)
          if (target !== undefined) found.push(target)
        }
      } catch {
        // unreadable: its parse makes the note
      }
      importsOf.set(file.path, found)
      return found
    }
    for (const group of groups) {
      const reached = new Set(group.files.map((f) => f.path))
      const queue = [...reached]
      for (let i = 0; i < queue.length; i += 1) {
        for (const target of textImports(byPath.get(queue[i] as string) as SourceFile)) {
          if (reached.has(target)) continue
          reached.add(target)
          queue.push(target)
        }
      }
      this.expected.set(group, reached)
      for (const path of reached) this.readers.set(path, (this.readers.get(path) ?? 0) + 1)
    }
  }

  /** The file's module (undefined when it is not parsed), for one package's read of it. */
  read(file: SourceFile, group: PackageGroup, notes: Note[]): JsModule | undefined {
    const module = this.parsed.has(file.path) ? this.parsed.get(file.path) : parseModule(file, notes)
    if (this.expected.get(group)?.delete(file.path)) this.release(file.path, module)
    return module
  }

  /** After a package is modelled: the files it was expected to read but did not are no longer held for it. */
  done(group: PackageGroup): void {
    for (const path of this.expected.get(group) ?? []) this.release(path, this.parsed.get(path))
    this.expected.delete(group)
  }

  private release(path: string, module: JsModule | undefined): void {
    const left = (this.readers.get(path) ?? 1) - 1
    if (left > 0) {
      this.readers.set(path, left)
      this.parsed.set(path, module)
    } else {
      this.readers.delete(path)
      this.parsed.delete(path)
    }
  }
}

/**
 * A package's modules, plus the modules of other packages it reaches by relative or subpath
 * imports (a monorepo's `../../shared/src/app`), so the model sees every module its apps are made of.
 */
export function modulesOfGroup(
  group: PackageGroup,
  byPath: Map<string, SourceFile>,
  mapImport: ImportMap,
  notes: Note[],
  shared: SharedModules
): JsModule[] {
  const modules = group.files.flatMap((file) => shared.read(file, group, notes) ?? [])
  const included = new Set(group.files.map((f) => f.path))
  for (let i = 0; i < modules.length; i += 1) {
    const module = modules[i] as JsModule
    for (const source of module.index?.imports ?? []) {
      const target = importedFile(source, module.path, byPath, mapImport)
      if (target === undefined || included.has(target)) continue
      included.add(target)
      const added = shared.read(byPath.get(target) as SourceFile, group, notes)
      if (added) modules.push(added)
    }
  }
  shared.done(group)
  return modules
}
