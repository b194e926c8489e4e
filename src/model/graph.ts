import { posix } from 'node:path'
import type { Node } from '../parse/javascript.js'
import { indexModule, rootOf, type ModuleIndex } from './scope.js'

/** A parsed production module of the scanned app. */
export interface JsModule {
  path: string
  text: string
  ast: Node
  /** Its index, when the scan made it already (to find the module's imports). */
  index?: ModuleIndex
}

export interface ModuleInfo extends JsModule {
  index: ModuleIndex
}

/**
 * Where the project itself says an import leads, before Node's relative resolution: a relative
 * import of a folder that is a package (Express's examples `require('../..')`) stands for that
 * package; a subpath import (`#lib/auth`), or a bare one that the project's aliases send into its
 * own code (tsconfig `paths`, Babel module-resolver, the package root), is a module path relative
 * to the scanned root. Undefined leaves a bare import a package.
 */
export type ImportMap = (source: string, fromFile: string) => { package: string } | { path: string } | undefined

/** Where an import leads: a module of the app, or a package (`express`, `helmet`, `node:path`). */
export type ImportTarget = { module: ModuleInfo } | { package: string } | { unresolved: string }

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']

/**
 * Node's and TypeScript's resolution of a relative specifier among the scanned files: as written,
 * with an extension, `.js` written for a `.ts` source, or a folder's `index`; with a trailing slash
 * (`'./routes/v1/'`) only the folder's `index`. Paths are relative to the scanned root, with `/`.
 */
export function resolveRelative(source: string, from: string, exists: (path: string) => boolean): string | undefined {
  const joined = posix.normalize(posix.join(posix.dirname(from), source))
  const base = joined.replace(/(?<=.)\/+$/, '')
  const folderIndex = EXTENSIONS.slice(1).map((ext) => (base === '.' ? `index${ext}` : `${base}/index${ext}`))
  if (base !== joined) return folderIndex.find(exists)
  const stem = base.replace(/\.(?:[cm]?js|jsx)$/, '')
  const candidates = [...EXTENSIONS.map((ext) => `${base}${ext}`), ...EXTENSIONS.slice(1).map((ext) => `${stem}${ext}`), ...folderIndex]
  return candidates.find(exists)
}

/** The module a relative import, or one the project maps to a path, names among the scanned files. */
export function resolveImport(
  source: string,
  from: string,
  mapped: { path: string } | undefined,
  exists: (path: string) => boolean
): string | undefined {
  return mapped ? resolveRelative(`./${mapped.path}`, 'index.js', exists) : resolveRelative(source, from, exists)
}

export function isRelativeSpecifier(source: string): boolean {
  return source.startsWith('.') || source.startsWith('/')
}

export class ModuleGraph {
  readonly modules = new Map<string, ModuleInfo>()
  private readonly byProgram = new Map<Node, ModuleInfo>()

  constructor(
    modules: JsModule[],
    private readonly mapImport: ImportMap = () => undefined
  ) {
    for (const m of modules) {
      const info = { ...m, index: m.index ?? indexModule(m.ast) }
      this.modules.set(m.path, info)
      this.byProgram.set(info.index.program, info)
    }
  }

  /** The module a node was parsed in (a function found through a factory call carries no module). */
  moduleOf(node: Node): ModuleInfo | undefined {
    return this.byProgram.get(rootOf(node))
  }

  resolve(source: string, from: string): ImportTarget {
    const mapped = this.mapImport(source, from)
    if (mapped && 'package' in mapped) return mapped
    if (!mapped && !isRelativeSpecifier(source)) return { package: packageName(source) }
    const path = resolveImport(source, from, mapped, (candidate) => this.modules.has(candidate))
    const module = path === undefined ? undefined : this.modules.get(path)
    return module ? { module } : { unresolved: source }
  }
}

/** `lodash/merge` → `lodash`, `@scope/pkg/x` → `@scope/pkg`, `node:fs` → `node:fs`. */
export function packageName(source: string): string {
  const parts = source.split('/')
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? source)
}

/** The export a package specifier names beyond its package: `lodash/merge` → `merge`. */
export function packageSubpath(source: string): string | undefined {
  const rest = source.split('/').slice(source.startsWith('@') ? 2 : 1)
  return rest.length > 0 ? rest.join('/') : undefined
}
