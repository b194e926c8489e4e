import { isExpired, type AllowedAdvisory } from '../config/config-file.js'
import { withCounts, type AuditResult } from '../tools/audit-report.js'
import type { PolicyNote } from './policy.js'

/**
 * Marks advisories the config accepts as allowed: they stay in the report, marked, and stop
 * counting against the threshold. Expired entries stop applying and say so.
 */
export function applyAllowlist(
  result: AuditResult,
  allow: AllowedAdvisory[],
  today: string,
  source = 'config'
): { result: AuditResult; notes: PolicyNote[] } {
  const notes: PolicyNote[] = []
  const active = new Map<string, AllowedAdvisory>()
  for (const entry of allow) {
    if (isExpired(entry.expires, today)) {
      notes.push({
        file: source,
        message: `audit allowlist entry ${entry.ghsa} expired on ${entry.expires} and no longer applies: upgrade the package or renew the entry`
      })
    } else {
      active.set(entry.ghsa, entry)
    }
  }
  if (result.status !== 'ok' || active.size === 0) return { result, notes }
  const advisories = result.advisories.map((a) => {
    const entry = active.get(a.id.toUpperCase())
    return entry ? { ...a, allowed: { reason: entry.reason, ...(entry.expires ? { expires: entry.expires } : {}) } } : a
  })
  return { result: withCounts({ ...result, advisories }), notes }
}
