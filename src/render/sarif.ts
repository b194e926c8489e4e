import { createHash } from 'node:crypto'
import { NPM_LOCKFILE } from '../common/lockfiles.js'
import { joinRepositoryPath } from '../common/repository-path.js'
import type { Finding } from '../findings/finding.js'
import type { Report } from '../report.js'
import type { Advisory } from '../tools/audit-report.js'
import { REPOSITORY_URL } from '../common/version.js'
import { inertJson } from './text.js'
import {
  advisoryFix,
  advisoryPath,
  advisoryRule,
  auditRuleId,
  hardeningRule,
  highest,
  LEVEL,
  type SarifLevel,
  type SarifRule
} from './sarif-rules.js'

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'

interface Suppression {
  kind: 'inSource' | 'external'
  justification?: string
}

/** One result before it gets its rule index; `file` is the repository-relative path, unencoded. */
interface Draft {
  ruleId: string
  level: SarifLevel
  message: string
  file: string
  line: number
  column: number | null
  fingerprint: string
  suppression?: Suppression
  properties?: Record<string, string>
  /** SARIF's own mark for a result compared with a baseline: set only when the report was. */
  baselineState?: 'new' | 'unchanged'
}

function baselineState(item: { new?: boolean }): { baselineState?: 'new' | 'unchanged' } {
  return item.new === undefined ? {} : { baselineState: item.new ? 'new' : 'unchanged' }
}

/** A relative URI reference for a `/`-separated path: `#`, `?`, `%`, spaces and `:` would change its meaning. */
function pathUri(path: string): string {
  return encodeURI(path).replace(/[#?:]/g, encodeURIComponent)
}

/** Plain code-point order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function compareDrafts(a: Draft, b: Draft): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.message, b.message)
  )
}

function justification(reason: string, expires: string | undefined): string | undefined {
  const text = `${reason}${expires ? ` (until ${expires})` : ''}`.trim()
  return text === '' ? undefined : text
}

function findingDraft(finding: Finding, root: string): Draft {
  const s = finding.suppression
  return {
    ruleId: finding.rule,
    level: LEVEL[finding.severity],
    message: finding.message,
    file: joinRepositoryPath(root, finding.file),
    // A project-wide absence is shown on the first line of the file it concerns.
    line: finding.line ?? 1,
    column: finding.line === null ? null : finding.column,
    fingerprint: finding.fingerprint,
    ...baselineState(finding),
    ...(finding.suppressed
      ? {
          suppression: {
            kind: s?.source === 'inline' ? 'inSource' : 'external',
            ...(s ? { justification: justification(s.reason, s.expires) } : {})
          }
        }
      : {})
  }
}

/** Stable across lockfile edits: the advisory and the package, not where the package sits. */
function advisoryFingerprint(advisory: Advisory): string {
  return createHash('sha256').update(`npm-audit\u0000${advisory.id}\u0000${advisory.package}`).digest('hex').slice(0, 32)
}

/** Audit advisories are reported on the lockfile npm audited. */
function advisoryDraft(advisory: Advisory, root: string): Draft {
  const title = advisory.title.replace(/\s+/g, ' ').trim()
  const range = advisory.range ? ` ${advisory.range}` : ''
  return {
    ruleId: auditRuleId(advisory),
    level: LEVEL[advisory.severity],
    message: `${advisory.package}${range} has a known ${advisory.severity} vulnerability${title ? `: ${title}` : ''} (${advisory.id}). ${advisoryFix(advisory)} ${advisoryPath(advisory)}`,
    file: joinRepositoryPath(root, NPM_LOCKFILE),
    line: 1,
    column: null,
    fingerprint: advisoryFingerprint(advisory),
    properties: { package: advisory.package, advisory: advisory.id, severity: advisory.severity },
    ...baselineState(advisory),
    ...(advisory.allowed
      ? { suppression: { kind: 'external', justification: justification(advisory.allowed.reason, advisory.allowed.expires) } }
      : {})
  }
}

function compareAdvisoriesById(a: Advisory, b: Advisory): number {
  return compareText(a.id, b.id) || compareText(a.package, b.package) || compareText(a.title, b.title)
}

/** Every rule with a result, sorted by id: hardening rules at the severity in force, one rule per advisory. */
function collectRules(findings: Finding[], advisories: Advisory[]): SarifRule[] {
  const bySeverity = new Map<string, Finding['severity'][]>()
  for (const f of findings) bySeverity.set(f.rule, [...(bySeverity.get(f.rule) ?? []), f.severity])
  const rules = [...bySeverity].map(([id, severities]) => hardeningRule(id, highest(severities)))
  const byAdvisory = new Map<string, [Advisory, ...Advisory[]]>()
  for (const a of [...advisories].sort(compareAdvisoriesById)) {
    const group = byAdvisory.get(auditRuleId(a))
    if (group) group.push(a)
    else byAdvisory.set(auditRuleId(a), [a])
  }
  rules.push(...[...byAdvisory.values()].map(advisoryRule))
  return rules.sort((a, b) => compareText(a.id, b.id))
}

function toResult(draft: Draft, ruleIndex: number): object {
  return {
    ruleId: draft.ruleId,
    ruleIndex,
    level: draft.level,
    message: { text: draft.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathUri(draft.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: draft.line, ...(draft.column ? { startColumn: draft.column } : {}) }
        }
      }
    ],
    partialFingerprints: { primaryLocationLineHash: draft.fingerprint },
    ...(draft.baselineState ? { baselineState: draft.baselineState } : {}),
    ...(draft.suppression ? { suppressions: [draft.suppression] } : {}),
    ...(draft.properties ? { properties: draft.properties } : {})
  }
}

/** What went wrong in the run without stopping it: the audit error and the report's warnings. */
function notifications(report: Report): object[] {
  const out: object[] = []
  if (report.audit.status === 'error') out.push({ level: 'error', message: { text: `npm audit: ${report.audit.error ?? 'failed'}` } })
  for (const warning of report.warnings) out.push({ level: 'warning', message: { text: warning } })
  return out
}

/**
 * SARIF 2.1.0 for GitHub code scanning: locations relative to the repository root, suppressed
 * findings and allowed advisories kept with their suppression, everything in a stable order.
 */
export function renderSarif(report: Report): string {
  const advisories = report.audit.status === 'ok' ? report.audit.advisories : []
  const rules = collectRules(report.findings, advisories)
  const index = new Map(rules.map((r, i) => [r.id, i]))
  const drafts = [
    ...report.findings.map((f) => findingDraft(f, report.root)),
    ...advisories.map((a) => advisoryDraft(a, report.root))
  ].sort(compareDrafts)
  const issues = notifications(report)
  const sarif = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, informationUri: REPOSITORY_URL, rules } },
        invocations: [
          {
            executionSuccessful: report.audit.status !== 'error',
            ...(issues.length > 0 ? { toolExecutionNotifications: issues } : {})
          }
        ],
        columnKind: 'utf16CodeUnits',
        results: drafts.map((d) => toResult(d, index.get(d.ruleId) ?? -1))
      }
    ]
  }
  return inertJson(sarif)
}
