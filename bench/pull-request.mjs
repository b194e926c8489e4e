// The pull request (e) runs the action on: the prepared app copy made a git repository with a base
// commit (the copy as it is) and a head commit that adds one handler to one route file, so that
// `baseline: auto` reads the base tree out of the workspace's own git, as after actions/checkout with
// the base commit in its history (the action fetches a missing base commit from origin, which the
// bench leaves out: it has no origin).
import { execFileSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { log } from './paths.mjs'

/** Bump when the commits change: a copy whose history has another version is given new commits. */
const PULL_REQUEST_VERSION = 1
const MARKER = '.bench-pull-request.json'
export const PULL_REQUEST_NUMBER = 1
export const BASE_BRANCH = 'main'
export const HEAD_BRANCH = 'bench-change'

/** What the bench writes into the copy: never committed, so the working tree stays the head commit. */
const NOT_COMMITTED = ['node_modules/', 'sbom.cdx.json', 'hardening-report.json', 'hardening.sarif', '.bench-*']

/** The head commit's change: a handler added at the end of a route file (juice-shop's and the monorepo's import Request and Response). */
const HEAD_CHANGE = `
// Added on the bench's pull request branch.
export function benchPullRequestHandler () {
  return (_req: Request, res: Response) => {
    res.json({ changed: true })
  }
}
`

// Fixed dates: the same copy gets the same commit shas on every machine.
const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z'
}

function git(app, ...args) {
  return execFileSync('git', ['-C', app, '-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
    env: GIT_ENV,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20
  }).trim()
}

/** The recorded pull request, when the copy's git still holds it and its working tree is the head commit. */
function recorded(app, file) {
  const markerFile = join(app, MARKER)
  if (!existsSync(markerFile) || !existsSync(join(app, '.git'))) return undefined
  const marker = JSON.parse(readFileSync(markerFile, 'utf8'))
  if (marker.version !== PULL_REQUEST_VERSION || marker.file !== file) return undefined
  try {
    if (git(app, 'rev-parse', 'HEAD') !== marker.head || git(app, 'rev-parse', 'HEAD~1') !== marker.base) return undefined
    return git(app, 'status', '--porcelain') === '' ? marker : undefined
  } catch {
    return undefined
  }
}

/**
 * Makes `app` (a copy, never a clone) a git repository whose `main` is the copy as it is and whose
 * head, one commit later, adds a handler to `file`; `original` is that file's content in the copy's
 * source, so a copy that already has the change starts again from the base. The lockfile is
 * committed even where a .gitignore lists it (juice-shop's): a repository the action installs commits it.
 * Returns { base, head, file }.
 */
export function ensurePullRequest(app, { file, original }) {
  const kept = recorded(app, file)
  if (kept) return kept
  log(`making ${app} a git repository with a base and a head commit (${file} changed) ...`)
  rmSync(join(app, '.git'), { recursive: true, force: true })
  writeFileSync(join(app, file), original)
  git(app, 'init', '--quiet', '--template=', `--initial-branch=${BASE_BRANCH}`)
  mkdirSync(join(app, '.git', 'info'), { recursive: true })
  writeFileSync(join(app, '.git', 'info', 'exclude'), `${NOT_COMMITTED.join('\n')}\n`)
  git(app, 'add', '--all')
  if (existsSync(join(app, 'package-lock.json'))) git(app, 'add', '--force', 'package-lock.json')
  git(app, 'commit', '--quiet', '--no-verify', '-m', 'The base of the bench pull request')
  const base = git(app, 'rev-parse', 'HEAD')
  git(app, 'checkout', '--quiet', '-b', HEAD_BRANCH)
  appendFileSync(join(app, file), HEAD_CHANGE)
  git(app, 'commit', '--quiet', '--no-verify', '-m', `The bench pull request: a handler added to ${file}`, '--', file)
  const marker = { version: PULL_REQUEST_VERSION, file, base, head: git(app, 'rev-parse', 'HEAD') }
  writeFileSync(join(app, MARKER), `${JSON.stringify(marker, null, 2)}\n`)
  return marker
}

/** The `pull_request` event a runner writes to GITHUB_EVENT_PATH for this pull request (the fields the action reads, and a few more). */
export function pullRequestEvent(pr) {
  const repository = { owner: { login: 'bench' }, name: 'bench', full_name: 'bench/bench' }
  return {
    action: 'synchronize',
    number: PULL_REQUEST_NUMBER,
    pull_request: {
      number: PULL_REQUEST_NUMBER,
      state: 'open',
      head: { sha: pr.head, ref: HEAD_BRANCH, repo: repository },
      base: { sha: pr.base, ref: BASE_BRANCH, repo: repository }
    },
    repository
  }
}
