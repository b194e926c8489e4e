// Where a project's build setup sends a bare import (`@/routes/users`, `services/user`,
// `middleware/auth`) into its own code: TypeScript's `paths` and `baseUrl`, Babel's module-resolver,
// and requires written from the package root (NODE_PATH=., rootpath, app-module-path). Config files
// are read as data, only under the scanned root; one that cannot be read or parsed counts as absent.
import { readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { posix, resolve } from 'node:path'
import { packageName, resolveRelative } from '../model/graph.js'
import { isScriptName } from '../parse/javascript.js'
import { parseJsonc } from '../parse/jsonc.js'
import { readStaticExports } from '../parse/static-exports.js'

export type AliasTarget = { path: string } | { package: string }

/** What TypeScript's module resolution takes from a tsconfig.json or jsconfig.json and the configs it extends. */
export interface TsPathOptions {
  /** Root-relative folder. */
  baseUrl?: string
  paths?: Record<string, string[]>
  /** The folder of the config that set `paths`: their base when there is no baseUrl (TypeScript 4.1+). */
  pathsDir?: string
}

/** babel-plugin-module-resolver's options that send imports into the project. */
export interface ModuleResolverOptions {
  /** Root-relative folder that relative aliases and roots start from. */
  cwd: string
  alias: Array<[string, string]>
  roots: string[]
}

const MAX_CONFIG_BYTES = 1_000_000
/** Configs extending configs: deeper chains than any real setup are cut, not followed into a stack overflow. */
const MAX_EXTENDS_DEPTH = 64
const TS_CONFIGS = ['tsconfig.json', 'jsconfig.json']
const BABEL_CONFIGS = [
  '.babelrc',
  '.babelrc.json',
  '.babelrc.js',
  '.babelrc.cjs',
  '.babelrc.mjs',
  'babel.config.json',
  'babel.config.js',
  'babel.config.cjs',
  'babel.config.mjs'
]
const RESOLVER_PLUGINS = new Set(['module-resolver', 'babel-plugin-module-resolver'])
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function isInside(path: string): boolean {
  return path !== '..' && !path.startsWith('../') && !posix.isAbsolute(path)
}

function parentOf(dir: string): string | undefined {
  return dir === '.' ? undefined : posix.dirname(dir)
}

/** The scanned root's files, each looked at once; paths are root-relative with `/`, and nothing outside the root is read. */
export class RootFiles {
  private readonly kinds = new Map<string, 'file' | 'dir' | undefined>()
  private readonly values = new Map<string, unknown>()

  constructor(private readonly root: string) {}

  private kind(path: string): 'file' | 'dir' | undefined {
    if (!this.kinds.has(path)) {
      let kind: 'file' | 'dir' | undefined
      try {
        const stat = isInside(path) ? statSync(resolve(this.root, path)) : undefined
        kind = stat?.isFile() ? 'file' : stat?.isDirectory() ? 'dir' : undefined
      } catch {
        kind = undefined
      }
      this.kinds.set(path, kind)
    }
    return this.kinds.get(path)
  }

  isFile(path: string): boolean {
    return this.kind(path) === 'file'
  }

  isDirectory(path: string): boolean {
    return this.kind(path) === 'dir'
  }

  /** A config file's value: JSONC, or for a script what it exports literally; undefined when unreadable. */
  config(path: string): unknown {
    if (!this.values.has(path)) this.values.set(path, this.readConfig(path))
    return this.values.get(path)
  }

  private readConfig(path: string): unknown {
    if (!this.isFile(path)) return undefined
    try {
      const file = resolve(this.root, path)
      if (statSync(file).size > MAX_CONFIG_BYTES) return undefined
      const text = readFileSync(file, 'utf8')
      return isScriptName(path) ? readStaticExports(text) : parseJsonc(text)
    } catch {
      return undefined
    }
  }
}

/** The first existing module a root-relative path names; one inside node_modules is that package. */
function moduleOnDisk(files: RootFiles, base: string): AliasTarget | undefined {
  const path = resolveRelative(`./${base}`, 'index.js', (p) => files.isFile(p))
  if (path === undefined || !isScriptName(path)) return undefined
  const segments = path.split('/')
  const nm = segments.lastIndexOf('node_modules')
  return nm < 0 ? { path } : { package: packageName(segments.slice(nm + 1).join('/')) }
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

// ---- tsconfig.json / jsconfig.json -------------------------------------------------------------

/** The config file an `extends` entry names: a path, or a package's config in a node_modules above. */
function extendedConfig(files: RootFiles, spec: string, dir: string): string | undefined {
  if (posix.isAbsolute(spec)) return undefined
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
    const path = posix.join(dir, spec)
    return [path, `${path}.json`].find((p) => files.isFile(p))
  }
  for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) {
    const base = posix.join(d, 'node_modules', spec)
    if (files.isFile(base)) return base
    if (files.isFile(`${base}.json`)) return `${base}.json`
    if (!files.isDirectory(base)) continue
    const field = (files.config(`${base}/package.json`) as Json | undefined)?.tsconfig
    const path = typeof field === 'string' ? posix.join(base, field) : `${base}/tsconfig.json`
    return files.isFile(path) ? path : undefined
  }
  return undefined
}

/** `baseUrl` and `paths` of a config, over those of the configs it extends (later ones win); cycles and endless chains cut. */
export function readTsPathOptions(files: RootFiles, file: string, open = new Set<string>()): TsPathOptions | undefined {
  const config = files.config(file)
  if (!isObject(config) || open.has(file) || open.size >= MAX_EXTENDS_DEPTH) return undefined
  open.add(file)
  const dir = posix.dirname(file)
  let options: TsPathOptions = {}
  for (const spec of stringsOf(config.extends)) {
    const base = extendedConfig(files, spec, dir)
    const inherited = base === undefined ? undefined : readTsPathOptions(files, base, open)
    if (inherited) options = { ...options, ...inherited }
  }
  open.delete(file)
  const compilerOptions = isObject(config.compilerOptions) ? config.compilerOptions : {}
  const { baseUrl, paths } = compilerOptions
  if (typeof baseUrl === 'string' && !posix.isAbsolute(baseUrl)) options.baseUrl = posix.join(dir, baseUrl)
  if (isObject(paths)) {
    options.paths = Object.fromEntries(Object.entries(paths).map(([key, targets]) => [key, stringsOf(targets)]))
    options.pathsDir = dir
  }
  return options
}

/** The substitutions of the `paths` entry that matches: an exact key, else the `*` pattern with the longest prefix. */
export function matchPaths(paths: Record<string, string[]>, source: string): string[] | undefined {
  const exact = paths[source]
  if (exact !== undefined && Object.hasOwn(paths, source) && !source.includes('*')) return exact
  let best: { prefix: string; matched: string; targets: string[] } | undefined
  for (const [key, targets] of Object.entries(paths)) {
    const star = key.indexOf('*')
    if (star < 0 || key.indexOf('*', star + 1) >= 0) continue
    const prefix = key.slice(0, star)
    const suffix = key.slice(star + 1)
    if (source.length < key.length - 1 || !source.startsWith(prefix) || !source.endsWith(suffix)) continue
    if (best && best.prefix.length >= prefix.length) continue
    best = { prefix, matched: source.slice(star, source.length - suffix.length), targets }
  }
  return best?.targets.map((t) => t.replace('*', best.matched))
}

/** TypeScript's resolution of a bare import: `paths` substitutions in order, then baseUrl. */
export function resolveTsPaths(files: RootFiles, options: TsPathOptions, source: string): AliasTarget | undefined {
  const substitutions = options.paths ? matchPaths(options.paths, source) : undefined
  const base = options.baseUrl ?? options.pathsDir ?? '.'
  for (const substitution of substitutions ?? []) {
    const target = moduleOnDisk(files, posix.join(base, substitution))
    if (target) return target
  }
  return options.baseUrl === undefined ? undefined : moduleOnDisk(files, posix.join(options.baseUrl, source))
}

// ---- Babel module-resolver ---------------------------------------------------------------------

function resolverEntry(entry: unknown): Json | undefined {
  const [name, options] = Array.isArray(entry) ? entry : [entry, {}]
  if (typeof name !== 'string') return undefined
  const plugin = name.replace(/^.*\/node_modules\//, '').replace(/\/(?:lib\/)?index\.js$/, '')
  return RESOLVER_PLUGINS.has(plugin) ? (isObject(options) ? options : {}) : undefined
}

/** module-resolver's options in a Babel config: its plugins, then those of its `env` and `overrides` blocks. */
export function moduleResolverOf(config: unknown, dir: string, packageDir: string): ModuleResolverOptions | undefined {
  if (!isObject(config)) return undefined
  const blocks = [
    config,
    ...(isObject(config.env) ? Object.values(config.env) : []),
    ...(Array.isArray(config.overrides) ? config.overrides : [])
  ]
  for (const block of blocks) {
    const plugins = isObject(block) && Array.isArray(block.plugins) ? block.plugins : []
    const options = plugins.map(resolverEntry).find((o) => o !== undefined)
    if (!options) continue
    const named = typeof options.cwd === 'string' && options.cwd !== 'babelrc' && !posix.isAbsolute(options.cwd) ? options.cwd : undefined
    const cwd = options.cwd === 'packagejson' ? packageDir : named === undefined ? dir : posix.join(dir, named)
    const alias = Object.entries(isObject(options.alias) ? options.alias : {})
      .map(([key, value]): [string, string | undefined] => [key, stringsOf(value)[0]])
      .filter((e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('^'))
    const roots = stringsOf(options.root).filter((r) => !r.includes('*') && !posix.isAbsolute(r))
    return { cwd, alias, roots }
  }
  return undefined
}

/** module-resolver's resolution: an alias (`@/x`, `utils/x`) as written, else the first root holding the module. */
export function resolveBabelAlias(files: RootFiles, options: ModuleResolverOptions, source: string): AliasTarget | undefined {
  for (const [key, value] of options.alias) {
    if (source !== key && !source.startsWith(`${key}/`)) continue
    const target = `${value}${source.slice(key.length)}`
    if (posix.isAbsolute(target)) return undefined
    if (!target.startsWith('.')) return { package: packageName(target) }
    const path = posix.join(options.cwd, target)
    return moduleOnDisk(files, path) ?? { path }
  }
  for (const root of options.roots) {
    const target = moduleOnDisk(files, posix.join(options.cwd, root, source))
    if (target) return target
  }
  return undefined
}

// ---- the project's aliases ---------------------------------------------------------------------

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key))
    return cache.get(key) as T
  }
}

function isBuiltin(source: string): boolean {
  return source.startsWith('node:') || builtinModules.includes(packageName(source))
}

/**
 * Where the project sends a bare import (neither relative nor `#…`) from a file: the nearest
 * tsconfig.json or jsconfig.json, then the nearest Babel config with module-resolver, then the
 * package root for a name that is no dependency. Undefined leaves it a package import.
 */
export function projectAliases(root: string): (source: string, fromFile: string) => AliasTarget | undefined {
  const files = new RootFiles(root)
  const nearest = <T>(own: (dir: string) => T | undefined) => {
    const at: (dir: string) => T | undefined = memo((dir) => {
      const parent = parentOf(dir)
      return own(dir) ?? (parent === undefined ? undefined : at(parent))
    })
    return at
  }
  const manifestDir = nearest((dir) => (files.isFile(posix.join(dir, 'package.json')) ? dir : undefined))
  const tsOptionsAt = nearest((dir) => {
    const config = TS_CONFIGS.map((name) => posix.join(dir, name)).find((path) => files.isFile(path))
    return config === undefined ? undefined : (readTsPathOptions(files, config) ?? {})
  })
  const babelAt = nearest((dir) => {
    const packageDir = manifestDir(dir) ?? '.'
    const manifest = files.config(posix.join(dir, 'package.json'))
    const configs = [...BABEL_CONFIGS.map((name) => files.config(posix.join(dir, name))), isObject(manifest) ? manifest.babel : undefined]
    return configs.map((config) => moduleResolverOf(config, dir, packageDir)).find((o) => o !== undefined)
  })
  const isDependency = (name: string, dir: string): boolean => {
    for (let d: string | undefined = dir; d !== undefined; d = parentOf(d)) {
      if (files.isDirectory(posix.join(d, 'node_modules', name))) return true
      const manifest = files.config(posix.join(d, 'package.json'))
      if (isObject(manifest) && DEPENDENCY_FIELDS.some((field) => isObject(manifest[field]) && Object.hasOwn(manifest[field], name)))
        return true
    }
    return false
  }
  const fromPackageRoot = (source: string, dir: string): AliasTarget | undefined => {
    if (source.startsWith('@') || isDependency(packageName(source), dir)) return undefined
    const target = moduleOnDisk(files, posix.join(manifestDir(dir) ?? '.', source))
    return target && 'path' in target ? target : undefined
  }
  const resolveFrom = (source: string, dir: string): AliasTarget | undefined => {
    if (isBuiltin(source)) return undefined
    const ts = tsOptionsAt(dir)
    const babel = babelAt(dir)
    return (ts && resolveTsPaths(files, ts, source)) ?? (babel && resolveBabelAlias(files, babel, source)) ?? fromPackageRoot(source, dir)
  }
  const cached = memo((key) => {
    const [dir, source] = key.split('\u0000') as [string, string]
    return resolveFrom(source, dir)
  })
  return (source, fromFile) => cached(`${posix.dirname(fromFile)}\u0000${source}`)
}
