// Shared by the security tests: hostile trees written at run time (never checked in, so no tool of
// this repository ever loads them), marker files that prove code ran, and the CLI as a child.
import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { actionCheckout } from '../helpers/run-action.js'

const made: string[] = []

/** A fresh temp folder, removed by `removeMadeDirs`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function removeMadeDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Writes `{ relative path: content }` under `root`; content ending in `#!` lines is made executable. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, text)
    if (text.startsWith('#!')) chmodSync(file, 0o755)
  }
}

/** Files in a marker folder: each one is a piece of hostile code that ran. */
export function markers(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : []
}

/** Every file under `root` whose name is exactly a marker a shell command would create (`pwned-…`). */
export function shellMarkers(root: string): string[] {
  const found: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name))
      else if (/^pwned-[a-z]+$/.test(entry.name)) found.push(join(dir, entry.name))
    }
  }
  walk(root)
  return found
}

/** CommonJS that leaves `<mark>/<name>` behind when it is ever loaded or run. */
export function cjsPayload(mark: string, name: string): string {
  return `require('node:fs').writeFileSync(${JSON.stringify(join(mark, name))}, 'executed')\n`
}

/** The same for an ES module (or TypeScript). */
export function esmPayload(mark: string, name: string): string {
  return `import { writeFileSync as pwn } from 'node:fs'\npwn(${JSON.stringify(join(mark, name))}, 'executed')\n`
}

/** A shell script that leaves `<mark>/<name>-<pid>` behind, then runs `then "$@"`. */
export function shellPayload(mark: string, name: string, then: string): string {
  return `#!/bin/sh\necho pwned > ${JSON.stringify(join(mark, name))}-$$\nexec ${then} "$@"\n`
}

/** Node, npm and the user's shell environment without npm_* or GitHub variables of the outer test run. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|INPUT_|GITHUB_|RUNNER_|ACTIONS_|NODE_OPTIONS$)/i.test(key)) env[key] = value
  }
  return { ...env, ...extra }
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** `node dist/cli.js ...args` from a private copy of dist/ (a concurrent bundle cannot get in the way). */
export async function runCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliRun> {
  const cli = join(await actionCheckout(), 'dist', 'cli.js')
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: options.cwd, env: options.env, maxBuffer: 64 * 1024 * 1024, timeout: 90_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr })
      }
    )
  })
}

/** Every substring of `secret` of `length` characters: what must not appear anywhere, even cut. */
export function pieces(secret: string, length = 8): string[] {
  if (secret.length <= length) return [secret]
  return Array.from({ length: secret.length - length + 1 }, (_, i) => secret.slice(i, i + length))
}

/** The secrets (or 8-character pieces of them) found in `text`, with where they were. */
export function leaks(where: string, text: string, secrets: readonly string[]): string[] {
  const found: string[] = []
  for (const secret of secrets) {
    const piece = pieces(secret).find((p) => text.includes(p))
    if (piece !== undefined) found.push(`${where}: ${JSON.stringify(piece)} of ${JSON.stringify(secret.slice(0, 12))}…`)
  }
  return found
}

/** A `package-lock.json` (v3) for a root package and `{ "node_modules/x": entry }` packages. */
export function lockfile(name: string, dependencies: Record<string, string>, packages: Record<string, unknown> = {}): string {
  return `${JSON.stringify(
    {
      name,
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name, version: '1.0.0', dependencies }, ...packages }
    },
    null,
    2
  )}\n`
}
