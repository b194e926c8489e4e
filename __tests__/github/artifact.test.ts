import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backendIdsFromToken, readArtifactRuntime } from '../../src/github/artifact.js'
import {
  describeUploadError,
  MAX_ARTIFACT_NAME,
  sbomArtifactName,
  uploadSbomArtifact,
  type SbomArtifactDeps
} from '../../src/github/sbom-artifact.js'
import type { Report } from '../../src/report.js'
import { makeRuntimeToken, startFakeArtifactService, TWIRP_PREFIX, type FakeArtifactService } from '../helpers/artifact-server.js'
import { readZipEntries } from '../helpers/zip-reader.js'
import { makeReport } from '../render/sample-report.js'

/** Characters GitHub refuses in artifact names (actions/toolkit path-and-artifact-name-validation.ts). */
const FORBIDDEN = /[":<>|*?\r\n\\/]/
const RUN_ID = 'ce7f54c7-61c7-4aae-887f-30da475f5f1a'
const JOB_ID = 'ca395085-040a-526b-2ce8-bdc85f692774'

describe('sbomArtifactName', () => {
  it.each([
    ['gate', '.', '1', 'sbom-gate'],
    ['gate', 'services/api', '1', 'sbom-gate-services-api'],
    ['gate', '.', '3', 'sbom-gate-attempt3'],
    ['gate', 'services/api', '2', 'sbom-gate-services-api-attempt2'],
    [undefined, '.', undefined, 'sbom-job'],
    ['Build_Gate', 'Services/My API (v2)', '1', 'sbom-build_gate-services-my-api-v2'],
    ['gate', 'apps/ünïcode/../x', 'x', 'sbom-gate-apps-n-code-..-x']
  ])('job %s, directory %s, attempt %s -> %s', (job, root, attempt, name) => {
    expect(sbomArtifactName(job, root, attempt)).toBe(name)
  })

  it('cuts long names to the limit, keeps the attempt, and keeps distinct directories distinct', () => {
    const long = 'services/' + 'a'.repeat(150)
    const a = sbomArtifactName('gate', `${long}/one`, '2')
    const b = sbomArtifactName('gate', `${long}/two`, '2')
    expect(a.length).toBeLessThanOrEqual(MAX_ARTIFACT_NAME)
    expect(b.length).toBeLessThanOrEqual(MAX_ARTIFACT_NAME)
    expect(a).not.toBe(b)
    expect(a).toMatch(/^sbom-gate-services-a+-[0-9a-f]{8}-attempt2$/)
  })

  it('is always a valid artifact name of at most 100 characters', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.string(), fc.option(fc.string()), (job, root, attempt) => {
        const name = sbomArtifactName(job ?? undefined, root, attempt ?? undefined)
        return name.length <= MAX_ARTIFACT_NAME && name.startsWith('sbom-') && /^[a-z0-9._-]+$/.test(name) && !FORBIDDEN.test(name)
      })
    )
  })
})

describe('backendIdsFromToken', () => {
  it('reads the run and job ids of the Actions.Results scope among others', () => {
    const token = makeRuntimeToken(
      `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${RUN_ID}:${JOB_ID} Actions.UploadArtifacts:x:y`
    )
    expect(backendIdsFromToken(token)).toEqual({ workflowRunBackendId: RUN_ID, workflowJobRunBackendId: JOB_ID })
  })

  it.each([
    ['no Actions.Results scope', makeRuntimeToken('Actions.GenericRead:x Actions.UploadArtifacts:a:b')],
    ['a scope with too few parts', makeRuntimeToken(`Actions.Results:${RUN_ID}`)],
    ['a scope with too many parts', makeRuntimeToken(`Actions.Results:${RUN_ID}:${JOB_ID}:extra`)],
    ['no scp claim', `${Buffer.from('{}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.sig`],
    ['a payload that is not JSON', `${Buffer.from('{}').toString('base64url')}.${Buffer.from('not json').toString('base64url')}.sig`],
    ['not a JWT', 'ghs_notAJwtAtAll']
  ])('refuses %s', (_, token) => {
    expect(() => backendIdsFromToken(token)).toThrow(/ACTIONS_RUNTIME_TOKEN/)
  })
})

describe('readArtifactRuntime', () => {
  const token = makeRuntimeToken(`Actions.Results:${RUN_ID}:${JOB_ID}`)

  it('takes the origin of ACTIONS_RESULTS_URL and the ids of the token', () => {
    expect(
      readArtifactRuntime({
        ACTIONS_RUNTIME_TOKEN: token,
        ACTIONS_RESULTS_URL: 'https://results-receiver.actions.githubusercontent.com/some/path/'
      })
    ).toEqual({
      token,
      resultsUrl: 'https://results-receiver.actions.githubusercontent.com',
      ids: { workflowRunBackendId: RUN_ID, workflowJobRunBackendId: JOB_ID }
    })
  })

  it.each([
    ['no token', { ACTIONS_RESULTS_URL: 'https://results.example' }, /ACTIONS_RUNTIME_TOKEN not set/],
    ['no results URL', { ACTIONS_RUNTIME_TOKEN: token }, /ACTIONS_RESULTS_URL not set/],
    ['neither', {}, /ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL not set/],
    ['a results URL that is not one', { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: 'not a url' }, /not a URL/],
    [
      'GitHub Enterprise Server',
      { ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: 'https://results.example', GITHUB_SERVER_URL: 'https://github.acme.internal' },
      /Enterprise Server/
    ],
    ['a token that is not a JWT', { ACTIONS_RUNTIME_TOKEN: 'opaque', ACTIONS_RESULTS_URL: 'https://results.example' }, /not a JWT/]
  ])('says why there is no runtime: %s', (_, env, reason) => {
    const runtime = readArtifactRuntime(env)
    expect('unavailable' in runtime && runtime.unavailable).toMatch(reason)
  })

  it('accepts github.com and GHE.com data residency hosts', () => {
    for (const server of ['https://github.com', 'https://acme.ghe.com']) {
      expect(
        readArtifactRuntime({ ACTIONS_RUNTIME_TOKEN: token, ACTIONS_RESULTS_URL: 'https://r.example', GITHUB_SERVER_URL: server })
      ).toHaveProperty('ids')
    }
  })
})

describe('describeUploadError', () => {
  it("reads @actions/artifact's failed Twirp calls back as method and status, and spots a name conflict", () => {
    const conflict = new Error(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run'
    )
    expect(describeUploadError(conflict)).toEqual({
      message: 'CreateArtifact answered HTTP 409: an artifact with this name already exists on the workflow run',
      conflict: true
    })
    const outage = new Error('Failed to CreateArtifact: Failed to make request after 5 attempts: Failed request: (503) Service Unavailable')
    expect(describeUploadError(outage)).toEqual({ message: 'CreateArtifact answered HTTP 503', conflict: false })
    expect(describeUploadError(new Error('Unable to make request: ECONNREFUSED'))).toEqual({
      message: 'Unable to make request: ECONNREFUSED',
      conflict: false
    })
  })
})

/** Variables a runner gives the step, set in process.env, where @actions/artifact reads them. */
const RUNTIME_VARIABLES = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_JOB', 'GITHUB_RUN_ATTEMPT', 'GITHUB_SERVER_URL'] as const

/**
 * Runs `work` with setTimeout on a fake clock that moves to the next timer whenever the process
 * has nothing else to do, so @actions/artifact's and the Azure SDK's backoff (seconds each) takes no
 * time. Intervals and Date stay real (the upload's stall check uses them).
 */
async function withoutBackoff<T>(work: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    doNotFake: [
      'Date',
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval'
    ]
  })
  try {
    let settled = false
    const done = work().finally(() => {
      settled = true
    })
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve))
      if (!settled && jest.getTimerCount() > 0) jest.advanceTimersToNextTimer()
    }
    return await done
  } finally {
    jest.useRealTimers()
  }
}

describe('uploadSbomArtifact against a loopback results service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ehg-artifact-'))
  const sbomFile = join(dir, 'sbom.cdx.json')
  const SBOM = Buffer.from(
    `${JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ name: 'express', version: '4.21.2' }] }, null, 2)}\n`
  )
  writeFileSync(sbomFile, SBOM)
  const saved = Object.fromEntries(RUNTIME_VARIABLES.map((name) => [name, process.env[name]]))
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
    for (const name of RUNTIME_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  let service: FakeArtifactService
  let log: { info: string[]; warning: string[] }
  let loads: number

  beforeEach(async () => {
    service = await startFakeArtifactService({ runBackendId: RUN_ID, jobBackendId: JOB_ID })
    log = { info: [], warning: [] }
    loads = 0
  })
  // One test closes the service early, to meet a refused connection.
  afterEach(() => service.close().catch(() => undefined))

  function deps(env: Partial<Record<(typeof RUNTIME_VARIABLES)[number], string | undefined>> = {}): SbomArtifactDeps {
    const variables = {
      ACTIONS_RUNTIME_TOKEN: service.token,
      ACTIONS_RESULTS_URL: `${service.url}/`,
      GITHUB_JOB: 'gate',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      ...env
    }
    for (const name of RUNTIME_VARIABLES) {
      const value = variables[name]
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    return {
      out: { info: (m) => log.info.push(m), warning: (m) => log.warning.push(m) },
      loadUploader: async () => {
        loads += 1
        const { DefaultArtifactClient } = await import('@actions/artifact')
        return new DefaultArtifactClient()
      }
    }
  }

  const report = (partial: Partial<Report> = {}): Report => makeReport(partial)
  const upload = (r: Report, file: string, d: SbomArtifactDeps) => withoutBackoff(() => uploadSbomArtifact(r, file, d))
  const calls = () =>
    service.requests.map(
      (r) => `${r.method} ${r.path.startsWith(TWIRP_PREFIX) ? r.path.slice(TWIRP_PREFIX.length) : r.path.replace(/\d+$/, 'N')} ${r.status}`
    )
  const blobCalls = (n: number) => Array.from({ length: n }, () => 'PUT /blob/N 201')

  it('creates, uploads the zipped SBOM to the signed URL and finalizes it with size and SHA-256', async () => {
    const outcome = await upload(report(), sbomFile, deps())

    expect(outcome).toEqual({ artifact: 'sbom-gate', warnings: 0 })
    // One staged block and the block list.
    expect(calls()).toEqual(['POST CreateArtifact 200', ...blobCalls(2), 'POST FinalizeArtifact 200'])
    expect(service.requests[0]?.body).toMatchObject({
      workflow_run_backend_id: RUN_ID,
      workflow_job_run_backend_id: JOB_ID,
      name: 'sbom-gate'
    })
    const [artifact] = service.artifacts()
    expect(artifact).toMatchObject({ name: 'sbom-gate', finalized: true })
    const entries = readZipEntries(artifact?.blob ?? Buffer.alloc(0))
    expect(entries.map((e) => e.name)).toEqual(['sbom.cdx.json'])
    expect(Buffer.compare(entries[0]?.data ?? Buffer.alloc(0), SBOM)).toBe(0)
    // The bearer token goes to the results service only; the blob store gets the signed URL.
    expect(artifact?.blobHeaders?.authorization).toBeUndefined()
    expect(log.warning).toEqual([])
    expect(log.info).toEqual([expect.stringMatching(/^SBOM uploaded as artifact sbom-gate \(id \d+, \d+\.\d KiB\)$/)])
  })

  it('names a working directory and a rerun in the artifact', async () => {
    const outcome = await upload(report({ root: 'services/api' }), sbomFile, deps({ GITHUB_RUN_ATTEMPT: '2' }))
    expect(outcome.artifact).toBe('sbom-gate-services-api-attempt2')
    expect(service.artifacts().map((a) => a.name)).toEqual(['sbom-gate-services-api-attempt2'])
  })

  it('retries 5xx answers and then succeeds', async () => {
    service.failNext(2, 503)
    const outcome = await upload(report(), sbomFile, deps())
    expect(outcome).toEqual({ artifact: 'sbom-gate', warnings: 0 })
    expect(calls()).toEqual([
      'POST CreateArtifact 503',
      'POST CreateArtifact 503',
      'POST CreateArtifact 200',
      ...blobCalls(2),
      'POST FinalizeArtifact 200'
    ])
  })

  it('retries a failed blob upload', async () => {
    const d = deps()
    service.failNext(1, 500, 'blob')
    const outcome = await upload(report(), sbomFile, d)
    expect(outcome.artifact).toBe('sbom-gate')
    expect(calls()).toEqual(['POST CreateArtifact 200', 'PUT /blob/N 500', ...blobCalls(2), 'POST FinalizeArtifact 200'])
    expect(service.artifacts()[0]?.finalized).toBe(true)
  })

  it('gives up after the retries with one warning line and no artifact', async () => {
    service.failNext(Infinity, 500)
    const outcome = await upload(report(), sbomFile, deps())
    expect(outcome).toEqual({ warnings: 1 })
    expect(calls()).toEqual(Array.from({ length: 5 }, () => 'POST CreateArtifact 500'))
    expect(log.warning).toHaveLength(1)
    expect(log.warning[0]).toMatch(/^The SBOM was not uploaded as an artifact: CreateArtifact answered HTTP 500: fake outage\. .*sbom-path/)
    expect(log.warning[0]).not.toMatch(/\n/)
  })

  it('gives up on a refused connection with one warning line', async () => {
    await service.close()
    const outcome = await upload(report(), sbomFile, deps())
    expect(outcome).toEqual({ warnings: 1 })
    expect(log.warning).toHaveLength(1)
    expect(log.warning[0]).toMatch(/ECONNREFUSED/)
    expect(log.warning[0]).not.toMatch(/\n/)
  })

  it('does not retry a refusal: a token the service does not accept', async () => {
    const other = makeRuntimeToken(`Actions.Results:${RUN_ID}:00000000-0000-0000-0000-000000000000`)
    const outcome = await upload(report(), sbomFile, deps({ ACTIONS_RUNTIME_TOKEN: other }))
    expect(outcome).toEqual({ warnings: 1 })
    expect(calls()).toEqual(['POST CreateArtifact 401'])
    expect(log.warning[0]).toMatch(/CreateArtifact answered HTTP 401/)
  })

  it('takes a name of its own when another matrix leg or step has the name already', async () => {
    service.seedArtifact('sbom-gate')
    const outcome = await upload(report(), sbomFile, deps())
    expect(outcome).toEqual({ artifact: 'sbom-gate-ca395085', warnings: 0 })
    expect(calls()).toEqual(['POST CreateArtifact 409', 'POST CreateArtifact 200', ...blobCalls(2), 'POST FinalizeArtifact 200'])
    expect(log.info[0]).toBe('An artifact named sbom-gate already exists in this run, so this SBOM is sbom-gate-ca395085')
  })

  it('warns, naming both names and the fix, when that name is taken too', async () => {
    service.seedArtifact('sbom-gate')
    service.seedArtifact('sbom-gate-ca395085')
    const outcome = await upload(report(), sbomFile, deps())
    expect(outcome).toEqual({ warnings: 1 })
    expect(calls()).toEqual(['POST CreateArtifact 409', 'POST CreateArtifact 409'])
    expect(log.warning).toHaveLength(1)
    expect(log.warning[0]).toMatch(
      /artifacts named sbom-gate and sbom-gate-ca395085 already exist in this run; give each gate step its own working-directory, or upload the sbom-path output with actions\/upload-artifact/
    )
  })

  it('warns how to get the SBOM when the runner gave no artifact runtime, and neither loads the client nor sends anything', async () => {
    const outcome = await upload(report(), sbomFile, deps({ ACTIONS_RUNTIME_TOKEN: undefined, ACTIONS_RESULTS_URL: undefined }))
    expect(outcome).toEqual({ warnings: 1 })
    expect(log.warning[0]).toMatch(/ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL not set; .*actions\/upload-artifact/)
    expect(service.requests).toEqual([])
    expect(loads).toBe(0)
  })

  it('warns that GitHub Enterprise Server has no such uploads, and sends nothing', async () => {
    const outcome = await upload(report(), sbomFile, deps({ GITHUB_SERVER_URL: 'https://github.acme.internal' }))
    expect(outcome).toEqual({ warnings: 1 })
    expect(log.warning[0]).toMatch(/not available on GitHub Enterprise Server/)
    expect(service.requests).toEqual([])
    expect(loads).toBe(0)
  })

  it.each([
    ['skipped', { status: 'skipped' } as const, /nothing uploaded, sbom is false/],
    ['error', { status: 'error', error: 'cyclonedx-npm failed' } as const, /nothing uploaded, the SBOM was not generated/]
  ])('uploads nothing for an SBOM with status %s, with an info line', async (_, sbom, line) => {
    const outcome = await upload(report({ sbom }), sbomFile, deps())
    expect(outcome).toEqual({ warnings: 0 })
    expect(log.info).toEqual([expect.stringMatching(line)])
    expect(log.warning).toEqual([])
    expect(service.requests).toEqual([])
    expect(loads).toBe(0)
  })

  it('warns when the SBOM file is gone', async () => {
    const outcome = await upload(report(), join(dir, 'missing.json'), deps())
    expect(outcome).toEqual({ warnings: 1 })
    expect(log.warning[0]).toMatch(/ENOENT/)
    expect(service.requests).toEqual([])
  })
})
