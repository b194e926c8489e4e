import type { Finding } from '../findings/finding.js'
import { isChanged, type ChangedLines, type PullFile } from './changed-lines.js'

/** Paths of the files a pull request added (not modified, renamed or removed). */
export function addedFilesOf(files: readonly PullFile[]): Set<string> {
  return new Set(files.filter((f) => f.status === 'added').map((f) => f.filename))
}

/**
 * Marks each finding `new` when the pull request brought it: a finding with a line when that line
 * was added or changed, a project-wide one (no line) when the pull request added its file.
 * `toPath` turns a finding's working-directory path into the repository path the files API uses.
 */
export function markNewFindings(
  findings: readonly Finding[],
  changed: ChangedLines,
  added: ReadonlySet<string>,
  toPath: (file: string) => string = (file) => file
): Finding[] {
  return findings.map((f) => {
    const path = toPath(f.file)
    return { ...f, new: f.line === null ? added.has(path) : isChanged(changed, path, f.line) }
  })
}
