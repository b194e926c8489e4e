import type { CommentMode } from '../config/options.js'
import type { GitHubClient } from './octokit.js'
import { describeError } from '../common/errors.js'
import { sameComment } from '../render/comment.js'

interface StoredComment {
  id: number
  body?: string | null
  html_url: string
}

/** The few REST calls the sticky comment needs; `createIssuesApi(octokit)` gives them. */
export interface IssuesApi {
  /** The issue's comments page by page, oldest first (Octokit's `paginate.iterator`). */
  listComments(params: {
    owner: string
    repo: string
    issue_number: number
    per_page: number
    page: number
  }): AsyncIterable<{ data: StoredComment[] }>
  /** Sent once: a create is retried only after looking whether it was stored (see createOnce). */
  createComment(params: { owner: string; repo: string; issue_number: number; body: string }): Promise<{ data: StoredComment }>
  updateComment(params: { owner: string; repo: string; comment_id: number; body: string }): Promise<{ data: StoredComment }>
}

/** The sticky comment's calls through Octokit; its retry plugin retries the list and the update. */
export function createIssuesApi(octokit: GitHubClient): IssuesApi {
  return {
    listComments: (params) => octokit.paginate.iterator(octokit.rest.issues.listComments, params),
    createComment: (params) => octokit.rest.issues.createComment({ ...params, request: { retries: 0 } }),
    updateComment: (params) => octokit.rest.issues.updateComment(params)
  }
}

export interface CommentTarget {
  owner: string
  repo: string
  issueNumber: number
}

export interface CommentOutcome {
  action: 'created' | 'updated' | 'unchanged' | 'skipped'
  url: string
  detail?: string
}

const PER_PAGE = 100
const MAX_PAGES = 50

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** Our earlier comment: the one whose body starts with the marker (a quote of it does not). */
async function findComment(api: IssuesApi, target: CommentTarget, marker: string): Promise<StoredComment | undefined> {
  let pages = 0
  const params = { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: PER_PAGE, page: 1 }
  for await (const { data } of api.listComments(params)) {
    const ours = data.find((c) => (c.body ?? '').startsWith(marker))
    if (ours) return ours
    pages += 1
    if (pages >= MAX_PAGES) break
  }
  return undefined
}

/**
 * Creates or updates the sticky comment; one that already says the same is left alone. `on-failure`
 * creates one only when the gate failed, but still updates an existing one, so a fixed pull request
 * does not keep a stale failure.
 */
export async function upsertComment(
  api: IssuesApi,
  target: CommentTarget,
  marker: string,
  body: string,
  mode: CommentMode,
  passed: boolean,
  createDelays?: number[]
): Promise<CommentOutcome> {
  if (mode === 'never') return { action: 'skipped', url: '', detail: 'comment is never' }
  const existing = await findComment(api, target, marker)
  if (existing) {
    // Timings, the head commit of our links and the run alone are no change: no edit, no PATCH.
    if (sameComment(existing.body ?? '', body)) return { action: 'unchanged', url: existing.html_url }
    const { data } = await api.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body })
    return { action: 'updated', url: data.html_url }
  }
  if (mode === 'on-failure' && passed) return { action: 'skipped', url: '', detail: 'the gate passed and comment is on-failure' }
  return { action: 'created', url: await createOnce(api, target, marker, body, createDelays) }
}

/**
 * A create that failed with a 5xx may have been stored all the same: look again before retrying,
 * so a flaky API never leaves two sticky comments. This is why the create is not left to the retry plugin.
 */
async function createOnce(api: IssuesApi, target: CommentTarget, marker: string, body: string, delays = [1000, 3000]): Promise<string> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const { data } = await api.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body })
      return data.html_url
    } catch (error) {
      const status = statusOf(error)
      const delay = delays[attempt]
      if (status === undefined || status < 500 || delay === undefined) throw error
      await new Promise((resolve) => setTimeout(resolve, delay))
      const stored = await findComment(api, target, marker)
      if (stored) return stored.html_url
    }
  }
}

/** One line for the log when commenting failed; the gate's verdict never depends on it. */
export function explainCommentFailure(error: unknown): string {
  const status = statusOf(error)
  const message = describeError(error)
  if (status === 403 || status === 404) {
    return `could not write the PR comment (HTTP ${status}): the token needs \`pull-requests: write\`. Add it under \`permissions:\` in the workflow; pull requests from forks get a read-only token, so use the two-phase workflow (mode: comment) for them`
  }
  if (status === 401) return 'could not write the PR comment (HTTP 401): github-token is missing or invalid'
  return `could not write the PR comment${status ? ` (HTTP ${status})` : ''}: ${message}`
}
