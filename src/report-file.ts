import { closeSync, fstatSync, openSync, readFileSync, constants as fsConstants } from 'node:fs'
import { z } from 'zod'
import { UsageError } from './config/errors.js'
import { SEVERITIES, THRESHOLDS } from './common/severity.js'

/**
 * The JSON report as a scan run writes it: the report, plus the pull request it was made for
 * (additive). Its type is the schema's, so what is written and what is read back cannot drift apart.
 */
export type ReportFile = z.infer<typeof REPORT_SCHEMA>

/** The commit a scan ran on, when it ran for a pull request: the handoff to `mode: comment`. */
export type PullRequestRef = NonNullable<ReportFile['pullRequest']>

/** Far above any real report (100,000 findings fit), far below what would hurt the runner. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024
/** A full commit id: SHA-1, or SHA-256 for repositories that use it. */
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
/** GitHub's pull request numbers are positive 32-bit integers. */
const MAX_PR_NUMBER = 2_147_483_647

const severity = z.enum(SEVERITIES)
const counts = z.object({
  low: z.number().int().min(0),
  moderate: z.number().int().min(0),
  high: z.number().int().min(0),
  critical: z.number().int().min(0)
})
const status = z.enum(['ok', 'error', 'skipped'])
const text = z.string().max(10_000)
const date = z.string().max(20)
// eslint-disable-next-line no-control-regex -- control characters are what it rejects
const PATH_SEGMENT = /^[^/\\\u0000-\u001f\u007f]+$/
// The root names the comment (its marker) and prefixes links: a plain relative path, never `..` or absolute.
const root = z
  .string()
  .max(500)
  .refine((value) => value === '.' || value.split('/').every((s) => PATH_SEGMENT.test(s) && s !== '.' && s !== '..'), {
    message: "expected '.' or a relative path inside the workspace"
  })

/**
 * A report read back in `mode: comment` may come from an untrusted pull request's job, so it is
 * validated as data: known shapes and sizes only; the renderers escape every string anyway.
 */
const REPORT_SCHEMA = z.object({
  version: z.literal(1),
  tool: z.object({ name: z.literal('express-hardening-gate'), version: z.string().max(100) }),
  /** The working directory, relative to the workspace. */
  root,
  passed: z.boolean(),
  /** Why the gate failed; empty when it passed. */
  reasons: z.array(text).max(100).default([]),
  /** Problems that did not fail the gate (an audit error under on-audit-error: warn, expired entries). */
  warnings: z.array(text).max(100).default([]),
  thresholds: z.object({ audit: z.enum(THRESHOLDS), findings: z.enum(THRESHOLDS) }),
  findings: z
    .array(
      z.object({
        rule: z
          .string()
          .max(100)
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a rule id' }),
        severity,
        file: text,
        line: z.number().int().min(1).nullable(),
        column: z.number().int().min(0).nullable(),
        message: text,
        fingerprint: z.string().max(200),
        suppressed: z.boolean(),
        suppression: z.object({ source: z.enum(['config', 'inline']), reason: text, expires: date.optional() }).optional(),
        new: z.boolean().optional()
      })
    )
    .max(100_000),
  audit: z.object({
    status,
    error: text.optional(),
    counts,
    advisories: z
      .array(
        z.object({
          id: z.string().max(200),
          package: z.string().max(300),
          severity,
          title: text,
          url: z.string().max(2000),
          range: z.string().max(2000),
          fixAvailable: z.boolean(),
          fix: z.string().max(500).optional(),
          direct: z.boolean(),
          via: z.array(z.string().max(300)).max(1000),
          allowed: z.object({ reason: text, expires: date.optional() }).optional(),
          new: z.boolean().optional()
        })
      )
      .max(100_000)
  }),
  sbom: z.object({
    status,
    error: text.optional(),
    /** Relative to the working directory. */
    path: text.optional(),
    components: z.number().int().min(0).optional(),
    specVersion: z.string().max(20).optional()
  }),
  steps: z.array(z.object({ name: z.string().max(100), status, ms: z.number().min(0), detail: text.optional() })).max(100),
  /** Files skipped or not parsed, and config entries that no longer apply. */
  notes: z
    .array(z.object({ file: text, message: text }))
    .max(100_000)
    .default([]),
  /** Config suppressions and audit allowlist entries past their date, so no longer applied (additive). */
  expiredSuppressions: z
    .array(
      z.object({
        source: text,
        rule: z.string().max(100).optional(),
        id: z.string().max(200).optional(),
        path: text.optional(),
        expires: date
      })
    )
    .max(10_000)
    .optional(),
  /** What the gate compared against (additive): findings and advisories carry `new` when its status is ok. */
  baseline: z
    .object({
      source: z.enum(['base-commit', 'file', 'none']),
      ref: z.string().max(2000),
      status,
      error: text.optional(),
      fixed: z.array(z.object({ rule: z.string().max(100), file: text, fingerprint: z.string().max(200) })).max(100_000),
      advisoriesFixed: z.array(z.object({ id: z.string().max(200), package: z.string().max(300) })).max(100_000)
    })
    .optional(),
  pullRequest: z
    .object({
      number: z.number().int().min(1).max(MAX_PR_NUMBER),
      headSha: z.string().regex(COMMIT_SHA, { message: 'expected a full commit sha' })
    })
    .optional()
})

export function parseReport(json: string, source: string): ReportFile {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    throw new UsageError(`report-file ${source} is not JSON; give the hardening-report.json written by a scan run`)
  }
  const parsed = REPORT_SCHEMA.safeParse(data)
  if (!parsed.success) {
    // The path names schema keys and indexes only, and zod's messages do not quote the input: nothing of the file reaches the log.
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'top level'
    throw new UsageError(
      `report-file ${source} is not a version 1 hardening report (${where}: ${issue?.message ?? 'invalid'}); give the file written by a scan run`
    )
  }
  return parsed.data
}

/**
 * Reads a report that may have been made by an untrusted job: a regular file (no symlink into the
 * runner, no FIFO that blocks), of bounded size, then validated by `parseReport`.
 */
export function readReportFile(file: string, maxBytes: number = MAX_REPORT_BYTES): ReportFile {
  let fd: number
  try {
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new UsageError(`report-file ${file} does not exist; in mode: comment, download the scan job's report artifact first`)
    if (code === 'ELOOP') throw new UsageError(`report-file ${file} is a symbolic link; give the report file itself`)
    throw new UsageError(`report-file ${file} cannot be read (${code ?? 'error'})`)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile())
      throw new UsageError(`report-file ${file} is not a regular file; give the hardening-report.json written by a scan run`)
    if (stat.size > maxBytes)
      throw new UsageError(`report-file ${file} is ${stat.size} bytes, over the ${maxBytes}-byte limit for a report`)
    return parseReport(readFileSync(fd, 'utf8'), file)
  } finally {
    closeSync(fd)
  }
}

/** The parts of a run's event (`github.context`) the handoff reads. */
export interface RunEvent {
  eventName: string
  payload: Record<string, unknown>
  repo: { owner: string; repo: string }
}

/** The one REST call that confirms a pull request's head; Octokit's `rest.pulls` satisfies it. */
export interface PullsApi {
  get(params: { owner: string; repo: string; pull_number: number }): Promise<{ data: { head: { sha: string } } }>
}

export type CommentTargetResult =
  { kind: 'pull-request'; owner: string; repo: string; issueNumber: number; headSha: string } | { kind: 'none'; reason: string }

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function short(sha: string): string {
  return sha.slice(0, 12)
}

/** Scan mode records the pull request it ran for, so a later comment job knows where to comment. */
export function pullRequestOfEvent(event: RunEvent): PullRequestRef | undefined {
  if (!PULL_REQUEST_EVENTS.has(event.eventName)) return undefined
  const pr = record(event.payload.pull_request)
  const headSha = record(pr.head).sha
  if (typeof pr.number !== 'number' || typeof headSha !== 'string' || !COMMIT_SHA.test(headSha)) return undefined
  return { number: pr.number, headSha }
}

/**
 * Where `mode: comment` may comment, as a checklist. The report is untrusted: on a `workflow_run`
 * its pull request is accepted only for the commit GitHub says the scanned run was for
 * (`workflow_run.head_sha`), and only when the API confirms that pull request's head is that commit.
 * (`workflow_run.pull_requests` is empty for fork pull requests, so the number has to come from the report.)
 */
export async function resolveCommentTarget(report: ReportFile, event: RunEvent, pulls: PullsApi | undefined): Promise<CommentTargetResult> {
  const { owner, repo } = event.repo
  const claimed = report.pullRequest

  if (PULL_REQUEST_EVENTS.has(event.eventName)) {
    // Same workflow, later job: the event itself names the pull request.
    const current = pullRequestOfEvent(event)
    if (!current) return { kind: 'none', reason: `the ${event.eventName} payload names no pull request: no PR comment` }
    if (claimed && (claimed.number !== current.number || claimed.headSha !== current.headSha)) {
      throw new UsageError(
        `report-file was made for pull request #${claimed.number} at ${short(claimed.headSha)}, not this run's #${current.number} at ${short(current.headSha)}; give the report of this pull request's scan`
      )
    }
    return { kind: 'pull-request', owner, repo, issueNumber: current.number, headSha: current.headSha }
  }

  if (event.eventName !== 'workflow_run') {
    return {
      kind: 'none',
      reason: `mode: comment comments on pull requests from a workflow_run (or pull_request) event, not ${event.eventName}: no PR comment`
    }
  }
  const run = record(event.payload.workflow_run)
  const runSha = run.head_sha
  if (typeof runSha !== 'string' || !COMMIT_SHA.test(runSha)) {
    throw new UsageError('the workflow_run payload has no head_sha, so the report cannot be matched to a commit')
  }
  const listed = Array.isArray(run.pull_requests)
    ? run.pull_requests.map((pr) => record(pr).number).filter((n): n is number => typeof n === 'number')
    : []
  const number = claimed?.number ?? listed[0]
  if (number === undefined)
    return { kind: 'none', reason: 'the scanned run was not for a pull request (the report names none): no PR comment' }
  if (claimed && claimed.headSha !== runSha) {
    throw new UsageError(
      `report-file was made for commit ${short(claimed.headSha)}, but the workflow run that triggered this job is for ${short(runSha)}; not commenting`
    )
  }
  if (!pulls) throw new UsageError('github-token is empty; mode: comment needs a token with pull-requests: write')
  const headSha = await fetchHeadSha(pulls, owner, repo, number)
  if (headSha !== runSha) {
    throw new UsageError(
      `pull request #${number} has head ${short(headSha)}, not the scanned commit ${short(runSha)}; not commenting (the report names another pull request, or the pull request has new commits since the scan)`
    )
  }
  return { kind: 'pull-request', owner, repo, issueNumber: number, headSha: runSha }
}

async function fetchHeadSha(pulls: PullsApi, owner: string, repo: string, number: number): Promise<string> {
  try {
    const { data } = await pulls.get({ owner, repo, pull_number: number })
    return String(data.head.sha)
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status
    if (status === 404) throw new UsageError(`pull request #${number} does not exist in ${owner}/${repo}; not commenting`)
    throw new UsageError(
      `could not read pull request #${number} to confirm its head commit${typeof status === 'number' ? ` (HTTP ${status})` : ''}; not commenting`
    )
  }
}
