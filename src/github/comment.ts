import type { CommentMode } from '../config/options.js'

/** The few REST calls the sticky comment needs; Octokit's `rest.issues` satisfies it. */
export interface IssuesApi {
  listComments(params: {
    owner: string
    repo: string
    issue_number: number
    per_page: number
    page: number
  }): Promise<{ data: Array<{ id: number; body?: string | null; html_url: string }> }>
  createComment(params: {
    owner: string
    repo: string
    issue_number: number
    body: string
  }): Promise<{ data: { id: number; html_url: string } }>
  updateComment(params: {
    owner: string
    repo: string
    comment_id: number
    body: string
  }): Promise<{ data: { id: number; html_url: string } }>
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

/** GitHub's 5xx are usually passing; try twice more before giving up. */
export async function withRetry<T>(call: () => Promise<T>, delays: number[] = [1000, 3000]): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call()
    } catch (error) {
      const status = statusOf(error)
      const delay = delays[attempt]
      if (status === undefined || status < 500 || delay === undefined) throw error
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}

/** Our earlier comment: the one whose body starts with the marker (a quote of it does not). */
async function findComment(api: IssuesApi, target: CommentTarget, marker: string, delays?: number[]) {
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { data } = await withRetry(
      () => api.listComments({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: PER_PAGE, page }),
      delays
    )
    const ours = data.find((c) => (c.body ?? '').startsWith(marker))
    if (ours) return ours
    if (data.length < PER_PAGE) return undefined
  }
  return undefined
}

/**
 * Creates or updates the sticky comment. `on-failure` creates one only when the gate failed, but
 * still updates an existing one, so a fixed pull request does not keep a stale failure.
 */
export async function upsertComment(
  api: IssuesApi,
  target: CommentTarget,
  marker: string,
  body: string,
  mode: CommentMode,
  passed: boolean,
  delays?: number[]
): Promise<CommentOutcome> {
  if (mode === 'never') return { action: 'skipped', url: '', detail: 'comment is never' }
  const existing = await findComment(api, target, marker, delays)
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', url: existing.html_url }
    const { data } = await withRetry(
      () => api.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body }),
      delays
    )
    return { action: 'updated', url: data.html_url }
  }
  if (mode === 'on-failure' && passed) return { action: 'skipped', url: '', detail: 'the gate passed and comment is on-failure' }
  return { action: 'created', url: await createOnce(api, target, marker, body, delays) }
}

/**
 * A create that failed with a 5xx may have been stored all the same: look again before retrying,
 * so a flaky API never leaves two sticky comments.
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
      const stored = await findComment(api, target, marker, delays)
      if (stored) return stored.html_url
    }
  }
}

/** One line for the log when commenting failed; the gate's verdict never depends on it. */
export function explainCommentFailure(error: unknown): string {
  const status = statusOf(error)
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
  if (status === 403 || status === 404) {
    return `could not write the PR comment (HTTP ${status}): the token needs \`pull-requests: write\`. Add it under \`permissions:\` in the workflow; pull requests from forks get a read-only token, so use the two-phase workflow (mode: comment) for them`
  }
  if (status === 401) return 'could not write the PR comment (HTTP 401): github-token is missing or invalid'
  return `could not write the PR comment${status ? ` (HTTP ${status})` : ''}: ${message}`
}
