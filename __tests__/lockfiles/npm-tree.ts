// Checks an npm lockfile made from a lock graph the way Node would use the tree it describes: from
// every placed package and every project folder, each dependency is looked up as require() looks
// it up (the nearest node_modules going up, from the real path of the folder), and the package
// found must be the name and version the lockfile pins. Written apart from to-npm.ts's own lookup,
// so that a layout bug shared by both cannot hide.
import { expect } from '@jest/globals'
import type { LockGraph } from '../../src/lockfiles/graph.js'
import type { NpmLockfileJson } from '../../src/lockfiles/to-npm.js'

type Entry = Record<string, unknown>

/** The folders Node searches from `folder` (a path relative to the project root), nearest first. */
export function nodeModulesPaths(folder: string): string[] {
  const parts = folder === '' ? [] : folder.split('/')
  const out: string[] = []
  for (let end = parts.length; end >= 0; end--) {
    if (end > 0 && parts[end - 1] === 'node_modules') continue
    out.push([...parts.slice(0, end), 'node_modules'].join('/'))
  }
  return out
}

/** The lockfile path require(name) finds from `folder`, if any. */
export function lookup(lockfile: NpmLockfileJson, folder: string, name: string): string | undefined {
  return nodeModulesPaths(folder)
    .map((modules) => `${modules}/${name}`)
    .find((path) => path in lockfile.packages)
}

/** `4.2.3` or `npm:string-width@4.2.3` as the name and version it pins, for the package installed as `alias`. */
function pinned(alias: string, spec: string): { name: string; version: string } {
  if (!spec.startsWith('npm:')) return { name: alias, version: spec }
  const at = spec.lastIndexOf('@')
  return { name: spec.slice(4, at), version: spec.slice(at + 1) }
}

function installedAs(path: string, entry: Entry): { name: string; version: string } {
  const alias = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
  return { name: typeof entry.name === 'string' ? entry.name : alias, version: String(entry.version) }
}

/**
 * The lookup failures of a lockfile: one line per dependency that Node would not find, or would
 * find at another version. Empty when the layout is right.
 */
export function lookupFailures(graph: LockGraph, lockfile: NpmLockfileJson): string[] {
  const failures: string[] = []
  const check = (folder: string, alias: string, want: { name: string; version: string }): void => {
    const found = lookup(lockfile, folder, alias)
    if (found === undefined) {
      failures.push(`${folder || '(root)'}: ${alias} not found`)
      return
    }
    const got = installedAs(found, lockfile.packages[found] ?? {})
    if (got.name !== want.name || got.version !== want.version) {
      failures.push(`${folder || '(root)'}: ${alias} finds ${found} (${got.name}@${got.version}), wants ${want.name}@${want.version}`)
    }
  }
  for (const importer of graph.importers) {
    for (const list of [importer.dependencies, importer.devDependencies, importer.optionalDependencies]) {
      for (const [alias, key] of Object.entries(list)) {
        const node = graph.nodes.get(key)
        if (node) check(importer.path, alias, node)
      }
    }
  }
  for (const [path, entry] of Object.entries(lockfile.packages)) {
    if (!path.includes('node_modules/') || entry.link === true) continue
    for (const field of ['dependencies', 'optionalDependencies']) {
      const deps = (entry[field] ?? {}) as Record<string, string>
      for (const [alias, spec] of Object.entries(deps)) check(path, alias, pinned(alias, spec))
    }
  }
  return failures
}

/** Every registry package the graph reaches from the project, as `name@version`, is in the lockfile. */
export function missingPackages(graph: LockGraph, lockfile: NpmLockfileJson): string[] {
  const reached = new Set<string>()
  const stack = graph.importers.flatMap((i) => [i.dependencies, i.devDependencies, i.optionalDependencies].flatMap((l) => Object.values(l)))
  const seen = new Set<string>()
  while (stack.length > 0) {
    const key = stack.pop() as string
    const node = graph.nodes.get(key)
    if (seen.has(key) || !node) continue
    seen.add(key)
    reached.add(`${node.name}@${node.version}`)
    stack.push(...Object.values(node.dependencies), ...Object.values(node.optionalDependencies))
  }
  const placed = new Set(
    Object.entries(lockfile.packages)
      .filter(([path, entry]) => path.includes('node_modules/') && entry.link !== true)
      .map(([path, entry]) => {
        const { name, version } = installedAs(path, entry)
        return `${name}@${version}`
      })
  )
  return [...reached].filter((id) => !placed.has(id)).sort()
}

/** Asserts that Node finds every pinned package, and that none the graph reaches is missing. */
export function expectSoundTree(graph: LockGraph, lockfile: NpmLockfileJson): void {
  expect(lookupFailures(graph, lockfile)).toEqual([])
  expect(missingPackages(graph, lockfile)).toEqual([])
}

/** Asserts that Node finds, from every placed package, each dependency its entry pins (for a lockfile whose graph is not at hand). */
export function expectEntriesFound(lockfile: NpmLockfileJson): void {
  expect(lookupFailures({ importers: [], nodes: new Map(), skipped: [] }, lockfile)).toEqual([])
}
