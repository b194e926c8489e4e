import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { startFakeArtifactService, TWIRP_PREFIX, type FakeArtifactService } from './artifact-server.js'

let service: FakeArtifactService

beforeEach(async () => {
  service = await startFakeArtifactService()
})

afterEach(() => service.close())

const ids = () => ({ workflow_run_backend_id: service.runBackendId, workflow_job_run_backend_id: service.jobBackendId })

async function twirp(method: string, body: unknown, token = service.token): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${service.url}${TWIRP_PREFIX}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const BLOB_HEADERS = { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2023-11-03' }

async function put(url: string, body: Buffer, headers: Record<string, string> = BLOB_HEADERS): Promise<Response> {
  return fetch(url, { method: 'PUT', headers, body })
}

async function created(name = 'sbom'): Promise<string> {
  const reply = await twirp('CreateArtifact', { ...ids(), name, version: 4 })
  expect(reply.status).toBe(200)
  return reply.body.signed_upload_url as string
}

describe('fake artifact service', () => {
  it('goes through create, blob upload and finalize as @actions/artifact does', async () => {
    const url = await created()
    const blob = Buffer.from('zip bytes')
    expect((await put(url, blob)).status).toBe(201)
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`
    const finalized = await twirp('FinalizeArtifact', { ...ids(), name: 'sbom', size: String(blob.length), hash: digest })
    expect(finalized).toEqual({ status: 200, body: { ok: true, artifact_id: expect.stringMatching(/^\d+$/) } })
    expect(service.artifacts()).toMatchObject([{ name: 'sbom', finalized: true, blob }])
  })

  it.each([
    ['another token', { name: 'sbom', version: 4 }, 'not-the-token', 401],
    [
      'lowerCamel JSON names (the toolkit sends proto names)',
      { workflowRunBackendId: 'x', workflowJobRunBackendId: 'y', name: 'sbom', version: 4 },
      undefined,
      400
    ],
    ['other backend ids', { workflow_run_backend_id: 'x', workflow_job_run_backend_id: 'y', name: 'sbom', version: 4 }, undefined, 403],
    ['a name with a slash', { name: 'sbom/api', version: 4 }, undefined, 400],
    ['an artifact version before 4', { name: 'sbom', version: 3 }, undefined, 400]
  ])('refuses CreateArtifact with %s', async (_, body, token, status) => {
    const request = 'workflowRunBackendId' in body || 'workflow_run_backend_id' in body ? body : { ...ids(), ...body }
    expect((await twirp('CreateArtifact', request, token)).status).toBe(status)
  })

  it('answers 409 already_exists for a name the run has', async () => {
    service.seedArtifact('sbom')
    expect(await twirp('CreateArtifact', { ...ids(), name: 'sbom', version: 4 })).toMatchObject({
      status: 409,
      body: { code: 'already_exists' }
    })
  })

  it.each([
    ['no x-ms-blob-type', { 'x-ms-version': '2023-11-03' }, 400],
    ['an old x-ms-version', { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2019-07-07' }, 400],
    ['an Authorization header besides the signature', { ...BLOB_HEADERS, authorization: 'Bearer x' }, 400]
  ])('refuses a blob upload with %s', async (_, headers, status) => {
    const url = await created()
    expect((await put(url, Buffer.from('zip'), headers)).status).toBe(status)
  })

  it('assembles the blob from staged blocks in block-list order, as @azure/storage-blob uploadStream sends it', async () => {
    const url = await created()
    const withQuery = (query: Record<string, string>): string => {
      const target = new URL(url)
      for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value)
      return target.href
    }
    const headers = { 'x-ms-version': '2023-11-03' }
    expect((await put(withQuery({ comp: 'block', blockid: 'Yg==' }), Buffer.from(' bytes'), headers)).status).toBe(201)
    expect((await put(withQuery({ comp: 'block', blockid: 'YQ==' }), Buffer.from('zip'), headers)).status).toBe(201)
    const list = Buffer.from('<?xml version="1.0" encoding="utf-8"?><BlockList><Latest>YQ==</Latest><Latest>Yg==</Latest></BlockList>')
    expect((await put(withQuery({ comp: 'blocklist' }), list, headers)).status).toBe(201)
    expect(service.artifacts()[0]?.blob).toEqual(Buffer.from('zip bytes'))
    const unknown = Buffer.from('<BlockList><Latest>Yw==</Latest></BlockList>')
    expect((await put(withQuery({ comp: 'blocklist' }), unknown, headers)).status).toBe(400)
  })

  it('refuses a blob upload to a URL with another signature', async () => {
    const url = new URL(await created())
    url.searchParams.set('sig', 'forged')
    expect((await put(url.href, Buffer.from('zip'))).status).toBe(403)
  })

  it.each([
    ["a size that is not the upload's", (n: number, digest: string) => ({ size: String(n + 1), hash: digest })],
    ['a size as a number (int64 is a string in proto3 JSON)', (n: number, digest: string) => ({ size: n, hash: digest })],
    ['another hash', (n: number) => ({ size: String(n), hash: `sha256:${'0'.repeat(64)}` })],
    [
      'the hash as an object (a StringValue is a bare string in proto3 JSON)',
      (n: number, digest: string) => ({ size: String(n), hash: { value: digest } })
    ]
  ])('refuses FinalizeArtifact with %s', async (_, fields) => {
    const blob = Buffer.from('zip bytes')
    expect((await put(await created(), blob)).status).toBe(201)
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`
    const reply = await twirp('FinalizeArtifact', { ...ids(), name: 'sbom', ...fields(blob.length, digest) })
    expect(reply.status).toBe(400)
    expect(service.artifacts()[0]?.finalized).toBe(false)
  })

  it('fails the next requests with the status it is told, then recovers', async () => {
    service.failNext(2, 503)
    expect((await twirp('CreateArtifact', { ...ids(), name: 'sbom', version: 4 })).status).toBe(503)
    expect((await twirp('CreateArtifact', { ...ids(), name: 'sbom', version: 4 })).status).toBe(503)
    expect((await twirp('CreateArtifact', { ...ids(), name: 'sbom', version: 4 })).status).toBe(200)
  })
})
