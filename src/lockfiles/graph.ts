// The dependency graph a pnpm or yarn lockfile pins, in one shape for both: the project's folders
// (importers) with what each declares, and every locked package with the packages its
// dependencies resolve to. Edges point at lockfile entries, so nothing is resolved twice and a
// package locked at two versions stays two entries.

/** One locked registry package. */
export interface LockedNode {
  /** The lockfile's own key of the entry (`express@4.17.1`, `/express@4.17.1`, `express@npm:4.17.1`). */
  key: string
  /** The package's registry name (for an alias `foo: npm:bar@1` it is `bar`). */
  name: string
  version: string
  /** The tarball URL, when the lockfile records one. */
  resolved?: string
  /** The tarball's Subresource Integrity (`sha512-...`), when the lockfile records one. */
  integrity?: string
  /** The name each dependency is installed under, to the entry it resolves to. */
  dependencies: Record<string, string>
  optionalDependencies: Record<string, string>
}

/** A folder of the project: the root (`''`) or a workspace (`packages/api`). */
export interface Importer {
  path: string
  /** Its package.json's name and version, when known. */
  name?: string
  version?: string
  /** The ranges it declares (package.json), for the npm lockfile's copy of them. */
  declared: DeclaredRanges
  /** What those resolve to: installed name to entry key. */
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  optionalDependencies: Record<string, string>
}

export interface DeclaredRanges {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

export interface LockGraph {
  importers: Importer[]
  nodes: Map<string, LockedNode>
  /**
   * Dependencies that are not registry packages (`link:`, `file:`, git and tarball URLs, portals),
   * which npm audit cannot ask about: `name (how it is locked)`, for the report's note.
   */
  skipped: string[]
}

export type GraphRead = { ok: true; graph: LockGraph } | { ok: false; error: string }

type Json = Record<string, unknown>

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function stringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) return {}
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
}

/** `name@range` split at the `@` that ends the name (a scoped name starts with one). */
export function splitDescriptor(descriptor: string): { name: string; range: string } | undefined {
  const at = descriptor.indexOf('@', descriptor.startsWith('@') ? 1 : 0)
  if (at <= 0) return undefined
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) }
}

/** What a package.json declares, as the ranges the npm lockfile's root entry copies. */
export function declaredRanges(manifest: Json | undefined): DeclaredRanges {
  const ranges: DeclaredRanges = {}
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const) {
    const map = stringMap(manifest?.[field])
    if (Object.keys(map).length > 0) ranges[field] = map
  }
  return ranges
}

/** A folder path from a lockfile that stays inside the project: relative, no `.`/`..` parts, no backslashes. */
export function isPlainRelative(path: string): boolean {
  return (
    !path.startsWith('/') &&
    !/^[A-Za-z]:/.test(path) &&
    !path.includes('\\') &&
    path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  )
}
