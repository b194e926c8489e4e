import { existsSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
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
    throw new UsageError(`working-directory '${input}' does not exist; give the folder that holds package.json (relative to the repository root)`)
  }
  return dir
}

/** An output file named by the user: relative to the working directory, and inside the workspace. */
export function resolveOutputFile(name: string, workspace: string, workingDirectory: string, value: string): string {
  if (value.trim() === '') return ''
  const file = resolve(workingDirectory, value.trim())
  if (!isInside(workspace, file)) {
    throw new UsageError(`${name} '${value}' is outside the workspace; give a path relative to working-directory`)
  }
  return file
}
