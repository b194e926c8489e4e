// pnpm, Yarn 1 and Yarn 2+ projects get the gate an npm project gets (issue 14): the sample app's
// dependencies locked by each manager (real lockfiles, each checked by its own manager's frozen
// install when it was made, see __tests__/fixtures/package-managers/README.md) give the same
// advisories from the same bulk request, the same SBOM components and dependency graph, and the
// same findings. The install is pnpm's real frozen install, with pnpm on PATH (a devDependency).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { hermeticNpmEnv } from '../helpers/npm-env.js'
import { startFakeRegistry, type FakeRegistry } from '../helpers/npm-registry-server.js'

const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const SAMPLE = join(ROOT, 'examples', 'vulnerable-app')
const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'package-managers')
const BIN = join(ROOT, 'node_modules', '.bin')

interface Run {
  code: number
  stdout: string
  stderr: string
}

interface Report {
  passed: boolean
  reasons: string[]
  findings: Array<{ rule: string; file: string; line?: number }>
  audit: { status: string; counts: Record<string, number>; advisories: Array<{ id: string; package: string; severity: string }> }
  sbom: { status: string; components?: number }
  steps: Array<{ name: string; status: string; detail?: string }>
  notes: Array<{ file: string; message: string }>
}

interface Bom {
  components: Array<{
    purl: string
    version: string
    scope?: string
    externalReferences?: Array<{ type: string; url: string; hashes?: Array<{ alg: string; content: string }> }>
  }>
  dependencies: Array<{ ref: string; dependsOn?: string[] }>
}

let registry: FakeRegistry
let work: string
let env: NodeJS.ProcessEnv

function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, env: { ...env, ...extraEnv }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr })
    )
  })
}

/** The sample app with its package-lock.json replaced by the fixture's package.json and lockfile. */
function sampleLockedBy(manager: string): string {
  const dir = join(work, manager)
  cpSync(SAMPLE, dir, { recursive: true, filter: (src) => !/node_modules|sbom\.cdx\.json$|hardening-report\.json$|\.sarif$/.test(src) })
  if (manager !== 'npm') {
    rmSync(join(dir, 'package-lock.json'))
    cpSync(join(FIXTURES, manager), dir, { recursive: true })
  }
  return dir
}

async function gate(manager: string): Promise<{ report: Report; bom: Bom; bulk: Record<string, string[]> }> {
  const dir = sampleLockedBy(manager)
  const before = registry.bulkRequests.length
  const run = await cli([dir, '--format', 'json', '--no-install', '--sbom-file', 'bom.json'])
  expect(run.stderr).not.toMatch(/Error|at .*\.js:\d+/)
  const report = JSON.parse(run.stdout) as Report
  expect(registry.bulkRequests.length).toBe(before + 1)
  return { report, bom: JSON.parse(readFileSync(join(dir, 'bom.json'), 'utf8')) as Bom, bulk: registry.bulkRequests[before] ?? {} }
}

const sortedKeys = (bulk: Record<string, string[]>): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(bulk)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, [...v].sort()])
  )

beforeAll(async () => {
  registry = await startFakeRegistry()
  work = mkdtempSync(join(tmpdir(), 'ehg-managers-'))
  env = { ...hermeticNpmEnv(registry.url, work), npm_config_store_dir: join(work, 'pnpm-store'), CI: 'true' }
})

afterAll(async () => {
  await registry.close()
  rmSync(work, { recursive: true, force: true })
})

describe('pnpm and yarn projects', () => {
  let npm: Awaited<ReturnType<typeof gate>>
  beforeAll(async () => {
    npm = await gate('npm')
  }, 120_000)

  it.each(['pnpm', 'yarn-classic', 'yarn-berry'])(
    '%s: the same advisories, SBOM and findings as npm',
    async (manager) => {
      const got = await gate(manager)
      expect(npm.report.audit.status).toBe('ok')
      expect(npm.report.audit.advisories.length).toBeGreaterThan(0)
      // npm audit asked the advisory endpoint about exactly the same locked versions.
      expect(sortedKeys(got.bulk)).toEqual(sortedKeys(npm.bulk))
      expect(got.report.audit).toEqual(npm.report.audit)
      expect(got.report.passed).toBe(npm.report.passed)
      expect(got.report.reasons).toEqual(npm.report.reasons)
      expect(got.report.findings.map((f) => [f.rule, f.file, f.line])).toEqual(npm.report.findings.map((f) => [f.rule, f.file, f.line]))
      expect(got.report.findings.map((f) => f.rule)).not.toContain('lockfile-missing')
      // The SBOM: validated by cyclonedx-npm (--validate), the same components, purls and graph.
      expect(got.report.sbom).toEqual(npm.report.sbom)
      const components = (bom: Bom): string[] => bom.components.map((c) => `${c.purl} ${c.scope ?? ''}`).sort()
      expect(components(got.bom)).toEqual(components(npm.bom))
      expect(got.bom.dependencies).toEqual(npm.bom.dependencies)
      expect(got.report.notes.filter((n) => /registry packages/.test(n.message))).toEqual([])
    },
    120_000
  )

  it('names an unreadable lockfile as the audit and SBOM error, never as "no vulnerabilities"', async () => {
    const dir = sampleLockedBy('pnpm')
    writeFileSync(join(dir, 'pnpm-lock.yaml'), "lockfileVersion: '3.0'\n")
    const run = await cli([dir, '--format', 'json', '--no-install', '--sbom-file', 'bom.json'])
    const report = JSON.parse(run.stdout) as Report
    expect(report.audit.status).toBe('error')
    expect(report.steps.find((s) => s.name === 'npm audit')?.detail).toMatch(
      /^pnpm-lock\.yaml has lockfileVersion "3\.0", which this gate cannot read .*regenerate it/
    )
    expect(report.steps.find((s) => s.name === 'sbom')?.status).toBe('error')
    expect(report.reasons).toContainEqual(expect.stringMatching(/audit .*pnpm-lock\.yaml has lockfileVersion/))
    expect(run.code).toBe(1)
  }, 120_000)
})

describe('the frozen install of pnpm', () => {
  const project = (): string => {
    const dir = join(work, `pnpm-install-${Math.random().toString(36).slice(2)}`)
    cpSync(join(FIXTURES, 'pnpm-install'), dir, { recursive: true })
    return dir
  }
  const withPnpm = { PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` }
  const installStep = (run: Run) => (JSON.parse(run.stdout) as Report).steps.find((s) => s.name === 'pnpm install')

  it('installs exactly the lockfile, with scripts off, and says what it could not audit', async () => {
    const dir = project()
    const run = await cli([dir, '--format', 'json', '--no-sbom', '--no-audit'], withPnpm)
    expect(installStep(run)).toMatchObject({ status: 'ok' })
    expect(existsSync(join(dir, 'node_modules', 'tiny-greeting', 'index.js'))).toBe(true)
    expect(existsSync(join(dir, 'postinstall-ran'))).toBe(false)
    const audited = JSON.parse((await cli([dir, '--format', 'json', '--no-install', '--no-sbom'])).stdout) as Report
    expect(audited.notes).toContainEqual({
      file: 'pnpm-lock.yaml',
      message:
        '1 dependency is not a registry package and is neither audited nor in the SBOM: tiny-greeting (file:vendor/tiny-greeting-1.0.0.tgz)'
    })
  }, 120_000)

  it('fails on a lockfile out of date with package.json, naming the command that fixes it', async () => {
    const dir = project()
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    manifest.dependencies['left-pad'] = '1.3.0'
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest))
    const run = await cli([dir, '--format', 'json', '--no-sbom', '--no-audit'], withPnpm)
    expect(installStep(run)).toMatchObject({
      status: 'error',
      detail: 'pnpm-lock.yaml is out of date with package.json: run `pnpm install` and commit the updated pnpm-lock.yaml'
    })
    expect(run.code).toBe(1)
    expect(existsSync(join(dir, 'node_modules', 'left-pad'))).toBe(false)
  }, 120_000)

  it('without pnpm on PATH: one error naming the setup step, and no npm install in its place', async () => {
    const dir = project()
    const bare = (process.env.PATH ?? '').split(delimiter).filter((p) => !existsSync(join(p, 'pnpm')))
    const run = await cli([dir, '--format', 'json', '--no-sbom', '--no-audit'], { PATH: bare.join(delimiter) })
    expect(installStep(run)).toMatchObject({
      status: 'error',
      detail: 'pnpm is not on PATH: add `pnpm/action-setup` (or `corepack enable`) before this step'
    })
    expect(existsSync(join(dir, 'node_modules'))).toBe(false)
    expect(existsSync(join(dir, 'package-lock.json'))).toBe(false)
  }, 120_000)
})
