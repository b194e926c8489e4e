import type { SourceFile } from '../discovery/find-files.js'
import type { TextDoc } from '../discovery/secret-files.js'
import type { EnvFileDoc } from '../parse/secret-files.js'
import type { Severity } from '../common/severity.js'
import type { ExpressModel, JsModule } from '../model/express.js'
import type { ComposeModel } from '../parse/compose.js'
import type { DockerfileModel } from '../parse/dockerfile.js'
import type { DockerignorePattern } from '../parse/dockerignore.js'
import type { NpmrcEntry } from '../parse/npmrc.js'
import type { PackageManifest } from '../parse/package-json.js'
import type { ProxyConfig } from '../parse/proxy-config.js'
import { REPOSITORY_URL } from '../version.js'

export type RuleCategory = 'express' | 'secrets' | 'docker' | 'proxy' | 'project'

export interface RuleMeta {
  id: string
  severity: Severity
  category: RuleCategory
  /** One sentence: the gap. */
  description: string
  /** The fix in one line, for tables. */
  fix: string
  cwe: string
}

/** What a rule reports; the runner adds severity, fingerprint and suppression centrally. */
export interface RuleFinding {
  file: string
  /** 1-based, or null for a project-wide absence. */
  line: number | null
  column?: number | null
  message: string
}

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

/** Everything the rules see: discovered files and their parses, shared by all rules. */
export interface ScanContext {
  root: string
  /** The scan date (YYYY-MM-DD, UTC), for end-of-life tables and the like. */
  today: string
  files: SourceFile[]
  modules: JsModule[]
  express: ExpressModel
  dockerfiles: DockerfileDoc[]
  /** nginx configs and Caddyfiles outside tests and fixtures. */
  proxyConfigs: ProxyConfig[]
  npmrcs: NpmrcDoc[]
  dockerignores: DockerignoreDoc[]
  /** docker-compose*.yml and compose*.yml outside tests and fixtures. */
  composeFiles: ComposeDoc[]
  /** Every package.json outside tests and fixtures; the root one is `package.json`. */
  packageJsons: PackageJsonDoc[]
  /** `.env` files outside tests, parsed, with whether a `.gitignore` keeps them out of commits. */
  envFiles: EnvFileDoc[]
  /** Private key files (`*.pem`, `*.key`, `id_rsa`) outside tests, as text. */
  keyFiles: TextDoc[]
}

export interface Rule {
  meta: RuleMeta
  check(context: ScanContext): RuleFinding[]
}

export function docsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`
}

export function defineRule(rule: Rule): Rule {
  return rule
}
