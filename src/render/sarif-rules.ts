import { severityRank, type Severity } from '../common/severity.js'
import { RULE_DOCS } from '../rules/docs.generated.js'
import { findRuleSummary } from '../rules/catalog.js'
import { docsUrl } from '../rules/rule.js'
import type { Advisory } from '../tools/audit-report.js'
import { escapeMarkdown, link, safeUrl } from './escape.js'

export type SarifLevel = 'error' | 'warning' | 'note'

/** GitHub code scanning reads `security-severity` as a CVSS-like score. */
export const SCORE: Record<Severity, string> = { critical: '9.5', high: '8.0', moderate: '5.5', low: '3.0' }
export const LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', moderate: 'warning', low: 'note' }

/** A SARIF `reportingDescriptor`, as much of it as code scanning reads. */
export interface SarifRule {
  id: string
  name: string
  shortDescription: { text: string }
  fullDescription: { text: string }
  helpUri?: string
  help: { text: string; markdown: string }
  defaultConfiguration: { level: SarifLevel }
  properties: { 'security-severity': string; tags: string[] }
}

/** Rule id prefix of audit advisories: one rule per advisory, so each alert is titled by it. */
export const AUDIT_RULE_PREFIX = 'npm-audit/'

export function auditRuleId(advisory: Advisory): string {
  return `${AUDIT_RULE_PREFIX}${advisory.id}`
}

/** `session-cookie-insecure` → `SessionCookieInsecure`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`)
    .join('')
}

export function highest(severities: Severity[]): Severity {
  return severities.reduce<Severity>((max, s) => (severityRank(s) > severityRank(max) ? s : max), 'low')
}

/** Links between rule pages (`[x](other-rule.md)`) point at the published docs, not at a relative path. */
function absoluteLinks(markdown: string): string {
  return markdown.replace(/\]\(([a-z0-9-]+)\.md\)/g, (_m, id: string) => `](${docsUrl(id)})`)
}

/** Markdown as plain text: links spelled out, emphasis markers dropped; code stays as written. */
function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)').replace(/\*\*([^*]+)\*\*/g, '$1')
}

/**
 * A hardening rule, described by its registry entry and its docs page (embedded at build time).
 * `severity` is the one in force for this run (config overrides included): code scanning takes an
 * alert's severity from its rule, so it has to agree with the gate.
 */
export function hardeningRule(id: string, severity: Severity): SarifRule {
  const meta = findRuleSummary(id)
  const doc = RULE_DOCS[id]
  const url = docsUrl(id)
  const description = meta?.description ?? `Hardening rule ${id}.`
  const markdown = [
    description,
    ...(doc ? ['## Why', absoluteLinks(doc.why), '## How to fix', absoluteLinks(doc.fix)] : []),
    `[Full documentation of ${id}](${url})`
  ].join('\n\n')
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: description },
    fullDescription: { text: meta ? `${meta.description} Fix: ${meta.fix}.` : description },
    helpUri: url,
    help: { text: plainText(markdown.replace(/^## (.+)$/gm, '$1:')), markdown },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      'security-severity': SCORE[severity],
      tags: ['security', meta?.category, meta ? `external/cwe/${meta.cwe.toLowerCase()}` : undefined].filter((t): t is string => Boolean(t))
    }
  }
}

/** Advisory text comes from npm and package names from the lockfile: one line, clipped. */
function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat
}

export function advisoryUrl(advisory: Advisory): string | undefined {
  return /^GHSA(-[0-9a-z]{4}){3}$/i.test(advisory.id) ? `https://github.com/advisories/${advisory.id}` : safeUrl(advisory.url)
}

export function advisoryFix(advisory: Advisory): string {
  if (advisory.fix) return `\`npm audit fix\` installs ${oneLine(advisory.fix, 100)}.`
  return advisory.fixAvailable ? '`npm audit fix` resolves it.' : 'No fixed version is available yet.'
}

export function advisoryPath(advisory: Advisory): string {
  if (advisory.direct) return 'It is a direct dependency.'
  return advisory.via.length > 0
    ? `It comes in through ${advisory.via.map((v) => oneLine(v, 100)).join(', ')}.`
    : 'It is a transitive dependency.'
}

/** An npm audit advisory as a rule of its own; `advisories` are every result of it, sorted. */
export function advisoryRule(advisories: [Advisory, ...Advisory[]]): SarifRule {
  const [first] = advisories
  const severity = highest(advisories.map((a) => a.severity))
  const pkg = oneLine(first.package, 100)
  const title = oneLine(first.title) || `Vulnerable versions of ${pkg}`
  const url = advisoryUrl(first)
  const range = first.range ? ` ${oneLine(first.range, 100)}` : ''
  const text = [`${title} (${first.id})`, `Affected: ${pkg}${range}.`, advisoryFix(first), ...(url ? [`Advisory: ${url}`] : [])].join(
    '\n\n'
  )
  const markdown = [
    `${escapeMarkdown(title)} (${link(escapeMarkdown(first.id, 100), url)})`,
    `Affected: <code>${escapeMarkdown(`${first.package}${range}`, 200, true)}</code>.`,
    'Update the dependency (`npm audit fix`, or a newer version of the package that brings it in), or record an accepted risk in the audit allowlist of the config file with a reason and an expiry date.'
  ].join('\n\n')
  return {
    id: auditRuleId(first),
    name: 'VulnerableDependency',
    shortDescription: { text: `${pkg}: ${title}` },
    fullDescription: { text: `${title}. Vulnerable versions of ${pkg}${range ? `:${range}` : ''} (advisory ${first.id}).` },
    ...(url ? { helpUri: url } : {}),
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { 'security-severity': SCORE[severity], tags: ['security', 'dependency', 'npm-audit'] }
  }
}
