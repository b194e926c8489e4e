import * as core from '@actions/core'
import { compareFindings, type Finding } from '../findings/finding.js'
import { meetsThreshold, severityRank } from '../common/severity.js'
import type { Report } from '../report.js'
import {
  changedLinesOf,
  isChanged,
  listPullFiles,
  pullFilesSource,
  type ChangedLines,
  type PullFile,
  type PullFilesSource
} from './changed-lines.js'
import { createOctokit } from './octokit.js'
import { pullRequestContext } from './publish.js'
import type { RunContext } from './run-context.js'
import { describeError } from '../common/errors.js'
import { joinRepositoryPath } from '../common/repository-path.js'

/** GitHub shows about 10 error and 10 warning annotations per step; the rest only in the log. */
export const ANNOTATIONS_PER_LEVEL = 10
/** Annotations are one line; longer messages are cut. */
export const MAX_MESSAGE_CHARS = 1000

export type AnnotationLevel = 'error' | 'warning'

export interface Annotation {
  level: AnnotationLevel
  message: string
  properties: { title: string; file: string; startLine?: number }
}

export interface AnnotationPlan {
  annotations: Annotation[]
  /** Candidates (findings on changed lines, or not in the baseline) that did not fit. */
  omitted: number
  /** Candidates, annotated or not. */
  changed: number
}

/** What emits the workflow commands; `@actions/core` satisfies it. */
export interface AnnotationOutput {
  error(message: string, properties: Annotation['properties']): void
  warning(message: string, properties: Annotation['properties']): void
  notice(message: string): void
  info(message: string): void
}

export interface AnnotateOptions {
  /** The JSON report, as the `report-path` output names it ('' when none is written). */
  reportPath: string
  /** Annotations of each level the step emits anyway (the verdict, warnings): they take slots first. */
  reserved: Record<AnnotationLevel, number>
}

/** One line, at most MAX_MESSAGE_CHARS; @actions/core escapes the rest. */
export function annotationMessage(message: string): string {
  // Bidi overrides and invisible characters (U+202E, U+200B) show as U+FFFD, as in the comment.
  const line = message
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\p{Cf}/gu, '\uFFFD')
    .trim()
  if (line.length <= MAX_MESSAGE_CHARS) return line
  let end = MAX_MESSAGE_CHARS - 1
  // Never cut a surrogate pair in half.
  if (/[\uD800-\uDBFF]/.test(line.charAt(end - 1))) end -= 1
  return `${line.slice(0, end)}…`
}

export function annotationLevel(finding: Finding): AnnotationLevel {
  return meetsThreshold(finding.severity, 'high') ? 'error' : 'warning'
}

/** Most severe first; equal severities in report order (file, line, rule). */
function bySeverity(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || compareFindings(a, b)
}

/** The unsuppressed findings on changed lines that fit the per-level limits, most severe first. */
export function planAnnotations(report: Report, changed: ChangedLines, limits: Record<AnnotationLevel, number>): AnnotationPlan {
  return planFor(report, (f) => isChanged(changed, joinRepositoryPath(report.root, f.file), f.line), limits)
}

/** The unsuppressed findings the baseline lacks (marked new), wherever they are, that fit the limits. */
export function planNewAnnotations(report: Report, limits: Record<AnnotationLevel, number>): AnnotationPlan {
  return planFor(report, (f) => f.new !== false, limits)
}

function planFor(report: Report, include: (finding: Finding) => boolean, limits: Record<AnnotationLevel, number>): AnnotationPlan {
  const candidates = report.findings.filter((f) => !f.suppressed && include(f)).sort(bySeverity)
  const left = { ...limits }
  const annotations: Annotation[] = []
  for (const finding of candidates) {
    const level = annotationLevel(finding)
    if (left[level] <= 0) continue
    left[level] -= 1
    const properties = {
      title: finding.rule,
      file: joinRepositoryPath(report.root, finding.file),
      ...(finding.line === null ? {} : { startLine: finding.line })
    }
    annotations.push({ level, message: annotationMessage(finding.message), properties })
  }
  return { annotations, omitted: candidates.length - annotations.length, changed: candidates.length }
}

/** Where the findings that were not annotated can be read. */
export function moreFindingsLine(omitted: number, reportPath: string, which = 'on changed lines'): string {
  const where = reportPath ? `the job summary and the JSON report (${reportPath})` : 'the job summary'
  const findings = omitted === 1 ? `1 more finding ${which} is` : `${omitted} more findings ${which} are`
  return `${findings} not annotated (GitHub shows about ${ANNOTATIONS_PER_LEVEL} annotations of each level per step): see ${where}`
}

/** Per-level limits once the step's own annotations have taken their slots. */
export function annotationLimits(reserved: Record<AnnotationLevel, number>): Record<AnnotationLevel, number> {
  return {
    error: Math.max(0, ANNOTATIONS_PER_LEVEL - reserved.error),
    warning: Math.max(0, ANNOTATIONS_PER_LEVEL - reserved.warning)
  }
}

function describeFailure(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status
  return `${typeof status === 'number' ? `HTTP ${status}: ` : ''}${describeError(error)}`
}

/** A pull request's files, listed once, or why they are unknown (read as a notice's middle part). */
export type PullFiles = { files: PullFile[] } | { unavailable: string }

/** Lists the pull request's files once; an API error becomes `unavailable`, never a throw. */
export async function fetchPullFiles(source: PullFilesSource | { unavailable: string }): Promise<PullFiles> {
  if ('unavailable' in source) return source
  try {
    return { files: await listPullFiles(source) }
  } catch (error) {
    return { unavailable: `could not list the pull request's files (${describeFailure(error)})` }
  }
}

/**
 * Annotates the findings the baseline lacks when there is one; else those on the pull request's
 * changed lines. Without the changed lines (no token,
 * no pull request, an API error) it annotates nothing and says so in one notice: annotations are
 * a convenience, so they never fail the step or touch the verdict.
 */
export async function annotateFindings(
  report: Report,
  source: PullFilesSource | PullFiles,
  options: AnnotateOptions,
  out: AnnotationOutput = core
): Promise<void> {
  const open = report.findings.filter((f) => !f.suppressed)
  if (open.length === 0) return
  if (report.baseline?.status === 'ok') {
    const plan = planNewAnnotations(report, annotationLimits(options.reserved))
    for (const { level, message, properties } of plan.annotations) out[level](message, properties)
    if (plan.omitted > 0) out.notice(moreFindingsLine(plan.omitted, options.reportPath, 'not in the baseline'))
    out.info(`annotated ${plan.annotations.length} of ${plan.changed} findings not in the baseline (${open.length} findings in all)`)
    return
  }
  const readIn = options.reportPath ? 'the job summary and the JSON report' : 'the job summary'
  const listed = 'files' in source ? source : await fetchPullFiles(source)
  if ('unavailable' in listed) {
    out.notice(`no annotations on changed lines: ${listed.unavailable}; every finding is in ${readIn}`)
    return
  }
  const changed: ChangedLines = changedLinesOf(listed.files)
  const plan = planAnnotations(report, changed, annotationLimits(options.reserved))
  for (const { level, message, properties } of plan.annotations) out[level](message, properties)
  if (plan.omitted > 0) out.notice(moreFindingsLine(plan.omitted, options.reportPath))
  out.info(`annotated ${plan.annotations.length} of ${plan.changed} findings on changed lines (${open.length} findings in all)`)
}

/** The pull request's files through Octokit, or why there are none to read. */
export function pullRequestFiles(context: RunContext, token: string): PullFilesSource | { unavailable: string } {
  const pr = pullRequestContext(context)
  if (!pr) return { unavailable: 'not a pull_request event' }
  if (!token) return { unavailable: 'github-token is empty, so the changed files could not be listed' }
  const { owner, repo, issueNumber: number } = pr.target
  return pullFilesSource(createOctokit(token), { owner, repo, number })
}
