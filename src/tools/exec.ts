import { spawn, spawnSync } from 'node:child_process'
import { redactSecrets, secretValues } from './redact.js'

export interface ExecResult {
  /** Exit code, or null when the process was killed or failed to start. */
  code: number | null
  stdout: string
  stderr: string
  ms: number
  timedOut: boolean
  /** Set when the program could not be started at all (ENOENT and the like). */
  spawnError?: string
  /** Set when the program printed more than MAX_OUTPUT bytes: stdout and stderr hold only what came first. */
  truncated?: boolean
  /** With `binary`: standard output as the program wrote it (`stdout` is then empty). */
  stdoutBytes?: Buffer
}

export interface ExecOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  timeoutMs: number
  /** Written to the program's standard input, which is then closed; without it standard input is empty. */
  input?: string
  /**
   * Standard output as bytes (`stdoutBytes`), neither decoded nor redacted: file contents the caller
   * writes to disk and never prints (`git cat-file --batch`).
   */
  binary?: boolean
}

/** Runs a program with an argument vector: never a shell string, so repository data cannot inject. */
export type Exec = (command: string, args: string[], options: ExecOptions) => Promise<ExecResult>

export const MAX_OUTPUT = 64 * 1024 * 1024
/**
 * How long to wait for the output pipes to close once the program has exited. A process it started
 * in the background (a daemon, or a script still running when it was killed) keeps them open.
 */
const PIPE_GRACE_MS = 1000

export const execProcess: Exec = (command, args, options) =>
  new Promise((resolve) => {
    const started = Date.now()
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let size = 0
    let timedOut = false
    let truncated = false
    let done = false
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true
    })
    // Standard input is the given input, else empty (end of file at once, as from /dev/null). A
    // program that exits before reading all its input closes the pipe: its exit code says why.
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
    const collect = (chunks: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_OUTPUT) chunks.push(chunk)
      else truncated = true
    }
    child.stdout.on('data', collect(stdout))
    child.stderr.on('data', collect(stderr))
    let exited = false
    const timer = setTimeout(() => {
      // The scan runs synchronously beside the tools and may block the event loop past the timeout
      // while the child has long exited: its exit is read in this turn's poll phase, before the check phase.
      setImmediate(() => {
        if (exited) return
        timedOut = true
        child.kill('SIGKILL')
      })
    }, options.timeoutMs)
    let grace: NodeJS.Timeout | undefined
    const finish = (code: number | null, spawnError?: string) => {
      if (done) return
      done = true
      clearTimeout(timer)
      clearTimeout(grace)
      // What a tool prints may end up in a public comment: no credential of ours or of its environment.
      const secrets = secretValues(process.env, options.env)
      resolve({
        code,
        stdout: options.binary ? '' : redactSecrets(Buffer.concat(stdout).toString('utf8'), secrets),
        ...(options.binary ? { stdoutBytes: Buffer.concat(stdout) } : {}),
        stderr: redactSecrets(Buffer.concat(stderr).toString('utf8'), secrets),
        ms: Date.now() - started,
        timedOut,
        spawnError,
        ...(truncated ? { truncated } : {})
      })
    }
    child.on('error', (error) => finish(null, error.message))
    child.on('exit', (code) => {
      exited = true
      grace = setTimeout(() => {
        child.stdout.destroy()
        child.stderr.destroy()
        finish(code)
      }, PIPE_GRACE_MS)
    })
    child.on('close', (code) => finish(code))
  })

/** How long a tool was given, for messages: `20 minutes`, `90 s`, `0.5 s`. */
export function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return ms === 60_000 ? '1 minute' : `${ms / 60_000} minutes`
  return `${Math.round(ms / 100) / 10} s`
}

/** The last meaningful line a tool printed, for one-line error messages. */
export function lastLine(text: string): string {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^npm (ERR!|error|warn)\s*/, '').trim())
    .filter((l) => l !== '' && !/^A complete log of this run|^\/.*debug-0\.log$/.test(l))
  return lines.at(-1) ?? ''
}

/**
 * The action's inputs (the GitHub token among them) and the runner's own tokens (cache, artifacts,
 * OIDC): a repository's `.npmrc` can expand `${VAR}` into a registry URL or auth header, so npm
 * never gets them.
 */
const NOT_FOR_CHILDREN = /^(?:INPUT_|ACTIONS_(?:RUNTIME_|ID_TOKEN_REQUEST_|RESULTS_|CACHE_))/i

/**
 * Settings that would run a program of the repository's choosing during `npm ci --ignore-scripts`,
 * so its `.npmrc` may not make them: `npm_config_*` variables outrank it. A workflow's own value stays.
 */
function pinnedNpmConfig(base: NodeJS.ProcessEnv): Record<string, string> {
  return {
    // run for every git dependency: `git=./pwn.sh` would be a program of the pull request
    npm_config_git: 'git',
    // npm exports it as NODE_OPTIONS to its children (the npm that prepares a git dependency among
    // them), so `node-options=--require ./pwn.js` would load the pull request's code. npm ignores
    // an empty value: the workflow's own NODE_OPTIONS, else a no-op (10 is the default).
    npm_config_node_options: base.NODE_OPTIONS || '--stack-trace-limit=10'
  }
}

/** Environment for npm children: no update notifier, no funding banner, no interactive prompts. */
export function npmEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(base)) if (!NOT_FOR_CHILDREN.test(name)) env[name] = value
  const names = new Set(
    Object.keys(env)
      .filter((name) => env[name] !== '')
      .map((name) => name.toLowerCase())
  )
  for (const [name, value] of Object.entries(pinnedNpmConfig(base))) if (!names.has(name)) env[name] = value
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_yes: 'false' }
}

/**
 * The synchronous form, for a short read the scan needs before it can go on (`git ls-files`): the
 * same argument vector and no shell. Standard error is dropped; stdout is text.
 */
export function execProcessSync(
  command: string,
  args: string[],
  options: ExecOptions & { maxOutput?: number }
): { code: number | null; stdout: string; timedOut: boolean; spawnError?: string } {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'ignore'],
    windowsHide: true,
    timeout: options.timeoutMs,
    maxBuffer: options.maxOutput ?? MAX_OUTPUT,
    encoding: 'utf8',
    shell: false
  })
  const error = result.error as NodeJS.ErrnoException | undefined
  return {
    code: result.status,
    stdout: result.stdout ?? '',
    timedOut: error?.code === 'ETIMEDOUT',
    ...(error && error.code !== 'ETIMEDOUT' ? { spawnError: error.message } : {})
  }
}
