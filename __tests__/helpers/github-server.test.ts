import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from './github-server.js'
import { loopbackOctokit } from './octokit.js'

const loadGetOctokit = loopbackOctokit()

const repo = { owner: 'acme', repo: 'shop', issue_number: 7 }
let server: FakeGitHub

beforeEach(async () => {
  server = await startFakeGitHub({ readOnlyTokens: ['ro-token'] })
})

afterEach(async () => {
  await server.close()
})

const connect = (token = 'rw-token') => loadGetOctokit()(token, { baseUrl: server.url })

describe('fake GitHub server', () => {
  it('creates a comment as the bot and records the request', async () => {
    const { status, data } = await connect().rest.issues.createComment({ ...repo, body: 'hello' })
    expect(status).toBe(201)
    expect(data).toMatchObject({ body: 'hello', user: { login: 'github-actions[bot]', type: 'Bot' } })
    expect(data.html_url).toBe(`https://github.com/acme/shop/pull/7#issuecomment-${data.id}`)
    expect(server.comments('acme', 'shop', 7)).toEqual([data])
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/repos/acme/shop/issues/7/comments', body: { body: 'hello' } })
    expect(server.requests[0]?.headers.authorization).toBe('token rw-token')
  })

  it('paginates over three pages with GitHub-style Link headers', async () => {
    for (let i = 1; i <= 5; i++) server.seedComment('acme', 'shop', 7, `c${i}`, 'octocat')
    const octokit = connect()
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, per_page: 2 })
    expect(all.map((c) => c.body)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5'])
    expect(all[0]?.user).toEqual({ login: 'octocat', type: 'User' })
    expect(server.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3'])

    const middle = await octokit.rest.issues.listComments({ ...repo, per_page: 2, page: 2 })
    const base = `${server.url}/repos/acme/shop/issues/7/comments?per_page=2`
    expect(middle.headers.link).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`
    )
  })

  it('updates, reads and deletes a comment; unknown ids are 404', async () => {
    const seeded = server.seedComment('acme', 'shop', 7, 'old')
    const octokit = connect()
    const updated = await octokit.rest.issues.updateComment({ owner: 'acme', repo: 'shop', comment_id: seeded.id, body: 'new' })
    expect(updated.status).toBe(200)
    expect(updated.data).toMatchObject({ id: seeded.id, body: 'new' })
    expect((await octokit.rest.issues.getComment({ owner: 'acme', repo: 'shop', comment_id: seeded.id })).data.body).toBe('new')
    await expect(octokit.rest.issues.updateComment({ owner: 'acme', repo: 'shop', comment_id: 999999, body: 'x' })).rejects.toMatchObject({
      status: 404
    })
    expect((await octokit.rest.issues.deleteComment({ owner: 'acme', repo: 'shop', comment_id: seeded.id })).status).toBe(204)
    expect(server.comments('acme', 'shop', 7)).toEqual([])
  })

  it('answers 403 to writes with a read-only token but lets it read', async () => {
    const octokit = connect('ro-token')
    await expect(octokit.rest.issues.createComment({ ...repo, body: 'x' })).rejects.toMatchObject({
      name: 'HttpError',
      status: 403,
      response: { data: { message: 'Resource not accessible by integration' } }
    })
    expect((await octokit.rest.issues.listComments(repo)).data).toEqual([])
  })

  it('rejects bodies over 65,536 characters and empty bodies with 422', async () => {
    const octokit = connect()
    await expect(octokit.rest.issues.createComment({ ...repo, body: 'x'.repeat(65537) })).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }]
        }
      }
    })
    await expect(octokit.rest.issues.createComment({ ...repo, body: '' })).rejects.toMatchObject({ status: 422 })
    expect((await octokit.rest.issues.createComment({ ...repo, body: 'x'.repeat(65536) })).status).toBe(201)
  })

  it('answers 401 without credentials and 404 for unknown routes', async () => {
    const anonymous = await fetch(`${server.url}/repos/acme/shop/issues/7/comments`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(anonymous.headers.get('x-github-request-id')).toMatch(/^[0-9A-F:]+$/)
    expect(await anonymous.json()).toMatchObject({ message: 'Requires authentication' })
    await expect(connect().request('GET /repos/{owner}/{repo}/pulls', repo)).rejects.toMatchObject({ status: 404 })
  })

  it('answers GET pulls/{number} with the seeded head sha, and 404 for other pull requests', async () => {
    server.seedPullRequest('acme', 'shop', 7, 'a'.repeat(40))
    const octokit = connect('ro-token')
    const { data } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'shop', pull_number: 7 })
    expect(data).toMatchObject({ number: 7, head: { sha: 'a'.repeat(40) } })
    await expect(octokit.rest.pulls.get({ owner: 'acme', repo: 'shop', pull_number: 8 })).rejects.toMatchObject({ status: 404 })
    await expect(octokit.rest.pulls.get({ owner: 'acme', repo: 'other', pull_number: 7 })).rejects.toMatchObject({ status: 404 })
  })

  it('fails the next requests with a 5xx and then recovers (Octokit does not retry)', async () => {
    server.failNext(1, 502)
    const octokit = connect()
    await expect(octokit.rest.issues.listComments(repo)).rejects.toMatchObject({ status: 502 })
    expect((await octokit.rest.issues.listComments(repo)).status).toBe(200)
    expect(server.requests).toHaveLength(2)
  })

  it('honours failNext given as a start option', async () => {
    const flaky = await startFakeGitHub({ failNext: { count: 2, status: 503 } })
    try {
      const octokit = loadGetOctokit()('t', { baseUrl: flaky.url })
      await expect(octokit.rest.issues.listComments(repo)).rejects.toMatchObject({ status: 503 })
      await expect(octokit.rest.issues.listComments(repo)).rejects.toMatchObject({ status: 503 })
      expect((await octokit.rest.issues.listComments(repo)).status).toBe(200)
    } finally {
      await flaky.close()
    }
  })
})
