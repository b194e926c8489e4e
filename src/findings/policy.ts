import picomatch from 'picomatch'
import { isExpired, type GateConfig } from '../config/config-file.js'
import type { RuleFinding, RuleMeta } from '../rules/rule.js'
import { severityRank, type Severity } from '../common/severity.js'
import { compareFindings, type Finding, type Suppression } from './finding.js'
import { computeFingerprints } from './fingerprint.js'
import { SUPPRESSION_WITHOUT_REASON } from './suppression-meta.js'

export interface PolicyNote {
  file: string
  message: string
}

/** A config entry past its `expires` date: it no longer applies, so what it covered is reported. */
export interface ExpiredSuppression {
  /** The config file that holds the entry. */
  source: string
  /** The rule of a `suppressions` entry. */
  rule?: string
  /** The advisory (GHSA id) of an `audit.allow` entry. */
  id?: string
  /** The path glob of a `suppressions` entry, when it has one. */
  path?: string
  expires: string
}

/** Source lines of scanned files, to fingerprint findings and read inline suppressions. */
export type LineSource = (file: string) => string[] | undefined

const INLINE = /hardening-ignore\s+([a-z0-9-]+)(?:\s+--\s*(.*?))?\s*(?:\*\/.*)?$/

interface InlineMatch {
  reason: string
  line: number
  /** 1-based column of `hardening-ignore` on that line. */
  column: number
}

/** `// hardening-ignore <rule> -- reason` on the finding's line or the line above. */
function inlineSuppression(lines: string[] | undefined, line: number | null, rule: string): InlineMatch | undefined {
  if (!lines || line === null) return undefined
  for (const n of [line, line - 1]) {
    const match = lines[n - 1]?.match(INLINE)
    if (match && match[1] === rule) return { reason: (match[2] ?? '').trim(), line: n, column: (match.index ?? 0) + 1 }
  }
  return undefined
}

/** Every config entry past its date, suppressions and audit allowlist alike, in config order. */
export function findExpiredSuppressions(config: GateConfig, today: string): ExpiredSuppression[] {
  const source = config.source ?? 'config'
  return [
    ...config.suppressions.flatMap((s) =>
      s.expires && isExpired(s.expires, today) ? [{ source, rule: s.rule, ...(s.path ? { path: s.path } : {}), expires: s.expires }] : []
    ),
    ...config.allow.flatMap((a) => (a.expires && isExpired(a.expires, today) ? [{ source, id: a.ghsa, expires: a.expires }] : []))
  ]
}

function missingReason(meta: RuleMeta, file: string, inline: InlineMatch): RuleFinding {
  return {
    file,
    line: inline.line,
    column: inline.column,
    messageId: 'no-reason',
    message: `\`hardening-ignore ${meta.id}\` has no reason, so ${meta.id} is still reported: write it as \`hardening-ignore ${meta.id} -- <why this is acceptable>\` or fix the gap`
  }
}

export interface PolicyResult {
  findings: Finding[]
  /** Each finding's reason (its rule's messageId), for the rule tests: kept off Finding, so no report carries it. */
  reasons: ReadonlyMap<Finding, string>
  notes: PolicyNote[]
}

function capped(severity: Severity, cap: Severity | undefined): Severity {
  return cap !== undefined && severityRank(cap) < severityRank(severity) ? cap : severity
}

/**
 * Turns what rules reported into findings: severity overrides and `off` from the config, stable
 * fingerprints, config and inline suppressions. Done here, once, so no rule handles any of it.
 * An inline suppression without a reason does not suppress and is a finding itself
 * (suppression-without-reason), which goes through the same overrides and config suppressions.
 */
export function applyPolicy(
  reported: Array<{ meta: RuleMeta; finding: RuleFinding }>,
  config: GateConfig,
  today: string,
  lines: LineSource
): PolicyResult {
  const notes: PolicyNote[] = []
  const configSource = config.source ?? 'config'
  const expiredNoted = new Set<number>()
  const matchers = config.suppressions.map((s) => (s.path ? picomatch(s.path, { dot: true }) : () => true))
  const findings: Finding[] = []
  const reasons = new Map<Finding, string>()
  const withoutReason = new Map<string, RuleFinding>()
  const codes: string[] = []

  const configSuppression = (rule: string, file: string): Suppression | undefined => {
    let suppression: Suppression | undefined
    config.suppressions.forEach((s, i) => {
      if (suppression || s.rule !== rule || !matchers[i]?.(file)) return
      if (isExpired(s.expires, today)) {
        if (!expiredNoted.has(i)) {
          expiredNoted.add(i)
          notes.push({
            file: configSource,
            message: `suppression of ${s.rule}${s.path ? ` for ${s.path}` : ''} expired on ${s.expires} and no longer applies: fix the finding or renew the entry`
          })
        }
        return
      }
      suppression = { source: 'config', reason: s.reason, ...(s.expires ? { expires: s.expires } : {}) }
    })
    return suppression
  }

  const addFinding = (meta: RuleMeta, finding: RuleFinding, inlineAllowed: boolean): void => {
    const override = config.severity.get(meta.id)
    if (override === 'off') return
    const fileLines = lines(finding.file)
    codes.push(finding.line === null ? '' : (fileLines?.[finding.line - 1] ?? ''))
    let suppression = configSuppression(meta.id, finding.file)
    const inline = suppression || !inlineAllowed ? undefined : inlineSuppression(fileLines, finding.line, meta.id)
    if (inline && inline.reason === '') {
      withoutReason.set(`${finding.file}\u0000${inline.line}\u0000${meta.id}`, missingReason(meta, finding.file, inline))
    } else if (inline) {
      suppression = { source: 'inline', reason: inline.reason }
    }
    const made: Finding = {
      rule: meta.id,
      severity: override ?? capped(meta.severity, finding.severityCap),
      file: finding.file,
      line: finding.line,
      column: finding.line === null ? null : (finding.column ?? null),
      message: finding.message,
      // Set below, once every finding is known: equal ones are numbered from the top of the file.
      fingerprint: '',
      suppressed: suppression !== undefined,
      ...(suppression ? { suppression } : {})
    }
    findings.push(made)
    reasons.set(made, finding.messageId)
  }

  for (const { meta, finding } of reported) addFinding(meta, finding, true)
  // One finding per comment, however many findings it names; a comment about comments is not read.
  for (const finding of withoutReason.values()) addFinding(SUPPRESSION_WITHOUT_REASON, finding, false)
  const fingerprints = computeFingerprints(
    findings.map((f, i) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column, code: codes[i] ?? '' }))
  )
  findings.forEach((f, i) => {
    f.fingerprint = fingerprints[i] ?? ''
  })
  return { findings: findings.sort(compareFindings), reasons, notes }
}
