// A pnpm or yarn project seen as npm sees a project: its package.json and the equivalent npm
// lockfile, written to a temporary folder, where the real `npm audit --package-lock-only` and
// cyclonedx-npm read it. Only data is read and written; nothing of the project is run.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import picomatch from 'picomatch'
import { describeError } from '../common/errors.js'
import type { ConvertedManager } from '../common/lockfiles.js'
import { readRegularFile } from '../common/regular-file.js'
import type { PackageManager } from '../discovery/package-manager.js'
import { isObject, isPlainRelative, type GraphRead, type LockGraph } from './graph.js'
import { readPnpmLockfile } from './pnpm.js'
import { resolvedRanges, toNpmLockfile, type NpmLockfileJson } from './to-npm.js'
import { readYarnLockfile, type ProjectFolders } from './yarn.js'

type Json = Record<string, unknown>

export interface NpmView {
  /** The temporary folder holding package.json and package-lock.json (and the project's .npmrc). */
  dir: string
  /** The lockfile it was made from (`pnpm-lock.yaml`, `yarn.lock`). */
  source: string
  lockfile: NpmLockfileJson
  /** Dependencies npm cannot audit (links, files, git), as `name (reference)`. */
  skipped: string[]
  remove(): void
}

export type NpmViewResult = { ok: true; view: NpmView } | { ok: false; error: string }

/** Folders under a workspace glob are looked for this deep at most. */
const MAX_WORKSPACE_DEPTH = 4
const SKIPPED_FOLDERS = new Set(['node_modules', '.git'])

function readJson(file: string): Json | undefined {
  try {
    const data = JSON.parse(readRegularFile(file) ?? '') as unknown
    return isObject(data) ? data : undefined
  } catch {
    return undefined
  }
}

/** package.json's `workspaces` (a list, or Yarn 1's `{ packages }`), as globs. */
function workspaceGlobs(manifest: Json): string[] {
  const field = manifest.workspaces
  const list = Array.isArray(field) ? field : isObject(field) && Array.isArray(field.packages) ? field.packages : []
  return list.filter((g): g is string => typeof g === 'string')
}

/** The workspace folders of a yarn project: the folders its globs match that hold a package.json. */
export function workspaceFolders(root: string, manifest: Json): string[] {
  const all = workspaceGlobs(manifest).map((g) => g.replace(/^(!?)\.\//, '$1').replace(/\/$/, ''))
  // `!folder` leaves a folder out, as Yarn and npm read the list.
  const globs = all.filter((g) => !g.startsWith('!'))
  const ignore = all.filter((g) => g.startsWith('!')).map((g) => g.slice(1))
  if (globs.length === 0) return []
  const matches = picomatch(globs, ignore.length > 0 ? { ignore } : {})
  const found: string[] = []
  const walk = (folder: string, depth: number): void => {
    let names: string[]
    try {
      names = readdirSync(join(root, folder))
    } catch {
      return
    }
    for (const name of names.sort()) {
      if (SKIPPED_FOLDERS.has(name)) continue
      const path = folder ? posix.join(folder, name) : name
      let isDir = false
      try {
        isDir = statSync(join(root, path)).isDirectory()
      } catch {
        continue
      }
      if (!isDir) continue
      if (matches(path) && existsSync(join(root, path, 'package.json'))) found.push(path)
      if (depth < MAX_WORKSPACE_DEPTH) walk(path, depth + 1)
    }
  }
  walk('', 1)
  return found
}

/** The lock graph of the project at `root` from its manager's lockfile. */
export function readLockGraph(root: string, manager: PackageManager, manifest: Json): GraphRead {
  if (manager.name === 'pnpm') {
    const text = readRegularFile(join(root, 'pnpm-lock.yaml'))
    if (text === undefined) return { ok: false, error: 'pnpm-lock.yaml cannot be read: it is missing or no regular file' }
    return readPnpmLockfile(text, (path) => (path === '' ? manifest : readJson(join(root, path, 'package.json'))))
  }
  const text = readRegularFile(join(root, 'yarn.lock'))
  if (text === undefined) return { ok: false, error: 'yarn.lock cannot be read: it is missing or no regular file' }
  const folders: ProjectFolders = [
    { path: '', manifest },
    ...workspaceFolders(root, manifest).map((path) => ({ path, manifest: readJson(join(root, path, 'package.json')) }))
  ]
  return readYarnLockfile(text, manager.yarnFlavor ?? 'classic', folders)
}

/**
 * The workspace folders of the npm lockfile: its entries outside node_modules. The paths come from
 * the lockfile, so only plain relative paths inside the project are kept.
 */
function workspacePaths(lockfile: NpmLockfileJson): string[] {
  return Object.keys(lockfile.packages).filter(
    (path) => path !== '' && !path.startsWith('node_modules/') && !path.includes('/node_modules/') && isPlainRelative(path)
  )
}

/** The package.json the npm view holds: the project's, its workspaces the folders the lockfile names. */
function viewManifest(manifest: Json, graph: LockGraph): Json {
  const rest = { ...manifest }
  delete rest.workspaces
  delete rest.packageManager
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) delete rest[field]
  const root = graph.importers.find((i) => i.path === '')
  if (root) Object.assign(rest, resolvedRanges(graph, root))
  const folders = graph.importers.map((i) => i.path).filter((p) => p !== '' && isPlainRelative(p))
  return folders.length > 0 ? { ...rest, workspaces: folders } : rest
}

export type NpmLockfileResult =
  { ok: true; source: string; lockfile: NpmLockfileJson; skipped: string[]; manifest: Json } | { ok: false; source: string; error: string }

/** The npm lockfile equivalent to the pnpm or yarn lockfile of the project at `root`, in memory. */
export function npmLockfileOf(root: string, manager: ConvertedManager): NpmLockfileResult {
  const source = manager.name === 'pnpm' ? 'pnpm-lock.yaml' : 'yarn.lock'
  const manifest = readJson(join(root, 'package.json'))
  if (!manifest) return { ok: false, source, error: `package.json cannot be read as JSON, so ${source} cannot be matched to it` }
  let read: GraphRead
  try {
    read = readLockGraph(root, manager, manifest)
  } catch (error) {
    return { ok: false, source, error: `${source} cannot be read: ${describeError(error)}` }
  }
  if (!read.ok) return { ok: false, source, error: read.error }
  return {
    ok: true,
    source,
    lockfile: toNpmLockfile(read.graph),
    skipped: read.graph.skipped,
    manifest: viewManifest(manifest, read.graph)
  }
}

/**
 * Writes the npm view of a pnpm or yarn project at `root` to a new temporary folder. The caller
 * removes it (`remove`) once npm is done with it.
 */
export function writeNpmView(root: string, manager: ConvertedManager, tempRoot = tmpdir()): NpmViewResult {
  const converted = npmLockfileOf(root, manager)
  if (!converted.ok) return converted
  const { source, lockfile, skipped, manifest } = converted
  const dir = mkdtempSync(join(tempRoot, 'gate-npm-view-'))
  const remove = (): void => rmSync(dir, { recursive: true, force: true })
  try {
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    // npm finds workspaces by their package.json files, so each workspace folder gets its own.
    for (const folder of workspacePaths(lockfile)) {
      mkdirSync(join(dir, folder), { recursive: true })
      writeFileSync(join(dir, folder, 'package.json'), `${JSON.stringify(lockfile.packages[folder], null, 2)}\n`)
    }
    writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`)
    // The registry and its credentials, as npm would use them in the project itself.
    const npmrc = readRegularFile(join(root, '.npmrc'))
    if (npmrc !== undefined) writeFileSync(join(dir, '.npmrc'), npmrc)
  } catch (error) {
    remove()
    return { ok: false, error: `the npm lockfile equivalent to ${source} could not be written: ${describeError(error)}` }
  }
  return { ok: true, view: { dir, source, lockfile, skipped, remove } }
}
