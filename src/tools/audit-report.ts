import { emptyCounts, isSeverity, severityRank, type Severity, type SeverityCounts } from '../findings/severity.js'

export interface Advisory {
  /** GHSA id when npm gives a GitHub advisory URL, else npm's numeric source id. */
  id: string
  package: string
  severity: Severity
  title: string
  url: string
  /** Vulnerable versions of `package`. */
  range: string
  fixAvailable: boolean
  /** What `npm audit fix` would install, when npm says (e.g. "express@4.21.2"). */
  fix?: string
  /** Whether `package` is a direct dependency of the app. */
  direct: boolean
  /** The app's direct dependencies that bring `package` in (empty when direct). */
  via: string[]
  /** Set when the config allowlist accepts this advisory. */
  allowed?: { reason: string; expires?: string }
}

export interface AuditResult {
  status: 'ok' | 'error' | 'skipped'
  /** For `error`: npm's reason. For `skipped`: why. */
  error?: string
  /** Distinct advisories by severity, leaving out allowed ones. */
  counts: SeverityCounts
  advisories: Advisory[]
}

interface NpmVia {
  source?: number | string
  name?: string
  title?: string
  url?: string
  severity?: string
  range?: string
}

interface NpmVulnerability {
  name?: string
  isDirect?: boolean
  via?: Array<NpmVia | string>
  effects?: string[]
  fixAvailable?: boolean | { name?: string; version?: string }
}

export function auditError(error: string): AuditResult {
  return { status: 'error', error, counts: emptyCounts(), advisories: [] }
}

export function auditSkipped(reason: string): AuditResult {
  return { status: 'skipped', error: reason, counts: emptyCounts(), advisories: [] }
}

function firstLine(text: unknown): string {
  return String(text ?? '').split('\n').map((l) => l.trim()).find((l) => l !== '') ?? ''
}

/** The app's direct dependencies from which `name` is reached, following npm's `effects` edges. */
function directParents(name: string, vulns: Record<string, NpmVulnerability>): string[] {
  const found = new Set<string>()
  const seen = new Set<string>([name])
  const queue = [...(vulns[name]?.effects ?? [])]
  while (queue.length > 0) {
    const next = queue.shift() as string
    if (seen.has(next)) continue
    seen.add(next)
    if (vulns[next]?.isDirect) found.add(next)
    queue.push(...(vulns[next]?.effects ?? []))
  }
  return [...found].sort()
}

function ghsaId(url: string): string | undefined {
  return url.match(/GHSA(-[0-9a-z]{4}){3}/i)?.[0].toUpperCase()
}

/**
 * Turns `npm audit --json` output (report version 2) into advisories and counts. Anything that is
 * not such a report is an error with npm's reason: a report that cannot be read never means "clean".
 */
export function parseAuditOutput(stdout: string, exitCode: number | null, stderr = ''): AuditResult {
  let data: unknown
  try {
    data = JSON.parse(stdout)
  } catch {
    const why = firstLine(stderr.replace(/^npm (ERR!|error)\s*/gm, '')) || (stdout.trim() === '' ? 'no output' : 'output is not JSON')
    return auditError(`npm audit printed no JSON report (exit ${exitCode ?? 'killed'}): ${why}`)
  }
  if (typeof data !== 'object' || data === null) return auditError('npm audit printed JSON that is not a report')
  const report = data as { error?: { code?: string; summary?: string; detail?: string }; message?: string; auditReportVersion?: number; vulnerabilities?: unknown }
  if (report.error) {
    // An endpoint failure has empty summary and detail; npm's reason is then in `message` and on stderr.
    const code = report.error.code ? `${report.error.code}: ` : ''
    const said = firstLine(stderr.match(/^npm (?:ERR!|error) (.+)$/m)?.[1])
    const why = firstLine(report.error.summary) || firstLine(report.error.detail) || [said, firstLine(report.message).slice(0, 300)].filter(Boolean).join(': ')
    return auditError(`${code}${why || 'npm audit failed'}`)
  }
  if (report.auditReportVersion !== 2 || typeof report.vulnerabilities !== 'object' || report.vulnerabilities === null) {
    return auditError(`npm audit printed an unsupported report (auditReportVersion ${String(report.auditReportVersion)}); use npm 7 or later`)
  }
  const vulns = report.vulnerabilities as Record<string, NpmVulnerability>
  const byKey = new Map<string, Advisory>()
  for (const [name, vuln] of Object.entries(vulns)) {
    for (const via of vuln.via ?? []) {
      if (typeof via === 'string') continue
      const pkg = via.name ?? name
      const severity = via.severity && isSeverity(via.severity) ? via.severity : 'low'
      const url = via.url ?? ''
      const id = ghsaId(url) ?? String(via.source ?? url)
      const key = `${id}\u0000${pkg}`
      if (byKey.has(key)) continue
      const fix = typeof vuln.fixAvailable === 'object' && vuln.fixAvailable.name
        ? `${vuln.fixAvailable.name}@${vuln.fixAvailable.version ?? ''}`
        : undefined
      const direct = vulns[pkg]?.isDirect ?? vuln.isDirect ?? false
      byKey.set(key, {
        id,
        package: pkg,
        severity,
        title: via.title ?? '',
        url,
        range: via.range ?? '',
        fixAvailable: vuln.fixAvailable !== false && vuln.fixAvailable !== undefined,
        ...(fix ? { fix } : {}),
        direct,
        via: direct ? [] : directParents(pkg, vulns)
      })
    }
  }
  return withCounts({ status: 'ok', counts: emptyCounts(), advisories: [...byKey.values()].sort(compareAdvisories) })
}

export function compareAdvisories(a: Advisory, b: Advisory): number {
  return severityRank(b.severity) - severityRank(a.severity) || a.package.localeCompare(b.package) || a.id.localeCompare(b.id)
}

/** Recounts distinct advisories (by id) that are not allowed. */
export function withCounts(result: AuditResult): AuditResult {
  const counts = emptyCounts()
  const seen = new Set<string>()
  for (const a of result.advisories) {
    if (a.allowed || seen.has(a.id)) continue
    seen.add(a.id)
    counts[a.severity] += 1
  }
  return { ...result, counts }
}
