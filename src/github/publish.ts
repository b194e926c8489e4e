import * as core from '@actions/core'
import type { CommentMode } from '../config/options.js'
import type { Report } from '../report.js'
import { commentMarker, renderComment } from '../render/comment.js'
import type { LinkContext, MarkdownOptions } from '../render/markdown.js'
import { explainCommentFailure, createIssuesApi, upsertComment, type CommentOutcome } from './comment.js'
import { createOctokit } from './octokit.js'
import type { RunContext } from './run-context.js'
import { describeErrorFully } from '../common/errors.js'

/** The pull request this run is about, or undefined for pushes, schedules and the like. */
export function pullRequestContext(
  context: RunContext
): { target: { owner: string; repo: string; issueNumber: number }; links: LinkContext } | undefined {
  const pr = context.payload.pull_request as { number?: unknown; head?: { sha?: unknown } } | null | undefined
  if (!pr || typeof pr.number !== 'number') return undefined
  const { owner, repo } = context.repo
  const sha = String(pr.head?.sha ?? context.sha)
  return { target: { owner, repo, issueNumber: pr.number }, links: { serverUrl: context.serverUrl, owner, repo, sha } }
}

/** The comment as rendered first, then shorter forms, for a GitHub that finds a body too long all the same. */
const SHORTER: MarkdownOptions[] = [{}, { details: 'none', maxRows: 25 }, { details: 'none', maxRows: 1 }]

/** GitHub's 422 for a body over its limit: `Validation Failed ... body is too long (maximum is 65536 characters)`. */
function isTooLong(error: unknown): boolean {
  return (error as { status?: unknown } | null)?.status === 422 && /too long/i.test(describeErrorFully(error))
}

/** Posts or updates the sticky comment; a failure is a warning, never a change of verdict. Returns its URL. */
export async function publishComment(
  report: Report,
  context: RunContext,
  token: string,
  mode: CommentMode,
  sbomArtifact?: string
): Promise<string> {
  const pr = pullRequestContext(context)
  if (!pr) {
    core.info('not a pull_request event: no PR comment')
    return ''
  }
  if (mode === 'never') return ''
  if (!token) {
    core.warning('github-token is empty, so no PR comment was written: pass github-token: ${{ github.token }} with pull-requests: write')
    return ''
  }
  try {
    const api = createIssuesApi(createOctokit(token))
    let outcome: CommentOutcome | undefined
    for (const [i, shorter] of SHORTER.entries()) {
      const body = renderComment(report, { links: pr.links, ...(sbomArtifact ? { sbomArtifact } : {}), ...shorter })
      try {
        outcome = await upsertComment(api, pr.target, commentMarker(report.root), body, mode, report.passed)
        break
      } catch (error) {
        // GitHub may count characters differently from us: cut the comment further and try again.
        if (!isTooLong(error) || i === SHORTER.length - 1) throw error
        core.info(`GitHub found the PR comment too long (${[...body].length} characters); trying a shorter one`)
      }
    }
    if (!outcome) return ''
    core.info(`PR comment ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}${outcome.detail ? ` (${outcome.detail})` : ''}`)
    return outcome.url
  } catch (error) {
    core.warning(explainCommentFailure(error))
    return ''
  }
}
