import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hermeticNpmEnv } from '../helpers/npm-env.js'
import { startFakeRegistry, type FakeRegistry } from '../helpers/npm-registry-server.js'

const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const SAMPLE = join(ROOT, 'examples', 'vulnerable-app')
const CLEAN = join(ROOT, '__tests__', 'fixtures', 'apps', 'clean-app')

interface Run {
  code: number
  stdout: string
  stderr: string
}

let registry: FakeRegistry
let work: string
let env: NodeJS.ProcessEnv

function cli(args: string[], cwd = ROOT, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, env: { ...env, ...extraEnv }, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr })
      }
    )
  })
}

function copyApp(from: string, name: string): string {
  const dir = join(work, name)
  // Never what an earlier run (npm run demo) left behind.
  cpSync(from, dir, {
    recursive: true,
    filter: (src) => !/node_modules|sbom\.cdx\.json$|hardening-report\.json$|hardening\.sarif$/.test(src)
  })
  return dir
}

beforeAll(async () => {
  registry = await startFakeRegistry()
  env = hermeticNpmEnv(registry.url)
  work = mkdtempSync(join(tmpdir(), 'ehg-cli-'))
})

afterAll(async () => {
  await registry.close()
  rmSync(work, { recursive: true, force: true })
})

describe('dist/cli.js', () => {
  it('prints help and the version with exit 0', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: express-hardening-gate')
    const version = await cli(['--version'])
    expect(version.stdout).toMatch(/^express-hardening-gate \d+\.\d+\.\d+\n$/)
  })

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--fail-on', 'hgih'], /--fail-on must be one of low, moderate, high, critical, none; got 'hgih'/],
    [['--format', 'xml'], /--format must be one of text, markdown, json, sarif; got 'xml'/],
    [['does-not-exist'], /does-not-exist is not a directory/],
    [['a', 'b'], /expected at most one path/]
  ])('exits 2 with one line on stderr for %j', async (args, message) => {
    const run = await cli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stdout).toBe('')
  })

  it('fails the sample app with its findings as JSON (exit 1)', async () => {
    const run = await cli([SAMPLE, '--format', 'json', '--no-install', '--no-audit', '--no-sbom'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout)
    expect(report.version).toBe(1)
    expect(report.passed).toBe(false)
    const where = report.findings.map((f: { rule: string; file: string; line: number | null }) => `${f.rule} ${f.file}:${f.line}`)
    expect(where).toEqual(expect.arrayContaining(['docker-root-user Dockerfile:3', 'helmet-missing src/app.js:10']))
    expect(report.audit.status).toBe('skipped')
  })

  it('passes the clean app (exit 0) and honours --fail-on none on the sample', async () => {
    expect((await cli([CLEAN, '--no-install', '--no-audit', '--no-sbom'])).code).toBe(0)
    const lenient = await cli([SAMPLE, '--no-install', '--no-audit', '--no-sbom', '--fail-on', 'none'])
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toMatch(/^PASSED/)
  })

  it('audits against the registry and writes the SBOM; the audit threshold decides', async () => {
    const app = copyApp(SAMPLE, 'audit-sample')
    const run = await cli([app, '--format', 'json', '--no-install', '--fail-on', 'none', '--sbom-file', 'out/bom.json'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout)
    expect(report.audit.status).toBe('ok')
    expect(report.audit.counts.high).toBeGreaterThan(0)
    expect(report.reasons).toEqual([expect.stringMatching(/advisor(y|ies) at or above high/)])
    expect(report.sbom).toMatchObject({ status: 'ok', path: 'out/bom.json', specVersion: '1.6' })
    expect(JSON.parse(readFileSync(join(app, 'out', 'bom.json'), 'utf8')).bomFormat).toBe('CycloneDX')
    const none = await cli([app, '--no-install', '--no-sbom', '--fail-on', 'none', '--audit-level', 'none'])
    expect(none.code).toBe(0)
  })

  it('leaves node_modules alone outside CI: npm ci runs only with --install there', async () => {
    // No dependencies: npm ci succeeds without a registry, after it has emptied node_modules.
    const app = join(work, 'local-install')
    mkdirSync(join(app, 'node_modules'), { recursive: true })
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'local-install', version: '1.0.0' }))
    writeFileSync(
      join(app, 'package-lock.json'),
      JSON.stringify({
        name: 'local-install',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: { '': { name: 'local-install', version: '1.0.0' } }
      })
    )
    writeFileSync(join(app, 'node_modules', 'developer-work.txt'), 'kept')
    const steps = (run: Run) => (JSON.parse(run.stdout) as { steps: Array<{ name: string; status: string }> }).steps
    const offline = [app, '--format', 'json', '--no-audit', '--no-sbom']
    for (const ci of [undefined, '', 'false']) {
      const run = await cli(offline, ROOT, { CI: ci })
      expect(steps(run)).toContainEqual(expect.objectContaining({ name: 'npm ci', status: 'skipped' }))
    }
    expect(steps(await cli([...offline, '--no-install'], ROOT, { CI: 'true' }))).toContainEqual(
      expect.objectContaining({ name: 'npm ci', status: 'skipped' })
    )
    expect(readFileSync(join(app, 'node_modules', 'developer-work.txt'), 'utf8')).toBe('kept')
    // In CI (CI=true, as GitHub and .ci/run set it) the install runs, against the test registry.
    expect(steps(await cli(offline, ROOT, { CI: 'true' }))).toContainEqual(expect.objectContaining({ name: 'npm ci', status: 'ok' }))
    expect(existsSync(join(app, 'node_modules', 'developer-work.txt'))).toBe(false)
  })

  it('writes markdown and SARIF to --output, and no SBOM with --no-sbom', async () => {
    const app = copyApp(SAMPLE, 'output-sample')
    const md = join(work, 'report.md')
    await cli([app, '--no-install', '--no-audit', '--no-sbom', '--format', 'markdown', '--output', md])
    expect(readFileSync(md, 'utf8')).toMatch(/^## ❌ Hardening gate failed/)
    const sarifFile = join(work, 'report.sarif')
    await cli([app, '--no-install', '--no-audit', '--no-sbom', '--format', 'sarif', '--output', sarifFile])
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results.length).toBeGreaterThan(0)
    expect(existsSync(join(app, 'sbom.cdx.json'))).toBe(false)
  })
})
