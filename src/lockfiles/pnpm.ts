// pnpm-lock.yaml read into the lock graph. Three layouts are in use:
//   9.x  `importers`, `packages` (`name@1.0.0`: resolution) and `snapshots` (`name@1.0.0(peer@2.0.0)`: dependencies)
//   6.x  `packages` keyed `/name@1.0.0(peer@2.0.0)` holding both; a single project's lists at the top level
//   5.x  `packages` keyed `/name/1.0.0_peer@2.0.0`; dependencies as bare versions
// A dependency's reference is a version (with pnpm's peer suffix), an alias (`string-width@4.2.3`,
// `/string-width@4.2.3`, `/string-width/4.2.3`), or something npm cannot audit (`link:`, `file:`, URLs).
import semver from 'semver'
import { parse as parseYaml } from 'yaml'
import { describeError } from '../common/errors.js'
import {
  declaredRanges,
  isObject,
  isPlainRelative,
  splitDescriptor,
  stringMap,
  type GraphRead,
  type Importer,
  type LockedNode
} from './graph.js'

type Json = Record<string, unknown>
type Layout = 5 | 6 | 9

interface Entry {
  meta: Json
  deps: Json
}

function layoutOf(version: unknown): Layout | undefined {
  const major = Number.parseInt(String(version ?? ''), 10)
  if (major === 5) return 5
  if (major === 6 || major === 7) return 6
  if (major === 9) return 9
  return undefined
}

/** The part of a key or reference before pnpm's peer suffix: `(peer@1)` from 6.x on, `_peer@1` in 5.x. */
function withoutPeers(text: string, layout: Layout): string {
  const cut = text.indexOf(layout === 5 ? '_' : '(')
  return cut === -1 ? text : text.slice(0, cut)
}

/** The entry key a dependency reference resolves to, or undefined for a link, file, git or tarball reference. */
function keyOf(name: string, reference: string, layout: Layout): string | undefined {
  const base = withoutPeers(reference, layout)
  // A version or an alias has no colon; every other protocol (`git+https:`, `git+ssh:`, `https:`, `file:`) does.
  if (base.includes(':')) return undefined
  if (layout === 9) return base.indexOf('@', 1) > 0 ? reference : `${name}@${reference}`
  if (reference.startsWith('/')) return reference
  return layout === 6 ? `/${name}@${reference}` : `/${name}/${reference}`
}

/** The registry name and version an entry key names. */
function nameAndVersion(key: string, layout: Layout): { name: string; version: string } | undefined {
  if (layout !== 5) {
    const split = splitDescriptor(withoutPeers(layout === 9 ? key : key.slice(1), layout))
    return split && { name: split.name, version: split.range }
  }
  // The peer suffix is cut from the version only: names may hold an underscore (`/string_decoder/1.3.0`).
  const path = key.slice(1)
  const slash = path.indexOf('/', path.startsWith('@') ? path.indexOf('/') + 1 : 0)
  return slash > 0 ? { name: path.slice(0, slash), version: withoutPeers(path.slice(slash + 1), layout) } : undefined
}

/** The dependency lists of an importer, as `{ name: reference }` (6.x and 9.x write `{ specifier, version }`). */
function references(value: unknown): Record<string, string> {
  if (!isObject(value)) return {}
  const out: Record<string, string> = {}
  for (const [name, ref] of Object.entries(value)) {
    if (typeof ref === 'string') out[name] = ref
    else if (isObject(ref) && typeof ref.version === 'string') out[name] = ref.version
  }
  return out
}

/**
 * The graph of a pnpm-lock.yaml. `manifestOf` reads an importer's package.json (by its path, `''`
 * for the root) when it can: its name, version and declared ranges.
 */
export function readPnpmLockfile(text: string, manifestOf: (path: string) => Json | undefined): GraphRead {
  let doc: unknown
  try {
    doc = parseYaml(text, { maxAliasCount: 100 })
  } catch (error) {
    return { ok: false, error: `pnpm-lock.yaml is not valid YAML: ${describeError(error)}` }
  }
  if (!isObject(doc)) return { ok: false, error: 'pnpm-lock.yaml holds no lockfile' }
  const found = layoutOf(doc.lockfileVersion)
  if (found === undefined) {
    return {
      ok: false,
      error: `pnpm-lock.yaml has lockfileVersion ${JSON.stringify(doc.lockfileVersion ?? null)}, which this gate cannot read (it reads 5.x, 6.x and 9.x): regenerate it with a current pnpm`
    }
  }
  const layout: Layout = found
  const packages = isObject(doc.packages) ? doc.packages : {}
  const snapshots = isObject(doc.snapshots) ? doc.snapshots : {}
  const entryOf = (key: string): Entry | undefined => {
    if (layout === 9) {
      const deps = snapshots[key]
      const meta = packages[withoutPeers(key, layout)]
      return isObject(meta) || isObject(deps) ? { meta: isObject(meta) ? meta : {}, deps: isObject(deps) ? deps : {} } : undefined
    }
    const entry = packages[key]
    return isObject(entry) ? { meta: entry, deps: entry } : undefined
  }

  const nodes = new Map<string, LockedNode>()
  const skipped = new Set<string>()
  const resolve = (lists: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {}
    for (const [name, reference] of Object.entries(lists)) {
      const key = keyOf(name, reference, layout)
      if (key !== undefined && addNode(key)) out[name] = key
      else if (!reference.startsWith('link:')) skipped.add(`${name} (${reference})`)
    }
    return out
  }
  // Depth-first over the entries a project reaches; a node is added before its dependencies, so cycles end.
  function addNode(key: string): boolean {
    if (nodes.has(key)) return true
    const entry = entryOf(key)
    const named = nameAndVersion(key, layout)
    const name = typeof entry?.meta.name === 'string' ? entry.meta.name : named?.name
    const version = typeof entry?.meta.version === 'string' ? entry.meta.version : named?.version
    if (!entry || !name || !version || !semver.valid(version)) return false
    const resolution = isObject(entry.meta.resolution) ? entry.meta.resolution : {}
    const node: LockedNode = { key, name, version, dependencies: {}, optionalDependencies: {} }
    if (typeof resolution.integrity === 'string') node.integrity = resolution.integrity
    if (typeof resolution.tarball === 'string') node.resolved = resolution.tarball
    nodes.set(key, node)
    node.dependencies = resolve(stringMap(entry.deps.dependencies))
    node.optionalDependencies = resolve(stringMap(entry.deps.optionalDependencies))
    return true
  }

  const listed: Array<[string, Json]> = isObject(doc.importers)
    ? Object.entries(doc.importers).filter((e): e is [string, Json] => isObject(e[1]) && (e[0] === '.' || isPlainRelative(e[0])))
    : [['.', doc]]
  const importers: Importer[] = listed.map(([folder, lists]) => {
    const path = folder === '.' ? '' : folder
    const manifest = manifestOf(path)
    const importer: Importer = {
      path,
      declared: declaredRanges(manifest),
      dependencies: resolve(references(lists.dependencies)),
      devDependencies: resolve(references(lists.devDependencies)),
      optionalDependencies: resolve(references(lists.optionalDependencies))
    }
    if (typeof manifest?.name === 'string') importer.name = manifest.name
    if (typeof manifest?.version === 'string') importer.version = manifest.version
    return importer
  })
  return { ok: true, graph: { importers, nodes, skipped: [...skipped].sort() } }
}
