import { posix } from 'node:path'
import type { SourceFile } from './find-files.js'

/** A package of the scanned tree (a workspace of a monorepo, or the root) and its JS/TS files. */
export interface PackageGroup {
  /** The folder of its package.json, relative to the scanned root ('' for the root). */
  folder: string
  files: SourceFile[]
}

function parentOf(dir: string): string {
  const parent = posix.dirname(dir)
  return parent === '.' ? '' : parent
}

/**
 * Groups source files by the nearest folder above them that holds a package.json, so a monorepo is
 * modelled one workspace at a time: its apps import each other by package name, which the model
 * treats as a package anyway, and only one workspace's syntax trees are held at once. Files outside
 * every package belong to the root group. Groups and files keep discovery order.
 */
export function groupByPackage(files: SourceFile[], manifests: SourceFile[]): PackageGroup[] {
  const folders = new Set(manifests.map((m) => parentOf(m.path)))
  const groups = new Map<string, SourceFile[]>()
  for (const file of files) {
    let dir = parentOf(file.path)
    while (dir !== '' && !folders.has(dir)) dir = parentOf(dir)
    const group = groups.get(dir)
    if (group) group.push(file)
    else groups.set(dir, [file])
  }
  return [...groups].map(([folder, list]) => ({ folder, files: list }))
}
