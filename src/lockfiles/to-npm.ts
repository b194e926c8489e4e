// The npm lockfile (version 3) that installs the same packages as a pnpm or yarn lock graph, so
// that the real `npm audit --package-lock-only` and cyclonedx-npm read a pnpm or yarn project
// exactly as they read an npm one: the same registry names and versions, the same integrity, the
// same dependency edges and the same dev/optional flags.
//
// The tree is laid out the way npm hoists: a package goes to the top-level node_modules unless a
// different version of it is already there, else into the node_modules of the package that needs
// it, so that Node's lookup (the nearest node_modules going up) finds, from every package, exactly
// the entry its lockfile pins.
import type { DeclaredRanges, Importer, LockedNode, LockGraph } from './graph.js'

export interface NpmLockfileJson {
  name?: string
  version?: string
  lockfileVersion: 3
  requires: true
  packages: Record<string, Record<string, unknown>>
}

const NODE_MODULES = 'node_modules/'
/** Nesting deeper than this is a lockfile cycling between versions; what is left is not placed. */
const MAX_NESTING = 40
/**
 * Entries per locked package at most, on average. Versions cycling through packages that branch
 * double the tree at every level, which MAX_NESTING alone bounds only at 2^40 entries.
 */
const MAX_ENTRIES_PER_NODE = MAX_NESTING
/** The registry npm writes `resolved` URLs for when the lockfile records none (pnpm 9 records only integrity). */
const DEFAULT_REGISTRY = 'https://registry.npmjs.org/'

interface Flags {
  dev: boolean
  optional: boolean
  devOptional: boolean
}

/** Every entry reachable from `roots` through the edges `follow` gives. */
function reach(graph: LockGraph, roots: Iterable<string>, follow: (node: LockedNode) => Iterable<string>): Set<string> {
  const seen = new Set<string>()
  const stack = [...roots]
  while (stack.length > 0) {
    const key = stack.pop() as string
    if (seen.has(key)) continue
    seen.add(key)
    const node = graph.nodes.get(key)
    if (node) stack.push(...follow(node))
  }
  return seen
}

/** npm's flags: `dev` when only devDependencies reach a package, `optional` when only optional edges do, `devOptional` when only the two together do. */
function computeFlags(graph: LockGraph): (key: string) => Flags {
  const required = (n: LockedNode): string[] => Object.values(n.dependencies)
  const all = (n: LockedNode): string[] => [...Object.values(n.dependencies), ...Object.values(n.optionalDependencies)]
  const lists = (pick: (i: Importer) => Array<Record<string, string>>): string[] =>
    graph.importers.flatMap((i) => pick(i).flatMap((list) => Object.values(list)))
  const prodRequired = reach(
    graph,
    lists((i) => [i.dependencies]),
    required
  )
  const prod = reach(
    graph,
    lists((i) => [i.dependencies, i.optionalDependencies]),
    all
  )
  const anyRequired = reach(
    graph,
    lists((i) => [i.dependencies, i.devDependencies]),
    required
  )
  // Keys of one name and version (pnpm's peer variants, Yarn 1's duplicate entries) are one npm
  // entry, placed for whichever key came first: what reaches any of them reaches it.
  const idOf = (key: string): string => {
    const node = graph.nodes.get(key)
    return node ? `${node.name}@${node.version}` : key
  }
  const ids = (keys: Set<string>): Set<string> => new Set([...keys].map(idOf))
  const [prodIds, prodRequiredIds, anyRequiredIds] = [ids(prod), ids(prodRequired), ids(anyRequired)]
  return (key) => {
    const id = idOf(key)
    const dev = !prodIds.has(id)
    const optional = !anyRequiredIds.has(id)
    return { dev, optional, devOptional: !prodRequiredIds.has(id) && !dev && !optional }
  }
}

/**
 * The folder whose node_modules a package or project folder at `path` looks in next, as Node goes
 * up: `a/node_modules/b` -> `a`, `packages/api/examples/x` -> `packages/api/examples` (a workspace
 * inside another finds the outer one's packages), a top-level package -> the root.
 */
function parentOf(path: string): string {
  const up = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')
  const parent = up(path)
  return parent === 'node_modules' || parent.endsWith('/node_modules') ? up(parent) : parent
}

function modulesOf(folder: string): string {
  return folder === '' ? NODE_MODULES : `${folder}/${NODE_MODULES}`
}

function tarballUrl(node: LockedNode): string {
  const base = node.name.startsWith('@') ? node.name.split('/')[1] : node.name
  return `${DEFAULT_REGISTRY}${node.name}/-/${base}-${node.version}.tgz`
}

/** The spec an edge records: the pinned version, or `npm:<name>@<version>` for an alias. */
function specOf(alias: string, node: LockedNode): string {
  return alias === node.name ? node.version : `npm:${node.name}@${node.version}`
}

/**
 * What a project folder declares, as npm can check it against the tree: each dependency the
 * lockfile resolves as its pinned version (`npm:` for an alias), one on a workspace of the project
 * as `*` (the workspace link satisfies it), and the rest, which npm could neither find nor read
 * (`file:`, git, `catalog:`, a peer that is not installed), left out, so that npm reads the tree
 * without a missing or invalid dependency.
 */
export function resolvedRanges(graph: LockGraph, importer: Importer): DeclaredRanges {
  const workspaces = new Set(graph.importers.map((i) => i.name).filter((n): n is string => n !== undefined))
  const resolved: Record<string, string> = {
    ...importer.dependencies,
    ...importer.optionalDependencies,
    ...importer.devDependencies
  }
  const ranges: DeclaredRanges = {}
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
    const out: Record<string, string> = {}
    for (const name of Object.keys(importer.declared[field] ?? {})) {
      const node = resolved[name] === undefined ? undefined : graph.nodes.get(resolved[name])
      if (node) out[name] = specOf(name, node)
      else if (workspaces.has(name) && name !== importer.name) out[name] = '*'
    }
    if (Object.keys(out).length > 0) ranges[field] = out
  }
  return ranges
}

export function toNpmLockfile(graph: LockGraph): NpmLockfileJson {
  const flagsOf = computeFlags(graph)
  const placed = new Map<string, string>() // install path -> entry key
  const queue: Array<[string, LockedNode]> = []
  const maxEntries = graph.nodes.size * MAX_ENTRIES_PER_NODE

  /** Where `alias` resolves from `folder`: the first node_modules going up that has it. */
  function lookup(folder: string, alias: string): string | undefined {
    for (let at = folder; ; at = parentOf(at)) {
      const path = `${modulesOf(at)}${alias}`
      if (placed.has(path)) return path
      if (at === '') return undefined
    }
  }

  function place(folder: string, alias: string, key: string): void {
    const node = graph.nodes.get(key)
    if (!node) return
    const found = lookup(folder, alias)
    // Two entries of one version (pnpm's peer variants, Yarn 1's duplicate entries) are one package to npm.
    const there = found === undefined ? undefined : graph.nodes.get(placed.get(found) as string)
    if (there && there.name === node.name && there.version === node.version) return
    const path = found === undefined ? `${NODE_MODULES}${alias}` : `${modulesOf(folder)}${alias}`
    if (path.split(NODE_MODULES).length - 1 > MAX_NESTING || placed.size >= maxEntries) return
    placed.set(path, key)
    queue.push([path, node])
  }

  const packages: Record<string, Record<string, unknown>> = {}
  const root = graph.importers.find((i) => i.path === '')
  for (const importer of graph.importers) {
    packages[importer.path] = {
      ...(importer.name !== undefined ? { name: importer.name } : {}),
      ...(importer.version !== undefined ? { version: importer.version } : {}),
      ...resolvedRanges(graph, importer)
    }
    if (importer.path !== '' && importer.name !== undefined) {
      packages[`${NODE_MODULES}${importer.name}`] = { resolved: importer.path, link: true }
    }
  }
  // The project's own dependencies first, so that they take the top level as npm gives it to them.
  for (const importer of graph.importers) {
    for (const list of [importer.dependencies, importer.optionalDependencies, importer.devDependencies]) {
      for (const [alias, key] of Object.entries(list)) place(importer.path, alias, key)
    }
  }
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [path, node] = next
    for (const list of [node.dependencies, node.optionalDependencies]) {
      for (const [alias, key] of Object.entries(list)) place(path, alias, key)
    }
  }

  for (const [path, key] of placed) {
    const node = graph.nodes.get(key) as LockedNode
    const alias = path.slice(path.lastIndexOf(NODE_MODULES) + NODE_MODULES.length)
    const flags = flagsOf(key)
    const edges = (list: Record<string, string>): Record<string, string> | undefined => {
      const entries = Object.entries(list).flatMap(([dep, depKey]) => {
        const target = graph.nodes.get(depKey)
        return target ? [[dep, specOf(dep, target)] as const] : []
      })
      return entries.length > 0 ? Object.fromEntries(entries) : undefined
    }
    const dependencies = edges(node.dependencies)
    const optionalDependencies = edges(node.optionalDependencies)
    packages[path] = {
      ...(alias !== node.name ? { name: node.name } : {}),
      version: node.version,
      resolved: node.resolved ?? tarballUrl(node),
      ...(node.integrity ? { integrity: node.integrity } : {}),
      ...(flags.dev ? { dev: true } : {}),
      ...(flags.optional ? { optional: true } : {}),
      ...(flags.devOptional ? { devOptional: true } : {}),
      ...(dependencies ? { dependencies } : {}),
      ...(optionalDependencies ? { optionalDependencies } : {})
    }
  }
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return {
    ...(root?.name !== undefined ? { name: root.name } : {}),
    ...(root?.version !== undefined ? { version: root.version } : {}),
    lockfileVersion: 3,
    requires: true,
    packages: sorted
  }
}
