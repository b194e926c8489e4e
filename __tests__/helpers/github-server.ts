import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'

export interface FakePullFile {
  filename: string
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  patch?: string
}
export interface FakeComment {
  id: number
  body: string
  user: { login: string; type: string }
  html_url: string
  created_at: string
  updated_at: string
}
export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: unknown
}
export interface FakeGitHubOptions {
  /** tokens that are read-only: any write (POST/PATCH/DELETE) answers 403 "Resource not accessible by integration" */
  readOnlyTokens?: string[]
  /** answer the next N requests (any) with this 5xx status before behaving normally */
  failNext?: { count: number; status: number }
  /** login that comments created through the API get; default 'github-actions[bot]' (type 'Bot') */
  botLogin?: string
  /** longest comment body accepted, in characters; default GitHub's 65,536 (lower it for a GitHub that counts more strictly) */
  maxBodyChars?: number
  /** a repository whose dependency graph is off: dependency snapshots answer 404 */
  dependencyGraphOff?: boolean
}
export interface FakeGitHub {
  url: string
  requests: RecordedRequest[]
  comments(owner: string, repo: string, issue: number): FakeComment[]
  seedComment(owner: string, repo: string, issue: number, body: string, login?: string): FakeComment
  /** a pull request that GET /repos/{owner}/{repo}/pulls/{number} answers with this head sha (unseeded ones are 404) */
  seedPullRequest(owner: string, repo: string, number: number, headSha: string): void
  /** the files GET /repos/{owner}/{repo}/pulls/{number}/files lists, paginated, at most 3000 (unseeded pull requests are 404) */
  seedPullFiles(owner: string, repo: string, number: number, files: FakePullFile[]): void
  /** the dependency snapshots accepted by POST /repos/{owner}/{repo}/dependency-graph/snapshots, oldest first */
  snapshots(owner: string, repo: string): unknown[]
  failNext(count: number, status: number): void
  close(): Promise<void>
}

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}
interface Context {
  method: string
  url: URL
  body: unknown
  readOnly: boolean
  maxBodyChars: number
  dependencyGraphOff: boolean
  owner: string
  repo: string
  num: number
}
type Handler = (ctx: Context, store: Store) => Reply
type Store = ReturnType<typeof createStore>

const DOCS = 'https://docs.github.com/rest/issues/comments'
const MAX_BODY_CHARS = 65536
const ISSUE_COMMENTS_PATH = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments\/?$/
const COMMENT_PATH = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)\/?$/
const PULL_PATH = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/?$/
const PULL_FILES_PATH = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files\/?$/
const SNAPSHOTS_PATH = /^\/repos\/([^/]+)\/([^/]+)\/dependency-graph\/snapshots\/?$/
/** GitHub lists at most this many files of a pull request */
const MAX_PULL_FILES = 3000

function timestamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function createStore(botLogin: string) {
  let nextId = 1000
  const byIssue = new Map<string, FakeComment[]>()
  const issueKey = (owner: string, repo: string, num: number): string => `${owner}/${repo}`.toLowerCase() + `#${num}`
  const list = (owner: string, repo: string, num: number): FakeComment[] => byIssue.get(issueKey(owner, repo, num)) ?? []
  const pullHeads = new Map<string, string>()
  const pullFiles = new Map<string, FakePullFile[]>()
  const snapshots = new Map<string, unknown[]>()
  return {
    list,
    addSnapshot(owner: string, repo: string, snapshot: unknown): number {
      const key = `${owner}/${repo}`.toLowerCase()
      snapshots.set(key, [...(snapshots.get(key) ?? []), structuredClone(snapshot)])
      return nextId++
    },
    snapshots: (owner: string, repo: string): unknown[] => structuredClone(snapshots.get(`${owner}/${repo}`.toLowerCase()) ?? []),
    seedPullFiles(owner: string, repo: string, num: number, files: FakePullFile[]): void {
      pullFiles.set(issueKey(owner, repo, num), structuredClone(files))
    },
    pullFiles: (owner: string, repo: string, num: number): FakePullFile[] | undefined => pullFiles.get(issueKey(owner, repo, num)),
    seedPull(owner: string, repo: string, num: number, headSha: string): void {
      pullHeads.set(issueKey(owner, repo, num), headSha)
    },
    pullHead: (owner: string, repo: string, num: number): string | undefined => pullHeads.get(issueKey(owner, repo, num)),
    add(owner: string, repo: string, num: number, body: string, login = botLogin): FakeComment {
      const id = nextId++
      const now = timestamp()
      const user = { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
      const comment = {
        id,
        body,
        user,
        html_url: `https://github.com/${owner}/${repo}/pull/${num}#issuecomment-${id}`,
        created_at: now,
        updated_at: now
      }
      byIssue.set(issueKey(owner, repo, num), [...list(owner, repo, num), comment])
      return comment
    },
    find(owner: string, repo: string, id: number): { key: string; comment: FakeComment } | undefined {
      const prefix = `${owner}/${repo}#`.toLowerCase()
      for (const [key, comments] of byIssue) {
        const comment = comments.find((c) => c.id === id)
        if (comment != null && key.startsWith(prefix)) return { key, comment }
      }
      return undefined
    },
    remove(key: string, id: number): void {
      byIssue.set(
        key,
        (byIssue.get(key) ?? []).filter((c) => c.id !== id)
      )
    }
  }
}

function errorReply(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { message, ...extra, documentation_url: DOCS, status: String(status) } }
}

const notFound = (): Reply => errorReply(404, 'Not Found')
const forbidden = (): Reply => errorReply(403, 'Resource not accessible by integration')

function validateCommentBody(payload: unknown, maxBodyChars: number): Reply | undefined {
  const body = typeof payload === 'object' && payload != null ? (payload as Record<string, unknown>).body : undefined
  if (body === undefined) return errorReply(422, 'Invalid request.\n\n"body" wasn\'t supplied.')
  if (typeof body !== 'string')
    return errorReply(422, `Invalid request.\n\nFor 'properties/body', ${JSON.stringify(body)} is not a string.`)
  const invalid = (error: Record<string, string>): Reply =>
    errorReply(422, 'Validation Failed', { errors: [{ resource: 'IssueComment', field: 'body', ...error }] })
  if (body.trim() === '') return invalid({ code: 'missing_field' })
  // GitHub counts characters (code points), not UTF-16 units
  if ([...body].length > maxBodyChars)
    return invalid({ code: 'custom', message: `body is too long (maximum is ${maxBodyChars} characters)` })
  return undefined
}

function readPositiveInt(value: string | null, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10)
  return Number.isNaN(parsed) || parsed < 1 ? fallback : parsed
}

function buildLinkHeader(url: URL, page: number, lastPage: number): string | undefined {
  const rels: Array<[string, number]> = []
  if (page > 1) rels.push(['prev', page - 1])
  if (page < lastPage) rels.push(['next', page + 1], ['last', lastPage])
  if (page > 1) rels.push(['first', 1])
  const linkTo = ([rel, target]: [string, number]): string => {
    const link = new URL(url)
    link.searchParams.set('page', String(target))
    return `<${link.href}>; rel="${rel}"`
  }
  return rels.length > 0 ? rels.map(linkTo).join(', ') : undefined
}

const listComments: Handler = (ctx, store) => {
  const all = store.list(ctx.owner, ctx.repo, ctx.num)
  const perPage = Math.min(readPositiveInt(ctx.url.searchParams.get('per_page'), 30), 100)
  const page = readPositiveInt(ctx.url.searchParams.get('page'), 1)
  const lastPage = Math.max(1, Math.ceil(all.length / perPage))
  const link = buildLinkHeader(ctx.url, page, lastPage)
  return { status: 200, body: all.slice((page - 1) * perPage, page * perPage), headers: link == null ? undefined : { link } }
}

const createComment: Handler = (ctx, store) => {
  if (ctx.readOnly) return forbidden()
  const invalid = validateCommentBody(ctx.body, ctx.maxBodyChars)
  if (invalid != null) return invalid
  return { status: 201, body: store.add(ctx.owner, ctx.repo, ctx.num, (ctx.body as { body: string }).body) }
}

const getComment: Handler = (ctx, store) => {
  const found = store.find(ctx.owner, ctx.repo, ctx.num)
  return found == null ? notFound() : { status: 200, body: found.comment }
}

const updateComment: Handler = (ctx, store) => {
  if (ctx.readOnly) return forbidden()
  const found = store.find(ctx.owner, ctx.repo, ctx.num)
  if (found == null) return notFound()
  const invalid = validateCommentBody(ctx.body, ctx.maxBodyChars)
  if (invalid != null) return invalid
  Object.assign(found.comment, { body: (ctx.body as { body: string }).body, updated_at: timestamp() })
  return { status: 200, body: found.comment }
}

const deleteComment: Handler = (ctx, store) => {
  if (ctx.readOnly) return forbidden()
  const found = store.find(ctx.owner, ctx.repo, ctx.num)
  if (found == null) return notFound()
  store.remove(found.key, ctx.num)
  return { status: 204 }
}

// The fields of a pull request that callers read; GitHub sends many more.
const getPull: Handler = (ctx, store) => {
  const sha = store.pullHead(ctx.owner, ctx.repo, ctx.num)
  if (sha == null) return notFound()
  const html = `https://github.com/${ctx.owner}/${ctx.repo}/pull/${ctx.num}`
  return {
    status: 200,
    body: {
      number: ctx.num,
      state: 'open',
      html_url: html,
      head: { sha, ref: 'feature' },
      base: { ref: 'main', repo: { full_name: `${ctx.owner}/${ctx.repo}` } }
    }
  }
}

// GitHub's entry has sha, additions, blob_url...; callers read these. A file without a patch (binary, too large) has no `patch` key.
const listPullFiles: Handler = (ctx, store) => {
  const files = store.pullFiles(ctx.owner, ctx.repo, ctx.num)
  if (files == null) return notFound()
  const all = files.slice(0, MAX_PULL_FILES)
  const perPage = Math.min(readPositiveInt(ctx.url.searchParams.get('per_page'), 30), 100)
  const page = readPositiveInt(ctx.url.searchParams.get('page'), 1)
  const lastPage = Math.max(1, Math.ceil(all.length / perPage))
  const link = buildLinkHeader(ctx.url, page, lastPage)
  const body = all
    .slice((page - 1) * perPage, page * perPage)
    .map((f) => ({ filename: f.filename, status: f.status, ...(f.patch == null ? {} : { patch: f.patch }) }))
  return { status: 200, body, headers: link == null ? undefined : { link } }
}

// GitHub checks the snapshot's shape and answers 201 with the id, time and result.
const createSnapshot: Handler = (ctx, store) => {
  if (ctx.readOnly) return forbidden()
  if (ctx.dependencyGraphOff) return notFound()
  const body = ctx.body as Record<string, unknown> | undefined
  const missing = ['version', 'sha', 'ref', 'job', 'detector', 'scanned'].filter((key) => body?.[key] === undefined)
  if (missing.length > 0) return errorReply(422, `Invalid request.\n\n${missing.map((k) => `"${k}"`).join(', ')} wasn't supplied.`)
  const id = store.addSnapshot(ctx.owner, ctx.repo, body)
  return {
    status: 201,
    body: { id, created_at: timestamp(), result: 'SUCCESS', message: 'Dependency results for the repo have been successfully updated.' }
  }
}

const ROUTES: Array<[RegExp, Record<string, Handler>]> = [
  [SNAPSHOTS_PATH, { POST: createSnapshot }],
  [ISSUE_COMMENTS_PATH, { GET: listComments, POST: createComment }],
  [COMMENT_PATH, { GET: getComment, PATCH: updateComment, DELETE: deleteComment }],
  [PULL_PATH, { GET: getPull }],
  [PULL_FILES_PATH, { GET: listPullFiles }]
]

function routeRequest(base: Omit<Context, 'owner' | 'repo' | 'num'>, store: Store): Reply {
  for (const [pattern, handlers] of ROUTES) {
    const match = pattern.exec(base.url.pathname)
    const handler = handlers[base.method]
    if (match == null || handler == null) continue
    const [, owner = '', repo = '', num = ''] = match
    return handler({ ...base, owner: decodeURIComponent(owner), repo: decodeURIComponent(repo), num: Number(num) }, store)
  }
  return notFound()
}

function readToken(headers: IncomingHttpHeaders): string | undefined {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1]
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): { ok: boolean; value: unknown } {
  if (text === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, value: text }
  }
}

function sendReply(res: ServerResponse, reply: Reply): void {
  const requestId = [4, 6, 6, 6, 8]
    .map((n) =>
      randomBytes(n / 2)
        .toString('hex')
        .toUpperCase()
    )
    .join(':')
  const headers: Record<string, string | number> = { 'x-github-request-id': requestId, ...reply.headers }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end()
    return
  }
  const text = JSON.stringify(reply.body)
  res
    .writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
    .end(text)
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const store = createStore(options.botLogin ?? 'github-actions[bot]')
  const readOnly = new Set(options.readOnlyTokens ?? [])
  const failures = { count: options.failNext?.count ?? 0, status: options.failNext?.status ?? 500 }
  const requests: RecordedRequest[] = []

  const answer = (req: IncomingMessage, url: URL, body: { ok: boolean; value: unknown }): Reply => {
    if (failures.count > 0) {
      failures.count--
      return errorReply(failures.status, 'Server Error')
    }
    const token = readToken(req.headers)
    if (token == null) return errorReply(401, 'Requires authentication')
    if (!body.ok) return errorReply(400, 'Problems parsing JSON')
    return routeRequest(
      {
        method: req.method ?? 'GET',
        url,
        body: body.value,
        readOnly: readOnly.has(token),
        maxBodyChars: options.maxBodyChars ?? MAX_BODY_CHARS,
        dependencyGraphOff: options.dependencyGraphOff ?? false
      },
      store
    )
  }

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = parseJson(await readBody(req))
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body: body.value
    })
    sendReply(res, answer(req, url, body))
  }

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => sendReply(res, errorReply(500, `Fake GitHub crashed: ${String(error)}`)))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    comments: (owner, repo, issue) => structuredClone(store.list(owner, repo, issue)),
    seedComment: (owner, repo, issue, body, login) => structuredClone(store.add(owner, repo, issue, body, login)),
    seedPullRequest: (owner, repo, number, headSha) => store.seedPull(owner, repo, number, headSha),
    seedPullFiles: (owner, repo, number, files) => store.seedPullFiles(owner, repo, number, files),
    snapshots: (owner, repo) => store.snapshots(owner, repo),
    failNext(count, status) {
      Object.assign(failures, { count, status })
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error == null ? resolve() : reject(error)))
        server.closeAllConnections()
      })
  }
}
