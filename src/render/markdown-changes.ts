import type { Report } from '../report.js'
import { baselineChanges, isBlockingAdvisory, isBlockingFinding, shortRef, type BaselineChanges } from './changes.js'
import { code, escapeMessage, link } from './escape.js'
import {
  ADVISORIES_HEADER,
  advisoryRow,
  bySeverity,
  dependenciesClause,
  FINDINGS_HEADER,
  findingRow,
  limited,
  moreLine,
  plural,
  ruleLink,
  type MarkdownOptions
} from './markdown-parts.js'

/** GitHub's advisory ids; only these are linked, so no text of the report becomes a link of its choosing. */
const GHSA_ID = /^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/i

/** `the base commit abc1234` or `the baseline file hardening-baseline.json`, escaped. */
function baseName(changes: BaselineChanges): string {
  return changes.source === 'file' ? `the baseline file ${code(changes.ref, 200)}` : `the base commit ${code(shortRef(changes.ref), 100)}`
}

/** `14 already on the base commit abc1234, not blocking` (a file holds them: `in`). */
function alreadyThere(count: number, what: [string, string], changes: BaselineChanges): string {
  return `${plural(count, ...what)} already ${changes.source === 'file' ? 'in' : 'on'} ${baseName(changes)}, not blocking`
}

/** The headline: what the pull request adds, never "no gaps" while old ones remain. */
function title(report: Report, changes: BaselineChanges): string {
  const gaps = changes.newFindings.length
  const advisories = changes.newAdvisories.length
  if (report.passed) {
    if (gaps === 0) return '## ✅ No new hardening gaps'
    return `## ✅ ${plural(gaps, 'new hardening gap', 'new hardening gaps')}, none blocking`
  }
  const parts = [
    ...(changes.newFindings.some((f) => isBlockingFinding(report, f)) ? [plural(gaps, 'new hardening gap', 'new hardening gaps')] : []),
    ...(changes.newAdvisories.some((a) => isBlockingAdvisory(report, a))
      ? [plural(advisories, 'new dependency advisory', 'new dependency advisories')]
      : [])
  ]
  // Failing for another reason (npm ci, an audit that could not run): the reasons below say which.
  return parts.length > 0 ? `## ❌ ${parts.join(' and ')}` : '## ❌ Hardening gate failed'
}

/** `2 new gaps (1 blocking), 3 fixed, 14 already there`: one side of the comparison at a glance. */
function tally(added: number, blocking: number, fixed: number, old: number, noun: [string, string]): string {
  const blocks = blocking > 0 ? ` (${blocking} blocking)` : ''
  return `${plural(added, `new ${noun[0]}`, `new ${noun[1]}`)}${blocks}, ${fixed} fixed, ${old} already there`
}

/** The verdict when a baseline is in effect: headline, why, and the comparison in one line. */
export function changesVerdict(report: Report, changes: BaselineChanges, where: string): string[] {
  const why = report.passed
    ? `This pull request adds no hardening gap at or above **${report.thresholds.findings}**${dependenciesClause(report)}.`
    : `**Why:** ${report.reasons.map((r) => escapeMessage(r)).join('; ')}.`
  const { newFindings, oldFindings, fixed, newAdvisories, oldAdvisories, advisoriesFixed } = changes
  const compared = [
    tally(newFindings.length, newFindings.filter((f) => isBlockingFinding(report, f)).length, fixed.length, oldFindings.length, [
      'gap',
      'gaps'
    ])
  ]
  if (newAdvisories.length + oldAdvisories.length + advisoriesFixed.length > 0) {
    const blocking = newAdvisories.filter((a) => isBlockingAdvisory(report, a)).length
    compared.push(tally(newAdvisories.length, blocking, advisoriesFixed.length, oldAdvisories.length, ['advisory', 'advisories']))
  }
  return [`${title(report, changes)}${where}`, '', why, '', `Compared with ${baseName(changes)}: ${compared.join('; ')}.`, '']
}

function newSection(report: Report, changes: BaselineChanges, options: MarkdownOptions): string[] {
  const findings = bySeverity(changes.newFindings)
  const advisories = bySeverity(changes.newAdvisories)
  // Nothing new: the headline and the comparison line say so already.
  if (findings.length === 0 && advisories.length === 0) return []
  const out = [`### New in this pull request (${findings.length + advisories.length})`, '']
  if (findings.length > 0) {
    const { shown, hidden } = limited(findings, options.maxRows)
    out.push(...FINDINGS_HEADER, ...shown.map((f) => findingRow(report, f, options, { blocking: isBlockingFinding(report, f) })), '')
    out.push(...moreLine(hidden, 'new gaps', options.fullListHint))
  }
  if (advisories.length > 0) {
    const cap = Math.min(options.maxRows ?? Infinity, options.maxAdvisories ?? Infinity)
    const { shown, hidden } = limited(advisories, Number.isFinite(cap) ? cap : undefined)
    out.push(
      `**${plural(advisories.length, 'new dependency advisory', 'new dependency advisories')}:**`,
      '',
      ...ADVISORIES_HEADER,
      ...shown.map((a) => advisoryRow(a, isBlockingAdvisory(report, a))),
      ''
    )
    out.push(...moreLine(hidden, 'new advisories', options.fullListHint))
  }
  return out
}

function fixedAdvisory(entry: { id: string; package: string }): string {
  const id = link(code(entry.id, 100), GHSA_ID.test(entry.id) ? `https://github.com/advisories/${entry.id}` : undefined)
  return `- ✅ advisory ${id} in ${code(entry.package, 100)}`
}

/** Credit: what the baseline had and this pull request no longer has. */
function fixedSection(changes: BaselineChanges, options: MarkdownOptions): string[] {
  const total = changes.fixed.length + changes.advisoriesFixed.length
  if (total === 0) return []
  const gaps = limited(changes.fixed, options.maxRows)
  const advisories = limited(changes.advisoriesFixed, options.maxRows)
  return [
    `### Fixed in this pull request (${total})`,
    '',
    ...gaps.shown.map((f) => `- ✅ ${ruleLink(f.rule)} in ${code(f.file, 200)}`),
    ...advisories.shown.map(fixedAdvisory),
    '',
    ...moreLine(gaps.hidden + advisories.hidden, 'fixed', options.fullListHint)
  ]
}

/** The gaps the base already had, collapsed: shown, so nothing is hidden, but not in the way. */
function oldSection(report: Report, changes: BaselineChanges, options: MarkdownOptions): string[] {
  const old = bySeverity(changes.oldFindings)
  if (old.length === 0) return []
  const { shown, hidden } = limited(old, options.maxRows)
  return [
    `<details><summary>${alreadyThere(old.length, ['gap', 'gaps'], changes)}</summary>`,
    '',
    ...FINDINGS_HEADER,
    ...shown.map((f) => findingRow(report, f, options)),
    '',
    ...moreLine(hidden, 'gaps', options.fullListHint),
    '</details>',
    ''
  ]
}

/** New gaps first (blocking ones marked), then the fixed ones, then the old ones collapsed. */
export function changesSections(report: Report, changes: BaselineChanges, options: MarkdownOptions): string[] {
  return [...newSection(report, changes, options), ...fixedSection(changes, options), ...oldSection(report, changes, options)]
}

/** Under the audit counts: the new advisories are listed above, the old ones here, collapsed. */
export function oldAdvisoriesSection(report: Report, options: MarkdownOptions): string[] {
  const changes = baselineChanges(report)
  if (!changes) return []
  const old = bySeverity(changes.oldAdvisories)
  const lead =
    changes.newAdvisories.length > 0
      ? [`${plural(changes.newAdvisories.length, 'new advisory is', 'new advisories are')} listed above.`, '']
      : []
  if (old.length === 0) return lead
  const cap = Math.min(options.maxRows ?? Infinity, options.maxAdvisories ?? Infinity)
  const { shown, hidden } = limited(old, Number.isFinite(cap) ? cap : undefined)
  return [
    ...lead,
    `<details><summary>${alreadyThere(old.length, ['advisory', 'advisories'], changes)}</summary>`,
    '',
    ...ADVISORIES_HEADER,
    ...shown.map((a) => advisoryRow(a)),
    '',
    ...moreLine(hidden, 'advisories', options.fullListHint),
    '</details>',
    ''
  ]
}
