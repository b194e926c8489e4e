import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildManifest,
  buildSnapshot,
  npmPackageUrl,
  snapshotCorrelator,
  snapshotSha,
  submitDependencySnapshot,
  type DeclaredDependencies,
  type SnapshotContext
} from '../../src/github/dependency-snapshot.js'
import { parseNpmLockfile, resolveFrom, type NpmLockfile } from '../../src/parse/npm-lockfile.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/github-server.js'
import { loopbackActionOctokit } from '../helpers/octokit.js'

const octokit = loopbackActionOctokit()

function lockfile(json: unknown): NpmLockfile {
  const parsed = parseNpmLockfile(JSON.stringify(json))
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.lockfile
}

const purl = npmPackageUrl

/** A version 3 lockfile: a scoped package, a nested duplicate, dev, optional and devOptional packages. */
const APP_LOCK = {
  name: 'app',
  version: '1.0.0',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': {
      name: 'app',
      version: '1.0.0',
      dependencies: { express: '^4.21.0', '@scope/util': '^2.0.0', debug: '^2.6.9' },
      devDependencies: { jest: '^29.0.0' },
      optionalDependencies: { fsevents: '^2.3.0' }
    },
    'node_modules/express': { version: '4.21.0', dependencies: { debug: '2.6.9', 'body-parser': '1.20.3' } },
    'node_modules/debug': { version: '2.6.9', dependencies: { ms: '2.0.0' } },
    'node_modules/ms': { version: '2.0.0' },
    'node_modules/body-parser': { version: '1.20.3', dependencies: { debug: '2.6.9', 'raw-body': '2.5.2' } },
    'node_modules/raw-body': { version: '2.5.2', dependencies: { ms: '^2.1.3' } },
    'node_modules/raw-body/node_modules/ms': { version: '2.1.3' },
    'node_modules/@scope/util': { version: '2.0.0+build.1', dependencies: { ms: '^2.0.0' } },
    'node_modules/jest': {
      version: '29.7.0',
      dev: true,
      dependencies: { chalk: '^4.0.0', 'left-out': '^1.0.0' },
      optionalDependencies: { 'not-installed': '1' }
    },
    'node_modules/chalk': { version: '4.1.2', devOptional: true },
    'node_modules/fsevents': { version: '2.3.3', optional: true, dependencies: { chalk: '^4.0.0' } },
    'node_modules/left-out': { version: '1.0.0', dev: true }
  }
}
const APP_DECLARED: DeclaredDependencies = APP_LOCK.packages['']

describe('parseNpmLockfile and resolveFrom', () => {
  it('resolves a name the way Node does: the nearest node_modules going up from the requiring package', () => {
    const lock = lockfile(APP_LOCK)
    expect(resolveFrom(lock, 'node_modules/raw-body', 'ms')).toBe('node_modules/raw-body/node_modules/ms')
    expect(resolveFrom(lock, 'node_modules/debug', 'ms')).toBe('node_modules/ms')
    expect(resolveFrom(lock, '', 'express')).toBe('node_modules/express')
    expect(resolveFrom(lock, 'node_modules/jest', 'not-installed')).toBeUndefined()
  })

  it('refuses what is no lockfile', () => {
    expect(parseNpmLockfile('{').ok).toBe(false)
    expect(parseNpmLockfile('[]').ok).toBe(false)
    expect(parseNpmLockfile('{"lockfileVersion": 3}')).toEqual({
      ok: false,
      error: 'lockfileVersion 3 with neither "packages" nor "dependencies"'
    })
  })
})

describe('npmPackageUrl', () => {
  it('percent-encodes the scope and what purl reserves', () => {
    expect(purl('express', '4.21.0')).toBe('pkg:npm/express@4.21.0')
    expect(purl('@scope/util', '2.0.0+build.1')).toBe('pkg:npm/%40scope/util@2.0.0%2Bbuild.1')
  })
})

describe('buildManifest', () => {
  const manifest = buildManifest(lockfile(APP_LOCK), APP_DECLARED, 'services/app/package-lock.json')
  const entry = (name: string, version: string) => manifest.resolved[purl(name, version)]

  it('names the manifest by its path from the repository root', () => {
    expect(manifest.name).toBe('services/app/package-lock.json')
    expect(manifest.file).toEqual({ source_location: 'services/app/package-lock.json' })
  })

  it('lists every installed package once, keyed by its package URL', () => {
    expect(Object.keys(manifest.resolved).sort()).toEqual(
      [
        purl('@scope/util', '2.0.0+build.1'),
        purl('body-parser', '1.20.3'),
        purl('chalk', '4.1.2'),
        purl('debug', '2.6.9'),
        purl('express', '4.21.0'),
        purl('fsevents', '2.3.3'),
        purl('jest', '29.7.0'),
        purl('left-out', '1.0.0'),
        purl('ms', '2.0.0'),
        purl('ms', '2.1.3'),
        purl('raw-body', '2.5.2')
      ].sort()
    )
    for (const [key, value] of Object.entries(manifest.resolved)) expect(value.package_url).toBe(key)
  })

  it('is direct for what the root package.json declares in any list, indirect for the rest', () => {
    for (const [name, version] of [
      ['express', '4.21.0'],
      ['@scope/util', '2.0.0+build.1'],
      ['debug', '2.6.9'],
      ['jest', '29.7.0'],
      ['fsevents', '2.3.3']
    ] as const) {
      expect(entry(name, version)?.relationship).toBe('direct')
    }
    for (const [name, version] of [
      ['ms', '2.0.0'],
      ['ms', '2.1.3'],
      ['body-parser', '1.20.3'],
      ['raw-body', '2.5.2'],
      ['chalk', '4.1.2']
    ] as const) {
      expect(entry(name, version)?.relationship).toBe('indirect')
    }
  })

  it('is development only for what the lockfile marks dev; optional and devOptional packages are runtime', () => {
    expect(entry('jest', '29.7.0')?.scope).toBe('development')
    expect(entry('left-out', '1.0.0')?.scope).toBe('development')
    expect(entry('fsevents', '2.3.3')?.scope).toBe('runtime')
    expect(entry('chalk', '4.1.2')?.scope).toBe('runtime')
    expect(entry('express', '4.21.0')?.scope).toBe('runtime')
  })

  it('links each package to the copies its requires resolve to, nested duplicates included', () => {
    expect(entry('express', '4.21.0')?.dependencies).toEqual([purl('body-parser', '1.20.3'), purl('debug', '2.6.9')])
    expect(entry('raw-body', '2.5.2')?.dependencies).toEqual([purl('ms', '2.1.3')])
    expect(entry('debug', '2.6.9')?.dependencies).toEqual([purl('ms', '2.0.0')])
    expect(entry('@scope/util', '2.0.0+build.1')?.dependencies).toEqual([purl('ms', '2.0.0')])
    // An optional dependency that was not installed is no edge.
    expect(entry('jest', '29.7.0')?.dependencies).toEqual([purl('chalk', '4.1.2'), purl('left-out', '1.0.0')])
    expect(entry('ms', '2.0.0')?.dependencies).toEqual([])
  })

  it('merges copies of one name and version installed at several paths: direct and runtime when any copy is', () => {
    const lock = lockfile({
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { a: '1', b: '1' }, devDependencies: { tool: '1' } },
        'node_modules/a': { version: '1.0.0', dependencies: { c: '2' } },
        'node_modules/a/node_modules/c': { version: '2.0.0', dependencies: { d: '1' } },
        'node_modules/a/node_modules/d': { version: '1.0.0' },
        'node_modules/b': { version: '1.0.0', dependencies: { c: '2' } },
        'node_modules/b/node_modules/c': { version: '2.0.0', dependencies: { d: '1' } },
        'node_modules/d': { version: '2.0.0' },
        'node_modules/tool': { version: '1.0.0', dev: true, dependencies: { c: '1' } },
        'node_modules/c': { version: '1.0.0', dev: true }
      }
    })
    const m = buildManifest(lock, { dependencies: { a: '1', b: '1' }, devDependencies: { tool: '1' } }, 'package-lock.json')
    // c@2 under a resolves d to a's nested d@1; under b to the top-level d@2: the union.
    expect(m.resolved[purl('c', '2.0.0')]).toEqual({
      package_url: purl('c', '2.0.0'),
      relationship: 'indirect',
      scope: 'runtime',
      dependencies: [purl('d', '1.0.0'), purl('d', '2.0.0')]
    })
    expect(m.resolved[purl('c', '1.0.0')]).toMatchObject({ relationship: 'indirect', scope: 'development' })
    expect(m.resolved[purl('tool', '1.0.0')]).toMatchObject({
      relationship: 'direct',
      scope: 'development',
      dependencies: [purl('c', '1.0.0')]
    })
  })

  it('leaves workspace links out and counts what a workspace folder declares as direct', () => {
    const lock = lockfile({
      lockfileVersion: 3,
      packages: {
        '': { name: 'mono', workspaces: ['packages/*'], devDependencies: { typescript: '^5' } },
        'node_modules/@mono/api': { resolved: 'packages/api', link: true },
        'node_modules/@mono/shared': { resolved: 'packages/shared', link: true },
        'packages/api': { name: '@mono/api', version: '0.0.0', dependencies: { express: '^4', '@mono/shared': '*' } },
        'packages/api/node_modules/qs': { version: '6.13.0' },
        'packages/shared': { name: '@mono/shared', version: '0.0.0', dependencies: { qs: '^6.11' } },
        'node_modules/express': { version: '4.21.0', dependencies: { qs: '6.13.0' } },
        'node_modules/qs': { version: '6.11.0' },
        'node_modules/typescript': { version: '5.6.2', dev: true }
      }
    })
    const m = buildManifest(lock, { devDependencies: { typescript: '^5' } }, 'package-lock.json')
    expect(Object.keys(m.resolved).sort()).toEqual([
      purl('express', '4.21.0'),
      purl('qs', '6.11.0'),
      purl('qs', '6.13.0'),
      purl('typescript', '5.6.2')
    ])
    expect(m.resolved[purl('express', '4.21.0')]?.relationship).toBe('direct')
    // shared's qs resolves to the top-level copy; api's own qs (nested in its folder) is not required by api itself.
    expect(m.resolved[purl('qs', '6.11.0')]?.relationship).toBe('direct')
    expect(m.resolved[purl('qs', '6.13.0')]?.relationship).toBe('indirect')
    expect(m.resolved[purl('typescript', '5.6.2')]).toMatchObject({ relationship: 'direct', scope: 'development' })
    expect(JSON.stringify(m)).not.toContain('mono')
  })

  it('reads a version 1 lockfile (nested dependencies, requires, aliases) into the same tree', () => {
    const lock = lockfile({
      lockfileVersion: 1,
      dependencies: {
        express: { version: '4.17.1', requires: { debug: '2.6.9', qs: '6.7.0' } },
        debug: { version: '2.6.9' },
        qs: { version: '6.7.0' },
        lodash: { version: '4.17.15', dev: true, requires: { debug: '^4' }, dependencies: { debug: { version: '4.3.4', dev: true } } },
        alias: { version: 'npm:left-pad@1.3.0' },
        local: { version: 'file:../local' },
        fromgit: { version: 'git+https://github.com/x/y.git#abc' }
      }
    })
    const m = buildManifest(
      lock,
      { dependencies: { express: '4', alias: 'npm:left-pad@1', local: 'file:../local' }, devDependencies: { lodash: '4' } },
      'package-lock.json'
    )
    expect(Object.keys(m.resolved).sort()).toEqual(
      [
        purl('debug', '2.6.9'),
        purl('debug', '4.3.4'),
        purl('express', '4.17.1'),
        purl('left-pad', '1.3.0'),
        purl('lodash', '4.17.15'),
        purl('qs', '6.7.0')
      ].sort()
    )
    expect(m.resolved[purl('express', '4.17.1')]).toMatchObject({
      relationship: 'direct',
      scope: 'runtime',
      dependencies: [purl('debug', '2.6.9'), purl('qs', '6.7.0')]
    })
    expect(m.resolved[purl('lodash', '4.17.15')]).toMatchObject({
      relationship: 'direct',
      scope: 'development',
      dependencies: [purl('debug', '4.3.4')]
    })
    expect(m.resolved[purl('left-pad', '1.3.0')]?.relationship).toBe('direct')
    expect(m.resolved[purl('debug', '4.3.4')]).toMatchObject({ relationship: 'indirect', scope: 'development' })
  })

  it('names an aliased package by its own name in a version 2 or 3 lockfile', () => {
    const lock = lockfile({
      lockfileVersion: 3,
      packages: { '': { dependencies: { pad: 'npm:left-pad@1' } }, 'node_modules/pad': { name: 'left-pad', version: '1.3.0' } }
    })
    const m = buildManifest(lock, { dependencies: { pad: 'npm:left-pad@1' } }, 'package-lock.json')
    expect(Object.keys(m.resolved)).toEqual([purl('left-pad', '1.3.0')])
    expect(m.resolved[purl('left-pad', '1.3.0')]?.relationship).toBe('direct')
  })
})

function contextOf(eventName: string, overrides: Partial<SnapshotContext> = {}): SnapshotContext {
  return {
    eventName,
    payload: eventName === 'pull_request' ? { pull_request: { number: 3, head: { sha: 'a'.repeat(40), ref: 'feature' } } } : {},
    repo: { owner: 'o', repo: 'r' },
    sha: 'b'.repeat(40),
    ref: eventName === 'pull_request' ? 'refs/pull/3/merge' : 'refs/heads/main',
    serverUrl: 'https://github.com',
    workflow: 'hardening',
    job: 'gate',
    runId: 42,
    ...overrides
  }
}

describe('buildSnapshot', () => {
  it('takes the pull request head for the sha (GITHUB_SHA is a merge commit there) and the event commit otherwise', () => {
    expect(snapshotSha(contextOf('pull_request'))).toBe('a'.repeat(40))
    expect(snapshotSha(contextOf('push'))).toBe('b'.repeat(40))
    // pull_request_target runs for the base branch: its own commit.
    expect(snapshotSha({ ...contextOf('pull_request'), eventName: 'pull_request_target' })).toBe('b'.repeat(40))
  })

  it('keeps workflow, job and working directory apart in the correlator', () => {
    const a = snapshotCorrelator({ workflow: 'hardening', job: 'gate' }, 'services/api')
    expect(a).toContain('hardening')
    expect(a).toContain('gate')
    expect(a).toContain('services/api')
    expect(
      new Set([
        a,
        snapshotCorrelator({ workflow: 'hardening', job: 'gate' }, 'services/web'),
        snapshotCorrelator({ workflow: 'hardening', job: 'gate' }, '.'),
        snapshotCorrelator({ workflow: 'other', job: 'gate' }, 'services/api'),
        snapshotCorrelator({ workflow: 'hardening', job: 'scan' }, 'services/api')
      ]).size
    ).toBe(5)
  })

  it("has the shape of GitHub's snapshot", () => {
    const manifest = buildManifest(lockfile(APP_LOCK), APP_DECLARED, 'package-lock.json')
    const snapshot = buildSnapshot(manifest, contextOf('push'), '.', new Date('2026-01-02T03:04:05.000Z'))
    expect(snapshot).toEqual({
      version: 0,
      sha: 'b'.repeat(40),
      ref: 'refs/heads/main',
      job: {
        correlator: snapshotCorrelator({ workflow: 'hardening', job: 'gate' }, '.'),
        id: '42',
        html_url: 'https://github.com/o/r/actions/runs/42'
      },
      detector: {
        name: 'express-hardening-gate',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        url: expect.stringMatching(/^https:\/\//)
      },
      scanned: '2026-01-02T03:04:05.000Z',
      manifests: { 'package-lock.json': manifest }
    })
  })
})

describe('submitDependencySnapshot', () => {
  let dir: string
  let github: FakeGitHub | undefined
  const messages: { info: string[]; warning: string[] } = { info: [], warning: [] }
  const out = { info: (m: string) => void messages.info.push(m), warning: (m: string) => void messages.warning.push(m) }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'snapshot-test-'))
    messages.info = []
    messages.warning = []
  })
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true })
    await github?.close()
    github = undefined
  })

  async function submit(options: { readOnly?: boolean; graphOff?: boolean; lock?: unknown; token?: string } = {}) {
    github = await startFakeGitHub({ readOnlyTokens: options.readOnly ? ['t'] : [], dependencyGraphOff: options.graphOff ?? false })
    const url = github.url
    const service = join(dir, 'services/api')
    mkdirSync(service, { recursive: true })
    writeFileSync(join(service, 'package.json'), JSON.stringify(APP_DECLARED))
    const text = typeof options.lock === 'string' ? options.lock : JSON.stringify(options.lock ?? APP_LOCK)
    if (options.lock !== null) writeFileSync(join(service, 'package-lock.json'), text)
    await submitDependencySnapshot(
      {
        workspace: dir,
        workingDirectory: service,
        root: 'services/api',
        token: options.token ?? 't',
        context: contextOf('push'),
        out
      },
      (token) => octokit(token, url)
    )
    return github
  }

  it('posts the snapshot of the working directory lockfile, named by its path from the repository root', async () => {
    const gh = await submit()
    const [snapshot] = gh.snapshots('o', 'r') as Array<{
      manifests: Record<string, { file: unknown; resolved: Record<string, unknown> }>
      job: { correlator: string }
    }>
    expect(Object.keys(snapshot?.manifests ?? {})).toEqual(['services/api/package-lock.json'])
    expect(snapshot?.manifests['services/api/package-lock.json']?.file).toEqual({ source_location: 'services/api/package-lock.json' })
    expect(Object.keys(snapshot?.manifests['services/api/package-lock.json']?.resolved ?? {})).toHaveLength(11)
    expect(snapshot?.job.correlator).toContain('services/api')
    expect(messages.warning).toEqual([])
    expect(messages.info.join('\n')).toMatch(/submitted \(11 packages/)
  })

  it.each([
    ['a read-only token (403)', { readOnly: true }, 'HTTP 403'],
    ['a repository without dependency graph (404)', { graphOff: true }, 'HTTP 404']
  ])('%s is one warning naming contents: write', async (_, options, status) => {
    const gh = await submit(options)
    expect(gh.snapshots('o', 'r')).toEqual([])
    expect(messages.warning).toHaveLength(1)
    expect(messages.warning[0]).toContain(status)
    expect(messages.warning[0]).toContain('contents: write')
    // Asked once: a 4xx is an answer, not retried.
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('warns without calling GitHub when there is no lockfile, or it is broken, or no token', async () => {
    for (const options of [{ lock: null }, { lock: '{"lockfileVersion": 3' }, { token: '' }]) {
      const gh = await submit(options)
      expect(gh.requests).toEqual([])
      await gh.close()
      github = undefined
    }
    expect(messages.warning).toHaveLength(3)
    expect(messages.warning[0]).toContain(
      'services/api has no lockfile (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml or yarn.lock)'
    )
    expect(messages.warning[1]).toContain('services/api/package-lock.json could not be read: not JSON')
    expect(messages.warning[2]).toContain('github-token is empty')
  })

  it.each([
    ['pnpm', 'pnpm-lock.yaml'],
    ['yarn-classic', 'yarn.lock'],
    ['yarn-berry', 'yarn.lock']
  ])('submits the tree of a %s project as the npm lockfile of the same dependencies gives it', async (manager, lockfile) => {
    const fixtures = join(import.meta.dirname, '..', 'fixtures', 'package-managers')
    const sample = join(import.meta.dirname, '..', '..', 'examples', 'vulnerable-app')
    const resolvedOf = async (files: string, source: string): Promise<Record<string, unknown>> => {
      const gh = await startFakeGitHub({ readOnlyTokens: [], dependencyGraphOff: false })
      const url = gh.url
      const service = mkdtempSync(join(dir, 'svc-'))
      cpSync(files, service, { recursive: true, filter: (src) => !/node_modules|src$/.test(src) })
      await submitDependencySnapshot(
        { workspace: dir, workingDirectory: service, root: 'svc', token: 't', context: contextOf('push'), out },
        (token) => octokit(token, url)
      )
      const [snapshot] = gh.snapshots('o', 'r') as Array<{
        manifests: Record<string, { file: unknown; resolved: Record<string, unknown> }>
      }>
      await gh.close()
      const [name, manifest] = Object.entries(snapshot?.manifests ?? {})[0] ?? []
      // The manifest is named after the lockfile the project commits.
      expect(name?.split('/').pop()).toBe(source)
      return manifest?.resolved ?? {}
    }
    const npm = await resolvedOf(sample, 'package-lock.json')
    const other = await resolvedOf(join(fixtures, manager), lockfile)
    expect(Object.keys(npm).length).toBeGreaterThan(50)
    expect(other).toEqual(npm)
    expect(messages.warning).toEqual([])
  })
})
