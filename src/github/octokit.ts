import * as github from '@actions/github'
import { retry } from '@octokit/plugin-retry'

/** An Octokit with @octokit/plugin-retry, as createOctokit builds it. */
export type GitHubClient = ReturnType<typeof github.getOctokit>

export interface OctokitOptions {
  /** The REST API root; @actions/github takes GITHUB_API_URL when this is absent. */
  baseUrl?: string
  /** Backoff unit: the n-th retry waits n² times this. */
  retryAfterMs?: number
}

/**
 * GitHub's 5xx are usually passing, its 4xx are answers: 403 from a read-only token, 404, 422 for a
 * body too long are handled by the caller, so no client error is retried. Network errors reach the
 * plugin as status 500 and are retried.
 */
const CLIENT_ERRORS = Array.from({ length: 100 }, (_, i) => 400 + i)
/** Three attempts in all, after 1 s and 4 s. */
const RETRIES = 2
const RETRY_AFTER_MS = 1000

/** The one way this action builds an Octokit: with the token, and retries of GitHub's passing 5xx. */
export function createOctokit(token: string, options: OctokitOptions = {}): GitHubClient {
  const retryOptions = { retries: RETRIES, doNotRetry: CLIENT_ERRORS, retryAfterBaseValue: options.retryAfterMs ?? RETRY_AFTER_MS }
  return github.getOctokit(token, { ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), retry: retryOptions }, retry)
}
