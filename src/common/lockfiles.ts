/** The lockfiles npm ci installs from and npm audit reads. */
export const NPM_LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'] as const

/** The lockfile npm writes and audits: audit advisories are reported on it. */
export const NPM_LOCKFILE = NPM_LOCKFILES[0]

/** Lockfiles of other package managers, which npm can neither install from nor audit, by the tool that writes them. */
export const OTHER_LOCKFILES: Readonly<Record<string, string>> = {
  'yarn.lock': 'yarn',
  'pnpm-lock.yaml': 'pnpm',
  'bun.lock': 'bun',
  'bun.lockb': 'bun'
}

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn'

export interface PackageManager {
  name: PackageManagerName
  /** Yarn 1 (`classic`) or Yarn 2+ (`berry`); absent for npm and pnpm, and for yarn when neither says. */
  yarnFlavor?: 'classic' | 'berry'
}

export type ConvertedManager = PackageManager & { name: 'pnpm' | 'yarn' }

/**
 * Whether npm reads the project through the equivalent npm lockfile: pnpm and yarn projects. Here,
 * not beside the conversion (lockfiles/npm-view.ts), so that asking does not load the lockfile parsers.
 */
export function needsNpmView(manager: PackageManager | undefined): manager is ConvertedManager {
  return manager?.name === 'pnpm' || manager?.name === 'yarn'
}
