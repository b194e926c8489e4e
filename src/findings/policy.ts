import { createHash } from 'node:crypto'
import picomatch from 'picomatch'
import { isExpired, type GateConfig } from '../config/config-file.js'
import type { RuleFinding, RuleMeta } from '../rules/rule.js'
import { compareFindings, type Finding, type Suppression } from './finding.js'

export interface PolicyNote {
  file: string
  message: string
}

/** Source lines of scanned files, to fingerprint findings and read inline suppressions. */
export type LineSource = (file: string) => string[] | undefined

const INLINE = /hardening-ignore\s+([a-z0-9-]+)(?:\s+--\s*(.*?))?\s*(?:\*\/.*)?$/

function fingerprint(rule: string, file: string, code: string, occurrence: number): string {
  return createHash('sha256').update(`${rule}\u0000${file}\u0000${code}\u0000${occurrence}`).digest('hex').slice(0, 32)
}

interface InlineMatch {
  reason: string
  line: number
}

/** `// hardening-ignore <rule> -- reason` on the finding's line or the line above. */
function inlineSuppression(lines: string[] | undefined, line: number | null, rule: string): InlineMatch | undefined {
  if (!lines || line === null) return undefined
  for (const n of [line, line - 1]) {
    const match = lines[n - 1]?.match(INLINE)
    if (match && match[1] === rule) return { reason: (match[2] ?? '').trim(), line: n }
  }
  return undefined
}

/**
 * Turns what rules reported into findings: severity overrides and `off` from the config, stable
 * fingerprints, config and inline suppressions. Done here, once, so no rule handles any of it.
 */
export function applyPolicy(
  reported: Array<{ meta: RuleMeta; finding: RuleFinding }>,
  config: GateConfig,
  today: string,
  lines: LineSource
): { findings: Finding[]; notes: PolicyNote[] } {
  const notes: PolicyNote[] = []
  const configSource = config.source ?? 'config'
  const expiredNoted = new Set<number>()
  const occurrences = new Map<string, number>()
  const matchers = config.suppressions.map((s) => (s.path ? picomatch(s.path, { dot: true }) : () => true))
  const findings: Finding[] = []
  for (const { meta, finding } of reported) {
    const override = config.severity.get(meta.id)
    if (override === 'off') continue
    const fileLines = lines(finding.file)
    const code = finding.line === null ? '' : (fileLines?.[finding.line - 1] ?? '').trim().replace(/\s+/g, ' ')
    const key = `${meta.id}\u0000${finding.file}\u0000${code}`
    const occurrence = (occurrences.get(key) ?? 0) + 1
    occurrences.set(key, occurrence)
    let suppression: Suppression | undefined
    config.suppressions.forEach((s, i) => {
      if (suppression || s.rule !== meta.id || !matchers[i]?.(finding.file)) return
      if (isExpired(s.expires, today)) {
        if (!expiredNoted.has(i)) {
          expiredNoted.add(i)
          notes.push({ file: configSource, message: `suppression of ${s.rule}${s.path ? ` for ${s.path}` : ''} expired on ${s.expires} and no longer applies: fix the finding or renew the entry` })
        }
        return
      }
      suppression = { source: 'config', reason: s.reason, ...(s.expires ? { expires: s.expires } : {}) }
    })
    const inline = suppression ? undefined : inlineSuppression(fileLines, finding.line, meta.id)
    if (inline && inline.reason === '') {
      notes.push({ file: finding.file, message: `line ${inline.line}: hardening-ignore ${meta.id} has no reason and does not suppress; write it as "hardening-ignore ${meta.id} -- <why this is acceptable>"` })
    } else if (inline) {
      suppression = { source: 'inline', reason: inline.reason }
    }
    findings.push({
      rule: meta.id,
      severity: override ?? meta.severity,
      file: finding.file,
      line: finding.line,
      column: finding.line === null ? null : (finding.column ?? null),
      message: finding.message,
      fingerprint: fingerprint(meta.id, finding.file, code, occurrence),
      suppressed: suppression !== undefined,
      ...(suppression ? { suppression } : {})
    })
  }
  return { findings: findings.sort(compareFindings), notes }
}
