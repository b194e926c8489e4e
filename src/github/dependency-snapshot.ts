import * as core from '@actions/core'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeError } from '../common/errors.js'
import { needsNpmView, NPM_LOCKFILES } from '../common/lockfiles.js'
import { REPOSITORY_URL, TOOL_NAME, TOOL_VERSION } from '../common/version.js'
import { toPosixRelative } from '../config/paths.js'
import { lockedManager } from '../discovery/package-manager.js'
import { npmLockfileOf } from '../lockfiles/npm-view.js'
import {
  isInstalled,
  parseNpmLockfile,
  resolveFrom,
  type LockedPackage,
  type LockfileParse,
  type NpmLockfile
} from '../parse/npm-lockfile.js'
import type { GitHubClient } from './octokit.js'
import type { RunContext } from './run-context.js'

/**
 * `dependency-snapshot: true`: the dependency tree the lockfile resolves, submitted to GitHub's
 * dependency submission API, so Dependabot alerts and dependency review cover exactly what the
 * service installs. The shape is GitHub's (REST "Create a snapshot of dependencies for a
 * repository"), built from the lockfile alone: npm is never run for it.
 */

export type Relationship = 'direct' | 'indirect'
export type Scope = 'runtime' | 'development'

export interface ResolvedDependency {
  package_url: string
  relationship: Relationship
  scope: Scope
  /** package URLs of the packages this one requires, as installed for it */
  dependencies: string[]
}

export interface SnapshotManifest {
  name: string
  file: { source_location: string }
  resolved: Record<string, ResolvedDependency>
}

export interface DependencySnapshot {
  version: 0
  sha: string
  ref: string
  job: { correlator: string; id: string; html_url?: string }
  detector: { name: string; version: string; url: string }
  scanned: string
  manifests: Record<string, SnapshotManifest>
}

/** The root package.json's dependency lists, by name. */
export interface DeclaredDependencies {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/** The run's event and job, as `github.context` of @actions/github has them. */
export interface SnapshotContext extends RunContext {
  readonly ref: string
  readonly workflow: string
  readonly job: string
  readonly runId: number
}

/** Events whose GITHUB_SHA is a merge commit GitHub made, not a commit of the branch: the snapshot belongs to the pull request's head. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment'])

/** `pkg:npm/%40scope/name@1.2.3`: the scope's `@` and anything else outside purl's safe set percent-encoded. */
export function npmPackageUrl(name: string, version: string): string {
  const encode = (part: string): string =>
    encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const slash = name.startsWith('@') ? name.indexOf('/') : -1
  const path = slash === -1 ? encode(name) : `${encode(name.slice(0, slash))}/${encode(name.slice(slash + 1))}`
  return `pkg:npm/${path}@${encode(version)}`
}

/** Names a package (or the project, or a workspace folder) declares, in every dependency list. */
function declaredNames(declared: DeclaredDependencies | LockedPackage): string[] {
  const lists =
    'path' in declared
      ? [declared.requires, declared.devDependencies]
      : [declared.dependencies, declared.devDependencies, declared.optionalDependencies, declared.peerDependencies]
  return [...new Set(lists.flatMap((list) => Object.keys(list ?? {})))]
}

/** An installed registry package: inside node_modules, not a link, with a name and a version. */
function isRegistryPackage(entry: LockedPackage): boolean {
  return isInstalled(entry.path) && !entry.link && entry.name !== '' && entry.version !== ''
}

/**
 * The project's folders that declare what they need: the root, and the workspace folders a
 * lockfile lists (their dependencies are the project's own too, so they count as direct).
 */
function projectFolders(lockfile: NpmLockfile, root: DeclaredDependencies): Array<{ path: string; names: string[] }> {
  const folders = [{ path: '', names: declaredNames(root) }]
  for (const entry of lockfile.packages.values()) {
    if (entry.path !== '' && !isInstalled(entry.path)) folders.push({ path: entry.path, names: declaredNames(entry) })
  }
  return folders
}

/**
 * The manifest of one lockfile: every installed registry package under its package URL, direct when
 * the project (or one of its workspace folders) declares it, development when the lockfile marks it
 * `dev` (only reachable through devDependencies), with the packages it requires as Node resolves
 * them from its install path. Copies of one name and version at several paths are one entry, with
 * the union of their dependencies. Links (workspace folders, `file:` folders) are the project's
 * own code, not packages: they are left out, and what they declare is read from their folders.
 */
export function buildManifest(lockfile: NpmLockfile, root: DeclaredDependencies, sourceLocation: string): SnapshotManifest {
  const purlOf = new Map<string, string>()
  for (const entry of lockfile.packages.values())
    if (isRegistryPackage(entry)) purlOf.set(entry.path, npmPackageUrl(entry.name, entry.version))

  const direct = new Set<string>()
  for (const folder of projectFolders(lockfile, root)) {
    for (const name of folder.names) {
      const found = resolveFrom(lockfile, folder.path, name)
      if (found !== undefined && purlOf.has(found)) direct.add(found)
    }
  }

  const resolved = new Map<string, { relationship: Relationship; scope: Scope; dependencies: Set<string> }>()
  for (const entry of lockfile.packages.values()) {
    const purl = purlOf.get(entry.path)
    if (purl === undefined) continue
    const relationship: Relationship = direct.has(entry.path) ? 'direct' : 'indirect'
    const scope: Scope = entry.dev ? 'development' : 'runtime'
    const merged = resolved.get(purl) ?? { relationship, scope, dependencies: new Set<string>() }
    if (relationship === 'direct') merged.relationship = 'direct'
    if (scope === 'runtime') merged.scope = 'runtime'
    for (const name of Object.keys(entry.requires)) {
      const found = resolveFrom(lockfile, entry.path, name)
      const dependency = found === undefined ? undefined : purlOf.get(found)
      if (dependency !== undefined && dependency !== purl) merged.dependencies.add(dependency)
    }
    resolved.set(purl, merged)
  }

  const sorted = [...resolved.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return {
    name: sourceLocation,
    file: { source_location: sourceLocation },
    resolved: Object.fromEntries(
      sorted.map(([purl, r]) => [
        purl,
        { package_url: purl, relationship: r.relationship, scope: r.scope, dependencies: [...r.dependencies].sort() }
      ])
    )
  }
}

/** The commit the snapshot describes: a pull request's head (GITHUB_SHA is then a merge commit), else the event's commit. */
export function snapshotSha(context: RunContext): string {
  if (PULL_REQUEST_EVENTS.has(context.eventName)) {
    const head = (context.payload.pull_request as { head?: { sha?: unknown } } | undefined)?.head?.sha
    if (typeof head === 'string' && head !== '') return head
  }
  return context.sha
}

/**
 * What keeps this submission apart from every other: the workflow, the job and the working
 * directory, so the services of a monorepo (matrix legs or steps) do not replace each other's
 * snapshot, while a later run of the same gate replaces its own.
 */
export function snapshotCorrelator(context: Pick<SnapshotContext, 'workflow' | 'job'>, root: string): string {
  return `${TOOL_NAME} ${context.workflow} ${context.job} ${root === '' ? '.' : root}`
}

export function buildSnapshot(manifest: SnapshotManifest, context: SnapshotContext, root: string, now: Date): DependencySnapshot {
  const { owner, repo } = context.repo
  return {
    version: 0,
    sha: snapshotSha(context),
    ref: context.ref,
    job: {
      correlator: snapshotCorrelator(context, root),
      id: String(context.runId),
      html_url: `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`
    },
    detector: { name: TOOL_NAME, version: TOOL_VERSION, url: REPOSITORY_URL },
    scanned: now.toISOString(),
    manifests: { [manifest.name]: manifest }
  }
}

/**
 * The tree to submit: npm's lockfile (npm-shrinkwrap.json wins over package-lock.json, as in npm),
 * else the npm lockfile equivalent to the project's pnpm-lock.yaml or yarn.lock, named after it.
 */
function readProjectLockfile(workingDirectory: string): { name: string; parsed: LockfileParse } | undefined {
  const npmLockfile = [...NPM_LOCKFILES].reverse().find((name) => existsSync(join(workingDirectory, name)))
  if (npmLockfile !== undefined)
    return { name: npmLockfile, parsed: parseNpmLockfile(readFileSync(join(workingDirectory, npmLockfile), 'utf8')) }
  const manager = lockedManager(workingDirectory)
  if (!needsNpmView(manager)) return undefined
  const converted = npmLockfileOf(workingDirectory, manager)
  return {
    name: converted.source,
    parsed: converted.ok ? parseNpmLockfile(JSON.stringify(converted.lockfile)) : { ok: false, error: converted.error }
  }
}

function readDeclared(workingDirectory: string, lockfile: NpmLockfile): DeclaredDependencies {
  try {
    const json = JSON.parse(readFileSync(join(workingDirectory, 'package.json'), 'utf8')) as unknown
    if (typeof json === 'object' && json !== null) return json as DeclaredDependencies
  } catch {
    // No readable package.json: the lockfile's copy of the root's lists (versions 2 and 3) serves.
  }
  const rootEntry = lockfile.packages.get('')
  return rootEntry ? { dependencies: rootEntry.requires, devDependencies: rootEntry.devDependencies } : {}
}

export interface SnapshotSubmission {
  workspace: string
  workingDirectory: string
  /** The working directory relative to the workspace, as the report names it. */
  root: string
  token: string
  context: SnapshotContext
  now?: Date
  out?: { info(message: string): void; warning(message: string): void }
}

/** Makes the client for a token: createOctokit of ./octokit.ts (passed in, so this module loads no HTTP client). */
export type SnapshotClient = (token: string) => Pick<GitHubClient, 'request'>

/** Why GitHub says no, by its status: the permission the token lacks, or a dependency graph turned off. */
const REFUSALS: Record<number, string> = {
  403: 'the token needs `contents: write` (`permissions: contents: write` in the workflow)',
  404: "the repository's dependency graph is off (Settings, Code security) or the token may not write to it: it needs `contents: write`"
}

/**
 * Builds the snapshot and posts it. Every failure is one warning and nothing more: the gate's
 * verdict, reports and comment never depend on GitHub's dependency graph.
 */
export async function submitDependencySnapshot(submission: SnapshotSubmission, client: SnapshotClient): Promise<void> {
  const out = submission.out ?? core
  const skip = (why: string): void => out.warning(`No dependency snapshot was submitted: ${why}. The gate's verdict is unaffected.`)
  if (!submission.token) return skip('github-token is empty; pass a token with `contents: write`')
  const read = readProjectLockfile(submission.workingDirectory)
  if (read === undefined) {
    return skip(
      `${submission.root === '.' ? 'the working directory' : submission.root} has no lockfile (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml or yarn.lock) to read the tree from`
    )
  }
  const sourceLocation = toPosixRelative(submission.workspace, join(submission.workingDirectory, read.name))
  const parsed = read.parsed
  if (!parsed.ok) return skip(`${sourceLocation} could not be read: ${parsed.error}`)

  const manifest = buildManifest(parsed.lockfile, readDeclared(submission.workingDirectory, parsed.lockfile), sourceLocation)
  try {
    // `repo` is a getter that throws without GITHUB_REPOSITORY: read inside the try.
    const { owner, repo } = submission.context.repo
    const snapshot = buildSnapshot(manifest, submission.context, submission.root, submission.now ?? new Date())
    const octokit = client(submission.token)
    const response = await octokit.request('POST /repos/{owner}/{repo}/dependency-graph/snapshots', { owner, repo, ...snapshot })
    const data = response.data as { id?: unknown; result?: unknown; message?: unknown }
    const count = Object.keys(manifest.resolved).length
    if (data.result === 'SUCCESS' || data.result === 'ACCEPTED' || data.result === undefined) {
      out.info(
        `Dependency snapshot of ${sourceLocation} submitted (${count} packages, correlator "${snapshot.job.correlator}", result ${String(data.result ?? 'unknown')})`
      )
      return
    }
    skip(`GitHub answered ${String(data.result)}${typeof data.message === 'string' ? `: ${data.message}` : ''}`)
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status
    const refusal = typeof status === 'number' ? REFUSALS[status] : undefined
    if (refusal !== undefined) return skip(`GitHub answered HTTP ${String(status)} (${describeError(error)}); ${refusal}`)
    skip(describeError(error))
  }
}
