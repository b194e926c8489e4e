import { afterEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { access, cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SAMPLE_APP_ADVISORIES, startFakeRegistry, type FakeRegistry } from './npm-registry-server.js'
import { hermeticNpmEnv } from './npm-env.js'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const SAMPLE_APP = join(repoRoot, 'examples/vulnerable-app')
const CLEAN_APP = join(repoRoot, '__tests__/fixtures/apps/clean-app')
const NO_LOCKFILE_APP = join(repoRoot, '__tests__/fixtures/apps/no-lockfile-app')

interface NpmResult {
  code: number
  stdout: string
  stderr: string
}

interface AuditVia {
  source: number
  name: string
  url: string
  severity: string
  range: string
}

interface AuditReport {
  auditReportVersion: number
  vulnerabilities: Record<
    string,
    {
      severity: string
      isDirect: boolean
      via: Array<string | AuditVia>
      fixAvailable: boolean | { name: string; version: string; isSemVerMajor: boolean }
    }
  >
  metadata: { vulnerabilities: Record<string, number> }
}

const cleanups: Array<() => Promise<void>> = []

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function startRegistry(options?: Parameters<typeof startFakeRegistry>[0]): Promise<FakeRegistry> {
  const registry = await startFakeRegistry(options)
  cleanups.push(() => registry.close())
  return registry
}

/** Runs npm in a temp copy of the app's package.json (+ package-lock.json if present) against the registry. */
async function runNpm(appDir: string, registry: FakeRegistry, args: string[]): Promise<NpmResult> {
  const work = await mkdtemp(join(tmpdir(), 'fake-registry-test-'))
  cleanups.push(() => rm(work, { recursive: true, force: true }))
  const cwd = join(work, 'app')
  await cp(join(appDir, 'package.json'), join(cwd, 'package.json'))
  const lockfile = join(appDir, 'package-lock.json')
  if (
    await access(lockfile).then(
      () => true,
      () => false
    )
  )
    await cp(lockfile, join(cwd, 'package-lock.json'))
  const env = hermeticNpmEnv(registry.url, work)

  return new Promise((resolve) => {
    execFile('npm', args, { cwd, env, maxBuffer: 32 * 1024 * 1024, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

const ghsa = (via: Array<string | AuditVia>): string[] =>
  via.flatMap((v) => (typeof v === 'string' ? [] : [v.url.replace('https://github.com/advisories/', '')])).sort()

describe('fake npm registry with real npm audit', () => {
  it('audits the sample app from the recorded advisories and packuments', async () => {
    const registry = await startRegistry()
    const result = await runNpm(SAMPLE_APP, registry, ['audit', '--json'])

    expect(result.code).toBe(1)
    expect(registry.bulkRequests).toHaveLength(1)
    const bulk = registry.bulkRequests[0]
    expect(bulk?.lodash).toEqual(['4.17.15'])
    expect(bulk?.express).toEqual(['4.17.1'])
    expect(bulk?.['express-session']).toEqual(['1.17.1'])

    const report = JSON.parse(result.stdout) as AuditReport
    expect(report.auditReportVersion).toBe(2)
    expect(report.metadata.vulnerabilities).toEqual({ info: 0, low: 5, moderate: 0, high: 5, critical: 0, total: 10 })
    expect(Object.keys(report.vulnerabilities).sort()).toEqual([
      'body-parser',
      'cookie',
      'express',
      'express-session',
      'lodash',
      'on-headers',
      'path-to-regexp',
      'qs',
      'send',
      'serve-static'
    ])

    const lodash = report.vulnerabilities.lodash
    expect(lodash?.severity).toBe('high')
    expect(lodash?.isDirect).toBe(true)
    expect(ghsa(lodash?.via ?? [])).toEqual(expect.arrayContaining(['GHSA-29mw-wpgm-hmr9', 'GHSA-35jh-r3h4-6jhm', 'GHSA-p6mc-m468-83gw']))
    expect(lodash?.fixAvailable).toMatchObject({ name: 'lodash', isSemVerMajor: false })

    const express = report.vulnerabilities.express
    expect(express?.severity).toBe('high')
    expect(ghsa(express?.via ?? [])).toEqual(['GHSA-qw6h-vgh9-j6wx', 'GHSA-rv95-896h-c2vc'])
    expect(express?.via).toEqual(expect.arrayContaining(['body-parser', 'path-to-regexp', 'qs']))
    expect(express?.fixAvailable).toMatchObject({ name: 'express', isSemVerMajor: false })
    expect(report.vulnerabilities['path-to-regexp']?.fixAvailable).toMatchObject({ name: 'express' })

    const source = (express?.via ?? []).find((v): v is AuditVia => typeof v !== 'string')?.source
    expect(SAMPLE_APP_ADVISORIES.express?.map((a) => a.id)).toContain(source)

    expect([...registry.packumentRequests].sort()).toEqual([
      'body-parser',
      'cookie',
      'express',
      'express-session',
      'lodash',
      'on-headers',
      'path-to-regexp',
      'qs',
      'send',
      'serve-static'
    ])
  }, 20_000)

  it('finds nothing in the clean app', async () => {
    const registry = await startRegistry()
    const result = await runNpm(CLEAN_APP, registry, ['audit', '--json'])

    expect(result.code).toBe(0)
    expect(registry.bulkRequests[0]?.express).toEqual(['4.21.2'])
    const report = JSON.parse(result.stdout) as AuditReport
    expect(report.metadata.vulnerabilities.total).toBe(0)
    expect(report.vulnerabilities).toEqual({})
  }, 20_000)

  it('makes npm print an error object and exit non-zero when the advisory endpoint answers 500', async () => {
    const registry = await startRegistry({ bulkStatus: 500 })
    const result = await runNpm(SAMPLE_APP, registry, ['audit', '--json'])

    expect(result.code).not.toBe(0)
    expect(registry.bulkRequests).toHaveLength(1)
    expect(registry.packumentRequests).toEqual([])
    const out = JSON.parse(result.stdout) as { statusCode?: number; method?: string; message?: string; error?: unknown }
    expect(out.error).toEqual({ summary: '', detail: '' })
    expect(out.statusCode).toBe(500)
    expect(out.method).toBe('POST')
    expect(out.message).toMatch(/^500 Internal Server Error - POST http:\/\/127\.0\.0\.1:\d+\/-\/npm\/v1\/security\/advisories\/bulk/)
    expect(result.stderr).toContain('audit endpoint returned an error')
  }, 20_000)

  it('reports a malformed advisory body as an error too', async () => {
    const registry = await startRegistry({ bulkBody: '{"lodash": [' })
    const result = await runNpm(SAMPLE_APP, registry, ['audit', '--json'])

    expect(result.code).not.toBe(0)
    const out = JSON.parse(result.stdout) as { message?: string; error?: unknown }
    expect(out.message).toMatch(/^invalid json response body at http:\/\/127\.0\.0\.1:\d+\/-\/npm\/v1\/security\/advisories\/bulk/)
    expect(out.error).toEqual({ summary: '', detail: '' })
  }, 20_000)

  it('makes npm fail with ENOLOCK, without asking the registry, when there is no lockfile', async () => {
    const registry = await startRegistry()
    const result = await runNpm(NO_LOCKFILE_APP, registry, ['audit', '--json'])

    expect(result.code).toBe(1)
    const out = JSON.parse(result.stdout) as { error?: { code?: string; summary?: string } }
    expect(out.error?.code).toBe('ENOLOCK')
    expect(out.error?.summary).toBe('This command requires an existing lockfile.')
    expect(registry.bulkRequests).toEqual([])
  }, 20_000)

  it('answers 404 JSON for unknown packuments and records the request', async () => {
    const registry = await startRegistry()
    const res = await fetch(`${registry.url}@scope%2fno-such-package`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'Not found' })
    const tarball = await fetch(`${registry.url}express/-/express-4.17.1.tgz`)
    expect(tarball.status).toBe(404)
    expect(registry.packumentRequests).toEqual(['@scope/no-such-package'])
  })
})
