// loadBaseCommit on real git repositories built here (base and head commits), with the real git and,
// for the audit, the real npm against the loopback advisory server.
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { loadBaseCommit, type BaseCommitOptions } from '../../src/baseline/base-commit.js'
import type { BaselineLoad } from '../../src/baseline/types.js'
import { EMPTY_CONFIG, type GateConfig } from '../../src/config/config-file.js'
import { runScan } from '../../src/scan/run.js'
import { execProcess, type Exec } from '../../src/tools/exec.js'
import { runNpmAudit } from '../../src/tools/npm-audit.js'
import { hermeticNpmEnv } from '../helpers/npm-env.js'
import { startFakeRegistry, type FakeRegistryOptions } from '../helpers/npm-registry-server.js'
import { VULNERABLE_APP } from '../tools/temp-app.js'
const MANAGER_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'package-managers')

const TODAY = '2026-06-01'
const cleanups: Array<() => unknown> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.()
})

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** git with no user or system config, a fixed identity and no prompts. */
function gitEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) if (!/^GIT_/.test(key)) env[key] = value
  return {
    ...env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_TERMINAL_PROMPT: '0'
  }
}

interface Repo {
  dir: string
  env: NodeJS.ProcessEnv
  git(...args: string[]): string
  write(files: Record<string, string>): void
  commit(message: string): string
}

function makeRepo(dir: string, env: NodeJS.ProcessEnv): Repo {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  return {
    dir,
    env,
    git,
    write(files) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true })
        writeFileSync(join(dir, path), text)
      }
    },
    commit(message) {
      git('add', '-A')
      git('commit', '-q', '--no-verify', '-m', message)
      return git('rev-parse', 'HEAD')
    }
  }
}

function newRepo(): Repo {
  const work = tempDir('ehg-git-')
  const env = gitEnv(work)
  const dir = join(work, 'repo')
  mkdirSync(dir)
  const repo = makeRepo(dir, env)
  repo.git('init', '-q', '-b', 'main')
  return repo
}

/** An Express app with a hardcoded session secret and no helmet: findings on known lines. */
const APP = `const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }))
app.get('/', (req, res) => res.send('hi'))
app.listen(3000)
`
const MANIFEST = JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { express: '4.17.1', 'express-session': '1.17.0' } })

function options(root: string, ref: string, extra: Partial<BaseCommitOptions> = {}): BaseCommitOptions {
  return { root, ref, config: EMPTY_CONFIG, exec: execProcess, audit: false, omitDev: false, today: TODAY, ...extra }
}

function ok(load: BaselineLoad): Extract<BaselineLoad, { status: 'ok' }> {
  if (load.status !== 'ok') throw new Error(`baseline error: ${load.error}`)
  return load
}

/** Records the base folder's files as the scan finds them (when git indexes it, all are written) and its path. */
function spyingExec(): { exec: Exec; seen: { dir?: string; files?: string[] } } {
  const seen: { dir?: string; files?: string[] } = {}
  const list = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const path = join(dir, e.name)
      if (e.name === '.git' && dir === seen.dir) return []
      return e.isDirectory() ? list(path) : [relative(seen.dir ?? dir, path)]
    })
  const exec: Exec = async (command, args, opts) => {
    const result = await execProcess(command, args, opts)
    if (args.includes('update-index')) {
      seen.dir = opts.cwd
      seen.files = list(opts.cwd).sort()
    }
    return result
  }
  return { exec, seen }
}

describe('loadBaseCommit', () => {
  it('scans the base commit, not the checkout: its findings, with the fingerprints the head gives unchanged code', async () => {
    const repo = newRepo()
    repo.write({ 'package.json': MANIFEST, 'src/app.js': APP })
    const base = repo.commit('base')
    // The head moves every line of the old file down and adds a second app with its own secret.
    repo.write({
      'src/app.js': `// a header\n// more\n${APP}`,
      'src/other.js': APP.replace('keyboard cat', 'another secret')
    })
    repo.commit('head')

    const load = ok(await loadBaseCommit(options(repo.dir, base)))
    expect(load).toMatchObject({ status: 'ok', source: 'base-commit', ref: base })
    const secrets = load.data.findings.filter((f) => f.rule === 'session-secret-hardcoded')
    expect(secrets.map((f) => f.file)).toEqual(['src/app.js'])
    expect(load.data.findings.some((f) => f.file === 'src/other.js')).toBe(false)
    expect(load.data.advisories).toEqual([])

    const head = runScan(repo.dir, EMPTY_CONFIG, TODAY).findings.filter((f) => f.rule === 'session-secret-hardcoded')
    const moved = head.find((f) => f.file === 'src/app.js')
    expect(moved?.line).toBe(6)
    expect(secrets[0]?.fingerprint).toBe(moved?.fingerprint)
    expect(head.find((f) => f.file === 'src/other.js')?.fingerprint).not.toBe(moved?.fingerprint)
  })

  it("applies the head's config to the base: a suppressed rule is not in the baseline", async () => {
    const repo = newRepo()
    repo.write({ 'package.json': MANIFEST, 'src/app.js': APP })
    const base = repo.commit('base')
    const config: GateConfig = { ...EMPTY_CONFIG, suppressions: [{ rule: 'session-secret-hardcoded', reason: 'test' }] }

    const plain = ok(await loadBaseCommit(options(repo.dir, base)))
    const suppressed = ok(await loadBaseCommit(options(repo.dir, base, { config })))
    expect(plain.data.findings.map((f) => f.rule)).toContain('session-secret-hardcoded')
    expect(suppressed.data.findings.map((f) => f.rule)).not.toContain('session-secret-hardcoded')
    expect(suppressed.data.findings.length).toBe(plain.data.findings.length - 1)
  })

  it('takes any ref, and says so when a name is no commit', async () => {
    const repo = newRepo()
    repo.write({ 'package.json': MANIFEST, 'src/app.js': APP })
    const base = repo.commit('base')
    repo.write({ 'README.md': 'x' })
    repo.commit('head')

    expect(ok(await loadBaseCommit(options(repo.dir, 'HEAD~1'))).ref).toBe(base)
    const missing = await loadBaseCommit(options(repo.dir, 'no-such-branch'))
    expect(missing).toMatchObject({ status: 'error', source: 'base-commit', ref: 'no-such-branch' })
    expect(missing.status === 'error' && missing.error).toContain('fetch-depth: 0')
    const option = await loadBaseCommit(options(repo.dir, '--output=/tmp/x'))
    expect(option.status === 'error' && option.error).toContain('is not a git commit or ref')
  })

  it('runs only git plumbing, with fsmonitor and hooks off and no prompts, and checks nothing out', async () => {
    const repo = newRepo()
    repo.write({ 'package.json': MANIFEST, 'src/app.js': APP })
    const base = repo.commit('base')
    repo.write({ 'src/app.js': `// changed\n${APP}` })
    const headBefore = repo.git('rev-parse', 'HEAD')
    const calls: Array<{ command: string; args: string[]; env: NodeJS.ProcessEnv | undefined }> = []
    const exec: Exec = (command, args, opts) => {
      calls.push({ command, args, env: opts.env })
      return execProcess(command, args, opts)
    }
    ok(await loadBaseCommit(options(repo.dir, base, { exec })))
    expect(calls.length).toBeGreaterThan(3)
    for (const call of calls) {
      expect(call.command).toBe('git')
      expect(call.args.slice(0, 4)).toEqual(['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null'])
      expect(call.env?.GIT_TERMINAL_PROMPT).toBe('0')
    }
    const subcommands = calls.map((c) => c.args.find((a, i) => i >= 8 && !a.startsWith('-')))
    expect(
      subcommands.filter((s) => ['checkout', 'read-tree', 'checkout-index', 'archive', 'worktree', 'submodule', 'stash'].includes(s ?? ''))
    ).toEqual([])
    // The checkout is untouched: same HEAD, the uncommitted edit still there.
    expect(repo.git('rev-parse', 'HEAD')).toBe(headBefore)
    expect(repo.git('status', '--porcelain')).toBe('M src/app.js')
  })

  it('is an error, naming the cause, when git cannot be started', async () => {
    const exec: Exec = async () => ({ code: null, stdout: '', stderr: '', ms: 1, timedOut: false, spawnError: 'spawn git ENOENT' })
    const load = await loadBaseCommit(options('/nowhere', 'main', { exec }))
    expect(load).toMatchObject({ status: 'error', ref: 'main' })
    expect(load.status === 'error' && load.error).toContain('git could not be started: spawn git ENOENT')
  })

  it('is an error outside a git checkout', async () => {
    const dir = tempDir('ehg-nogit-')
    writeFileSync(join(dir, 'package.json'), MANIFEST)
    const load = await loadBaseCommit(options(dir, 'a'.repeat(40), { env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(dir) } }))
    expect(load.status).toBe('error')
    expect(load.status === 'error' && load.error).toContain('not in a git checkout')
  })

  it('reads only the working directory of a monorepo, with paths relative to it', async () => {
    const repo = newRepo()
    repo.write({
      'services/api/package.json': MANIFEST,
      'services/api/src/app.js': APP,
      'services/web/package.json': MANIFEST,
      'services/web/app.js': APP,
      'app.js': APP
    })
    const base = repo.commit('base')
    repo.write({ 'services/api/src/new.js': APP })
    repo.commit('head')

    const { exec, seen } = spyingExec()
    const load = ok(await loadBaseCommit(options(join(repo.dir, 'services', 'api'), base, { exec })))
    expect(seen.files).toEqual(['package.json', 'src/app.js'])
    expect(load.data.findings.filter((f) => f.rule === 'session-secret-hardcoded').map((f) => f.file)).toEqual(['src/app.js'])
    expect(load.data.findings.every((f) => f.file === 'src/app.js' || f.file === 'package.json' || f.file === '.')).toBe(true)
    // The temporary folder is gone.
    expect(seen.dir && existsSync(seen.dir)).toBe(false)
  })

  it('has an empty baseline for a working directory the base commit does not have (a new service)', async () => {
    const repo = newRepo()
    repo.write({ 'README.md': 'x' })
    const base = repo.commit('base')
    repo.write({ 'services/new/package.json': MANIFEST, 'services/new/app.js': APP })
    repo.commit('head')

    const load = ok(await loadBaseCommit(options(join(repo.dir, 'services', 'new'), base)))
    expect(load.data.findings.filter((f) => f.rule === 'session-secret-hardcoded')).toEqual([])
  })

  it('leaves out symlinks, submodules, node_modules and files over the read limit', async () => {
    const repo = newRepo()
    const outside = tempDir('ehg-outside-')
    writeFileSync(join(outside, 'secret.js'), APP)
    repo.write({
      'package.json': MANIFEST,
      'src/app.js': APP,
      'node_modules/dep/index.js': APP,
      'public/big.txt': 'x'.repeat(1024 * 1024 + 1)
    })
    symlinkSync(join(outside, 'secret.js'), join(repo.dir, 'src', 'link.js'))
    symlinkSync(outside, join(repo.dir, 'linked-dir'))
    const sub = repo.commit('a commit to point a submodule at')
    repo.git('update-index', '--add', '--cacheinfo', `160000,${sub},vendor-sub`)
    repo.git('commit', '-q', '--no-verify', '-m', 'base')
    const base = repo.git('rev-parse', 'HEAD')
    expect(repo.git('ls-tree', base, '--', 'src/link.js', 'vendor-sub')).toContain('120000')
    expect(repo.git('ls-tree', base, '--', 'vendor-sub')).toContain('160000')

    const { exec, seen } = spyingExec()
    const load = ok(await loadBaseCommit(options(repo.dir, base, { exec })))
    expect(seen.files).toEqual(['package.json', 'src/app.js'])
    expect(load.data.findings.filter((f) => f.rule === 'session-secret-hardcoded').map((f) => f.file)).toEqual(['src/app.js'])
  })

  it('says how many files a damaged repository lacks, and reads the rest', async () => {
    const repo = newRepo()
    repo.write({ 'package.json': MANIFEST, 'src/app.js': APP, 'src/lost.js': APP.replace('keyboard cat', 'lost secret') })
    const base = repo.commit('base')
    const oid = repo.git('rev-parse', `${base}:src/lost.js`)
    rmSync(join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)))

    const lines: string[] = []
    const { exec, seen } = spyingExec()
    const load = ok(await loadBaseCommit(options(repo.dir, base, { exec, log: (l) => lines.push(l) })))
    expect(seen.files).toEqual(['package.json', 'src/app.js'])
    expect(lines).toContainEqual(expect.stringContaining('1 file of the base commit could not be read from git'))
    expect(load.data.findings.filter((f) => f.rule === 'session-secret-hardcoded').map((f) => f.file)).toEqual(['src/app.js'])
  })

  it('counts a tracked .env as committed in the base as in the head, though a .gitignore lists it', async () => {
    const repo = newRepo()
    repo.write({ 'package.json': MANIFEST, 'src/app.js': APP, '.env': 'SESSION_SECRET=s3cr3t-value-for-real-1234\n' })
    repo.commit('env committed')
    repo.write({ '.gitignore': '.env\n' })
    const base = repo.commit('then ignored')

    const head = runScan(repo.dir, EMPTY_CONFIG, TODAY).findings.filter((f) => f.file === '.env')
    expect(head.length).toBeGreaterThan(0)
    const load = ok(await loadBaseCommit(options(repo.dir, base)))
    expect(load.data.findings.filter((f) => f.file === '.env').map((f) => f.fingerprint)).toEqual(head.map((f) => f.fingerprint))
  })

  describe('a shallow checkout', () => {
    function shallowClone(): { origin: Repo; clone: Repo; base: string; head: string } {
      const origin = newRepo()
      origin.write({ 'package.json': MANIFEST, 'src/app.js': APP })
      const base = origin.commit('base')
      origin.write({ 'src/app.js': `// moved\n${APP}` })
      const head = origin.commit('head')
      const bare = join(dirname(origin.dir), 'origin.git')
      execFileSync('git', ['clone', '-q', '--bare', origin.dir, bare], { env: origin.env })
      const cloneDir = join(dirname(origin.dir), 'clone')
      execFileSync('git', ['clone', '-q', '--depth=1', `file://${bare}`, cloneDir], { env: origin.env })
      return { origin, clone: makeRepo(cloneDir, origin.env), base, head }
    }

    it('fetches the base commit it lacks from origin, and stays shallow', async () => {
      const { clone, base, head } = shallowClone()
      expect(clone.git('rev-parse', 'HEAD')).toBe(head)
      expect(() => clone.git('cat-file', '-e', `${base}^{commit}`)).toThrow()

      const lines: string[] = []
      const load = ok(await loadBaseCommit(options(clone.dir, base, { env: clone.env, log: (l) => lines.push(l) })))
      expect(load.ref).toBe(base)
      expect(load.data.findings.filter((f) => f.rule === 'session-secret-hardcoded').map((f) => f.file)).toEqual(['src/app.js'])
      expect(lines.some((l) => l.includes('fetching the base commit'))).toBe(true)
      expect(clone.git('rev-parse', '--is-shallow-repository')).toBe('true')
      expect(clone.git('rev-parse', 'HEAD')).toBe(head)
    })

    it('is an error with the fetch-depth and permission advice when origin does not have it', async () => {
      const { clone } = shallowClone()
      const missing = 'b'.repeat(40)
      const load = await loadBaseCommit(options(clone.dir, missing, { env: clone.env }))
      expect(load).toMatchObject({ status: 'error', source: 'base-commit', ref: missing })
      const error = load.status === 'error' ? load.error : ''
      expect(error).toContain(`the base commit ${missing} is not in the checkout and could not be fetched from origin`)
      expect(error).toContain('fetch-depth: 0')
      expect(error).toContain('contents: read')
    })

    it("names git's own reason when there is no origin to fetch from, not its advice's last line", async () => {
      const { clone } = shallowClone()
      clone.git('remote', 'remove', 'origin')
      const missing = 'c'.repeat(40)
      const load = await loadBaseCommit(options(clone.dir, missing, { env: clone.env }))
      const error = load.status === 'error' ? load.error : ''
      expect(error).toContain("could not be fetched from origin ('origin' does not appear to be a git repository)")
      expect(error).not.toContain('the repository exists')
      expect(error).toContain('contents: read')
    })
  })

  describe('the audit of the base lockfile', () => {
    async function auditRepo(registryOptions: FakeRegistryOptions = {}) {
      const registry = await startFakeRegistry(registryOptions)
      cleanups.push(() => registry.close())
      const repo = newRepo()
      mkdirSync(join(repo.dir, 'svc'))
      cpSync(join(VULNERABLE_APP, 'package.json'), join(repo.dir, 'svc', 'package.json'))
      cpSync(join(VULNERABLE_APP, 'package-lock.json'), join(repo.dir, 'svc', 'package-lock.json'))
      repo.write({ 'svc/app.js': APP })
      const base = repo.commit('base with the vulnerable lockfile')
      // The head drops the lockfile: what is audited is the base's.
      rmSync(join(repo.dir, 'svc', 'package-lock.json'))
      repo.commit('head')
      const env = hermeticNpmEnv(registry.url, tempDir('ehg-npm-'))
      return { registry, repo, base, env }
    }

    it("audits the base lockfile without installing: advisories by id and package, as the head's audit names them", async () => {
      const { registry, repo, base, env } = await auditRepo()
      const load = ok(await loadBaseCommit(options(join(repo.dir, 'svc'), base, { audit: true, env })))
      expect(registry.bulkRequests).toHaveLength(1)
      // The head's own audit (runNpmAudit as the pipeline runs it) of the same lockfile gives the same ids.
      repo.git('checkout', '-q', base)
      const head = await runNpmAudit(execProcess, { cwd: join(repo.dir, 'svc'), omitDev: false, timeoutMs: 60_000, env })
      expect(head.result.status).toBe('ok')
      const key = (a: { id: string; package: string }) => `${a.package} ${a.id}`
      expect(load.data.advisories.map(key).sort()).toEqual(head.result.advisories.map(key).sort())
      expect(load.data.advisories.length).toBeGreaterThan(5)
      expect(load.data.advisories).toContainEqual({ id: expect.stringMatching(/^GHSA-/), package: 'express' })
      for (const advisory of load.data.advisories) expect(Object.keys(advisory).sort()).toEqual(['id', 'package'])
      expect(existsSync(join(repo.dir, 'svc', 'node_modules'))).toBe(false)
    })

    it('passes --package-lock-only, and --omit=dev only with omitDev', async () => {
      const { repo, base, env } = await auditRepo()
      const calls: string[][] = []
      const exec: Exec = (command, args, opts) => {
        if (command === 'npm') calls.push(args)
        return execProcess(command, args, opts)
      }
      ok(await loadBaseCommit(options(join(repo.dir, 'svc'), base, { audit: true, omitDev: true, env, exec })))
      expect(calls).toEqual([['audit', '--json', '--package-lock-only', '--omit=dev']])
    })

    it('makes the whole baseline an error when the audit fails, never "no advisories"', async () => {
      const { repo, base, env } = await auditRepo({ bulkStatus: 500 })
      const load = await loadBaseCommit(options(join(repo.dir, 'svc'), base, { audit: true, env }))
      expect(load.status).toBe('error')
      expect(load.status === 'error' && load.error).toContain("npm audit of the base commit's lockfile failed")
    })

    it.each([
      ['pnpm', 'pnpm-lock.yaml'],
      ['yarn-berry', 'yarn.lock']
    ])('audits a base locked by %s as the npm lockfile of the same dependencies', async (manager, lockfile) => {
      const registry = await startFakeRegistry()
      cleanups.push(() => registry.close())
      const env = hermeticNpmEnv(registry.url, tempDir('ehg-npm-'))
      const repo = newRepo()
      mkdirSync(join(repo.dir, 'svc'))
      cpSync(join(MANAGER_FIXTURES, manager), join(repo.dir, 'svc'), { recursive: true })
      repo.write({ 'svc/app.js': APP })
      const base = repo.commit(`base locked by ${manager}`)
      rmSync(join(repo.dir, 'svc', lockfile))
      repo.commit('head')
      const load = ok(await loadBaseCommit(options(join(repo.dir, 'svc'), base, { audit: true, env })))
      const npm = await runNpmAudit(execProcess, { cwd: VULNERABLE_APP, omitDev: false, packageLockOnly: true, timeoutMs: 60_000, env })
      const key = (a: { id: string; package: string }) => `${a.package} ${a.id}`
      expect(load.data.advisories.map(key).sort()).toEqual(npm.result.advisories.map(key).sort())
      expect(load.data.advisories.length).toBeGreaterThan(5)
      expect(existsSync(join(repo.dir, 'svc', 'package-lock.json'))).toBe(false)
    })

    it('has no advisories and asks nothing for a base without a lockfile, or with the audit off', async () => {
      const { registry, repo, env } = await auditRepo()
      const head = repo.git('rev-parse', 'HEAD')
      const noLockfile = ok(await loadBaseCommit(options(join(repo.dir, 'svc'), head, { audit: true, env })))
      expect(noLockfile.data.advisories).toEqual([])
      const off = ok(await loadBaseCommit(options(join(repo.dir, 'svc'), `${head}~1`, { audit: false, env })))
      expect(off.data.advisories).toEqual([])
      expect(registry.bulkRequests).toEqual([])
    })
  })
})
