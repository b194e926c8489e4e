import { execProcessSync } from '../tools/exec.js'
import { isGitignored } from './gitignore.js'

const GIT_TIMEOUT_MS = 15_000
const MAX_LISTING = 256 * 1024 * 1024

/**
 * The files git tracks under `root`, relative to it with `/` separators, or undefined when git
 * cannot say (not a checkout, git missing, a repository owned by another user, a timeout). Runs
 * `git ls-files` with a fixed argument vector and no shell; the repository's fsmonitor hook is
 * switched off, so reading the index never runs a program the repository names.
 */
export function gitTrackedFiles(root: string): ReadonlySet<string> | undefined {
  const result = execProcessSync('git', ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--recurse-submodules', '--'], {
    cwd: root,
    timeoutMs: GIT_TIMEOUT_MS,
    maxOutput: MAX_LISTING,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' }
  })
  if (result.code !== 0 || result.timedOut || result.spawnError) return undefined
  return new Set(result.stdout.split('\u0000').filter((path) => path !== ''))
}

/**
 * Whether a file of the scanned tree is committed: tracked by git when the tree is a checkout (a
 * tracked `.env` is committed even if a `.gitignore` lists it, an untracked one is not); without
 * git, not listed in a `.gitignore`.
 */
export function committedFiles(root: string): (path: string) => boolean {
  let tracked: ReadonlySet<string> | undefined | null = null
  return (path) => {
    if (tracked === null) tracked = gitTrackedFiles(root)
    return tracked ? tracked.has(path) : !isGitignored(root, path)
  }
}
