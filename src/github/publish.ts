import * as core from '@actions/core'
import * as github from '@actions/github'
import type { CommentMode } from '../config/options.js'
import type { Report } from '../report.js'
import { commentMarker, renderComment } from '../render/comment.js'
import type { LinkContext } from '../render/markdown.js'
import { explainCommentFailure, upsertComment } from './comment.js'

/** The pull request this run is about, or undefined for pushes, schedules and the like. */
export function pullRequestContext(): { target: { owner: string; repo: string; issueNumber: number }; links: LinkContext } | undefined {
  const { payload } = github.context
  const pr = payload.pull_request
  if (!pr || typeof pr.number !== 'number') return undefined
  const { owner, repo } = github.context.repo
  const sha = String((pr.head as { sha?: string } | undefined)?.sha ?? github.context.sha)
  return { target: { owner, repo, issueNumber: pr.number }, links: { serverUrl: github.context.serverUrl, owner, repo, sha } }
}

/** Posts or updates the sticky comment; a failure is a warning, never a change of verdict. Returns its URL. */
export async function publishComment(report: Report, token: string, mode: CommentMode, sbomArtifact?: string): Promise<string> {
  const pr = pullRequestContext()
  if (!pr) {
    core.info('not a pull_request event: no PR comment')
    return ''
  }
  if (mode === 'never') return ''
  if (!token) {
    core.warning('github-token is empty, so no PR comment was written: pass github-token: ${{ github.token }} with pull-requests: write')
    return ''
  }
  const body = renderComment(report, { links: pr.links, ...(sbomArtifact ? { sbomArtifact } : {}) })
  try {
    const octokit = github.getOctokit(token)
    const outcome = await upsertComment(octokit.rest.issues, pr.target, commentMarker(report.root), body, mode, report.passed)
    core.info(`PR comment ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}${outcome.detail ? ` (${outcome.detail})` : ''}`)
    return outcome.url
  } catch (error) {
    core.warning(explainCommentFailure(error))
    return ''
  }
}
