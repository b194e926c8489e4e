import { emptyCounts, isSeverity, severityRank, type Severity, type SeverityCounts } from '../common/severity.js'

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
  /** With a baseline (status ok): whether the baseline lacks it (matched by id and package). */
  new?: boolean
}

export interface AuditResult {
  status: 'ok' | 'error' | 'skipped'
  /** For `error`: npm's reason. For `skipped`: why. */
  error?: string
  /** Distinct advisories by severity, leaving out allowed ones. */
  counts: SeverityCounts
  advisories: Advisory[]
}

export function auditError(error: string): AuditResult {
  return { status: 'error', error, counts: emptyCounts(), advisories: [] }
}

export function auditSkipped(reason: string): AuditResult {
  return { status: 'skipped', error: reason, counts: emptyCounts(), advisories: [] }
}

/** npm's report is data from outside: a field of the wrong type is read as missing, never trusted. */
function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** `isDirect` of a `vulnerabilities` entry, when it says. */
function directFlag(entry: unknown): boolean | undefined {
  const direct = recordOf(entry)?.isDirect
  return typeof direct === 'boolean' ? direct : undefined
}

function firstLine(text: unknown): string {
  return (
    String(text ?? '')
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  )
}

/** The app's direct dependencies from which `name` is reached, following npm's `effects` edges. */
function directParents(name: string, vulns: Record<string, unknown>): string[] {
  const found = new Set<string>()
  const seen = new Set<string>([name])
  const effectsOf = (pkg: string): string[] => listOf(recordOf(vulns[pkg])?.effects).filter((e): e is string => typeof e === 'string')
  const queue = effectsOf(name)
  while (queue.length > 0) {
    const next = queue.shift() as string
    if (seen.has(next)) continue
    seen.add(next)
    if (recordOf(vulns[next])?.isDirect === true) found.add(next)
    queue.push(...effectsOf(next))
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
  const report = data as {
    error?: { code?: string; summary?: string; detail?: string }
    message?: string
    auditReportVersion?: number
    vulnerabilities?: unknown
  }
  if (report.error !== undefined && report.error !== null) {
    if (!recordOf(report.error)) return auditError(`npm audit failed: ${firstLine(stderr) || 'its error report is unreadable'}`)
    // An endpoint failure has empty summary and detail; npm's reason is then in `message` and on stderr.
    const code = stringOf(report.error.code) ? `${report.error.code}: ` : ''
    const said = firstLine(stderr.match(/^npm (?:ERR!|error) (.+)$/m)?.[1])
    const why =
      firstLine(report.error.summary) ||
      firstLine(report.error.detail) ||
      [said, firstLine(report.message).slice(0, 300)].filter(Boolean).join(': ')
    return auditError(`${code}${why || 'npm audit failed'}`)
  }
  if (report.auditReportVersion !== 2 || !recordOf(report.vulnerabilities)) {
    return auditError(
      `npm audit printed an unsupported report (auditReportVersion ${String(report.auditReportVersion)}); use npm 7 or later`
    )
  }
  const vulns = report.vulnerabilities as Record<string, unknown>
  const byKey = new Map<string, Advisory>()
  for (const [name, entry] of Object.entries(vulns)) {
    const vuln = recordOf(entry) ?? {}
    for (const item of listOf(vuln.via)) {
      const via = recordOf(item)
      if (!via) continue // a string names another vulnerable package, whose own entry has the advisory
      const pkg = stringOf(via.name) ?? name
      const severity = typeof via.severity === 'string' && isSeverity(via.severity) ? via.severity : 'low'
      const url = stringOf(via.url) ?? ''
      const source = via.source
      const id = ghsaId(url) ?? (typeof source === 'number' || typeof source === 'string' ? String(source) : url)
      const key = `${id}\u0000${pkg}`
      if (byKey.has(key)) continue
      const fixTarget = recordOf(vuln.fixAvailable)
      const fixName = stringOf(fixTarget?.name)
      const fix = fixName ? `${fixName}@${stringOf(fixTarget?.version) ?? ''}` : undefined
      const direct = directFlag(vulns[pkg]) ?? directFlag(vuln) ?? false
      byKey.set(key, {
        id,
        package: pkg,
        severity,
        title: stringOf(via.title) ?? '',
        url,
        range: stringOf(via.range) ?? '',
        fixAvailable: vuln.fixAvailable === true || fixTarget !== undefined,
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
