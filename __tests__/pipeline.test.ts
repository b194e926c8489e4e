import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { constants, getPriority, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GateOptions } from '../src/config/options.js'
import { runGate } from '../src/pipeline.js'
import type { Exec, ExecResult } from '../src/tools/exec.js'

const MINIMAL_BOM = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ name: 'a' }] })
const EMPTY_AUDIT = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {},
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } }
})

interface Call {
  step: 'ci' | 'audit' | 'sbom'
  args: string[]
  started: number
  ended: number
}

/** A fake toolchain: npm ci takes `ciMs`, audit and the SBOM answer at once (the SBOM writes its file). */
function fakeTools(ciMs: number): { exec: Exec; calls: Call[] } {
  const calls: Call[] = []
  const exec: Exec = async (command, args) => {
    const step = command === 'npm' ? (args[0] === 'ci' ? 'ci' : 'audit') : 'sbom'
    const call: Call = { step, args, started: Date.now(), ended: 0 }
    calls.push(call)
    if (step === 'ci') await new Promise((resolve) => setTimeout(resolve, ciMs))
    if (step === 'sbom') await writeFile(args[args.indexOf('--output-file') + 1] ?? '', MINIMAL_BOM)
    call.ended = Date.now()
    const stdout = step === 'audit' ? EMPTY_AUDIT : ''
    const result: ExecResult = { code: 0, stdout, stderr: '', ms: call.ended - call.started, timedOut: false }
    return result
  }
  return { exec, calls }
}

describe('runGate', () => {
  let dir: string
  let options: GateOptions
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ehg-pipeline-'))
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', dependencies: {} }))
    await writeFile(join(dir, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' } } }))
    options = {
      workspace: dir,
      workingDirectory: dir,
      install: true,
      ignoreScripts: true,
      audit: true,
      auditLevel: 'high',
      omitDev: false,
      onAuditError: 'fail',
      failOn: 'high',
      sbom: true,
      sbomFile: join(dir, 'sbom.cdx.json'),
      sarifFile: '',
      reportFile: '',
      configFile: join(dir, '.hardening-gate.yml'),
      configRequired: false,
      today: '2026-11-26'
    }
  })
  afterEach(async () => rm(dir, { recursive: true, force: true }))

  it('runs the audit and the SBOM from the lockfile while npm ci is still installing', async () => {
    const { exec, calls } = fakeTools(400)
    const report = await runGate(options, { exec, log: () => undefined })

    const ci = calls.find((c) => c.step === 'ci')
    const sbom = calls.find((c) => c.step === 'sbom')
    const audit = calls.find((c) => c.step === 'audit')
    expect(ci && sbom && audit).toBeTruthy()
    expect(sbom?.started).toBeLessThan(ci?.ended ?? 0)
    expect(audit?.started).toBeLessThan(ci?.ended ?? 0)
    expect(sbom?.args).toContain('--package-lock-only')
    // npm ci keeps its priority; the rest of the gate yields the CPU to it
    expect(getPriority()).toBeGreaterThanOrEqual(constants.priority.PRIORITY_BELOW_NORMAL)
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['npm ci', 'ok'],
      ['npm audit', 'ok'],
      ['sbom', 'ok'],
      ['scan', 'ok']
    ])
    expect(report.sbom).toMatchObject({ status: 'ok', components: 1, path: 'sbom.cdx.json' })
  })

  it('still writes the SBOM from the lockfile when install is false', async () => {
    const { exec, calls } = fakeTools(0)
    const report = await runGate({ ...options, install: false }, { exec, log: () => undefined })
    expect(calls.map((c) => c.step).sort()).toEqual(['audit', 'sbom'])
    expect(report.steps[0]).toMatchObject({ name: 'npm ci', status: 'skipped' })
    expect(report.sbom.status).toBe('ok')
  })
})
