// Which package manager a project uses: from the lockfile it commits and package.json's
// `packageManager` field (corepack's `pnpm@9.1.0`). Only names and the head of yarn.lock are read.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { PackageManager, PackageManagerName } from '../common/lockfiles.js'
import { readRegularFile } from '../common/regular-file.js'

export type { PackageManager, PackageManagerName }

export interface PackageManagerInfo {
  /** From the lockfile when there is one, else from `packageManager`; undefined when neither names one. */
  detected?: PackageManager
  /** The lockfile the manager was read from (the first found, in LOCKFILE_ORDER). */
  lockfile?: string
  /** package.json's `packageManager` field, when it names npm, pnpm or yarn. */
  declared?: PackageManager & { version: string }
  /** One line saying how the lockfile and the declared manager (or several lockfiles) disagree. */
  disagreement?: string
}

/** The lockfiles this module knows, by the manager that writes them; in the order a project's manager is read from. */
export const LOCKFILE_MANAGERS: ReadonlyArray<readonly [string, PackageManagerName]> = [
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn']
]

/** The lockfile each manager writes. */
export const LOCKFILE_OF: Readonly<Record<PackageManagerName, string>> = {
  npm: 'package-lock.json',
  pnpm: 'pnpm-lock.yaml',
  yarn: 'yarn.lock'
}

/** How much of yarn.lock is read: berry's `__metadata:` block comes first, after a comment header. */
const YARN_HEAD_BYTES = 4096

/** Yarn 2+ writes a YAML lockfile with a `__metadata:` block; Yarn 1 writes its own format, headed `# yarn lockfile v1`. */
export function yarnFlavorOf(head: string): 'classic' | 'berry' {
  return /^__metadata:/m.test(head) ? 'berry' : 'classic'
}

/** `pnpm@9.1.0`, `yarn@4.1.0+sha512.abc`, `npm@10.8.1`: the manager and its version, or undefined for anything else. */
export function parsePackageManagerField(value: unknown): (PackageManager & { version: string }) | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^(npm|pnpm|yarn)@(\d+)(\.[^+\s]*)?(?:\+.*)?$/.exec(value.trim())
  if (!match) return undefined
  const name = match[1] as PackageManagerName
  const version = `${match[2]}${match[3] ?? ''}`
  if (name !== 'yarn') return { name, version }
  return { name, yarnFlavor: Number(match[2]) >= 2 ? 'berry' : 'classic', version }
}

/** `pnpm`, `yarn (classic)`, `yarn (berry)`. */
export function describeManager(manager: PackageManager): string {
  return manager.yarnFlavor ? `yarn (${manager.yarnFlavor})` : manager.name
}

/** The command that creates the manager's lockfile. */
export function installCommand(manager: PackageManager | undefined): string {
  return `${manager?.name ?? 'npm'} install`
}

/** The command that installs exactly the lockfile, failing when it is out of date, as Markdown code (two for yarn of unknown major). */
export function frozenInstallCommand(manager: PackageManager | undefined): string {
  switch (manager?.name) {
    case 'pnpm':
      return '`pnpm install --frozen-lockfile`'
    case 'yarn':
      if (manager.yarnFlavor === 'berry') return '`yarn install --immutable`'
      if (manager.yarnFlavor === 'classic') return '`yarn install --frozen-lockfile`'
      return '`yarn install --frozen-lockfile` (Yarn 1) or `yarn install --immutable` (Yarn 2+)'
    default:
      return '`npm ci`'
  }
}

function sameManager(a: PackageManager, b: PackageManager): boolean {
  return a.name === b.name && (a.yarnFlavor === undefined || b.yarnFlavor === undefined || a.yarnFlavor === b.yarnFlavor)
}

/**
 * The manager of a project from the lockfile names at its root, the head of its yarn.lock (when
 * there is one) and package.json's `packageManager` value. Pure: the caller reads the files.
 */
export function detectPackageManager(input: {
  lockfiles: readonly string[]
  yarnLockHead?: string
  packageManagerField?: unknown
}): PackageManagerInfo {
  const present = LOCKFILE_MANAGERS.filter(([file]) => input.lockfiles.includes(file))
  const declared = parsePackageManagerField(input.packageManagerField)
  const info: PackageManagerInfo = {}
  if (declared) info.declared = declared
  const managerOf = (name: PackageManagerName): PackageManager =>
    name === 'yarn' && input.yarnLockHead !== undefined ? { name, yarnFlavor: yarnFlavorOf(input.yarnLockHead) } : { name }
  const first = present[0]
  if (first) {
    info.lockfile = first[0]
    info.detected = managerOf(first[1])
  } else if (declared) {
    info.detected = declared.yarnFlavor ? { name: declared.name, yarnFlavor: declared.yarnFlavor } : { name: declared.name }
  }
  const names = [...new Set(present.map(([, name]) => name))]
  if (names.length > 1) {
    const files = present.map(([file]) => file).join(', ')
    info.disagreement = `lockfiles of several package managers are committed (${files}): keep only the one of the manager the project uses${declared ? ` (packageManager says ${declared.name}@${declared.version})` : ''}`
  } else if (first && declared && info.detected && !sameManager(info.detected, declared)) {
    info.disagreement = `packageManager says ${declared.name}@${declared.version} but the committed lockfile is ${first[0]} (${describeManager(info.detected)}): regenerate the lockfile with ${declared.name} or correct packageManager`
  }
  return info
}

/** Detects the manager of the project at `root`, given the file paths found at its root and package.json's data. */
export function readPackageManager(
  root: string,
  rootFiles: readonly string[],
  packageJson: Record<string, unknown> | undefined
): PackageManagerInfo {
  const yarnLockHead = rootFiles.includes('yarn.lock') ? readRegularFile(join(root, 'yarn.lock'), YARN_HEAD_BYTES) : undefined
  return detectPackageManager({
    lockfiles: rootFiles,
    ...(yarnLockHead !== undefined ? { yarnLockHead } : {}),
    packageManagerField: packageJson?.packageManager
  })
}

/**
 * The manager whose lockfile the project at `root` commits, for the install, audit and SBOM steps
 * (undefined without a lockfile): read from the folder itself, before and apart from the scan.
 */
export function lockedManager(root: string): (PackageManager & { lockfile: string }) | undefined {
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return undefined
  }
  let manifest: Record<string, unknown> | undefined
  try {
    const data = JSON.parse(readRegularFile(join(root, 'package.json')) ?? '') as unknown
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) manifest = data as Record<string, unknown>
  } catch {
    manifest = undefined
  }
  const info = readPackageManager(root, names, manifest)
  return info.lockfile && info.detected ? { ...info.detected, lockfile: info.lockfile } : undefined
}
