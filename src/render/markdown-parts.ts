import { joinRepositoryPath } from '../common/repository-path.js'
import { severityRank, type Severity } from '../common/severity.js'
import type { Report } from '../report.js'
import { findRuleSummary } from '../rules/catalog.js'
import { docsUrl } from '../rules/rule.js'
import { code, escapeMarkdown, escapeMessage, link, safeUrl } from './escape.js'

/** Where the pull request's files live, to link findings to the head commit. */
export interface LinkContext {
  serverUrl: string
  owner: string
  repo: string
  sha: string
}

export interface MarkdownOptions {
  links?: LinkContext
  /** Rows of each table before the rest are left out with a note (the comment's size limit). */
  maxRows?: number
  /** Advisories shown, worst first; the comment shows the worst few, the summary all of them. */
  maxAdvisories?: number
  /** Shown when rows were left out: where the full list is. */
  fullListHint?: string
  /** The name the SBOM artifact is uploaded under, when it is. */
  sbomArtifact?: string
  /**
   * The per-category sections after the gaps table: every finding with the rule's example fix
   * (`full`, the default), at most a few findings per rule (`brief`), or none (`none`). The comment
   * gives them up before it gives up table rows.
   */
  details?: DetailLevel
}

export type DetailLevel = 'full' | 'brief' | 'none'

export type ReportFinding = Report['findings'][number]
export type ReportAdvisory = Report['audit']['advisories'][number]

export const ICON: Record<Severity, string> = { critical: '🟣', high: '🔴', moderate: '🟠', low: '🟡' }

/** encodeURIComponent, plus the `(`, `)`, `'`, `!` and `*` it leaves alone: a `)` would end the Markdown link. */
function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()'!*]/g, (c) => `%${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`)
}

export function fileLink(report: Report, finding: ReportFinding, links: LinkContext | undefined): string {
  const label = escapeMarkdown(finding.line === null ? finding.file : `${finding.file}:${finding.line}`, 200)
  if (!links) return label
  const path = joinRepositoryPath(report.root, finding.file).split('/').map(encodePathSegment).join('/')
  const anchor = finding.line === null ? '' : `#L${finding.line}`
  const base = `${links.serverUrl}/${encodeURIComponent(links.owner)}/${encodeURIComponent(links.repo)}`
  return `[${label}](${base}/blob/${encodeURIComponent(links.sha)}/${path}${anchor})`
}

/** A rule id as code, linked to its docs when it is one of ours. */
export function ruleLink(rule: string): string {
  return link(code(rule, 80), findRuleSummary(rule) ? docsUrl(rule) : undefined)
}

export function bySeverity<T extends { severity: Severity }>(items: T[]): T[] {
  return [...items].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
}

export function limited<T>(rows: T[], max: number | undefined): { shown: T[]; hidden: number } {
  if (max === undefined || rows.length <= max) return { shown: rows, hidden: 0 }
  return { shown: rows.slice(0, max), hidden: rows.length - max }
}

export function moreLine(hidden: number, what: string, hint: string | undefined): string[] {
  return hidden > 0 ? [`_…and ${hidden} more ${what}${hint ? `: ${hint}` : ''}._`, ''] : []
}

export const FINDINGS_HEADER = ['| Severity | Rule | Where | What is wrong and the fix |', '|---|---|---|---|']

/** One row of a findings table; `mark` goes before the location, `blocking` after the severity. */
export function findingRow(
  report: Report,
  f: ReportFinding,
  options: MarkdownOptions,
  marks: { where?: string; blocking?: boolean } = {}
): string {
  const severity = `${ICON[f.severity]} ${f.severity}${marks.blocking ? ' · **blocking**' : ''}`
  return `| ${severity} | ${ruleLink(f.rule)} | ${marks.where ?? ''}${fileLink(report, f, options.links)} | ${escapeMessage(f.message)} |`
}

export const ADVISORIES_HEADER = ['| Severity | Package | Advisory | Fix |', '|---|---|---|---|']

export function advisoryRow(a: ReportAdvisory, blocking = false): string {
  const pkg = `${code(a.package, 100)}${a.direct ? '' : ` via ${a.via.map((v) => code(v, 100)).join(', ') || 'a transitive dependency'}`}`
  const title = link(escapeMarkdown(a.title || a.id, 200), safeUrl(a.url))
  const fix = a.fix ? code(a.fix, 100) : a.fixAvailable ? '`npm audit fix`' : 'no fix yet'
  const allowed = a.allowed ? ` (allowed: ${escapeMarkdown(a.allowed.reason, 200)})` : ''
  return `| ${ICON[a.severity]} ${a.severity}${blocking ? ' · **blocking**' : ''} | ${pkg} | ${title}${allowed} | ${fix} |`
}

/** `1 gap`, `2 gaps`: a count with its noun. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** What the verdict says of the dependencies: a passing gate whose audit did not run must not read as "no advisories". */
export function dependenciesClause(report: Report): string {
  const audit = report.audit.status
  if (audit === 'ok') return ` and no dependency advisory at or above **${report.thresholds.audit}**`
  return audit === 'error' ? '; dependencies were **not checked** (npm audit failed, see below)' : '; dependencies were not audited'
}
