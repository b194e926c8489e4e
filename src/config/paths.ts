import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { UsageError } from './errors.js'

/** `path` relative to `from`, with `/` separators; `.` for the same directory. */
export function toPosixRelative(from: string, path: string): string {
  const rel = relative(from, path)
  return rel === '' ? '.' : rel.split(sep).join('/')
}

export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** The working directory must exist and stay inside the workspace (it comes from the workflow). */
export function resolveWorkingDirectory(workspace: string, input: string): string {
  const dir = resolve(workspace, input || '.')
  if (!isInside(workspace, dir)) {
    throw new UsageError(`working-directory '${input}' is outside the workspace ${workspace}; give a path inside the repository`)
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(
      `working-directory '${input}' does not exist; give the folder that holds package.json (relative to the repository root)`
    )
  }
  // A symbolic link in the repository (one a pull request can add) must not lead the scan, and the
  // reports written beside it, out of the workspace.
  if (!isInside(realpathSync(workspace), realpathSync(dir))) {
    throw new UsageError(
      `working-directory '${input}' is a symbolic link (or is inside one) that leads outside the workspace; give a real folder inside the repository`
    )
  }
  return dir
}

/**
 * A pull request can commit a symbolic link where an output file goes (`hardening-report.json` ->
 * a file of the runner, or of a later step's action): the gate never writes through one, nor into a
 * folder of the workspace that leads outside it.
 */
export function refuseLinkedOutput(name: string, workspace: string, file: string): void {
  const isLink = (() => {
    try {
      return lstatSync(file).isSymbolicLink()
    } catch {
      return false
    }
  })()
  if (isLink)
    throw new UsageError(
      `${name} '${toPosixRelative(workspace, file)}' is a symbolic link in the repository; the gate does not write through one: delete it or name another file`
    )
  if (!isInside(workspace, file)) return
  let dir = dirname(file)
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir)
  if (!isInside(realpathSync(workspace), realpathSync(dir))) {
    throw new UsageError(
      `${name} '${toPosixRelative(workspace, file)}' is inside a symbolic link that leads outside the workspace; name a file in a real folder of the repository`
    )
  }
}

/** An output file named by the user: relative to the working directory, and inside the workspace. */
export function resolveOutputFile(name: string, workspace: string, workingDirectory: string, value: string): string {
  if (value.trim() === '') return ''
  const file = resolve(workingDirectory, value.trim())
  if (!isInside(workspace, file)) {
    throw new UsageError(`${name} '${value}' is outside the workspace; give a path relative to working-directory`)
  }
  refuseLinkedOutput(name, workspace, file)
  return file
}
