import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** A document kind's name (see scan/documents.ts); `js` is JavaScript/TypeScript source. */
export type FileKind = string

/** The kind of a file by its name, or undefined for files the scan does not look at. */
export type KindOf = (name: string) => FileKind | undefined

export interface SourceFile {
  /** Relative to the scanned root, with `/` separators. */
  path: string
  absPath: string
  size: number
  kind: FileKind
  /** Tests, fixtures and examples are not the production app. */
  test: boolean
}

export interface Note {
  file: string
  message: string
}

export interface Discovery {
  files: SourceFile[]
  notes: Note[]
}

/** Dependencies, build output, caches and VCS folders: never the app's own source. */
const SKIPPED_DIRS = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'dist',
  'build',
  'out',
  'coverage',
  '.nyc_output',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.cache',
  '.git',
  '.hg',
  '.svn',
  '.idea',
  '.vscode',
  '.yarn',
  '.pnpm-store'
])
const GENERATED = /(?:[.-]min\.[cm]?js|\.bundle\.js|\.d\.[cm]?ts)$/
const TEST_PATH = /(?:^|\/)(?:__tests__|__mocks__|mocks?|tests?|spec|e2e|fixtures?|examples?)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/
export const MAX_FILE_BYTES = 1024 * 1024
/**
 * A script this large in a folder of static assets is a library copied in for the browser (three.js,
 * a charting library), often unminified, and costs more to parse than the app itself. Smaller
 * scripts there are still read: a key in the browser's code is a leak too.
 */
const VENDORED_BYTES = 256 * 1024
const STATIC_ASSETS = /(?:^|\/)(?:assets|public|static)\//

/**
 * Whether the files `isSource` picks, as findFiles walks the tree (tests too), add up to at most
 * `limit` bytes; the walk stops as soon as they do not, so a large tree costs little to judge.
 */
export function sourceWithin(root: string, limit: number, isSource: (name: string) => boolean): boolean {
  let total = 0
  const walk = (dir: string): boolean => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return true
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !walk(join(dir, entry.name))) return false
        continue
      }
      if (!entry.isFile() || !isSource(entry.name) || GENERATED.test(entry.name)) continue
      try {
        total += Math.min(statSync(join(dir, entry.name)).size, MAX_FILE_BYTES)
      } catch {
        continue
      }
      if (total > limit) return false
    }
    return true
  }
  return walk(root)
}

/**
 * Lists the files of a known kind, in a stable order. Symbolic links are not followed (no
 * loops, nothing outside the repository); minified, generated and oversized files are left out
 * with a note so the report says what was not read. Files of the `listedOnly` kinds (lockfiles,
 * whose names are all the scan reads) are listed whatever their size: a 5 MiB package-lock.json
 * is still a lockfile.
 */
export function findFiles(root: string, kindOf: KindOf, listedOnly: ReadonlySet<FileKind> = new Set()): Discovery {
  const files: SourceFile[] = []
  const notes: Note[] = []
  let generated = 0
  const walk = (dir: string, rel: string): void => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch (error) {
      notes.push({ file: rel || '.', message: `not read: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}` })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name
      const abs = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(abs, path)
        continue
      }
      if (!entry.isFile()) continue
      const kind = kindOf(entry.name)
      if (!kind) continue
      if (kind === 'js' && GENERATED.test(entry.name)) {
        if (!entry.name.includes('.d.')) generated += 1
        continue
      }
      let size: number
      try {
        size = statSync(abs).size
      } catch (error) {
        notes.push({ file: path, message: `not read: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}` })
        continue
      }
      if (size > MAX_FILE_BYTES && !listedOnly.has(kind)) {
        notes.push({
          file: path,
          message: `skipped: ${Math.round(size / 1024)} KiB is over the ${MAX_FILE_BYTES / 1024} KiB limit for scanned files`
        })
        continue
      }
      if (kind === 'js' && size > VENDORED_BYTES && STATIC_ASSETS.test(path)) {
        notes.push({
          file: path,
          message: `skipped: ${Math.round(size / 1024)} KiB of script among static assets is a vendored library, not the app's source`
        })
        continue
      }
      files.push({ path, absPath: abs, size, kind, test: TEST_PATH.test(path) })
    }
  }
  walk(root, '')
  // Bundles in a repository can number in the thousands: one note counts them.
  if (generated > 0)
    notes.push({
      file: '.',
      message: `skipped ${generated} generated file${generated === 1 ? '' : 's'} (*.min.js, *.bundle.js): built output, not the app's source`
    })
  return { files, notes }
}
