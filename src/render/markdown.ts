import type { ExpiredSuppression } from '../findings/policy.js'
import { SEVERITIES, severityRank } from '../common/severity.js'
import type { Report } from '../report.js'
import { RULE_DOCS } from '../rules/docs.generated.js'
import { findRuleSummary } from '../rules/catalog.js'
import { docsUrl, type RuleCategory, type RuleSummary } from '../rules/rule.js'
import { baselineChanges } from './changes.js'
import { code, escapeMarkdown, escapeMessage, fencedCode, link } from './escape.js'
import { changesSections, changesVerdict, oldAdvisoriesSection } from './markdown-changes.js'
import {
  ADVISORIES_HEADER,
  advisoryRow,
  bySeverity,
  dependenciesClause,
  FINDINGS_HEADER,
  fileLink,
  findingRow,
  ICON,
  limited,
  moreLine,
  type MarkdownOptions,
  type ReportFinding
} from './markdown-parts.js'

export type { DetailLevel, LinkContext, MarkdownOptions } from './markdown-parts.js'

/** Findings per rule in `brief` details: enough to see the pattern, the table has the rest. */
const BRIEF_FINDINGS = 3

const CATEGORIES: ReadonlyArray<{ id: RuleCategory; title: string }> = [
  { id: 'express', title: 'Express' },
  { id: 'secrets', title: 'Secrets' },
  { id: 'docker', title: 'Docker' },
  { id: 'proxy', title: 'Proxy' },
  { id: 'project', title: 'Project' }
]

/** Put before a finding's location when the pull request brought it; nothing when unknown or old. */
function newMark(finding: ReportFinding): string {
  return finding.new === true ? '🆕 new ' : ''
}

/** "17" or, when the pull request's changes are known, "17, 3 new in this pull request". */
function gapCount(open: ReportFinding[]): string {
  if (!open.some((f) => f.new !== undefined)) return String(open.length)
  return `${open.length}, ${open.filter((f) => f.new === true).length} new in this pull request`
}

/** Says so when the baseline could not be had: the report then judges everything, and must not read as a comparison. */
function baselineNote(report: Report): string[] {
  const baseline = report.baseline
  if (baseline?.status !== 'error') return []
  return [
    `> [!WARNING]\n> **Compared with nothing:** ${escapeMessage(baseline.error ?? 'the baseline could not be read')}; every finding counts.\n`
  ]
}

/** The report's warnings, but for the one that repeats the baseline's error: the note above says it. */
function warningLines(report: Report): string[] {
  const error = report.baseline?.status === 'error' ? report.baseline.error : undefined
  const warnings = error ? report.warnings.filter((w) => !w.includes(error)) : report.warnings
  return warnings.map((w) => `> [!WARNING]\n> ${escapeMessage(w)}\n`)
}

function verdict(report: Report): string[] {
  const where = report.root === '.' ? '' : ` · ${code(report.root, 200)}`
  const changes = baselineChanges(report)
  if (changes) return [...changesVerdict(report, changes, where), ...warningLines(report)]
  const title = report.passed ? '## ✅ Hardening gate passed' : '## ❌ Hardening gate failed'
  const why = report.passed
    ? `No hardening finding at or above **${report.thresholds.findings}**${dependenciesClause(report)}.`
    : `**Why:** ${report.reasons.map((r) => escapeMessage(r)).join('; ')}.`
  return [`${title}${where}`, '', why, '', ...baselineNote(report), ...warningLines(report)]
}

function findingsSection(report: Report, options: MarkdownOptions): string[] {
  const changes = baselineChanges(report)
  if (changes) return changesSections(report, changes, options)
  const open = bySeverity(report.findings.filter((f) => !f.suppressed))
  const out: string[] = [`### Hardening gaps (${gapCount(open)})`, '']
  if (open.length === 0) return [...out, 'None found. 🎉', '']
  const { shown, hidden } = limited(open, options.maxRows)
  out.push(...FINDINGS_HEADER, ...shown.map((f) => findingRow(report, f, options, { where: newMark(f) })))
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

function ruleDetails(report: Report, meta: RuleSummary, findings: ReportFinding[], options: MarkdownOptions): string[] {
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
  const byRule = new Map<string, { meta: RuleSummary; findings: ReportFinding[] }>()
  for (const f of report.findings) {
    const meta = f.suppressed ? undefined : findRuleSummary(f.rule)
    if (!meta) continue
    const entry = byRule.get(meta.id) ?? { meta, findings: [] }
    entry.findings.push(f)
    byRule.set(meta.id, entry)
  }
  const out: string[] = []
  const compared = baselineChanges(report) !== undefined
  for (const category of CATEGORIES) {
    const rules = [...byRule.values()]
      .filter((r) => r.meta.category === category.id)
      .map((r) => ({ ...r, rank: Math.max(...r.findings.map((f) => severityRank(f.severity))) }))
      .sort((a, b) => b.rank - a.rank || (a.meta.id < b.meta.id ? -1 : 1))
    if (rules.length === 0) continue
    const count = rules.reduce((n, r) => n + r.findings.length, 0)
    // With a baseline, how many of them this pull request brought.
    const added = compared ? `, ${rules.reduce((n, r) => n + r.findings.filter((f) => f.new !== false).length, 0)} new` : ''
    out.push(`<details><summary>${category.title} (${count} ${count === 1 ? 'gap' : 'gaps'}${added})</summary>`, '')
    for (const rule of rules) out.push(...ruleDetails(report, rule.meta, rule.findings, options))
    out.push('</details>', '')
  }
  return out
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
  const onNew = report.baseline?.status === 'ok' ? ' when new' : ''
  out.push(
    `**${total} ${total === 1 ? 'advisory' : 'advisories'}**: ${counts} (fails at **${report.thresholds.audit}** and above${onNew})`,
    ''
  )
  if (audit.advisories.length === 0) return out
  // With a baseline the new ones lead the report; here only the old ones, collapsed.
  if (baselineChanges(report)) return [...out, ...oldAdvisoriesSection(report, options)]
  const cap = Math.min(options.maxRows ?? Infinity, options.maxAdvisories ?? Infinity)
  const { shown, hidden } = limited(audit.advisories, Number.isFinite(cap) ? cap : undefined)
  out.push(...ADVISORIES_HEADER, ...shown.map((a) => advisoryRow(a)), '')
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
