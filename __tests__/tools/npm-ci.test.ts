import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execProcess, type Exec } from '../../src/tools/exec.js'
import { explainNpmCiFailure, npmCiArgs, runNpmCi } from '../../src/tools/npm-ci.js'
import { startFakeRegistry } from '../helpers/npm-registry-server.js'
import { copyApp, UNUSED_REGISTRY, VULNERABLE_APP, type TempApp } from './temp-app.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

async function tempApp(registryUrl: string, options: { lockfile?: boolean } = {}): Promise<TempApp> {
  const app = await copyApp(VULNERABLE_APP, registryUrl, options)
  cleanups.push(() => app.remove())
  return app
}

async function addDependency(app: TempApp, name: string, spec: string): Promise<void> {
  const manifest = await app.readJson<{ dependencies: Record<string, string> }>('package.json')
  manifest.dependencies[name] = spec
  await app.writeJson('package.json', manifest)
}

const ci = (app: TempApp) => runNpmCi(execProcess, { cwd: app.dir, ignoreScripts: true, timeoutMs: 30_000, env: app.env })

describe('runNpmCi with real npm', () => {
  it('fails with the fix when package.json asks for a version the lockfile does not have', async () => {
    const registry = await startFakeRegistry()
    cleanups.push(() => registry.close())
    const app = await tempApp(registry.url)
    await addDependency(app, 'cookie', '0.7.2')

    const step = await ci(app)
    expect(step).toMatchObject({ name: 'npm ci', status: 'error' })
    expect(step.detail).toContain('`npm install`')
    expect(step.detail).toContain('cookie@0.7.2')
    expect(step.detail).not.toContain('\n')
    expect(existsSync(join(app.dir, 'node_modules'))).toBe(false)
  })

  it('fails with the fix when a new dependency is missing from the lockfile (offline)', async () => {
    const app = await tempApp(UNUSED_REGISTRY)
    app.env.npm_config_offline = 'true'
    await mkdir(join(app.dir, 'local-lib'))
    await writeFile(join(app.dir, 'local-lib/package.json'), '{"name":"local-lib","version":"1.0.0"}')
    await addDependency(app, 'local-lib', 'file:./local-lib')

    const step = await ci(app)
    expect(step.status).toBe('error')
    expect(step.detail).toContain('`npm install`')
    expect(step.detail).toContain('local-lib')
  })

  it('fails with the fix when there is no lockfile', async () => {
    const app = await tempApp(UNUSED_REGISTRY, { lockfile: false })
    const step = await ci(app)
    expect(step.status).toBe('error')
    expect(step.detail).toContain('package-lock.json')
    expect(step.detail).toContain('`npm install`')
  })
})

describe('runNpmCi when npm does not finish', () => {
  const fake =
    (result: Partial<Awaited<ReturnType<Exec>>>): Exec =>
    async () => ({ code: null, stdout: '', stderr: '', ms: 1, timedOut: false, ...result })

  it('is an error when npm cannot be started', async () => {
    const step = await runNpmCi(fake({ spawnError: 'spawn npm ENOENT' }), { cwd: '/app', ignoreScripts: true, timeoutMs: 1000 })
    expect(step.status).toBe('error')
    expect(step.detail).toContain('ENOENT')
  })

  it('is an error when it times out', async () => {
    const step = await runNpmCi(fake({ timedOut: true }), { cwd: '/app', ignoreScripts: true, timeoutMs: 120_000 })
    expect(step.status).toBe('error')
  })

  it('is ok when npm exits 0', async () => {
    expect(await runNpmCi(fake({ code: 0 }), { cwd: '/app', ignoreScripts: true, timeoutMs: 1000 })).toMatchObject({
      name: 'npm ci',
      status: 'ok'
    })
  })
})

describe('npmCiArgs', () => {
  it('passes --ignore-scripts only when asked, and never audits or funds', () => {
    expect(npmCiArgs(true)).toContain('--ignore-scripts')
    expect(npmCiArgs(false)).not.toContain('--ignore-scripts')
    for (const args of [npmCiArgs(true), npmCiArgs(false)]) {
      expect(args[0]).toBe('ci')
      expect(args).toEqual(expect.arrayContaining(['--no-audit', '--no-fund']))
    }
  })
})

describe('explainNpmCiFailure', () => {
  const outOfSync = [
    'npm error code EUSAGE',
    'npm error',
    'npm error `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.',
    'npm error'
  ]

  it('names the package that package.json wants when the lockfile has another version', () => {
    const stderr = [
      ...outOfSync,
      "npm error Invalid: lock file's qs@6.7.0 does not satisfy qs@6.9.7",
      'npm error Missing: qs@6.7.0 from lock file'
    ].join('\n')
    const message = explainNpmCiFailure(1, stderr)
    expect(message).toContain('`npm install`')
    expect(message).toContain('qs@6.9.7')
    expect(message).toContain('qs@6.7.0')
  })

  it('names a dependency missing from the lockfile', () => {
    const message = explainNpmCiFailure(1, [...outOfSync, 'npm error Missing: ms@2.1.3 from lock file'].join('\n'))
    expect(message).toContain('`npm install`')
    expect(message).toContain('ms@2.1.3')
  })

  it('still names the fix when npm lists no package', () => {
    expect(explainNpmCiFailure(1, outOfSync.join('\n'))).toContain('`npm install`')
  })

  it('explains a missing lockfile', () => {
    const message = explainNpmCiFailure(
      1,
      'npm error The `npm ci` command can only install with an existing package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1.'
    )
    expect(message).toContain('package-lock.json')
    expect(message).toContain('`npm install`')
  })

  it('passes an engine or platform rejection through', () => {
    const message = explainNpmCiFailure(1, 'npm error code EBADENGINE\nnpm error notsup Required: {"node":">=22"}')
    expect(message).toContain('Required: {"node":">=22"}')
  })

  it("falls back to npm's last meaningful line and the exit status", () => {
    const stderr =
      'npm error code E404\nnpm error 404 Not Found - GET http://127.0.0.1:9/x\nnpm error A complete log of this run can be found in: /tmp/x/_logs/1-debug-0.log\n'
    const message = explainNpmCiFailure(1, stderr)
    expect(message).toContain('404 Not Found - GET http://127.0.0.1:9/x')
    expect(message).not.toContain('complete log')
    expect(explainNpmCiFailure(null, '')).toMatch(/killed/)
  })
})
