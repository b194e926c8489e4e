// End-to-end: `dependency-snapshot: true` through the bundled action (`node dist/index.js`), against
// a loopback GitHub REST API that records the snapshot posted to the dependency submission API.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionServers } from '../helpers/action-servers.js'
import type { FakeGitHub } from '../helpers/github-server.js'
import {
  commands,
  copyApp,
  HEAD_SHA,
  OWNER,
  PR_NUMBER,
  pullRequestPayload,
  REPO,
  REPO_ROOT,
  TOKEN,
  type ActionRun
} from '../helpers/run-action.js'

const CLEAN_APP = join(REPO_ROOT, '__tests__/fixtures/apps/clean-app')
const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
const MERGE_SHA = 'fedcba9876543210fedcba9876543210fedcba00'
const SNAPSHOTS = `/repos/${OWNER}/${REPO}/dependency-graph/snapshots`

const servers = actionServers()

interface Resolved {
  package_url: string
  relationship: string
  scope: string
  dependencies: string[]
}
interface Snapshot {
  version: number
  sha: string
  ref: string
  job: { correlator: string; id: string }
  detector: { name: string; version: string; url: string }
  scanned: string
  manifests: Record<string, { name: string; file: { source_location: string }; resolved: Record<string, Resolved> }>
}

const snapshotPosts = (github: FakeGitHub) => github.requests.filter((r) => r.method === 'POST' && r.path === SNAPSHOTS)
const snapshotWarnings = (run: ActionRun) => commands(run.stdout, 'warning').filter((w) => /dependency snapshot/i.test(w))

function declared(app: string): string[] {
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>
  return ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].flatMap((list) => Object.keys(pkg[list] ?? {}))
}

/** The lockfile's installed packages as `name@version`, for comparison with the snapshot. */
function lockedPackages(app: string): string[] {
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; link?: boolean }>
  }
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.link && entry.version)
    .map(([path, entry]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`)
}

function nameAt(purl: string): string {
  const match = /^pkg:npm\/(.+)$/.exec(purl)
  return decodeURIComponent(match?.[1] ?? '')
}

describe('dependency-snapshot (node dist/index.js)', () => {
  it.concurrent('on a push, posts the lockfile tree once, with the push commit, the job and the manifest path', async () => {
    const { github, run } = await servers()
    const workspace = await copyApp(CLEAN_APP)
    const result = await run({ workspace, eventName: 'push', inputs: { install: 'false', sbom: 'false', 'dependency-snapshot': 'true' } })

    expect(result.outputs.passed).toBe(String(result.reportJson?.passed))
    const posts = snapshotPosts(github)
    expect(posts).toHaveLength(1)
    expect(posts[0]?.headers.authorization).toMatch(new RegExp(`${TOKEN}$`))
    const snapshot = github.snapshots(OWNER, REPO)[0] as Snapshot
    expect(snapshot).toMatchObject({
      version: 0,
      sha: HEAD_SHA,
      ref: 'refs/heads/main',
      job: { id: '1' },
      detector: {
        name: 'express-hardening-gate',
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        url: expect.stringMatching(/^https:\/\//)
      }
    })
    expect(new Date(snapshot.scanned).toISOString()).toBe(snapshot.scanned)
    expect(snapshot.job.correlator).toContain('gate')
    expect(Object.keys(snapshot.manifests)).toEqual(['package-lock.json'])
    const manifest = snapshot.manifests['package-lock.json']
    expect(manifest?.file).toEqual({ source_location: 'package-lock.json' })

    const resolved = Object.values(manifest?.resolved ?? {})
    expect(resolved.map((r) => nameAt(r.package_url)).sort()).toEqual([...new Set(lockedPackages(CLEAN_APP))].sort())
    for (const [key, entry] of Object.entries(manifest?.resolved ?? {})) {
      expect(entry.package_url).toBe(key)
      expect(entry.package_url).toMatch(/^pkg:npm\/(%40[^/@]+\/)?[^/@]+@[^@]+$/)
      expect(['runtime', 'development']).toContain(entry.scope)
      for (const dependency of entry.dependencies) expect(manifest?.resolved[dependency]).toBeDefined()
    }
    const direct = resolved.filter((r) => r.relationship === 'direct').map((r) => nameAt(r.package_url).replace(/@[^@]+$/, ''))
    expect(direct.sort()).toEqual(declared(CLEAN_APP).sort())
    const express = resolved.find((r) => nameAt(r.package_url).startsWith('express@'))
    expect(express?.dependencies.map(nameAt)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^body-parser@/), expect.stringMatching(/^qs@/)])
    )
    expect(snapshotWarnings(result)).toEqual([])
    expect(result.stdout).toMatch(/Dependency snapshot of package-lock\.json submitted/)
  })

  it.concurrent(
    'on a pull request in a monorepo service: the head commit, the service path, a correlator per working directory',
    async () => {
      const { github, run } = await servers()
      const workspace = await copyApp(VULNERABLE_APP, { subdir: 'services/api' })
      await copyApp(CLEAN_APP, { workspace, subdir: 'services/web' })
      const inputs = { install: 'false', sbom: 'false', comment: 'never', 'dependency-snapshot': 'true' }
      // GITHUB_SHA of a pull_request event is the merge commit GitHub made; the snapshot names the head.
      const env = { GITHUB_SHA: MERGE_SHA }
      const api = await run({
        workspace,
        payload: pullRequestPayload(HEAD_SHA),
        env,
        inputs: { ...inputs, 'working-directory': 'services/api' }
      })
      const web = await run({
        workspace,
        payload: pullRequestPayload(HEAD_SHA),
        env,
        inputs: { ...inputs, 'working-directory': 'services/web' }
      })

      // The vulnerable service fails the gate and the clean one passes, snapshot or not.
      expect(api.code).toBe(1)
      expect(api.outputs.passed).toBe('false')
      expect(web.outputs.passed).toBe(String(web.reportJson?.passed))
      const [first, second] = github.snapshots(OWNER, REPO) as Snapshot[]
      expect(first?.sha).toBe(HEAD_SHA)
      expect(first?.ref).toBe(`refs/pull/${PR_NUMBER}/merge`)
      expect(Object.keys(first?.manifests ?? {})).toEqual(['services/api/package-lock.json'])
      expect(first?.manifests['services/api/package-lock.json']?.file.source_location).toBe('services/api/package-lock.json')
      expect(Object.keys(second?.manifests ?? {})).toEqual(['services/web/package-lock.json'])
      expect(first?.job.correlator).toContain('services/api')
      expect(second?.job.correlator).toContain('services/web')
      expect(first?.job.correlator).not.toBe(second?.job.correlator)
      expect(Object.keys(first?.manifests['services/api/package-lock.json']?.resolved ?? {})).toContain('pkg:npm/lodash@4.17.15')
      expect(snapshotWarnings(api)).toEqual([])
    }
  )

  it.concurrent(
    'a token without contents: write is one warning naming it; the verdict and reports are as without the snapshot',
    async () => {
      const { github, run } = await servers({ github: { readOnlyTokens: [TOKEN] } })
      const workspace = await copyApp(VULNERABLE_APP)
      const inputs = { install: 'false', sbom: 'false' }
      const refused = await run({ workspace, eventName: 'push', inputs: { ...inputs, 'dependency-snapshot': 'true' } })
      const without = await run({ workspace, eventName: 'push', inputs })

      expect(snapshotPosts(github)).toHaveLength(1)
      expect(github.snapshots(OWNER, REPO)).toEqual([])
      const warnings = snapshotWarnings(refused)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('HTTP 403')
      expect(warnings[0]).toContain('contents: write')
      expect(refused.stdout).not.toMatch(/^\s+at /m)
      expect(refused.code).toBe(without.code)
      expect(refused.outputs.passed).toBe('false')
      expect(refused.outputs.passed).toBe(without.outputs.passed)
      expect(refused.outputs.findings).toBe(without.outputs.findings)
      expect(refused.outputs.vulnerabilities).toBe(without.outputs.vulnerabilities)
      expect(commands(refused.stdout, 'error')).toEqual(commands(without.stdout, 'error'))
    }
  )

  it.concurrent('dependency-snapshot false (the default) posts nothing to the dependency graph', async () => {
    const { github, run } = await servers()
    const workspace = await copyApp(CLEAN_APP)
    const defaulted = await run({ workspace, eventName: 'push', inputs: { install: 'false', sbom: 'false' } })
    const off = await run({ workspace, eventName: 'push', inputs: { install: 'false', sbom: 'false', 'dependency-snapshot': 'false' } })
    expect(defaulted.outputs.passed).toBeDefined()
    expect(off.outputs.passed).toBe(defaulted.outputs.passed)
    expect(github.requests.filter((r) => r.path.includes('dependency-graph'))).toEqual([])
    expect(snapshotWarnings(defaulted)).toEqual([])
  })
})
