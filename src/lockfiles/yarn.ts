// yarn.lock read into the lock graph, with Yarn's own parser (`parseSyml` reads both formats).
//   Yarn 1:  `"name@^1.0.0, name@^1.1.0": { version, resolved, integrity, dependencies: { dep: "^2.0.0" } }`;
//            the project's own folders are not in it: their lists come from their package.json files.
//   Yarn 2+: `"name@npm:^1.0.0": { version, resolution: "name@npm:1.0.0", dependencies: { dep: "npm:^2.0.0" } }`;
//            every workspace is an entry of its own (`app@workspace:.`) listing what it declares.
// An entry is found by any of the descriptors (`name@range`) its key lists. Only registry packages
// are nodes; Yarn 2+ locks no tarball integrity (its checksum is of its own cache archive).
import { parseSyml } from '@yarnpkg/parsers'
import semver from 'semver'
import { describeError } from '../common/errors.js'
import {
  declaredRanges,
  isObject,
  splitDescriptor,
  stringMap,
  type DeclaredRanges,
  type GraphRead,
  type Importer,
  type LockedNode
} from './graph.js'

type Json = Record<string, unknown>

/** The project's folders: `''` for the root, and each workspace folder, with their package.json data. */
export type ProjectFolders = ReadonlyArray<{ path: string; manifest: Json | undefined }>

interface YarnEntry {
  key: string
  data: Json
}

function entriesByDescriptor(doc: Json): Map<string, YarnEntry> {
  // parseSyml splits a Yarn 1 key (`a@^1.0.0, a@^1.1.0`) into one key per descriptor, all holding
  // the same object: that object is one entry, under the key the lockfile writes.
  const keysOf = new Map<Json, string[]>()
  for (const [key, data] of Object.entries(doc)) {
    if (key === '__metadata' || !isObject(data)) continue
    keysOf.set(data, [...(keysOf.get(data) ?? []), key])
  }
  const byDescriptor = new Map<string, YarnEntry>()
  for (const [data, keys] of keysOf) {
    const entry = { key: keys.join(', '), data }
    for (const descriptor of keys.flatMap((key) => key.split(/,\s*/))) {
      byDescriptor.set(descriptor.trim(), entry)
      // Yarn 2+ binds a patch or file path relative to a workspace to it (`#./x.patch::locator=app%40workspace%3A.`),
      // which package.json does not write.
      const unbound = descriptor.trim().replace(/::locator=[^&]*$/, '')
      if (!byDescriptor.has(unbound)) byDescriptor.set(unbound, entry)
    }
  }
  return byDescriptor
}

/** Whether a Yarn 1 range asks the registry: a semver range or tag, or an `npm:` alias of one, not a path, URL or git repository. */
function isClassicRegistryRange(range: string): boolean {
  const target = range.startsWith('npm:') ? splitDescriptor(range.slice(4))?.range : range
  return target !== undefined && !/[:/]/.test(target)
}

/** The registry name of a Yarn 1 entry: the descriptor's, or an alias's target (`alias@npm:real@^1`). */
function classicName(descriptor: string): string | undefined {
  const split = splitDescriptor(descriptor)
  if (!split) return undefined
  return split.range.startsWith('npm:') ? splitDescriptor(split.range.slice(4))?.name : split.name
}

/** Whether a Yarn 2+ resolution is a registry package (`npm:`, or a patch of one) and under what name. */
function berryName(resolution: string): string | undefined {
  const split = splitDescriptor(resolution)
  if (!split) return undefined
  if (split.range.startsWith('npm:')) return split.name
  if (split.range.startsWith('patch:') && decodeURIComponent(split.range).includes('@npm:')) return split.name
  return undefined
}

export function readYarnLockfile(text: string, flavor: 'classic' | 'berry', folders: ProjectFolders): GraphRead {
  let doc: unknown
  try {
    doc = parseSyml(text)
  } catch (error) {
    return { ok: false, error: `yarn.lock cannot be read: ${describeError(error)}` }
  }
  if (!isObject(doc)) return { ok: false, error: 'yarn.lock holds no lockfile' }
  const byDescriptor = entriesByDescriptor(doc)
  const nodes = new Map<string, LockedNode>()
  const skipped = new Set<string>()
  const workspaceNames = new Set(folders.map((f) => f.manifest?.name).filter((n): n is string => typeof n === 'string'))

  const find = (name: string, range: string): YarnEntry | undefined =>
    byDescriptor.get(`${name}@${range}`) ??
    (flavor === 'berry' && !/^[a-z]+:/.test(range) ? byDescriptor.get(`${name}@npm:${range}`) : undefined)

  // Depth-first over what the project reaches; a node is added before its dependencies, so cycles end.
  function addNode(name: string, range: string): string | undefined {
    const entry = find(name, range)
    if (!entry) return undefined
    if (nodes.has(entry.key)) return entry.key
    const version = typeof entry.data.version === 'string' ? entry.data.version : ''
    const registryName =
      flavor === 'berry'
        ? berryName(typeof entry.data.resolution === 'string' ? entry.data.resolution : '')
        : isClassicRegistryRange(range)
          ? classicName(`${name}@${range}`)
          : undefined
    if (!registryName || !semver.valid(version)) return undefined
    const node: LockedNode = { key: entry.key, name: registryName, version, dependencies: {}, optionalDependencies: {} }
    if (typeof entry.data.resolved === 'string') node.resolved = entry.data.resolved.replace(/#.*$/, '')
    if (typeof entry.data.integrity === 'string') node.integrity = entry.data.integrity
    else if (typeof entry.data.resolved === 'string') {
      // Yarn 1 before 1.10 wrote no integrity, only the tarball's SHA-1 after the URL's `#`.
      const sha1 = /#([0-9a-f]{40})$/.exec(entry.data.resolved)?.[1]
      if (sha1) node.integrity = `sha1-${Buffer.from(sha1, 'hex').toString('base64')}`
    }
    nodes.set(entry.key, node)
    const optional = new Set(Object.keys(stringMap(entry.data.optionalDependencies)))
    const meta = isObject(entry.data.dependenciesMeta) ? entry.data.dependenciesMeta : {}
    // parseSyml reads every scalar as a string (`optional: true` is 'true').
    for (const [dep, value] of Object.entries(meta)) if (isObject(value) && String(value.optional) === 'true') optional.add(dep)
    const lists = { ...stringMap(entry.data.dependencies), ...stringMap(entry.data.optionalDependencies) }
    for (const [dep, depRange] of Object.entries(lists)) {
      const key = addNode(dep, depRange)
      if (key === undefined) {
        if (!workspaceNames.has(dep)) skipped.add(`${dep} (${depRange})`)
        continue
      }
      if (optional.has(dep)) node.optionalDependencies[dep] = key
      else node.dependencies[dep] = key
    }
    return entry.key
  }

  const resolveAll = (ranges: Record<string, string> | undefined): Record<string, string> => {
    const out: Record<string, string> = {}
    for (const [name, range] of Object.entries(ranges ?? {})) {
      const key = addNode(name, range)
      if (key !== undefined) out[name] = key
      else if (!workspaceNames.has(name) && !range.startsWith('workspace:')) skipped.add(`${name} (${range})`)
    }
    return out
  }

  const importers = folders.map(({ path, manifest }): Importer => {
    const declared: DeclaredRanges = declaredRanges(manifest)
    const importer: Importer = {
      path,
      declared,
      // Yarn installs no peer dependency of the project itself: the lockfile has none to resolve.
      dependencies: resolveAll(declared.dependencies),
      devDependencies: resolveAll(declared.devDependencies),
      optionalDependencies: resolveAll(declared.optionalDependencies)
    }
    if (typeof manifest?.name === 'string') importer.name = manifest.name
    if (typeof manifest?.version === 'string') importer.version = manifest.version
    return importer
  })
  return { ok: true, graph: { importers, nodes, skipped: [...skipped].sort() } }
}
