import type { Severity } from '../common/severity.js'
import type { ProjectContext, ScanContext } from '../scan/context.js'
import { REPOSITORY_URL } from '../common/version.js'

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
  /**
   * Every reason the rule reports, by messageId (a stable kebab-case key), each with a one-line
   * description for maintainers. The rule tests check that a finding fires for the intended reason.
   */
  messages: Record<string, string>
}

/** A rule's meta without its messages: what the reports say of a rule (see catalog.ts). */
export type RuleSummary = Omit<RuleMeta, 'messages'>

/** What a rule reports; the runner adds severity, fingerprint and suppression centrally. */
export interface RuleFinding {
  file: string
  /** 1-based, or null for a project-wide absence. */
  line: number | null
  column?: number | null
  message: string
  /** Which reason this is: a key of the rule's `meta.messages`. Never shown to users. */
  messageId: string
  /** The most severe this finding may be, below the rule's default (a development image's gaps, say); a config override still wins. */
  severityCap?: Severity
}

/** A rule that reads the tree's documents (Dockerfiles, configs, manifests): run once per scan. */
export interface ProjectRule {
  meta: RuleMeta
  needs: 'project'
  check(context: ProjectContext): RuleFinding[]
}

/** A rule that reads JS/TS source or the Express model: run for each package of the tree. */
export interface SourceRule {
  meta: RuleMeta
  needs: 'source'
  check(context: ScanContext): RuleFinding[]
}

export type Rule = ProjectRule | SourceRule

/**
 * One finding per place: an app set up twice through one function (`configureApp(app)`,
 * `configureApp(testApp)`) shares its events, and a handler reached twice is checked twice.
 */
export function uniqueByPlace(findings: RuleFinding[]): RuleFinding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = `${f.file}:${f.line ?? '-'}:${f.column ?? '-'}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function docsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`
}

export function defineRule(rule: ProjectRule): ProjectRule
export function defineRule(rule: SourceRule): SourceRule
export function defineRule(rule: Rule): Rule {
  return rule
}
