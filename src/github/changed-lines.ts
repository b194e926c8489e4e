import type { GitHubClient } from './octokit.js'

/** One entry of `GET /repos/{owner}/{repo}/pulls/{number}/files`, the fields read here. */
export interface PullFile {
  /** Repository-root-relative, with `/` separators. */
  filename: string
  status?: string
  /** The unified diff of the file; GitHub leaves it out for binary and very large diffs. */
  patch?: string | null
}

/** Files of a pull request by repository path: the new-side line numbers it added or changed, or `all`. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number> | 'all'>

/** A pull request's files, every page of them; injected, so the rest is testable without GitHub. */
export interface PullFilesSource {
  listFiles(): Promise<PullFile[]>
}

export const FILES_PER_PAGE = 100
/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_FILES = 3000

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * New-side line numbers of the `+` lines of a unified diff (`@@ -a,b +c,d @@` hunks). A modified
 * line is a `-` and a `+`, so it counts too. Counting each hunk's lines keeps text outside the
 * hunks (file headers) from being read as content; content lines never start with `@@`.
 */
export function parseAddedLines(patch: string): Set<number> {
  const added = new Set<number>()
  let next = 0
  let oldLeft = 0
  let newLeft = 0
  for (const line of patch.split('\n')) {
    const header = HUNK_HEADER.exec(line)
    if (header) {
      oldLeft = Number(header[1] ?? 1)
      next = Number(header[2])
      newLeft = Number(header[3] ?? 1)
      continue
    }
    if (oldLeft <= 0 && newLeft <= 0) continue
    const kind = line[0]
    if (kind === '+') {
      added.add(next)
      next += 1
      newLeft -= 1
    } else if (kind === '-') {
      oldLeft -= 1
    } else if (kind === ' ' || line === '' || line === '\r') {
      // A context line (some tools strip the space of an empty one).
      next += 1
      oldLeft -= 1
      newLeft -= 1
    }
  }
  return added
}

/** Removed files hold no findings; a file without a patch (binary, too large) counts as fully changed. */
export function changedLinesOf(files: readonly PullFile[]): ChangedLines {
  const changed = new Map<string, ReadonlySet<number> | 'all'>()
  for (const file of files) {
    if (file.status === 'removed') continue
    changed.set(file.filename, typeof file.patch === 'string' ? parseAddedLines(file.patch) : 'all')
  }
  return changed
}

/** A finding with a line counts when that line changed; a project-wide one (no line) when its file changed. */
export function isChanged(changed: ChangedLines, file: string, line: number | null): boolean {
  const lines = changed.get(file)
  if (lines === undefined) return false
  return lines === 'all' || line === null || lines.has(line)
}

/** Every file of the pull request, up to GitHub's 3,000. */
export async function listPullFiles(source: PullFilesSource): Promise<PullFile[]> {
  return (await source.listFiles()).slice(0, MAX_FILES)
}

/** The files of one pull request through Octokit's paginate, which follows the `next` links; its retry plugin retries GitHub's passing 5xx. */
export function pullFilesSource(octokit: GitHubClient, pr: { owner: string; repo: string; number: number }): PullFilesSource {
  return {
    listFiles: () => {
      let listed = 0
      const params = { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: FILES_PER_PAGE, page: 1 }
      return octokit.paginate(octokit.rest.pulls.listFiles, params, (response, done) => {
        listed += response.data.length
        // GitHub lists no more than MAX_FILES: no page past it is asked for.
        if (listed >= MAX_FILES) done()
        return response.data
      })
    }
  }
}
