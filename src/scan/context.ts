// What the rules see: the scanned tree's documents, and for source rules one package's JS/TS modules
// and its Express model. Plain data; the caches of a package's scan live on its model (see ExpressModel).
import type { SourceFile } from '../discovery/find-files.js'
import type { PackageManagerInfo } from '../discovery/package-manager.js'
import type { ExpressModel, JsModule } from '../model/express.js'
import type { ComposeModel } from '../parse/compose.js'
import type { DockerfileModel } from '../parse/dockerfile.js'
import type { DockerignorePattern } from '../parse/dockerignore.js'
import type { DotenvEntry } from '../parse/dotenv.js'
import type { NpmrcEntry } from '../parse/npmrc.js'
import type { PackageManifest } from '../parse/package-json.js'
import type { ProxyConfig } from '../parse/proxy-config.js'

export interface DockerfileDoc {
  path: string
  model: DockerfileModel
}

export interface DockerignoreDoc {
  /** `.dockerignore`, or `<Dockerfile name>.dockerignore` for that Dockerfile alone. */
  path: string
  patterns: DockerignorePattern[]
}

export interface ComposeDoc {
  path: string
  model: ComposeModel
}

export interface PackageJsonDoc {
  path: string
  manifest: PackageManifest
}

export interface NpmrcDoc {
  path: string
  entries: NpmrcEntry[]
}

export interface EnvFileDoc {
  path: string
  entries: DotenvEntry[]
  /**
   * Tracked by git, when the tree is a checkout; without git, not listed in a `.gitignore`. An
   * untracked or ignored file is a developer's local one, never committed.
   */
  committed: boolean
}

export interface TextDoc {
  path: string
  text: string
}

/** The parsed documents of the tree outside tests and fixtures, one list per kind. */
export interface Documents {
  dockerfiles: DockerfileDoc[]
  /** nginx configs (with their in-repository includes) and Caddyfiles. */
  proxyConfigs: ProxyConfig[]
  npmrcs: NpmrcDoc[]
  dockerignores: DockerignoreDoc[]
  /** docker-compose*.yml and compose*.yml. */
  composeFiles: ComposeDoc[]
  /** Every package.json; the root one is `package.json`. */
  packageJsons: PackageJsonDoc[]
  /** `.env` files, parsed, with whether a `.gitignore` keeps them out of commits. */
  envFiles: EnvFileDoc[]
  /** Private key files (`*.pem`, `*.key`, `id_rsa`), as text. */
  keyFiles: TextDoc[]
  /** `.gitignore` files, as text: what the repository keeps out of commits. */
  gitignores: TextDoc[]
}

/** What a project rule sees: the whole tree's files and documents, no source. */
export interface ProjectContext extends Documents {
  root: string
  /** The scan date (YYYY-MM-DD, UTC), for end-of-life tables and the like. */
  today: string
  /** Every discovered file, tests included (see SourceFile.test). */
  files: SourceFile[]
  /** The project's package manager, from its root lockfile and package.json's `packageManager`. */
  packageManager: PackageManagerInfo
}

/** What a source rule sees: the project, and one package's modules with its Express model. */
export interface ScanContext extends ProjectContext {
  modules: JsModule[]
  express: ExpressModel
}
