// The action's two modes, scan and comment, loaded by run() (main.ts) once the inputs are read and valid.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { describeError } from './common/errors.js'
import type { ActionOptions } from './config/inputs.js'
import { toPosixRelative } from './config/paths.js'
import { annotateFindings, fetchPullFiles, pullRequestFiles, type AnnotationLevel, type PullFiles } from './github/annotations.js'
import { resolveBaselineInput } from './github/baseline-event.js'
import { explainCommentFailure, createIssuesApi, upsertComment } from './github/comment.js'
import { submitDependencySnapshot, type SnapshotContext } from './github/dependency-snapshot.js'
import { createOctokit } from './github/octokit.js'
import { publishComment } from './github/publish.js'
import type { RunContext } from './github/run-context.js'
import { uploadSbomArtifact, type SbomArtifactOutcome } from './github/sbom-artifact.js'
import { runGate } from './pipeline.js'
import { commentMarker, renderComment } from './render/comment.js'
import { renderMarkdown } from './render/markdown.js'
import { renderSarif } from './render/sarif.js'
import { renderJson } from './render/text.js'
import { pullRequestOfEvent, readReportFile, resolveCommentTarget, type PullsApi, type ReportFile } from './report-file.js'
import type { Report } from './report.js'
import { execProcess } from './tools/exec.js'

/** GitHub's job summary holds at most 1 MiB per step. */
const SUMMARY_LIMIT = 1_000_000

function writeReportFile(options: ActionOptions, report: Report, context: RunContext): string {
  if (!options.reportFile) return ''
  // The pull request it was made for goes with the report, for a later `mode: comment` job.
  const pullRequest = pullRequestOfEvent(context)
  const file: ReportFile = pullRequest ? { ...report, pullRequest } : report
  mkdirSync(dirname(options.reportFile), { recursive: true })
  writeFileSync(options.reportFile, renderJson(file))
  return toPosixRelative(options.workspace, options.reportFile)
}

function writeSarifFile(options: ActionOptions, report: Report): string {
  if (!options.sarifFile) return ''
  mkdirSync(dirname(options.sarifFile), { recursive: true })
  writeFileSync(options.sarifFile, renderSarif(report))
  return toPosixRelative(options.workspace, options.sarifFile)
}

function setOutputs(options: ActionOptions, report: Report, paths: { report: string; sarif: string }): void {
  core.setOutput('passed', String(report.passed))
  const open = report.findings.filter((f) => !f.suppressed)
  core.setOutput('findings', String(open.length))
  // Without a baseline (or when it could not be had) nothing is marked pre-existing: every finding is new.
  core.setOutput('new-findings', String(open.filter((f) => f.new !== false).length))
  // Without a report the counts are unknown, not zero: `{}`, so no later step reads them as clean.
  core.setOutput('vulnerabilities', report.audit.status === 'ok' ? JSON.stringify(report.audit.counts) : '{}')
  core.setOutput('sbom-path', report.sbom.status === 'ok' ? toPosixRelative(options.workspace, options.sbomFile) : '')
  core.setOutput('sarif-path', paths.sarif)
  core.setOutput('report-path', paths.report)
}

async function writeSummary(report: Report, sbomArtifact: string | undefined): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const artifact = sbomArtifact ? { sbomArtifact } : {}
  let maxRows: number | undefined
  let markdown = renderMarkdown(report, artifact)
  while (markdown.length > SUMMARY_LIMIT && (maxRows === undefined || maxRows > 1)) {
    maxRows = Math.floor((maxRows ?? Math.max(report.findings.length, report.audit.advisories.length)) / 2)
    markdown = renderMarkdown(report, { ...artifact, maxRows, fullListHint: 'see the JSON report' })
  }
  await core.summary.addRaw(markdown, true).write()
}

/** Annotations this step makes besides the findings' (warnings, a comment failure, the verdict): GitHub shows only ~10 of each level. */
function ownAnnotations(options: ActionOptions, report: Report, sbom: SbomArtifactOutcome): Record<AnnotationLevel, number> {
  const warnings = report.warnings.length + sbom.warnings + (options.comment === 'never' ? 0 : 1) + (options.dependencySnapshot ? 1 : 0)
  return { error: report.passed ? 0 : 1, warning: warnings }
}

/**
 * Publishing beyond the reports (annotations, the summary, the comment) is a convenience: when it
 * fails, a warning says so, and the step still ends with the gate's verdict.
 */
async function bestEffort<T>(what: string, work: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await work()
  } catch (error) {
    core.warning(`could not ${what}: ${describeError(error)}`)
    return fallback
  }
}

/** `dependency-snapshot: true`: submitted while the rest is published, never holding up the comment; it only ever warns. */
function startDependencySnapshot(options: ActionOptions, context: SnapshotContext, root: string): Promise<void> {
  if (!options.dependencySnapshot) return Promise.resolve()
  const { workspace, workingDirectory, githubToken: token } = options
  return bestEffort(
    'submit the dependency snapshot',
    () => submitDependencySnapshot({ workspace, workingDirectory, root, token, context }, createOctokit),
    undefined
  )
}

async function runScanMode(options: ActionOptions, context: SnapshotContext, entry: Entry): Promise<void> {
  const baseline = resolveBaselineInput(options.baselineInput, context)
  const report = await runGate({ ...options, baseline }, { exec: execProcess, log: (line) => core.info(line), ...entry })
  // Started once the verdict is known and run beside the publishing below; only the step's end waits for it.
  const snapshot = startDependencySnapshot(options, context, report.root)
  // With a baseline the findings it lacks are annotated, wherever they are; without one, those on
  // the pull request's changed lines, listed once. No open finding: nothing to annotate, no call.
  const pullFiles: PullFiles =
    report.baseline?.status === 'ok'
      ? { unavailable: 'compared with the baseline' }
      : report.findings.some((f) => !f.suppressed)
        ? await bestEffort('list the pull request files', () => fetchPullFiles(pullRequestFiles(context, options.githubToken)), {
            unavailable: 'listing them failed'
          })
        : { unavailable: 'no open findings' }
  for (const warning of report.warnings) core.warning(warning)
  const paths = { report: writeReportFile(options, report, context), sarif: writeSarifFile(options, report) }
  setOutputs(options, report, paths)
  // Once reports and outputs are written, so artifact storage can never cost them; before the summary and comment, which name the artifact.
  const sbom: SbomArtifactOutcome = options.uploadSbom ? await uploadSbomArtifact(report, options.sbomFile) : { warnings: 0 }
  await bestEffort(
    'annotate the changed lines',
    () => annotateFindings(report, pullFiles, { reportPath: paths.report, reserved: ownAnnotations(options, report, sbom) }),
    undefined
  )
  await bestEffort('write the job summary', () => writeSummary(report, sbom.artifact), undefined)
  core.setOutput(
    'comment-url',
    await bestEffort('write the PR comment', () => publishComment(report, context, options.githubToken, options.comment, sbom.artifact), '')
  )
  await snapshot
  if (!report.passed) core.setFailed(`Hardening gate failed: ${report.reasons.join('; ')}`)
}

/**
 * Second phase of a fork-safe workflow: comment from a report made by an earlier, unprivileged job.
 * Nothing of the pull request is checked out or run; the report is data, checked by report-file.ts.
 * The verdict belongs to the scan job's check, so this step fails only when it could not comment.
 */
async function runCommentMode(options: ActionOptions, context: RunContext): Promise<void> {
  const report = readReportFile(options.reportFile)
  const octokit = options.githubToken ? createOctokit(options.githubToken) : undefined
  // Sent once, as before the retry plugin: a failed confirmation is reported and the step fails.
  const pulls: PullsApi | undefined = octokit && { get: (params) => octokit.rest.pulls.get({ ...params, request: { retries: 0 } }) }
  const pr = await resolveCommentTarget(report, context, pulls)
  core.setOutput('passed', String(report.passed))
  core.setOutput('report-path', toPosixRelative(options.workspace, options.reportFile))
  core.setOutput('comment-url', '')
  if (pr.kind === 'none') {
    core.info(pr.reason)
    return
  }
  if (!octokit) {
    core.setFailed('github-token is empty; mode: comment needs a token with pull-requests: write')
    return
  }
  const { owner, repo, headSha: sha } = pr
  const body = renderComment(report, { links: { serverUrl: context.serverUrl, owner, repo, sha } })
  try {
    const outcome = await upsertComment(createIssuesApi(octokit), pr, commentMarker(report.root), body, options.comment, report.passed)
    core.info(
      `PR comment on #${pr.issueNumber} ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}${outcome.detail ? ` (${outcome.detail})` : ''}`
    )
    core.setOutput('comment-url', outcome.url)
  } catch (error) {
    core.setFailed(explainCommentFailure(error))
  }
}

/** What the entry point tells the gate: the script its scan's worker thread starts from. */
export interface Entry {
  scanWorker?: string
}

/** The mode the inputs ask for, with the run's event, read here once; everything below takes it as a parameter. */
export async function runMode(options: ActionOptions, entry: Entry): Promise<void> {
  const context: SnapshotContext = github.context
  if (options.mode === 'comment') await runCommentMode(options, context)
  else await runScanMode(options, context, entry)
}
