import type { Finding } from '../findings/finding.js'
import { SEVERITIES, severityRank, type Severity } from '../findings/severity.js'
import type { Report } from '../report.js'
import { findRule } from '../rules/registry.js'
import { docsUrl } from '../rules/rule.js'
import type { Advisory } from '../tools/audit-report.js'
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
}

const ICON: Record<Severity, string> = { critical: '🟣', high: '🔴', moderate: '🟠', low: '🟡' }

function repoPath(report: Report, file: string): string {
  return report.root === '.' ? file : `${report.root}/${file}`
}

/** encodeURIComponent, plus the `(`, `)`, `'`, `!` and `*` it leaves alone: a `)` would end the Markdown link. */
function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()'!*]/g, (c) => `%${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`)
}

function fileLink(report: Report, finding: Finding, links: LinkContext | undefined): string {
  const label = escapeMarkdown(finding.line === null ? finding.file : `${finding.file}:${finding.line}`, 200)
  if (!links) return label
  const path = repoPath(report, finding.file).split('/').map(encodePathSegment).join('/')
  const anchor = finding.line === null ? '' : `#L${finding.line}`
  const base = `${links.serverUrl}/${encodeURIComponent(links.owner)}/${encodeURIComponent(links.repo)}`
  return `[${label}](${base}/blob/${encodeURIComponent(links.sha)}/${path}${anchor})`
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
  const why = report.passed
    ? `No hardening finding at or above **${report.thresholds.findings}** and no dependency advisory at or above **${report.thresholds.audit}**.`
    : `**Why:** ${report.reasons.map((r) => escapeMessage(r)).join('; ')}.`
  return [`${title}${where}`, '', why, '', ...report.warnings.map((w) => `> [!WARNING]\n> ${escapeMessage(w)}\n`)]
}

function findingsSection(report: Report, options: MarkdownOptions): string[] {
  const open = bySeverity(report.findings.filter((f) => !f.suppressed))
  const out: string[] = [`### Hardening gaps (${open.length})`, '']
  if (open.length === 0) return [...out, 'None found. 🎉', '']
  const { shown, hidden } = limited(open, options.maxRows)
  out.push('| Severity | Rule | Where | What is wrong and the fix |', '|---|---|---|---|')
  for (const f of shown) {
    const rule = link(code(f.rule, 80), findRule(f.rule) ? docsUrl(f.rule) : undefined)
    out.push(`| ${ICON[f.severity]} ${f.severity} | ${rule} | ${fileLink(report, f, options.links)} | ${escapeMessage(f.message)} |`)
  }
  out.push('', ...moreLine(hidden, 'gaps', options.fullListHint))
  const suppressed = report.findings.filter((f) => f.suppressed)
  if (suppressed.length > 0) {
    out.push(`<details><summary>Suppressed (${suppressed.length})</summary>`, '')
    out.push('| Rule | Where | Reason |', '|---|---|---|')
    const rows = limited(suppressed, options.maxRows)
    for (const f of rows.shown) {
      const reason = `${escapeMarkdown(f.suppression?.reason ?? '', 300)}${f.suppression?.expires ? ` (until ${f.suppression.expires})` : ''}`
      out.push(`| ${code(f.rule, 80)} | ${fileLink(report, f, options.links)} | ${reason} |`)
    }
    out.push('', ...moreLine(rows.hidden, 'suppressed findings', options.fullListHint), '</details>', '')
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
  if (audit.status === 'error') return [...out, `⚠️ **npm audit could not produce a report**, so dependencies were not checked: ${escapeMessage(audit.error ?? '')}`, '']
  const counts = [...SEVERITIES].reverse().map((s) => `${audit.counts[s]} ${s}`).join(' · ')
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
  return [...out, `📦 CycloneDX ${escapeMarkdown(sbom.specVersion ?? '', 10)} · ${sbom.components ?? 0} components · ${code(sbom.path ?? '', 200)}${artifact}`, '']
}

function footer(report: Report): string[] {
  // In mode: comment the report comes from another job (maybe an untrusted pull request's): escape it all.
  const steps = report.steps.map((s) => `${escapeMarkdown(s.name, 40)} ${s.status === 'ok' ? `${(s.ms / 1000).toFixed(1)} s` : escapeMarkdown(s.status, 10)}`).join(' · ')
  const notes = report.notes.length > 0 ? ` · ${report.notes.length} note${report.notes.length === 1 ? '' : 's'} in the JSON report` : ''
  return [`<sub>${escapeMarkdown(report.tool.name, 60)} ${escapeMarkdown(report.tool.version, 30)} · ${steps}${notes}</sub>`]
}

/** The report as GitHub Markdown: verdict and reason first, then gaps, dependencies, SBOM. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return [...verdict(report), ...findingsSection(report, options), ...auditSection(report, options), ...sbomSection(report, options), ...footer(report)].join('\n')
}
