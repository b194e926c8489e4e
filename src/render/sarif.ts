import type { Severity } from '../findings/severity.js'
import type { Report } from '../report.js'
import { RULES } from '../rules/registry.js'
import { docsUrl } from '../rules/rule.js'
import { REPOSITORY_URL } from '../version.js'

/** GitHub code scanning reads `security-severity` as a CVSS-like score. */
const SCORE: Record<Severity, string> = { critical: '9.5', high: '8.0', moderate: '5.5', low: '3.0' }
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', moderate: 'warning', low: 'note' }

/** A relative URI reference for a `/`-separated path: `#`, `?`, `%`, spaces and `:` would change its meaning. */
function pathUri(path: string): string {
  return encodeURI(path).replace(/[#?:]/g, encodeURIComponent)
}

/** SARIF 2.1.0 for code scanning; locations are relative to the repository root. */
export function renderSarif(report: Report): string {
  const prefix = report.root === '.' ? '' : `${report.root}/`
  const used = new Set(report.findings.map((f) => f.rule))
  const rules = RULES.filter((r) => used.has(r.meta.id)).map((r) => ({
    id: r.meta.id,
    shortDescription: { text: r.meta.description },
    fullDescription: { text: `${r.meta.description} Fix: ${r.meta.fix}.` },
    helpUri: docsUrl(r.meta.id),
    help: { text: `Fix: ${r.meta.fix}. See ${docsUrl(r.meta.id)}` },
    properties: { 'security-severity': SCORE[r.meta.severity], tags: ['security', r.meta.cwe] }
  }))
  const results = report.findings.filter((f) => !f.suppressed).map((f) => ({
    ruleId: f.rule,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: pathUri(`${prefix}${f.file}`) },
        ...(f.line === null ? {} : { region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } })
      }
    }],
    partialFingerprints: { primaryLocationLineHash: f.fingerprint }
  }))
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: report.tool.name, version: report.tool.version, informationUri: REPOSITORY_URL, rules } }, results }]
  }
  return `${JSON.stringify(sarif, null, 2)}\n`
}
