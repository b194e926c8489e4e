import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parseAuditOutput } from '../../src/tools/audit-report.js'
import { execProcess, type Exec, type ExecOptions } from '../../src/tools/exec.js'
import { npmAuditArgs, runNpmAudit } from '../../src/tools/npm-audit.js'
import { startFakeRegistry, type FakeRegistryOptions } from '../helpers/npm-registry-server.js'
import { copyApp, makeDevDependency, VULNERABLE_APP, type TempApp } from './temp-app.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

async function setUp(registryOptions: FakeRegistryOptions = {}, appOptions: { lockfile?: boolean } = {}) {
  const registry = await startFakeRegistry(registryOptions)
  cleanups.push(() => registry.close())
  const app: TempApp = await copyApp(VULNERABLE_APP, registry.url, appOptions)
  cleanups.push(() => app.remove())
  return { registry, app }
}

const audit = (app: TempApp, omitDev = false) => runNpmAudit(execProcess, { cwd: app.dir, omitDev, timeoutMs: 30_000, env: app.env })

describe('runNpmAudit with real npm', () => {
  it('audits the vulnerable app: ok, with the advisories of the recorded fixture', async () => {
    const { registry, app } = await setUp()
    const { step, result } = await audit(app)

    expect(step).toMatchObject({ name: 'npm audit', status: 'ok' })
    expect(step.detail).toBeUndefined()
    expect(registry.bulkRequests).toHaveLength(1)
    expect(result.status).toBe('ok')
    expect(result.counts).toEqual({ low: 5, moderate: 3, high: 6, critical: 0 })
    // The recorded fixture must still be what npm prints today.
    const recorded = parseAuditOutput(readFileSync(new URL('../fixtures/npm-audit/vulnerable.json', import.meta.url), 'utf8'), 1)
    expect(result.advisories).toEqual(recorded.advisories)
  })

  it('is an error, never ok, when the advisory endpoint answers 500', async () => {
    const { registry, app } = await setUp({ bulkStatus: 500 })
    const { step, result } = await audit(app)

    expect(registry.bulkRequests).toHaveLength(1)
    expect(result.status).toBe('error')
    expect(result.advisories).toEqual([])
    expect(result.error).toContain('500')
    expect(step).toMatchObject({ name: 'npm audit', status: 'error', detail: result.error })
  })

  it('is an error without a lockfile, and does not ask the registry', async () => {
    const { registry, app } = await setUp({}, { lockfile: false })
    const { step, result } = await audit(app)

    expect(result.status).toBe('error')
    expect(result.error).toContain('ENOLOCK')
    expect(step.status).toBe('error')
    expect(registry.bulkRequests).toEqual([])
  })

  it('leaves devDependencies out with omitDev', async () => {
    const { registry, app } = await setUp()
    await makeDevDependency(app, 'lodash')

    const { result } = await audit(app, true)
    expect(result.status).toBe('ok')
    expect(Object.keys(registry.bulkRequests[0] ?? {})).not.toContain('lodash')
    expect(result.advisories.map((a) => a.package)).not.toContain('lodash')
    expect(result.advisories.map((a) => a.package)).toContain('express')
  })
})

describe('runNpmAudit when npm does not run', () => {
  const fake = (
    result: Partial<Awaited<ReturnType<Exec>>>
  ): { exec: Exec; calls: Array<{ command: string; args: string[]; options: ExecOptions }> } => {
    const calls: Array<{ command: string; args: string[]; options: ExecOptions }> = []
    const exec: Exec = async (command, args, options) => {
      calls.push({ command, args, options })
      return { code: null, stdout: '', stderr: '', ms: 5, timedOut: false, ...result }
    }
    return { exec, calls }
  }

  it('is an error when npm cannot be started', async () => {
    const { exec } = fake({ spawnError: 'spawn npm ENOENT' })
    const { step, result } = await runNpmAudit(exec, { cwd: '/nowhere', omitDev: false, timeoutMs: 1000 })
    expect(result.status).toBe('error')
    expect(result.error).toContain('ENOENT')
    expect(step.status).toBe('error')
  })

  it('is an error when npm audit times out, whatever it printed', async () => {
    const { exec } = fake({ timedOut: true, stdout: '{"auditReportVersion":2,"vulnerabilities":{}}' })
    const { result } = await runNpmAudit(exec, { cwd: '/nowhere', omitDev: false, timeoutMs: 1000 })
    expect(result.status).toBe('error')
  })

  it('runs npm audit --json in the working directory without the update notifier', async () => {
    const { exec, calls } = fake({ code: 0, stdout: '{"auditReportVersion":2,"vulnerabilities":{}}' })
    await runNpmAudit(exec, { cwd: '/app', omitDev: true, timeoutMs: 1000, env: { PATH: '/bin' } })
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ command: 'npm', args: npmAuditArgs(true), options: { cwd: '/app', timeoutMs: 1000 } })
    expect(calls[0]?.options.env).toMatchObject({ PATH: '/bin', npm_config_update_notifier: 'false' })
  })
})

describe('npmAuditArgs', () => {
  it('asks for JSON and omits dev dependencies only when told', () => {
    expect(npmAuditArgs(false)).toEqual(['audit', '--json'])
    expect(npmAuditArgs(true)).toEqual(['audit', '--json', '--omit=dev'])
  })
})
