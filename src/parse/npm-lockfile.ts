/**
 * npm's lockfile (package-lock.json, npm-shrinkwrap.json) read as the tree npm installs: each
 * package under its install path (`node_modules/a/node_modules/b`), found again the way Node
 * resolves a `require` (the nearest `node_modules/<name>` going up the folders). Versions 2 and 3
 * list that tree as `packages`; version 1 nests it in `dependencies`, which is read into the same
 * paths. Nothing is run: the file is data.
 */

/** One entry of the install tree. */
export interface LockedPackage {
  /** The install path, `''` for the project itself, `packages/a` for a workspace folder. */
  path: string
  /** The package's own name (an alias `foo: npm:bar@1` is `bar` at `node_modules/foo`); '' when unknown. */
  name: string
  /** '' when the entry has none (links, some workspace folders). */
  version: string
  dev: boolean
  optional: boolean
  devOptional: boolean
  /** A symlink to a folder of the project (`link: true`, npm workspaces, `file:` folders). */
  link: boolean
  /** The folder a link points to, as an install path. */
  target?: string
  /** dependencies, optionalDependencies and peerDependencies by name (npm installs peers). */
  requires: Record<string, string>
  devDependencies: Record<string, string>
}

export interface NpmLockfile {
  lockfileVersion: number
  packages: Map<string, LockedPackage>
}

export type LockfileParse = { ok: true; lockfile: NpmLockfile } | { ok: false; error: string }

type Json = Record<string, unknown>

const NODE_MODULES = 'node_modules/'

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) return {}
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
}

/** The name an install path installs under: what follows its last `node_modules/`. */
export function nameAtPath(path: string): string {
  const at = path.lastIndexOf(NODE_MODULES)
  return at === -1 ? '' : path.slice(at + NODE_MODULES.length)
}

/** Whether the path is inside a node_modules folder (an installed package, not a folder of the project). */
export function isInstalled(path: string): boolean {
  return path.startsWith(NODE_MODULES) || path.includes(`/${NODE_MODULES}`)
}

function entryOf(path: string, raw: Json): LockedPackage {
  const link = raw.link === true
  return {
    path,
    name: typeof raw.name === 'string' && raw.name !== '' ? raw.name : nameAtPath(path),
    version: typeof raw.version === 'string' ? raw.version : '',
    dev: raw.dev === true,
    optional: raw.optional === true,
    devOptional: raw.devOptional === true,
    link,
    ...(link && typeof raw.resolved === 'string' ? { target: raw.resolved.replace(/^\.\//, '').replace(/\/+$/, '') } : {}),
    requires: { ...stringMap(raw.peerDependencies), ...stringMap(raw.optionalDependencies), ...stringMap(raw.dependencies) },
    devDependencies: stringMap(raw.devDependencies)
  }
}

/** `npm:bar@1.2.3` (an alias, in a version 1 lockfile) as name and version. */
function splitAlias(version: string): { name: string; version: string } | undefined {
  const alias = /^npm:((?:@[^/@]+\/)?[^/@]+)@(.+)$/.exec(version)
  return alias ? { name: alias[1] as string, version: alias[2] as string } : undefined
}

/** Version 1: `dependencies` nested as installed, each with `requires`; read into install paths. */
function readNested(dependencies: unknown, parent: string, into: Map<string, LockedPackage>): void {
  if (!isObject(dependencies)) return
  for (const [name, raw] of Object.entries(dependencies)) {
    if (!isObject(raw)) continue
    const path = `${parent === '' ? '' : `${parent}/`}${NODE_MODULES}${name}`
    const declared = typeof raw.version === 'string' ? raw.version : ''
    const alias = splitAlias(declared)
    // `file:` folders are links; git and tarball URLs name no registry version.
    const link = declared.startsWith('file:')
    const version = alias?.version ?? (/^[^:/#]+$/.test(declared) ? declared : '')
    into.set(path, {
      path,
      name: alias?.name ?? name,
      version: link ? '' : version,
      dev: raw.dev === true,
      optional: raw.optional === true,
      devOptional: false,
      link,
      ...(link ? { target: declared.slice('file:'.length).replace(/^\.\//, '').replace(/\/+$/, '') } : {}),
      requires: stringMap(raw.requires),
      devDependencies: {}
    })
    readNested(raw.dependencies, path, into)
  }
}

/** Reads a lockfile's text; an error says what is wrong with it, in one line. */
export function parseNpmLockfile(text: string): LockfileParse {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, error: `not JSON (${error instanceof Error ? error.message : String(error)})` }
  }
  if (!isObject(json)) return { ok: false, error: 'not a JSON object' }
  const lockfileVersion = typeof json.lockfileVersion === 'number' ? json.lockfileVersion : 1
  const packages = new Map<string, LockedPackage>()
  if (isObject(json.packages)) {
    for (const [path, raw] of Object.entries(json.packages)) if (isObject(raw)) packages.set(path, entryOf(path, raw))
  } else if (isObject(json.dependencies)) {
    readNested(json.dependencies, '', packages)
  } else {
    return { ok: false, error: `lockfileVersion ${lockfileVersion} with neither "packages" nor "dependencies"` }
  }
  return { ok: true, lockfile: { lockfileVersion, packages } }
}

function parentFolder(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

/**
 * The install path that `name` required from the package at `from` resolves to, as Node finds it:
 * `<from>/node_modules/<name>`, then the same in each folder above, up to the project's. A link is
 * returned as the link; undefined when nothing is installed under that name (a missing optional).
 */
export function resolveFrom(lockfile: NpmLockfile, from: string, name: string): string | undefined {
  for (let folder = from; ; folder = parentFolder(folder)) {
    const candidate = `${folder === '' ? '' : `${folder}/`}${NODE_MODULES}${name}`
    if (lockfile.packages.has(candidate)) return candidate
    if (folder === '') return undefined
  }
}
