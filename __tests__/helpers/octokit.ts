import { afterAll, beforeAll } from '@jest/globals'

type GetOctokit = typeof import('@actions/github').getOctokit
type CreateOctokit = typeof import('../../src/github/octokit.js').createOctokit

/**
 * @actions/github picks its HTTP agent from GITHUB_API_URL when it is imported, so point that at
 * loopback first and import it in beforeAll. Returns a getter for the imported getOctokit.
 */
export function loopbackOctokit(): () => GetOctokit {
  let getOctokit: GetOctokit | undefined
  const saved = process.env.GITHUB_API_URL
  beforeAll(async () => {
    process.env.GITHUB_API_URL = 'http://127.0.0.1'
    ;({ getOctokit } = await import('@actions/github'))
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.GITHUB_API_URL
    else process.env.GITHUB_API_URL = saved
  })
  return () => {
    if (!getOctokit) throw new Error('loopbackOctokit() must be called at the top level of a test file')
    return getOctokit
  }
}

/**
 * The action's own Octokit (with its retry plugin) against a loopback server, with a short backoff
 * so retries do not slow the tests. Call at the top level of a test file, as loopbackOctokit.
 */
export function loopbackActionOctokit(): (token: string, baseUrl: string) => ReturnType<CreateOctokit> {
  const load = loopbackOctokit()
  let createOctokit: CreateOctokit | undefined
  beforeAll(async () => {
    load()
    ;({ createOctokit } = await import('../../src/github/octokit.js'))
  })
  return (token, baseUrl) => {
    if (!createOctokit) throw new Error('loopbackActionOctokit() must be called at the top level of a test file')
    return createOctokit(token, { baseUrl, retryAfterMs: 10 })
  }
}
