import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execProcess } from '../../src/tools/exec.js'
import { findCyclonedxCli, readSbomSummary, runSbom, sbomArgs, SPEC_VERSION, type SbomOptions } from '../../src/tools/sbom.js'
import { copyApp, makeDevDependency, UNUSED_REGISTRY, VULNERABLE_APP, type TempApp } from './temp-app.js'

// Real runs of the bundled dist/cyclonedx-npm (`npm run bundle` builds it); the registry is an
// unused loopback port, so nothing leaves the machine.
const apps: TempApp[] = []
async function tempApp(options: { lockfile?: boolean } = {}): Promise<TempApp> {
  const app = await copyApp(VULNERABLE_APP, UNUSED_REGISTRY, options)
  apps.push(app)
  return app
}
afterAll(async () => {
  await Promise.all(apps.map((a) => a.remove()))
})

const sbom = (app: TempApp, file: string, extra: Partial<SbomOptions> = {}) =>
  runSbom(execProcess, {
    cwd: app.dir,
    outputFile: join(app.dir, file),
    omitDev: false,
    packageLockOnly: true,
    timeoutMs: 60_000,
    env: app.env,
    ...extra
  })

/** Packages in a lockfile v2/v3, without the root project. */
function lockfilePackages(app: TempApp): number {
  const lock = JSON.parse(readFileSync(join(app.dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> }
  return Object.keys(lock.packages).filter((key) => key !== '').length
}

describe('runSbom with the bundled cyclonedx-npm', () => {
  let app: TempApp
  let first: Awaited<ReturnType<typeof sbom>>
  let second: Awaited<ReturnType<typeof sbom>>

  beforeAll(async () => {
    app = await tempApp()
    ;[first, second] = await Promise.all([sbom(app, 'sbom.cdx.json'), sbom(app, 'again.cdx.json')])
  })

  it('writes a CycloneDX 1.6 SBOM from the lockfile with one component per locked package', () => {
    expect(first.step).toMatchObject({ name: 'sbom', status: 'ok' })
    expect(first.result).toMatchObject({ status: 'ok', path: join(app.dir, 'sbom.cdx.json'), specVersion: '1.6' })
    expect(SPEC_VERSION).toBe('1.6')
    const expected = lockfilePackages(app)
    expect(expected).toBeGreaterThan(50)
    expect(first.result.components).toBe(expected)
  })

  it('states what is in the file it wrote', () => {
    const bom = JSON.parse(readFileSync(join(app.dir, 'sbom.cdx.json'), 'utf8')) as {
      bomFormat: string
      specVersion: string
      metadata: { component: { name: string } }
    }
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: first.result.specVersion })
    expect(bom.metadata.component.name).toBe('vulnerable-sample-app')
  })

  it('is reproducible: the same input gives the same bytes', () => {
    expect(second.result.status).toBe('ok')
    expect(readFileSync(join(app.dir, 'again.cdx.json'), 'utf8')).toBe(readFileSync(join(app.dir, 'sbom.cdx.json'), 'utf8'))
  })

  it('leaves devDependencies out with omitDev', async () => {
    const dev = await tempApp()
    await makeDevDependency(dev, 'lodash')
    const [all, prod] = await Promise.all([sbom(dev, 'all.json'), sbom(dev, 'prod.json', { omitDev: true })])
    expect(all.result).toMatchObject({ status: 'ok', components: lockfilePackages(dev) })
    expect(prod.result).toMatchObject({ status: 'ok', components: lockfilePackages(dev) - 1 })
    const names = (file: string) =>
      (JSON.parse(readFileSync(join(dev.dir, file), 'utf8')) as { components: Array<{ name: string }> }).components.map((c) => c.name)
    expect(names('all.json')).toContain('lodash')
    expect(names('prod.json')).not.toContain('lodash')
  })

  it('is an error with a one-line message when there is neither a lockfile nor node_modules', async () => {
    const bare = await tempApp({ lockfile: false })
    for (const packageLockOnly of [true, false]) {
      const { step, result } = await sbom(bare, 'sbom.cdx.json', { packageLockOnly })
      expect(result.status).toBe('error')
      expect(result.error).toMatch(/commit package-lock\.json/)
      expect(result.error).not.toContain('\n')
      expect(result.path).toBeUndefined()
      expect(step).toMatchObject({ name: 'sbom', status: 'error', detail: result.error })
    }
  })
})

describe('sbomArgs', () => {
  const base: SbomOptions = { cwd: '/w/app', outputFile: '/w/app/sbom.cdx.json', omitDev: false, packageLockOnly: false, timeoutMs: 1 }

  it('validates, is reproducible and ends options before the repository-controlled path', () => {
    const args = sbomArgs(base)
    expect(args).toEqual(expect.arrayContaining(['--validate', '--output-reproducible']))
    expect(args.slice(-2)).toEqual(['--', '/w/app/package.json'])
    expect(args).not.toContain('--omit')
    expect(args).not.toContain('--package-lock-only')
  })

  it('adds --omit dev and --package-lock-only when asked', () => {
    const args = sbomArgs({ ...base, omitDev: true, packageLockOnly: true })
    expect(args[args.indexOf('--omit') + 1]).toBe('dev')
    expect(args).toContain('--package-lock-only')
    expect(args.indexOf('--package-lock-only')).toBeLessThan(args.indexOf('--'))
  })
})

describe('findCyclonedxCli and readSbomSummary', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sbom-test-'))
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds the bundled CLI from the sources, and says how to build it when it is missing', () => {
    expect(findCyclonedxCli()).toMatch(/dist[/\\]cyclonedx-npm[/\\]bin[/\\]cyclonedx-npm-cli\.cjs$/)
    expect(() => findCyclonedxCli(dir)).toThrow(/npm run bundle/)
  })

  it('counts nested components and rejects a file that is not CycloneDX', () => {
    writeFileSync(
      join(dir, 'bom.json'),
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ components: [{}, {}] }, {}] })
    )
    expect(readSbomSummary(join(dir, 'bom.json'))).toEqual({ specVersion: '1.6', components: 4 })
    writeFileSync(join(dir, 'spdx.json'), JSON.stringify({ spdxVersion: 'SPDX-2.3' }))
    expect(() => readSbomSummary(join(dir, 'spdx.json'))).toThrow()
  })
})
