import { SEVERITIES } from '../findings/severity.js'
import type { Report } from '../report.js'

function clean(text: string): string {
  // Terminal control characters from repository text must not reach the terminal.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
}

/** Plain text for a terminal: verdict, findings as file:line lines, audit counts, SBOM. */
export function renderText(report: Report): string {
  const out: string[] = []
  out.push(report.passed ? 'PASSED: hardening gate' : `FAILED: ${report.reasons.map(clean).join('; ')}`)
  for (const w of report.warnings) out.push(`warning: ${clean(w)}`)
  const open = report.findings.filter((f) => !f.suppressed)
  out.push('', `Hardening findings: ${open.length}${open.length < report.findings.length ? ` (+${report.findings.length - open.length} suppressed)` : ''}`)
  for (const f of open) {
    out.push(`  ${clean(f.file)}${f.line === null ? '' : `:${f.line}`}  ${f.severity}  ${f.rule}  ${clean(f.message)}`)
  }
  const audit = report.audit
  out.push('')
  if (audit.status === 'ok') {
    out.push(`npm audit: ${[...SEVERITIES].reverse().map((s) => `${audit.counts[s]} ${s}`).join(', ')}`)
    for (const a of audit.advisories) {
      const via = a.direct ? '' : ` (via ${a.via.map(clean).join(', ') || 'a transitive dependency'})`
      out.push(`  ${a.severity}  ${clean(a.package)}${via}  ${clean(a.title)}  ${clean(a.url)}${a.allowed ? '  [allowed]' : ''}`)
    }
  } else out.push(`npm audit: ${audit.status}${audit.error ? `: ${clean(audit.error)}` : ''}`)
  const sbom = report.sbom
  out.push(sbom.status === 'ok'
    ? `SBOM: ${clean(sbom.path ?? '')} (CycloneDX ${sbom.specVersion}, ${sbom.components} components)`
    : `SBOM: ${sbom.status}${sbom.error ? `: ${clean(sbom.error)}` : ''}`)
  out.push(`Steps: ${report.steps.map((s) => `${s.name} ${s.status}${s.status === 'ok' ? ` ${s.ms} ms` : ''}`).join(', ')}`)
  for (const n of report.notes) out.push(`note: ${clean(n.file)}: ${clean(n.message)}`)
  return `${out.join('\n')}\n`
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
