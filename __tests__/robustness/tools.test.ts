// Child processes that hang, ignore signals, leave the pipes open or print garbage: every run ends
// in bounded time with a one-line reason that names the step, and a failed audit fails the gate.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GateOptions } from '../../src/config/options.js'
import { runGate, type PipelineDeps } from '../../src/pipeline.js'
import { execProcess, formatDuration, MAX_OUTPUT, type Exec } from '../../src/tools/exec.js'
import { runNpmAudit } from '../../src/tools/npm-audit.js'
import { redactSecrets } from '../../src/tools/redact.js'

const node = process.execPath
let work: string

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ehg-robust-tools-'))
})
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

describe('execProcess', () => {
  it('kills a child that ignores SIGTERM at the timeout', async () => {
    const result = await execProcess(node, ['-e', "process.on('SIGTERM', () => {}); console.log('up'); setInterval(() => {}, 1000)"], {
      cwd: work,
      timeoutMs: 500
    })
    expect(result.timedOut).toBe(true)
    expect(result.code).toBeNull()
  })

  it('ends at the timeout even when a grandchild keeps the output pipes open', async () => {
    const result = await execProcess('sh', ['-c', 'sleep 6; echo never'], { cwd: work, timeoutMs: 300 })
    expect(result.timedOut).toBe(true)
    expect(result.stdout).toBe('')
  })

  it('ends soon after the program exits when a process it started in the background holds the pipes', async () => {
    const started = Date.now()
    const result = await execProcess('sh', ['-c', '(sleep 6 &) ; echo started'], { cwd: work, timeoutMs: 20_000 })
    expect(result).toMatchObject({ code: 0, timedOut: false, stdout: 'started\n' })
    expect(Date.now() - started).toBeLessThan(4_000)
  })

  it('keeps at most MAX_OUTPUT bytes of 72 MiB of output and says it cut it', async () => {
    const script =
      "const chunk = Buffer.alloc(1 << 20, 'x'); let n = 0; const write = () => { while (n < 72) { n += 1; if (!process.stdout.write(chunk)) return process.stdout.once('drain', write) } }; write()"
    const result = await execProcess(node, ['-e', script], { cwd: work, timeoutMs: 30_000 })
    expect(result.code).toBe(0)
    expect(result.truncated).toBe(true)
    expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(MAX_OUTPUT)
    expect(Buffer.byteLength(result.stdout)).toBeGreaterThan(MAX_OUTPUT / 2)
  })

  it('does not call a child that finished while the synchronous scan blocked the event loop timed out', async () => {
    const pending = execProcess(node, ['-e', "console.log('done')"], { cwd: work, timeoutMs: 200 })
    const until = Date.now() + 1_500
    while (Date.now() < until) {
      /* the scan runs synchronously while the tools run */
    }
    expect(await pending).toMatchObject({ code: 0, timedOut: false, stdout: 'done\n' })
  })

  it('redacts a long `a.b.c...` run of tool output (quadratic before: minutes)', () => {
    expect(redactSecrets(`npm error ${'a.'.repeat(500_000)}`)).toHaveLength(1_000_010)
    expect(redactSecrets('GET https://user:s3cretpass@registry.example.com/x')).toBe('GET https://user:***@registry.example.com/x')
  })

  it('reports a program that cannot be started, without throwing', async () => {
    const result = await execProcess(join(work, 'no-such-program'), [], { cwd: work, timeoutMs: 1_000 })
    expect(result.spawnError).toMatch(/ENOENT/)
    expect(result.code).toBeNull()
  })

  it('formats timeouts for messages', () => {
    expect([formatDuration(20 * 60_000), formatDuration(60_000), formatDuration(90_000), formatDuration(500)]).toEqual([
      '20 minutes',
      '1 minute',
      '90 s',
      '0.5 s'
    ])
  })
})

/**
 * A fake `npm`, first on PATH: what it does comes from FAKE_NPM_<COMMAND> (`ci`, `audit`, `ls`):
 * hang, garbage (text), bytes (every byte value), nothing (exit 0, no output), notreport (JSON that is no
 * report), or ok.
 */
const FAKE_NPM = `#!${node}
const command = process.argv[2] || ''
const mode = process.env['FAKE_NPM_' + command.toUpperCase()] || 'ok'
const report = { auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } } }
if (command === '--version') console.log('10.9.0')
else if (mode === 'hang') {
  // Ignores SIGTERM; as a grandchild (cyclonedx-npm's npm ls) it outlives the kill, so it ends once orphaned.
  process.on('SIGTERM', () => {})
  const parent = process.ppid
  setInterval(() => { if (process.ppid !== parent) process.exit(1) }, 100)
  setTimeout(() => process.exit(1), 60000)
}
else if (mode === 'garbage') { process.stdout.write('Segmentation fault (core dumped)\\n<html>502 Bad Gateway</html>\\n'); process.stderr.write('npm error something odd\\n'); process.exitCode = 1 }
else if (mode === 'bytes') { const bytes = (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919 + 13) % 256)); process.stdout.write(bytes(4096)); process.stderr.write(bytes(512)); process.exitCode = 1 }
else if (mode === 'nothing') { process.exitCode = 0 }
else if (mode === 'notreport') { process.stdout.write('{"hello":"world"}') }
else if (command === 'audit') { process.stdout.write(JSON.stringify(report)) }
`

describe('runGate with an npm that misbehaves (fake npm first on PATH)', () => {
  let dir: string
  let bin: string

  beforeAll(() => {
    bin = join(work, 'bin')
    dir = join(work, 'app')
    for (const d of [bin, dir]) mkdirSync(d)
    writeFileSync(join(bin, 'npm'), FAKE_NPM)
    chmodSync(join(bin, 'npm'), 0o755)
    writeFileSync(join(bin, 'npm-cli.js'), FAKE_NPM)
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0' }))
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' } } }))
  })

  const options = (overrides: Partial<GateOptions> = {}): GateOptions => ({
    workspace: dir,
    workingDirectory: dir,
    install: true,
    ignoreScripts: true,
    audit: true,
    auditLevel: 'high',
    omitDev: false,
    onAuditError: 'fail',
    failOn: 'high',
    sbom: false,
    sbomFile: join(dir, 'sbom.cdx.json'),
    sarifFile: '',
    reportFile: '',
    configFile: join(dir, '.github/hardening.yml'),
    configRequired: false,
    today: '2026-11-26',
    ...overrides
  })

  /** Short timeouts only where something hangs: a healthy child may take a while to start on a busy machine. */
  const HANGING = { ci: 700, audit: 700, sbom: 1_500 }
  const deps = (
    modes: Record<string, string>,
    timeouts: PipelineDeps['timeouts'] = { ci: 30_000, audit: 30_000, sbom: 30_000 }
  ): PipelineDeps => {
    // cyclonedx-npm runs the npm-cli.js that npm_execpath names (set under `npm test`): the fake one, too
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)))
    env.PATH = `${bin}:${process.env.PATH ?? ''}`
    env.npm_execpath = join(bin, 'npm-cli.js')
    for (const [command, mode] of Object.entries(modes)) env[`FAKE_NPM_${command.toUpperCase()}`] = mode
    return { exec: execProcess, log: () => undefined, env, timeouts }
  }

  it('the fake answers like a healthy npm: the gate passes', async () => {
    const report = await runGate(options(), deps({}))
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['npm ci', 'ok'],
      ['npm audit', 'ok'],
      ['sbom', 'skipped'],
      ['scan', 'ok']
    ])
    expect(report.passed).toBe(true)
  })

  it('an npm that hangs: npm ci and npm audit are stopped at their timeouts with a reason and a fix; the gate fails', async () => {
    const report = await runGate(options(), deps({ ci: 'hang', audit: 'hang' }, HANGING))
    const ci = report.steps.find((s) => s.name === 'npm ci')
    expect(ci?.status).toBe('error')
    expect(ci?.detail).toBe('npm ci did not finish within 0.7 s and was stopped: check that the registry is reachable from the runner')
    expect(report.audit.status).toBe('error')
    expect(report.audit.error).toMatch(/^npm audit did not finish within 0\.7 s and was stopped: .*rerun the job$/)
    expect(report.passed).toBe(false)
    expect(report.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^npm ci failed: npm ci did not finish/),
        expect.stringMatching(/^npm audit could not produce a report: npm audit did not finish/)
      ])
    )
  })

  it('with install scripts on, the timeout message names them too', async () => {
    const report = await runGate(options({ ignoreScripts: false, audit: false }), deps({ ci: 'hang' }, HANGING))
    expect(report.steps[0]?.detail).toMatch(/no install script hangs or waits for input \(ignore-scripts: true skips them\)$/)
  })

  it('the SBOM tool stuck behind a hanging `npm ls` is stopped too, naming how to turn it off', async () => {
    const report = await runGate(options({ install: false, audit: false, sbom: true }), deps({ ls: 'hang' }, HANGING))
    expect(report.sbom.status).toBe('error')
    expect(report.sbom.error).toBe(
      'cyclonedx-npm did not finish within 1.5 s and was stopped while writing the SBOM: rerun the job, or turn the SBOM off (sbom: false, or --no-sbom)'
    )
    expect(report.passed).toBe(false)
  })

  it.each([
    ['garbage', /^npm audit printed no JSON report \(exit 1\): something odd$/],
    ['bytes', /^npm audit printed no JSON report \(exit 1\): /],
    ['nothing', /^npm audit printed no JSON report \(exit 0\): no output$/],
    ['notreport', /^npm audit printed an unsupported report/]
  ])('npm audit that prints %s: an audit error, never clean, and the gate fails closed', async (mode, message) => {
    const report = await runGate(options({ install: false }), deps({ audit: mode }))
    expect(report.audit.status).toBe('error')
    expect(report.audit.error).toMatch(message)
    expect(report.audit.error).not.toMatch(/[\r\n]/)
    expect(report.audit.advisories).toEqual([])
    expect(report.passed).toBe(false)
    expect(report.reasons).toEqual([expect.stringMatching(/^npm audit could not produce a report: /)])
  })

  it('with on-audit-error: warn the same garbage is a warning and the gate passes, still not a clean audit', async () => {
    const report = await runGate(options({ install: false, onAuditError: 'warn' }), deps({ audit: 'garbage' }))
    expect(report.passed).toBe(true)
    expect(report.audit.status).toBe('error')
    expect(report.warnings).toEqual([expect.stringMatching(/npm audit could not produce a report: .*on-audit-error: warn/)])
  })

  it.each([['garbage'], ['bytes']])('npm ci that prints %s and fails: one line saying npm ci failed', async (mode) => {
    const report = await runGate(options({ audit: false }), deps({ ci: mode }))
    const ci = report.steps.find((s) => s.name === 'npm ci')
    expect(ci?.status).toBe('error')
    expect(ci?.detail).toMatch(/^npm ci failed \(exit 1\): /)
    expect(ci?.detail).not.toMatch(/[\r\n]/)
    expect(report.passed).toBe(false)
  })

  it('npm audit whose output was cut at MAX_OUTPUT: an error, even when what was kept parses as a report', async () => {
    const cut: Exec = async () => ({
      code: 0,
      stdout: '{"auditReportVersion":2,"vulnerabilities":{}}',
      stderr: '',
      ms: 1,
      timedOut: false,
      truncated: true
    })
    const { result } = await runNpmAudit(cut, { cwd: dir, omitDev: false, timeoutMs: 1_000 })
    expect(result).toMatchObject({ status: 'error', advisories: [] })
    expect(result.error).toBe('npm audit printed more than 64 MiB, so its report was cut off and is not read')
  })
})
