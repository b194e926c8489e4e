import { createHash } from 'node:crypto'

/**
 * Workflow artifact upload, version 4: what actions/upload-artifact@v4 and @actions/artifact 2+
 * speak (actions/toolkit packages/artifact/src/internal/upload/upload-artifact.ts), without that
 * package and its Azure SDK, which would double the bundle:
 *
 *   1. CreateArtifact (Twirp, JSON) on the results service -> a signed upload URL,
 *   2. one Put Blob of the zip to that URL (Azure block blob; one request takes up to 5000 MiB),
 *   3. FinalizeArtifact with its size and SHA-256 -> the artifact id.
 *
 * Requests use the proto field names, as the toolkit's `toJson({ useProtoFieldName: true })`
 * does; int64 values are strings and a `google.protobuf.StringValue` is a bare string in proto3 JSON.
 */

export interface BackendIds {
  workflowRunBackendId: string
  workflowJobRunBackendId: string
}

/** What the runner hands a JavaScript action for artifacts. */
export interface ArtifactRuntime {
  token: string
  /** The origin of ACTIONS_RESULTS_URL; Twirp paths are absolute. */
  resultsUrl: string
  ids: BackendIds
}

/** The network and the clock, injected so tests run against a loopback service without waiting. */
export interface ArtifactTransport {
  fetch: typeof fetch
  sleep(ms: number): Promise<void>
  /** Values that must never reach the log (the signed URL's signature). */
  mask(value: string): void
}

export interface UploadedArtifact {
  id: string
  /** Bytes of the zip. */
  size: number
  /** `sha256:<hex>` of the zip. */
  digest: string
}

/** Why an upload stopped; `conflict` is CreateArtifact's "an artifact with this name already exists". */
export class ArtifactError extends Error {
  constructor(
    message: string,
    readonly conflict = false
  ) {
    super(message)
    this.name = 'ArtifactError'
  }
}

const SERVICE = 'github.actions.results.api.v1.ArtifactService'
/** The zipped artifact format of upload-artifact@v4 (later versions add unzipped single files). */
const ARTIFACT_VERSION = 4
/** A Put Blob of up to 5000 MiB needs service version 2019-12-12 or later. */
const BLOB_SERVICE_VERSION = '2023-11-03'
/** Short backoff: three attempts per request, about 3 s in all, so a service outage delays the step little. */
const RETRY_DELAYS_MS = [1_000, 2_000]
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504])
const TWIRP_TIMEOUT_MS = 30_000
const BLOB_TIMEOUT_MS = 120_000

export const DEFAULT_TRANSPORT: ArtifactTransport = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
  mask: () => undefined
}

/** Payload claims of a JWT, decoded without verifying it: the runner gave it to us, the service checks it. */
function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1]
  if (!payload) throw new ArtifactError('ACTIONS_RUNTIME_TOKEN is not a JWT')
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (typeof claims === 'object' && claims !== null) return claims as Record<string, unknown>
  } catch {
    // reported below
  }
  throw new ArtifactError('ACTIONS_RUNTIME_TOKEN has no readable claims')
}

/** The run's and the job's backend ids, from the `Actions.Results:<run>:<job>` scope of the token's `scp` claim. */
export function backendIdsFromToken(token: string): BackendIds {
  const { scp } = jwtClaims(token)
  const scopes = typeof scp === 'string' ? scp.split(' ') : []
  const results = scopes.map((scope) => scope.split(':')).find((parts) => parts[0] === 'Actions.Results')
  const [, run, job] = results ?? []
  if (results?.length !== 3 || !run || !job) {
    throw new ArtifactError('ACTIONS_RUNTIME_TOKEN has no Actions.Results:<run>:<job> scope')
  }
  return { workflowRunBackendId: run, workflowJobRunBackendId: job }
}

/** The artifact runtime of this step, or why there is none. */
export function readArtifactRuntime(env: NodeJS.ProcessEnv): ArtifactRuntime | { unavailable: string } {
  const token = env.ACTIONS_RUNTIME_TOKEN
  const results = env.ACTIONS_RESULTS_URL
  if (!token || !results) {
    const missing = [!token && 'ACTIONS_RUNTIME_TOKEN', !results && 'ACTIONS_RESULTS_URL'].filter(Boolean).join(' and ')
    return {
      unavailable: `${missing} not set; GitHub-hosted and self-hosted runners set them for actions in a workflow job, so upload-sbom works only there`
    }
  }
  if (!URL.canParse(results)) return { unavailable: 'ACTIONS_RESULTS_URL is not a URL' }
  if (isEnterpriseServer(env.GITHUB_SERVER_URL)) {
    return { unavailable: 'artifact uploads of this kind (v4) are not available on GitHub Enterprise Server' }
  }
  try {
    return { token, resultsUrl: new URL(results).origin, ids: backendIdsFromToken(token) }
  } catch (error) {
    return { unavailable: (error as Error).message }
  }
}

/** As @actions/artifact decides it: github.com, GHE.com data residency and local test hosts are not GHES. */
function isEnterpriseServer(serverUrl: string | undefined): boolean {
  if (!serverUrl || !URL.canParse(serverUrl)) return false
  const host = new URL(serverUrl).hostname.toLowerCase()
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}

// Duck-typed, not instanceof: fetch's errors may come from another realm (a test's VM context).
const isTimeout = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'TimeoutError'

/** fetch's "fetch failed" hides the reason in `cause`: ECONNREFUSED, ENOTFOUND... */
function describeFailure(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown } }
  if (typeof cause?.code === 'string') return cause.code
  if (isTimeout(error)) return 'timed out'
  return typeof message === 'string' ? message : String(error)
}

/**
 * Sends a request, again after a 5xx/429 answer or a network error, three times at most; the last
 * answer or error stands. A request that timed out has used its time and is not sent again, which
 * keeps a hanging service from holding the step for long.
 */
async function withRetries(what: string, transport: ArtifactTransport, send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const delay = RETRY_DELAYS_MS[attempt]
    let response: Response
    try {
      response = await send()
    } catch (error) {
      if (delay === undefined || isTimeout(error)) throw new ArtifactError(`${what} failed: ${describeFailure(error)}`)
      await transport.sleep(delay)
      continue
    }
    if (!RETRYABLE_STATUS.has(response.status) || delay === undefined) return response
    await response.arrayBuffer().catch(() => undefined)
    await transport.sleep(delay)
  }
}

/** Twirp's error body is `{"code": "already_exists", "msg": "..."}`. */
function twirpError(method: string, status: number, body: Record<string, unknown>): ArtifactError {
  const msg = typeof body.msg === 'string' ? `: ${body.msg.slice(0, 300)}` : ''
  return new ArtifactError(`${method} answered HTTP ${status}${msg}`, status === 409 || body.code === 'already_exists')
}

async function callTwirp(
  runtime: ArtifactRuntime,
  method: string,
  request: object,
  transport: ArtifactTransport
): Promise<Record<string, unknown>> {
  const url = new URL(`/twirp/${SERVICE}/${method}`, runtime.resultsUrl).href
  const response = await withRetries(method, transport, () =>
    transport.fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${runtime.token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(TWIRP_TIMEOUT_MS)
    })
  )
  const text = await response.text()
  let body: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>
  } catch {
    if (response.ok) throw new ArtifactError(`${method} answered HTTP ${response.status} with a body that is not JSON`)
  }
  if (!response.ok) throw twirpError(method, response.status, body)
  if (body.ok !== true) throw new ArtifactError(`${method} answered without ok: true`)
  return body
}

/** Proto3 JSON readers accept the proto name and the lowerCamel JSON name alike; so do we. */
function field(body: Record<string, unknown>, protoName: string, jsonName: string): unknown {
  return body[protoName] ?? body[jsonName]
}

async function putBlob(signedUrl: string, zip: Buffer, transport: ArtifactTransport): Promise<void> {
  const response = await withRetries('the blob upload', transport, () =>
    transport.fetch(signedUrl, {
      method: 'PUT',
      // The signed URL is the credential: no Authorization header goes to blob storage.
      headers: { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': BLOB_SERVICE_VERSION, 'content-type': 'application/zip' },
      body: zip,
      signal: AbortSignal.timeout(BLOB_TIMEOUT_MS)
    })
  )
  await response.arrayBuffer().catch(() => undefined)
  if (response.status !== 201) {
    const code = response.headers.get('x-ms-error-code')
    throw new ArtifactError(`the blob upload answered HTTP ${response.status}${code ? ` ${code.slice(0, 100)}` : ''}`)
  }
}

/** Uploads `zip` as the artifact `name` of this job's run. Throws ArtifactError; never retries past ~3 s of backoff per request. */
export async function uploadArtifact(
  runtime: ArtifactRuntime,
  name: string,
  zip: Buffer,
  transport: ArtifactTransport = DEFAULT_TRANSPORT
): Promise<UploadedArtifact> {
  const ids = {
    workflow_run_backend_id: runtime.ids.workflowRunBackendId,
    workflow_job_run_backend_id: runtime.ids.workflowJobRunBackendId
  }
  const created = await callTwirp(runtime, 'CreateArtifact', { ...ids, name, version: ARTIFACT_VERSION }, transport)
  const signedUrl = field(created, 'signed_upload_url', 'signedUploadUrl')
  if (typeof signedUrl !== 'string' || !/^https?:\/\//i.test(signedUrl)) {
    throw new ArtifactError('CreateArtifact answered without a signed upload URL')
  }
  const signature = URL.canParse(signedUrl) ? new URL(signedUrl).searchParams.get('sig') : null
  if (signature) transport.mask(signature)

  await putBlob(signedUrl, zip, transport)

  const digest = `sha256:${createHash('sha256').update(zip).digest('hex')}`
  const finalized = await callTwirp(runtime, 'FinalizeArtifact', { ...ids, name, size: String(zip.length), hash: digest }, transport)
  const id = field(finalized, 'artifact_id', 'artifactId')
  return { id: typeof id === 'string' || typeof id === 'number' ? String(id) : '', size: zip.length, digest }
}
