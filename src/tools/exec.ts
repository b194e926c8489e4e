import { spawn } from 'node:child_process'

export interface ExecResult {
  /** Exit code, or null when the process was killed or failed to start. */
  code: number | null
  stdout: string
  stderr: string
  ms: number
  timedOut: boolean
  /** Set when the program could not be started at all (ENOENT and the like). */
  spawnError?: string
}

export interface ExecOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  timeoutMs: number
}

/** Runs a program with an argument vector: never a shell string, so repository data cannot inject. */
export type Exec = (command: string, args: string[], options: ExecOptions) => Promise<ExecResult>

const MAX_OUTPUT = 64 * 1024 * 1024

export const execProcess: Exec = (command, args, options) =>
  new Promise((resolve) => {
    const started = Date.now()
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let size = 0
    let timedOut = false
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true
    })
    const collect = (chunks: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_OUTPUT) chunks.push(chunk)
    }
    child.stdout.on('data', collect(stdout))
    child.stderr.on('data', collect(stderr))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs)
    const finish = (code: number | null, spawnError?: string) => {
      clearTimeout(timer)
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms: Date.now() - started,
        timedOut,
        spawnError
      })
    }
    child.on('error', (error) => finish(null, error.message))
    child.on('close', (code) => finish(code))
  })

/** The last meaningful line a tool printed, for one-line error messages. */
export function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^npm (ERR!|error|warn)\s*/, '').trim())
    .filter((l) => l !== '' && !/^A complete log of this run|^\/.*debug-0\.log$/.test(l))
  return lines.at(-1) ?? ''
}

/** Environment for npm children: no update notifier, no funding banner, no interactive prompts. */
export function npmEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_yes: 'false' }
}
