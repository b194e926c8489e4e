// The scan's JS/TS modules: read, parsed and indexed once, grouped by package, and modelled.
import { readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Note, SourceFile } from '../discovery/find-files.js'
import type { PackageGroup } from '../discovery/packages.js'
import { buildExpressModel, type ExpressModel, type JsModule, type PackageAlias } from '../model/express.js'
import { isRelativeSpecifier, resolveRelative } from '../model/graph.js'
import { indexModule } from '../model/scope.js'
import { looksMinified, parseJavaScript } from '../parse/javascript.js'
import { notReadOrParsed, readText } from './documents.js'
import { describeError } from '../common/errors.js'

function packageName(dir: string): string | undefined {
  try {
    const file = join(dir, 'package.json')
    if (!statSync(file).isFile()) return undefined // a FIFO would block the read forever
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }
    return typeof pkg.name === 'string' ? pkg.name : undefined
  } catch {
    return undefined
  }
}

/** A relative import of a folder that is a package (`require('../..')`) stands for that package. */
export function packageAlias(root: string): PackageAlias {
  const cache = new Map<string, string | undefined>()
  return (source, fromFile) => {
    if (!source.startsWith('.')) return undefined
    const dir = resolve(root, dirname(fromFile), source)
    if (!cache.has(dir)) cache.set(dir, packageName(dir))
    return cache.get(dir)
  }
}

/**
 * The Express model of every module. Code nested deeper than the model's walks can follow (a stack
 * overflow) must not cost the whole scan: the modules that fail on their own are left out of the
 * model with a note, and when even that fails the Express rules see no app, also with a note.
 */
export function buildModelSafely(modules: JsModule[], aliasOf: PackageAlias, notes: Note[]): ExpressModel {
  try {
    return buildExpressModel(modules, aliasOf)
  } catch (error) {
    const failing = new Set(
      modules.filter((m) => {
        try {
          buildExpressModel([m], aliasOf)
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
        aliasOf
      )
    } catch (again) {
      notes.push({
        file: '.',
        message: `the Express app model could not be built, so no Express rule checked anything: ${describeError(again)}`
      })
      return buildExpressModel([], aliasOf)
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

/**
 * A package's modules, plus the modules of other packages it reaches by relative imports (a
 * monorepo's `../../shared/src/app`), so the model sees every module its apps are made of.
 */
export function modulesOfGroup(group: PackageGroup, byPath: Map<string, SourceFile>, aliasOf: PackageAlias, notes: Note[]): JsModule[] {
  const modules = group.files.flatMap((file) => parseModule(file, notes) ?? [])
  const included = new Set(group.files.map((f) => f.path))
  for (let i = 0; i < modules.length; i += 1) {
    const module = modules[i] as JsModule
    for (const source of module.index?.imports ?? []) {
      if (!isRelativeSpecifier(source) || aliasOf(source, module.path)) continue
      const target = resolveRelative(source, module.path, (path) => byPath.has(path))
      if (target === undefined || included.has(target)) continue
      included.add(target)
      const added = parseModule(byPath.get(target) as SourceFile, notes)
      if (added) modules.push(added)
    }
  }
  return modules
}
