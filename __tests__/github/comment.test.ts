import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { explainCommentFailure, createIssuesApi, upsertComment, type CommentTarget, type IssuesApi } from '../../src/github/comment.js'
import { commentMarker, renderComment } from '../../src/render/comment.js'
import type { Report } from '../../src/report.js'
import { finding, LINKS, makeReport } from '../render/sample-report.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/github-server.js'
import { loopbackActionOctokit } from '../helpers/octokit.js'

const octokit = loopbackActionOctokit()

let server: FakeGitHub
beforeEach(async () => {
  server = await startFakeGitHub({ readOnlyTokens: ['ro-token'] })
})
afterEach(async () => {
  await server.close()
})

const target: CommentTarget = { owner: 'acme', repo: 'shop', issueNumber: 7 }
const MARKER = commentMarker('.')
const DELAYS = [10, 10]
const api = (token = 'rw-token'): IssuesApi => createIssuesApi(octokit(token, server.url))
const body = (text: string, marker = MARKER): string => `${marker}\n## ${text}\n`
const ours = () => server.comments('acme', 'shop', 7).filter((c) => c.body.startsWith(MARKER))
const writes = () => server.requests.filter((r) => r.method !== 'GET')

describe('upsertComment against a fake GitHub', () => {
  it('creates the comment when there is none', async () => {
    const outcome = await upsertComment(api(), target, MARKER, body('failed'), 'always', false, DELAYS)
    expect(outcome.action).toBe('created')
    const [comment] = server.comments('acme', 'shop', 7)
    expect(comment?.body).toBe(body('failed'))
    expect(outcome.url).toBe(comment?.html_url)
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/acme/shop/issues/7/comments'])
  })

  it('updates the same comment on the next run instead of adding one', async () => {
    const first = await upsertComment(api(), target, MARKER, body('failed'), 'always', false, DELAYS)
    const second = await upsertComment(api(), target, MARKER, body('passed'), 'always', true, DELAYS)
    expect(second).toMatchObject({ action: 'updated', url: first.url })
    expect(ours()).toHaveLength(1)
    expect(ours()[0]?.body).toBe(body('passed'))
    const patch = writes().filter((r) => r.method === 'PATCH')
    expect(patch).toHaveLength(1)
    expect(patch[0]?.path).toBe(`/repos/acme/shop/issues/comments/${ours()[0]?.id}`)
  })

  it('sends nothing when the body is unchanged', async () => {
    await upsertComment(api(), target, MARKER, body('failed'), 'always', false, DELAYS)
    const before = writes().length
    const outcome = await upsertComment(api(), target, MARKER, body('failed'), 'always', false, DELAYS)
    expect(outcome.action).toBe('unchanged')
    expect(outcome.url).toBe(ours()[0]?.html_url)
    expect(writes()).toHaveLength(before)
  })

  it('finds its comment among 250 others, across pages', async () => {
    for (let i = 0; i < 210; i++) server.seedComment('acme', 'shop', 7, `comment ${i}`, 'octocat')
    const existing = server.seedComment('acme', 'shop', 7, body('failed'))
    for (let i = 0; i < 40; i++) server.seedComment('acme', 'shop', 7, `later ${i}`, 'octocat')

    const outcome = await upsertComment(api(), target, MARKER, body('passed'), 'always', true, DELAYS)
    expect(outcome).toMatchObject({ action: 'updated', url: existing.html_url })
    expect(server.comments('acme', 'shop', 7)).toHaveLength(251)
    expect(ours().map((c) => c.id)).toEqual([existing.id])
    expect(server.requests.filter((r) => r.method === 'GET').map((r) => r.query.page)).toEqual(['1', '2', '3'])
  })

  it('does not touch a comment that only quotes the marker', async () => {
    const quote = server.seedComment('acme', 'shop', 7, `> ${MARKER}\n> ## failed\n\nWhy did this fail?`, 'octocat')
    const outcome = await upsertComment(api(), target, MARKER, body('failed'), 'always', false, DELAYS)
    expect(outcome.action).toBe('created')
    expect(server.comments('acme', 'shop', 7).find((c) => c.id === quote.id)?.body).toBe(quote.body)
    expect(writes().filter((r) => r.method === 'PATCH')).toEqual([])
  })

  it('keeps the comment of another working directory', async () => {
    const other = server.seedComment('acme', 'shop', 7, body('failed', commentMarker('apps/web')))
    const outcome = await upsertComment(
      api(),
      target,
      commentMarker('apps/api'),
      body('failed', commentMarker('apps/api')),
      'always',
      false,
      DELAYS
    )
    expect(outcome.action).toBe('created')
    expect(server.comments('acme', 'shop', 7).find((c) => c.id === other.id)?.body).toBe(other.body)
  })

  describe('comment: on-failure', () => {
    it('writes nothing when the gate passed and there is no comment yet', async () => {
      const outcome = await upsertComment(api(), target, MARKER, body('passed'), 'on-failure', true, DELAYS)
      expect(outcome).toMatchObject({ action: 'skipped', url: '' })
      expect(writes()).toEqual([])
      expect(server.comments('acme', 'shop', 7)).toEqual([])
    })

    it('creates one when the gate failed', async () => {
      expect((await upsertComment(api(), target, MARKER, body('failed'), 'on-failure', false, DELAYS)).action).toBe('created')
    })

    it('still updates an existing comment once things are fixed', async () => {
      server.seedComment('acme', 'shop', 7, body('failed'))
      const outcome = await upsertComment(api(), target, MARKER, body('passed'), 'on-failure', true, DELAYS)
      expect(outcome.action).toBe('updated')
      expect(ours()[0]?.body).toBe(body('passed'))
    })
  })

  it('sends no request at all with comment: never', async () => {
    server.seedComment('acme', 'shop', 7, body('failed'))
    const outcome = await upsertComment(api(), target, MARKER, body('passed'), 'never', true, DELAYS)
    expect(outcome.action).toBe('skipped')
    expect(server.requests).toEqual([])
  })

  it('throws on a read-only token, and the explanation names pull-requests: write', async () => {
    const error = await upsertComment(api('ro-token'), target, MARKER, body('failed'), 'always', false, DELAYS).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toMatchObject({ status: 403 })
    expect(explainCommentFailure(error)).toContain('pull-requests: write')
    expect(explainCommentFailure(error)).not.toContain('\n')
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('retries a passing 502 and then succeeds', async () => {
    server.failNext(1, 502)
    const outcome = await upsertComment(api(), target, MARKER, body('failed'), 'always', false, DELAYS)
    expect(outcome.action).toBe('created')
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST'])
    expect(server.comments('acme', 'shop', 7)).toHaveLength(1)
  })

  it('gives up after the retries', async () => {
    server.failNext(3, 503)
    await expect(upsertComment(api(), target, MARKER, body('failed'), 'always', false, DELAYS)).rejects.toMatchObject({ status: 503 })
    expect(server.requests).toHaveLength(3)
    expect(server.comments('acme', 'shop', 7)).toEqual([])
  })
})

describe('a rerun against a fake GitHub: the comment is rewritten only when what it says changes', () => {
  const OTHER_SHA = 'fedcba9876543210fedcba9876543210fedcba98'
  const failing = (extra: Partial<Report> = {}): Report =>
    makeReport({ passed: false, reasons: ['1 hardening finding at or above high'], findings: [finding('src/app.js', 14)], ...extra })
  const rendered = (report: Report, sha = LINKS.sha, artifact = 'sbom-gate'): string =>
    renderComment(report, { links: { ...LINKS, sha }, sbomArtifact: artifact })

  it('makes no write when only the timings, the head commit and the run attempt differ, and gives the existing URL', async () => {
    const first = await upsertComment(api(), target, MARKER, rendered(failing()), 'always', false, DELAYS)
    const stored = ours()[0]?.body
    const slower = failing({
      steps: [
        { name: 'npm ci', status: 'ok', ms: 48_250 },
        { name: 'npm audit', status: 'ok', ms: 3 }
      ]
    })
    const body = rendered(slower, OTHER_SHA, 'sbom-gate-attempt2')
    expect(body).not.toBe(stored)
    const before = server.requests.length
    const outcome = await upsertComment(api(), target, MARKER, body, 'always', false, DELAYS)
    expect(outcome).toEqual({ action: 'unchanged', url: first.url })
    expect(server.requests.slice(before).map((r) => r.method)).toEqual(['GET'])
    expect(writes().map((r) => r.method)).toEqual(['POST'])
    expect(ours()[0]?.body).toBe(stored)
  })

  it('makes one PATCH when the findings change, with the new links', async () => {
    await upsertComment(api(), target, MARKER, rendered(failing()), 'always', false, DELAYS)
    const more = failing({ findings: [finding('src/app.js', 14), finding('src/admin.js', 3)] })
    const outcome = await upsertComment(api(), target, MARKER, rendered(more, OTHER_SHA), 'always', false, DELAYS)
    expect(outcome.action).toBe('updated')
    expect(writes().map((r) => r.method)).toEqual(['POST', 'PATCH'])
    expect(ours()[0]?.body).toContain(`/blob/${OTHER_SHA}/src/admin.js#L3`)
  })

  it('makes one PATCH when a finding only moved to another line, or a step failed', async () => {
    await upsertComment(api(), target, MARKER, rendered(failing()), 'always', false, DELAYS)
    await upsertComment(api(), target, MARKER, rendered(failing({ findings: [finding('src/app.js', 15)] })), 'always', false, DELAYS)
    const npmFailed = failing({ findings: [finding('src/app.js', 15)], steps: [{ name: 'npm ci', status: 'error', ms: 1200 }] })
    await upsertComment(api(), target, MARKER, rendered(npmFailed), 'always', false, DELAYS)
    expect(writes().map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH'])
  })

  it('keeps another working directory apart, and finds its comment across pages without a write', async () => {
    for (let i = 0; i < 150; i++) server.seedComment('acme', 'shop', 7, `comment ${i}`, 'octocat')
    const existing = server.seedComment('acme', 'shop', 7, rendered(failing()))
    const outcome = await upsertComment(
      api(),
      target,
      MARKER,
      rendered(failing(), OTHER_SHA, 'sbom-gate-attempt3'),
      'always',
      false,
      DELAYS
    )
    expect(outcome).toEqual({ action: 'unchanged', url: existing.html_url })
    expect(writes()).toEqual([])
    const apps = commentMarker('apps/api')
    const created = await upsertComment(api(), target, apps, rendered(failing({ root: 'apps/api' })), 'always', false, DELAYS)
    expect(created.action).toBe('created')
  })

  it('still warns with pull-requests: write when a changed comment cannot be written', async () => {
    const existing = server.seedComment('acme', 'shop', 7, rendered(failing()))
    const error = await upsertComment(api('ro-token'), target, MARKER, rendered(makeReport()), 'always', true, DELAYS).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toMatchObject({ status: 403 })
    expect(explainCommentFailure(error)).toContain('pull-requests: write')
    expect(server.comments('acme', 'shop', 7)[0]?.body).toBe(existing.body)
    // Unchanged, a read-only token has nothing to write and no warning to give.
    const same = await upsertComment(api('ro-token'), target, MARKER, rendered(failing(), OTHER_SHA), 'always', false, DELAYS)
    expect(same).toEqual({ action: 'unchanged', url: existing.html_url })
  })
})

describe('upsertComment when a create fails after GitHub stored it', () => {
  it('finds the stored comment instead of posting a second one', async () => {
    const stored: Array<{ id: number; body: string; html_url: string }> = []
    let creates = 0
    const flaky: IssuesApi = {
      listComments: async function* () {
        yield { data: stored }
      },
      createComment: async ({ body: text }) => {
        creates += 1
        stored.push({ id: 1, body: text, html_url: 'https://github.com/acme/shop/pull/7#issuecomment-1' })
        throw Object.assign(new Error('Bad Gateway'), { status: 502 })
      },
      updateComment: async () => {
        throw new Error('no update expected')
      }
    }
    const outcome = await upsertComment(flaky, target, MARKER, body('failed'), 'always', false, DELAYS)
    expect(outcome).toEqual({ action: 'created', url: 'https://github.com/acme/shop/pull/7#issuecomment-1' })
    expect(creates).toBe(1)
    expect(stored).toHaveLength(1)
  })
})

describe("the action's Octokit", () => {
  it('does not retry client errors', async () => {
    for (const status of [404, 422, 429]) {
      server.failNext(1, status)
      await expect(
        octokit('rw-token', server.url).rest.issues.listComments({ owner: 'acme', repo: 'shop', issue_number: 7 })
      ).rejects.toMatchObject({
        status
      })
    }
    expect(server.requests).toHaveLength(3)
  })
})

describe('explainCommentFailure', () => {
  it('names the permission for 403 and 404, the token for 401, and passes other errors through', () => {
    expect(explainCommentFailure(Object.assign(new Error('Not Found'), { status: 404 }))).toContain('pull-requests: write')
    expect(explainCommentFailure(Object.assign(new Error('Bad credentials'), { status: 401 }))).toContain('github-token')
    expect(explainCommentFailure(Object.assign(new Error('Validation Failed\nbody is too long'), { status: 422 }))).toMatch(
      /422.*Validation Failed$/
    )
    expect(explainCommentFailure(new Error('getaddrinfo ENOTFOUND api.github.com'))).toContain('ENOTFOUND')
  })
})
