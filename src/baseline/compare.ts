import type { Finding } from '../findings/finding.js'
import type { BaselineSection } from '../report.js'
import type { Advisory, AuditResult } from '../tools/audit-report.js'
import type { BaselineAdvisory, BaselineData, BaselineEntry, BaselineLoad } from './types.js'

/** No baseline asked for (`none`, or `auto` outside a pull request): every finding counts. */
export const NO_BASELINE = { status: 'skipped', source: 'none', ref: '' } as const

export type BaselineOutcome = BaselineLoad | typeof NO_BASELINE

export interface BaselineComparison {
  /** The head's findings, each with `new` set. */
  findings: Finding[]
  /** The head's advisories, each with `new` set. */
  advisories: Advisory[]
  /** Baseline findings the head no longer has (suppressed ones still count as there). */
  fixed: BaselineEntry[]
  /** Baseline advisories the head's audit no longer reports. */
  advisoriesFixed: BaselineAdvisory[]
}

function findingKey(f: { rule: string; file: string; fingerprint: string }): string {
  return `${f.rule}\u0000${f.file}\u0000${f.fingerprint}`
}

function advisoryKey(a: { id: string; package: string }): string {
  return `${a.id}\u0000${a.package}`
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareText(a.file, b.file) || compareText(a.rule, b.rule) || compareText(a.fingerprint, b.fingerprint)
}

export function compareBaselineAdvisories(a: BaselineAdvisory, b: BaselineAdvisory): number {
  return compareText(a.package, b.package) || compareText(a.id, b.id)
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * Findings whose flagged line was edited (a fix next to them on the same line, a renamed argument):
 * where, for one rule in one file, exactly one baseline entry and exactly one head finding are left
 * unmatched by fingerprint, they are the same finding. Two or more on either side stay unpaired, so
 * a gap added beside another of its kind is still new.
 */
function editedInPlace(
  findings: readonly Finding[],
  baseline: BaselineData,
  known: ReadonlySet<string>,
  head: ReadonlySet<string>
): { head: Set<Finding>; base: Set<BaselineEntry> } {
  const group = (f: { rule: string; file: string }): string => `${f.rule}\u0000${f.file}`
  const unmatchedHead = new Map<string, Finding[]>()
  for (const f of findings) if (!known.has(findingKey(f))) unmatchedHead.set(group(f), [...(unmatchedHead.get(group(f)) ?? []), f])
  const unmatchedBase = new Map<string, BaselineEntry[]>()
  for (const e of baseline.findings) if (!head.has(findingKey(e))) unmatchedBase.set(group(e), [...(unmatchedBase.get(group(e)) ?? []), e])
  const paired = { head: new Set<Finding>(), base: new Set<BaselineEntry>() }
  for (const [key, heads] of unmatchedHead) {
    const bases = unmatchedBase.get(key) ?? []
    if (heads.length === 1 && bases.length === 1) {
      paired.head.add(heads[0] as Finding)
      paired.base.add(bases[0] as BaselineEntry)
    }
  }
  return paired
}

/**
 * Marks what the head has that the baseline does not: findings matched by rule, file and
 * fingerprint (or, failing that, edited in place: see editedInPlace), advisories by id and package. What the baseline has and the head lacks is fixed.
 * Advisories are compared only when the head's audit ran: an audit that failed fixed nothing.
 */
export function compareWithBaseline(findings: readonly Finding[], audit: AuditResult, baseline: BaselineData): BaselineComparison {
  const known = new Set(baseline.findings.map(findingKey))
  const head = new Set(findings.map(findingKey))
  const edited = editedInPlace(findings, baseline, known, head)
  const audited = audit.status === 'ok'
  const knownAdvisories = new Set(baseline.advisories.map(advisoryKey))
  const headAdvisories = new Set(audit.advisories.map(advisoryKey))
  return {
    findings: findings.map((f) => ({ ...f, new: !known.has(findingKey(f)) && !edited.head.has(f) })),
    advisories: audit.advisories.map((a) => ({ ...a, new: !knownAdvisories.has(advisoryKey(a)) })),
    fixed: unique(
      baseline.findings.filter((e) => !head.has(findingKey(e)) && !edited.base.has(e)),
      findingKey
    )
      .map(({ rule, file, fingerprint }) => ({ rule, file, fingerprint }))
      .sort(compareEntries),
    advisoriesFixed: audited
      ? unique(
          baseline.advisories.filter((a) => !headAdvisories.has(advisoryKey(a))),
          advisoryKey
        )
          .map(({ id, package: name }) => ({ id, package: name }))
          .sort(compareBaselineAdvisories)
      : []
  }
}

/**
 * The head's findings and audit as the report carries them, and the report's baseline section:
 * marked new or pre-existing when the baseline was had, untouched (no `new`) when it was not.
 */
export function applyBaseline(
  findings: Finding[],
  audit: AuditResult,
  outcome: BaselineOutcome
): { findings: Finding[]; audit: AuditResult; section: BaselineSection } {
  const base = { source: outcome.source, ref: outcome.ref, status: outcome.status }
  if (outcome.status !== 'ok') {
    const error = outcome.status === 'error' ? { error: outcome.error } : {}
    return { findings, audit, section: { ...base, ...error, fixed: [], advisoriesFixed: [] } }
  }
  const compared = compareWithBaseline(findings, audit, outcome.data)
  return {
    findings: compared.findings,
    audit: { ...audit, advisories: compared.advisories },
    section: { ...base, fixed: compared.fixed, advisoriesFixed: compared.advisoriesFixed }
  }
}
