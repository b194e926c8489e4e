import { joinRepositoryPath } from '../common/repository-path.js'
import type { Finding } from '../findings/finding.js'
import type { ExpiredSuppression } from '../findings/policy.js'
import { SEVERITIES, severityRank, type Severity } from '../common/severity.js'
import type { Report } from '../report.js'
import { RULE_DOCS } from '../rules/docs.generated.js'
import { findRule } from '../rules/registry.js'
import { docsUrl, type RuleCategory, type RuleMeta } from '../rules/rule.js'
import type { Advisory } from '../tools/audit-report.js'
import { code, escapeMarkdown, escapeMessage, fencedCode, link, safeUrl } from './escape.js'

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

/** Findings per rule in `brief` details: enough to see the pattern, the table has the rest. */
const BRIEF_FINDINGS = 3

const ICON: Record<Severity, string> = { critical: '🟣', high: '🔴', moderate: '🟠', low: '🟡' }

const CATEGORIES: ReadonlyArray<{ id: RuleCategory; title: string }> = [
  { id: 'express', title: 'Express' },
  { id: 'secrets', title: 'Secrets' },
  { id: 'docker', title: 'Docker' },
  { id: 'proxy', title: 'Proxy' },
  { id: 'project', title: 'Project' }
]

/** encodeURIComponent, plus the `(`, `)`, `'`, `!` and `*` it leaves alone: a `)` would end the Markdown link. */
function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()'!*]/g, (c) => `%${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`)
}

function fileLink(report: Report, finding: Finding, links: LinkContext | undefined): string {
  const label = escapeMarkdown(finding.line === null ? finding.file : `${finding.file}:${finding.line}`, 200)
  if (!links) return label
  const path = joinRepositoryPath(report.root, finding.file).split('/').map(encodePathSegment).join('/')
  const anchor = finding.line === null ? '' : `#L${finding.line}`
  const base = `${links.serverUrl}/${encodeURIComponent(links.owner)}/${encodeURIComponent(links.repo)}`
  return `[${label}](${base}/blob/${encodeURIComponent(links.sha)}/${path}${anchor})`
}

/** Put before a finding's location when the pull request brought it; nothing when unknown or old. */
function newMark(finding: Finding): string {
  return finding.new === true ? '🆕 new ' : ''
}

/** "17" or, when the pull request's changes are known, "17, 3 new in this pull request". */
function gapCount(open: Finding[]): string {
  if (!open.some((f) => f.new !== undefined)) return String(open.length)
  return `${open.length}, ${open.filter((f) => f.new === true).length} new in this pull request`
}

function bySeverity<T extends { severity: Severity }>(items: T[]): T[] {
  return [...items].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
}

function limited<T>(rows: T[], max: number | undefined): { shown: T[]; hidden: number } {
  if (max === undefined || rows.length <= max) return { shown: rows, hidden: 0 }
  return { shown: rows.slice(0, max), hidden: rows.length - max }
}

function moreLine(hidden: number, what: string, hint: string | undefined): string[] {
  return hidden > 0 ? [`_…and ${hidden} more ${what}${hint ? `: ${hint}` : ''}._`, ''] : []
}

function verdict(report: Report): string[] {
  const where = report.root === '.' ? '' : ` · ${code(report.root, 200)}`
  const title = report.passed ? '## ✅ Hardening gate passed' : '## ❌ Hardening gate failed'
  // A passing gate whose audit did not run must not read as "no advisories".
  const dependencies =
    report.audit.status === 'ok'
      ? ` and no dependency advisory at or above **${report.thresholds.audit}**`
      : report.audit.status === 'error'
        ? '; dependencies were **not checked** (npm audit failed, see below)'
        : '; dependencies were not audited'
  const why = report.passed
    ? `No hardening finding at or above **${report.thresholds.findings}**${dependencies}.`
    : `**Why:** ${report.reasons.map((r) => escapeMessage(r)).join('; ')}.`
  return [`${title}${where}`, '', why, '', ...report.warnings.map((w) => `> [!WARNING]\n> ${escapeMessage(w)}\n`)]
}

function findingsSection(report: Report, options: MarkdownOptions): string[] {
  const open = bySeverity(report.findings.filter((f) => !f.suppressed))
  const out: string[] = [`### Hardening gaps (${gapCount(open)})`, '']
  if (open.length === 0) return [...out, 'None found. 🎉', '']
  const { shown, hidden } = limited(open, options.maxRows)
  out.push('| Severity | Rule | Where | What is wrong and the fix |', '|---|---|---|---|')
  for (const f of shown) {
    const rule = link(code(f.rule, 80), findRule(f.rule) ? docsUrl(f.rule) : undefined)
    out.push(
      `| ${ICON[f.severity]} ${f.severity} | ${rule} | ${newMark(f)}${fileLink(report, f, options.links)} | ${escapeMessage(f.message)} |`
    )
  }
  out.push('', ...moreLine(hidden, 'gaps', options.fullListHint))
  return out
}

function expiredLine(entry: ExpiredSuppression): string {
  const what =
    entry.id !== undefined
      ? `advisory ${code(entry.id, 100)} (audit allowlist)`
      : `${code(entry.rule ?? '', 80)}${entry.path ? ` for ${code(entry.path, 200)}` : ''}`
  return `- ${what} in ${code(entry.source, 200)}: expired on ${escapeMarkdown(entry.expires, 20)}: now reported`
}

function suppressedSection(report: Report, options: MarkdownOptions): string[] {
  const suppressed = report.findings.filter((f) => f.suppressed)
  const expired = report.expiredSuppressions ?? []
  if (suppressed.length === 0 && expired.length === 0) return []
  const out = [
    `<details><summary>Suppressed (${suppressed.length})${expired.length > 0 ? ` · ${expired.length} expired` : ''}</summary>`,
    ''
  ]
  if (suppressed.length > 0) {
    out.push('| Rule | Where | Reason |', '|---|---|---|')
    const rows = limited(suppressed, options.maxRows)
    for (const f of rows.shown) {
      const reason = `${escapeMarkdown(f.suppression?.reason ?? '', 300)}${f.suppression?.expires ? ` (until ${escapeMarkdown(f.suppression.expires, 20)})` : ''}`
      out.push(`| ${code(f.rule, 80)} | ${fileLink(report, f, options.links)} | ${reason} |`)
    }
    out.push('', ...moreLine(rows.hidden, 'suppressed findings', options.fullListHint))
  }
  if (expired.length > 0) {
    const rows = limited(expired, options.maxRows)
    out.push(
      '**Expired**, so no longer applied:',
      '',
      ...rows.shown.map(expiredLine),
      '',
      ...moreLine(rows.hidden, 'expired entries', options.fullListHint)
    )
  }
  return [...out, '</details>', '']
}

function ruleDetails(report: Report, meta: RuleMeta, findings: Finding[], options: MarkdownOptions): string[] {
  const worst = bySeverity(findings)[0]?.severity ?? meta.severity
  const cap = Math.min(options.maxRows ?? Infinity, options.details === 'brief' ? BRIEF_FINDINGS : Infinity)
  const { shown, hidden } = limited(findings, Number.isFinite(cap) ? cap : undefined)
  const example = RULE_DOCS[meta.id]?.example
  return [
    `${ICON[worst]} **${link(code(meta.id, 80), docsUrl(meta.id))}**: ${escapeMessage(meta.description)}`,
    '',
    ...shown.map((f) => `- ${newMark(f)}${fileLink(report, f, options.links)}: ${escapeMessage(f.message)}`),
    ...(hidden > 0 ? [`- _…and ${hidden} more${options.fullListHint ? `: ${options.fullListHint}` : ' in the table above'}._`] : []),
    '',
    `**Fix:** ${escapeMessage(meta.fix)}`,
    '',
    // The example comes from our own docs (embedded at build time), never from the repository.
    ...(example ? [fencedCode(example.lang, example.code), ''] : [])
  ]
}

/** One collapsed section per category: each rule with findings, its findings and an example fix. */
function categorySections(report: Report, options: MarkdownOptions): string[] {
  if (options.details === 'none') return []
  const byRule = new Map<string, { meta: RuleMeta; findings: Finding[] }>()
  for (const f of report.findings) {
    const meta = f.suppressed ? undefined : findRule(f.rule)?.meta
    if (!meta) continue
    const entry = byRule.get(meta.id) ?? { meta, findings: [] }
    entry.findings.push(f)
    byRule.set(meta.id, entry)
  }
  const out: string[] = []
  for (const category of CATEGORIES) {
    const rules = [...byRule.values()]
      .filter((r) => r.meta.category === category.id)
      .map((r) => ({ ...r, rank: Math.max(...r.findings.map((f) => severityRank(f.severity))) }))
      .sort((a, b) => b.rank - a.rank || (a.meta.id < b.meta.id ? -1 : 1))
    if (rules.length === 0) continue
    const count = rules.reduce((n, r) => n + r.findings.length, 0)
    out.push(`<details><summary>${category.title} (${count} ${count === 1 ? 'gap' : 'gaps'})</summary>`, '')
    for (const rule of rules) out.push(...ruleDetails(report, rule.meta, rule.findings, options))
    out.push('</details>', '')
  }
  return out
}

function advisoryRow(a: Advisory): string {
  const pkg = `${code(a.package, 100)}${a.direct ? '' : ` via ${a.via.map((v) => code(v, 100)).join(', ') || 'a transitive dependency'}`}`
  const title = link(escapeMarkdown(a.title || a.id, 200), safeUrl(a.url))
  const fix = a.fix ? code(a.fix, 100) : a.fixAvailable ? '`npm audit fix`' : 'no fix yet'
  const allowed = a.allowed ? ` (allowed: ${escapeMarkdown(a.allowed.reason, 200)})` : ''
  return `| ${ICON[a.severity]} ${a.severity} | ${pkg} | ${title}${allowed} | ${fix} |`
}

function auditSection(report: Report, options: MarkdownOptions): string[] {
  const audit = report.audit
  const out = ['### Dependencies (npm audit)', '']
  if (audit.status === 'skipped') return [...out, `Skipped: ${escapeMessage(audit.error ?? 'not run')}.`, '']
  if (audit.status === 'error')
    return [
      ...out,
      `⚠️ **npm audit could not produce a report**, so dependencies were not checked: ${escapeMessage(audit.error ?? '')}`,
      ''
    ]
  const counts = [...SEVERITIES]
    .reverse()
    .map((s) => `${audit.counts[s]} ${s}`)
    .join(' · ')
  const total = SEVERITIES.reduce((n, s) => n + audit.counts[s], 0)
  out.push(`**${total} ${total === 1 ? 'advisory' : 'advisories'}**: ${counts} (fails at **${report.thresholds.audit}** and above)`, '')
  if (audit.advisories.length === 0) return out
  const cap = Math.min(options.maxRows ?? Infinity, options.maxAdvisories ?? Infinity)
  const { shown, hidden } = limited(audit.advisories, Number.isFinite(cap) ? cap : undefined)
  out.push('| Severity | Package | Advisory | Fix |', '|---|---|---|---|', ...shown.map(advisoryRow), '')
  return [...out, ...moreLine(hidden, 'advisories', options.fullListHint)]
}

function sbomSection(report: Report, options: MarkdownOptions): string[] {
  const sbom = report.sbom
  const out = ['### SBOM', '']
  if (sbom.status === 'skipped') return [...out, 'Not generated (sbom: false).', '']
  if (sbom.status === 'error') return [...out, `⚠️ Not generated: ${escapeMessage(sbom.error ?? '')}`, '']
  const artifact = options.sbomArtifact ? ` · artifact ${code(options.sbomArtifact, 100)}` : ''
  return [
    ...out,
    `📦 CycloneDX ${escapeMarkdown(sbom.specVersion ?? '', 10)} · ${sbom.components ?? 0} components · ${code(sbom.path ?? '', 200)}${artifact}`,
    ''
  ]
}

function footer(report: Report): string[] {
  // In mode: comment the report comes from another job (maybe an untrusted pull request's): escape it all.
  const steps = report.steps
    .map((s) => `${escapeMarkdown(s.name, 40)} ${s.status === 'ok' ? `${(s.ms / 1000).toFixed(1)} s` : escapeMarkdown(s.status, 10)}`)
    .join(' · ')
  const notes = report.notes.length > 0 ? ` · ${report.notes.length} note${report.notes.length === 1 ? '' : 's'} in the JSON report` : ''
  return [`<sub>${escapeMarkdown(report.tool.name, 60)} ${escapeMarkdown(report.tool.version, 30)} · ${steps}${notes}</sub>`]
}

/** The report as GitHub Markdown: verdict and reason first, then gaps (table, per category, suppressed), dependencies, SBOM. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return [
    ...verdict(report),
    ...findingsSection(report, options),
    ...categorySections(report, options),
    ...suppressedSection(report, options),
    ...auditSection(report, options),
    ...sbomSection(report, options),
    ...footer(report)
  ].join('\n')
}
