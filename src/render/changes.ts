import { meetsThreshold } from '../common/severity.js'
import type { Report } from '../report.js'
import type { ReportAdvisory, ReportFinding } from './markdown-parts.js'

type Fixed = NonNullable<NonNullable<Report['baseline']>['fixed']>
type AdvisoriesFixed = NonNullable<NonNullable<Report['baseline']>['advisoriesFixed']>

/** What a pull request changes against the baseline the gate compared with (status ok). */
export interface BaselineChanges {
  source: 'base-commit' | 'file'
  /** The base commit (or ref) or the baseline file, as the report has it: repository text, to escape. */
  ref: string
  /** Open (unsuppressed) findings the baseline lacks, most severe first as the report sorts them later. */
  newFindings: ReportFinding[]
  /** Open findings the baseline has: shown, never blocking. */
  oldFindings: ReportFinding[]
  newAdvisories: ReportAdvisory[]
  oldAdvisories: ReportAdvisory[]
  fixed: Fixed
  advisoriesFixed: AdvisoriesFixed
}

/**
 * The report split by its baseline, or undefined when no comparison is in effect (no baseline, or
 * one that could not be read: then every finding counts and the report reads as without one).
 * A finding or advisory without its `new` flag counts as new: what the gate could not match blocks.
 */
export function baselineChanges(report: Report): BaselineChanges | undefined {
  const baseline = report.baseline
  if (!baseline || baseline.status !== 'ok' || baseline.source === 'none') return undefined
  const open = report.findings.filter((f) => !f.suppressed)
  const advisories = report.audit.advisories
  return {
    source: baseline.source,
    ref: baseline.ref,
    newFindings: open.filter((f) => f.new !== false),
    oldFindings: open.filter((f) => f.new === false),
    newAdvisories: advisories.filter((a) => a.new !== false),
    oldAdvisories: advisories.filter((a) => a.new === false),
    fixed: baseline.fixed ?? [],
    advisoriesFixed: baseline.advisoriesFixed ?? []
  }
}

/** A new open finding at or above `fail-on`: what fails the gate when a baseline is in effect. */
export function isBlockingFinding(report: Report, finding: ReportFinding): boolean {
  return !finding.suppressed && finding.new !== false && meetsThreshold(finding.severity, report.thresholds.findings)
}

/** A new advisory at or above `audit-level` that the allowlist does not accept. */
export function isBlockingAdvisory(report: Report, advisory: ReportAdvisory): boolean {
  return advisory.new !== false && !advisory.allowed && meetsThreshold(advisory.severity, report.thresholds.audit)
}

/** A commit id shortened as git shows it; any other ref (a branch, a tag) as it is. */
export function shortRef(ref: string): string {
  return /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(ref) ? ref.slice(0, 7) : ref
}
