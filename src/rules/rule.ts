import type { SourceFile } from '../discovery/find-files.js'
import type { Severity } from '../findings/severity.js'
import type { ExpressModel, JsModule } from '../model/express.js'
import type { DockerfileModel } from '../parse/dockerfile.js'
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

/** Everything the rules see: discovered files and their parses, shared by all rules. */
export interface ScanContext {
  root: string
  /** The scan date (YYYY-MM-DD, UTC), for end-of-life tables and the like. */
  today: string
  files: SourceFile[]
  modules: JsModule[]
  express: ExpressModel
  dockerfiles: DockerfileDoc[]
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
