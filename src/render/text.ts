import { SEVERITIES, severityRank } from '../common/severity.js'
import { compareFindings, type Finding } from '../findings/finding.js'
import type { Report } from '../report.js'
import { findRuleSummary } from '../rules/catalog.js'
import { docsUrl } from '../rules/rule.js'

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g

function clean(text: string): string {
  // Terminal control characters from repository text must not reach the terminal; bidi overrides
  // and invisible characters (U+202E, U+200B) show as U+FFFD so a name cannot read as another.
  // A GitHub runner reads `##[command]` anywhere in a log line as a workflow command: split it.
  return text
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/\p{Cf}/gu, '\uFFFD')
    .replace(/##\[/g, '# #[')
}

/** A finding's file starts its line, and a runner reads a line starting with `::` as a workflow command. */
function lineStart(file: string): string {
  const shown = clean(file)
  return /^\s*:/.test(shown) ? `./${shown}` : shown
}

/** Worst first, then by file and line: what to fix first reads first. */
function byImportance(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || compareFindings(a, b)
}

/** A finding on one line (file:line, severity, rule, message with its fix), its rule's docs page on the next. */
function findingLines(f: Finding): string[] {
  const where = `${lineStart(f.file)}${f.line === null ? '' : `:${f.line}`}`
  const mark = f.new === undefined ? '' : f.new ? 'new  ' : 'pre-existing  '
  const lines = [`  ${where}  ${mark}${f.severity}  ${clean(f.rule)}  ${clean(f.message)}`]
  if (findRuleSummary(f.rule)) lines.push(`      ${docsUrl(f.rule)}`)
  return lines
}

/** One line on the comparison: how many findings are new and pre-existing, what was fixed; or why there was none. */
function baselineLine(report: Report): string | undefined {
  const b = report.baseline
  if (!b || b.status === 'skipped') return undefined
  const against = `${b.source === 'file' ? 'baseline file' : 'base commit'} ${clean(b.source === 'file' ? b.ref : b.ref.slice(0, 12))}`
  if (b.status === 'error') return `Baseline: ${against} could not be used, so every finding counts`
  const open = report.findings.filter((f) => !f.suppressed)
  const fresh = open.filter((f) => f.new !== false).length
  const advisories = report.audit.advisories.filter((a) => !a.allowed)
  const freshAdvisories = advisories.filter((a) => a.new !== false).length
  return (
    `Baseline (${against}): ${fresh} new, ${open.length - fresh} pre-existing; fixed ${b.fixed.length}; ` +
    `advisories ${freshAdvisories} new, ${advisories.length - freshAdvisories} pre-existing, fixed ${b.advisoriesFixed.length}`
  )
}

/** Plain text for a terminal: verdict, findings worst first with their docs pages, audit counts, SBOM. */
export function renderText(report: Report): string {
  const out: string[] = []
  out.push(report.passed ? 'PASSED: hardening gate' : `FAILED: ${report.reasons.map(clean).join('; ')}`)
  for (const w of report.warnings) out.push(`warning: ${clean(w)}`)
  const open = report.findings.filter((f) => !f.suppressed)
  out.push(
    '',
    `Hardening findings: ${open.length}${open.length < report.findings.length ? ` (+${report.findings.length - open.length} suppressed)` : ''}`
  )
  const baseline = baselineLine(report)
  if (baseline) out.push(baseline)
  for (const f of [...open].sort(byImportance)) out.push(...findingLines(f))
  const audit = report.audit
  out.push('')
  if (audit.status === 'ok') {
    out.push(
      `npm audit: ${[...SEVERITIES]
        .reverse()
        .map((s) => `${audit.counts[s]} ${s}`)
        .join(', ')}`
    )
    for (const a of audit.advisories) {
      const via = a.direct ? '' : ` (via ${a.via.map(clean).join(', ') || 'a transitive dependency'})`
      out.push(`  ${a.severity}  ${clean(a.package)}${via}  ${clean(a.title)}  ${clean(a.url)}${a.allowed ? '  [allowed]' : ''}`)
    }
  } else out.push(`npm audit: ${audit.status}${audit.error ? `: ${clean(audit.error)}` : ''}`)
  const sbom = report.sbom
  out.push(
    sbom.status === 'ok'
      ? `SBOM: ${clean(sbom.path ?? '')} (CycloneDX ${sbom.specVersion}, ${sbom.components} components)`
      : `SBOM: ${sbom.status}${sbom.error ? `: ${clean(sbom.error)}` : ''}`
  )
  out.push(`Steps: ${report.steps.map((s) => `${s.name} ${s.status}${s.status === 'ok' ? ` ${s.ms} ms` : ''}`).join(', ')}`)
  for (const n of report.notes) out.push(`note: ${clean(n.file)}: ${clean(n.message)}`)
  return `${out.join('\n')}\n`
}

/**
 * JSON printed to a CI log: `##[` can only stand inside a string here, and written `#\u0023[` it
 * parses back the same while a GitHub runner no longer reads it as a workflow command.
 */
export function inertJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`.replace(/##\[/g, '#\\u0023[')
}

export function renderJson(report: Report): string {
  return inertJson(report)
}
