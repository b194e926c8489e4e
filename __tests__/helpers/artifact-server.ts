// A loopback fake of what an artifact upload (v4) talks to: the Actions results service's Twirp
// ArtifactService (CreateArtifact, FinalizeArtifact; JSON with proto field names) and the Azure
// blob store behind its signed upload URLs, both on one port. It checks requests against what
// @actions/artifact sends: the bearer token, the backend ids of the token's Actions.Results scope,
// artifact names, a blob written as one Put Blob (`x-ms-blob-type: BlockBlob`) or as staged blocks
// and a block list (what @azure/storage-blob's uploadStream sends), and the size and SHA-256 reported
// at finalize against the bytes received. Where that catches a mistake it is stricter than the real service: it takes
// only the proto field names (a proto3 JSON server also takes lowerCamel ones).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createHash, randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'

export interface FakeArtifact {
  name: string
  id: number
  /** The uploaded blob (the zip), once PUT. */
  blob?: Buffer
  blobHeaders?: Record<string, string | string[] | undefined>
  /** Blocks staged and not yet committed, by block id. */
  blocks?: Map<string, Buffer>
  version: number
  finalized: boolean
}

export interface ArtifactRequest {
  method: string
  path: string
  status: number
  headers: Record<string, string | string[] | undefined>
  body: unknown
}

export interface FakeArtifactServiceOptions {
  /** The backend ids in the token's `Actions.Results:<run>:<job>` scope. */
  runBackendId?: string
  jobBackendId?: string
}

export interface FakeArtifactService {
  /** ACTIONS_RESULTS_URL */
  url: string
  /** ACTIONS_RUNTIME_TOKEN: a JWT (unsigned for the test) with the scopes a runner's token has. */
  token: string
  runBackendId: string
  jobBackendId: string
  requests: ArtifactRequest[]
  /** Artifacts of the run, in creation order (finalized or not). */
  artifacts(): FakeArtifact[]
  /** An artifact already in the run under this name: CreateArtifact for it answers 409. */
  seedArtifact(name: string): void
  /** Answer the next `count` requests (Twirp or blob, or only those of `only`; Infinity for all) with this 5xx status. */
  failNext(count: number, status?: number, only?: 'twirp' | 'blob'): void
  close(): Promise<void>
}

export const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/'
const FORBIDDEN_NAME_CHARS = /[":<>|*?\r\n\\/]/
const CREATE_FIELDS = new Set(['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'version', 'expires_at', 'mime_type'])
const FINALIZE_FIELDS = new Set(['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'size', 'hash'])

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A runtime token shaped like a runner's: header.claims.signature, scopes in `scp`. */
export function makeRuntimeToken(scp: string): string {
  return `${base64url({ typ: 'JWT', alg: 'RS256' })}.${base64url({ scp, iss: 'https://token.actions.example', exp: 4102444800 })}.${randomBytes(16).toString('base64url')}`
}

function twirpError(status: number, code: string, msg: string): Reply {
  return { status, body: { code, msg } }
}

function blobError(status: number, code: string): Reply {
  return { status, headers: { 'x-ms-error-code': code }, body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code></Error>` }
}

/** The JSON value of a request body, or its text when it is not JSON. */
function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown
  } catch {
    return raw.toString('utf8')
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status, reply.headers).end()
    return
  }
  const json = typeof reply.body !== 'string'
  const text = json ? JSON.stringify(reply.body) : (reply.body as string)
  res
    .writeHead(reply.status, {
      'content-type': json ? 'application/json' : 'application/xml',
      'content-length': Buffer.byteLength(text),
      ...reply.headers
    })
    .end(text)
}

export async function startFakeArtifactService(options: FakeArtifactServiceOptions = {}): Promise<FakeArtifactService> {
  const runBackendId = options.runBackendId ?? 'ce7f54c7-61c7-4aae-887f-30da475f5f1a'
  const jobBackendId = options.jobBackendId ?? 'ca395085-040a-526b-2ce8-bdc85f692774'
  const token = makeRuntimeToken(`Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`)
  const artifacts: FakeArtifact[] = []
  const signatures = new Map<number, string>()
  const failures: { count: number; status: number; only?: 'twirp' | 'blob' } = { count: 0, status: 500 }
  const requests: ArtifactRequest[] = []
  let nextId = 9000
  let url = ''

  /** The checks every Twirp call gets: bearer token, JSON object, known fields only, this job's ids. */
  const checkTwirp = (
    req: IncomingMessage,
    raw: Buffer,
    fields: Set<string>
  ): { refused: Reply } | { request: Record<string, unknown> } => {
    const refuse = (status: number, code: string, msg: string) => ({ refused: twirpError(status, code, msg) })
    if (req.headers.authorization !== `Bearer ${token}`) return refuse(401, 'unauthenticated', 'invalid or missing bearer token')
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return refuse(415, 'bad_route', 'unexpected Content-Type')
    const body = parseJson(raw)
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return refuse(400, 'malformed', 'the json request could not be decoded')
    const request = body as Record<string, unknown>
    const unknown = Object.keys(request).filter((key) => !fields.has(key))
    if (unknown.length > 0) return refuse(400, 'malformed', `unknown field ${unknown.join(', ')}`)
    if (request.workflow_run_backend_id !== runBackendId || request.workflow_job_run_backend_id !== jobBackendId) {
      return refuse(403, 'permission_denied', 'backend ids do not match the token')
    }
    if (typeof request.name !== 'string' || request.name === '' || FORBIDDEN_NAME_CHARS.test(request.name))
      return refuse(400, 'invalid_argument', 'invalid artifact name')
    return { request }
  }

  const createArtifact = (request: Record<string, unknown>): Reply => {
    // 4 is upload-artifact@v4's zip; @actions/artifact 6 sends 7.
    if (typeof request.version !== 'number' || request.version < 4)
      return twirpError(400, 'invalid_argument', 'unsupported artifact version')
    const name = request.name as string
    if (artifacts.some((a) => a.name === name))
      return twirpError(409, 'already_exists', 'an artifact with this name already exists on the workflow run')
    const artifact: FakeArtifact = { name, id: nextId++, version: request.version, finalized: false }
    artifacts.push(artifact)
    const sig = randomBytes(24).toString('base64url')
    signatures.set(artifact.id, sig)
    return {
      status: 200,
      body: { ok: true, signed_upload_url: `${url}/blob/${artifact.id}?sv=2023-11-03&sp=cw&se=2099-01-01T00%3A00%3A00Z&sig=${sig}` }
    }
  }

  const finalizeArtifact = (request: Record<string, unknown>): Reply => {
    const artifact = artifacts.find((a) => a.name === request.name && !a.finalized)
    if (!artifact?.blob) return twirpError(404, 'not_found', 'no uploaded artifact by that name')
    if (typeof request.size !== 'string' || request.size !== String(artifact.blob.length))
      return twirpError(400, 'invalid_argument', 'size does not match the upload')
    // google.protobuf.StringValue is a bare string in proto3 JSON
    const digest = `sha256:${createHash('sha256').update(artifact.blob).digest('hex')}`
    if (request.hash !== undefined && request.hash !== digest) return twirpError(400, 'invalid_argument', 'hash does not match the upload')
    artifact.finalized = true
    return { status: 200, body: { ok: true, artifact_id: String(artifact.id) } }
  }

  const putBlob = (req: IncomingMessage, target: URL, raw: Buffer): Reply => {
    const id = Number(/^\/blob\/(\d+)$/.exec(target.pathname)?.[1])
    const artifact = artifacts.find((a) => a.id === id)
    if (!artifact || signatures.get(id) !== target.searchParams.get('sig')) return blobError(403, 'AuthenticationFailed')
    // The SAS is the credential; a second one is refused.
    if (req.headers.authorization !== undefined) return blobError(400, 'InvalidAuthenticationInfo')
    if (req.headers['content-length'] !== String(raw.length)) return blobError(411, 'MissingContentLengthHeader')
    // One Put Blob takes up to 5000 MiB from service version 2019-12-12 on (256 MiB before).
    const version = req.headers['x-ms-version']
    if (typeof version !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(version) || version < '2019-12-12')
      return blobError(400, 'InvalidHeaderValue')
    if (artifact.finalized) return blobError(409, 'BlobImmutableDueToPolicy')
    const created = { status: 201, headers: { etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"` } }
    const comp = target.searchParams.get('comp')
    if (comp === 'block') {
      const blockId = target.searchParams.get('blockid')
      if (!blockId) return blobError(400, 'InvalidQueryParameterValue')
      artifact.blocks ??= new Map()
      artifact.blocks.set(blockId, raw)
      return created
    }
    if (comp === 'blocklist') {
      // <BlockList><Latest>id</Latest>...</BlockList>: the blob is the listed blocks in order.
      const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted)>([^<]*)<\/(?:Latest|Uncommitted)>/g)].map((m) => m[1] ?? '')
      const parts = ids.map((blockId) => artifact.blocks?.get(blockId))
      if (parts.some((part) => part === undefined)) return blobError(400, 'InvalidBlockList')
      artifact.blob = Buffer.concat(parts as Buffer[])
      artifact.blobHeaders = { ...req.headers }
      artifact.blocks = undefined
      return created
    }
    if (comp !== null) return blobError(400, 'InvalidQueryParameterValue')
    if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return blobError(400, 'MissingRequiredHeader')
    artifact.blob = raw
    artifact.blobHeaders = { ...req.headers }
    return created
  }

  const answer = (req: IncomingMessage, target: URL, raw: Buffer): Reply => {
    const isBlob = target.pathname.startsWith('/blob/')
    if (failures.count > 0 && failures.only !== (isBlob ? 'twirp' : 'blob')) {
      failures.count--
      return isBlob ? blobError(failures.status, 'ServerBusy') : twirpError(failures.status, 'internal', 'fake outage')
    }
    if (req.method === 'PUT' && target.pathname.startsWith('/blob/')) return putBlob(req, target, raw)
    if (req.method !== 'POST' || !target.pathname.startsWith(TWIRP_PREFIX)) return twirpError(404, 'bad_route', 'no such route')
    const method = target.pathname.slice(TWIRP_PREFIX.length)
    const fields = method === 'CreateArtifact' ? CREATE_FIELDS : method === 'FinalizeArtifact' ? FINALIZE_FIELDS : undefined
    if (!fields) return twirpError(404, 'bad_route', `no method ${method}`)
    const checked = checkTwirp(req, raw, fields)
    if ('refused' in checked) return checked.refused
    return method === 'CreateArtifact' ? createArtifact(checked.request) : finalizeArtifact(checked.request)
  }

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req)
      const target = new URL(req.url ?? '/', url)
      const reply = answer(req, target, raw)
      const body = target.pathname.startsWith('/blob/') ? raw : parseJson(raw)
      requests.push({ method: req.method ?? '', path: target.pathname, status: reply.status, headers: { ...req.headers }, body })
      send(res, reply)
    })().catch((error: unknown) => send(res, twirpError(500, 'internal', `fake crashed: ${String(error)}`)))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', resolve)
  })
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    token,
    runBackendId,
    jobBackendId,
    requests,
    artifacts: () =>
      artifacts.map((a) => {
        const copy = { ...a }
        delete copy.blocks
        return copy
      }),
    seedArtifact(name) {
      artifacts.push({ name, id: nextId++, version: 4, finalized: true, blob: Buffer.from('PK\x05\x06'.padEnd(22, '\0')) })
    },
    failNext(count, status = 500, only) {
      Object.assign(failures, { count, status, only })
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error == null ? resolve() : reject(error)))
        server.closeAllConnections()
      })
  }
}
