// Runs the bundled action (`node dist/index.js`) as a child process, the way a GitHub runner does:
// inputs as `INPUT_<NAME>` variables (upper-case, spaces to `_`, hyphens kept), an event payload
// file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and npm pointed at a loopback registry.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Report } from '../../src/report.js'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The owner/repo every run pretends to be in; the fake GitHub stores comments under it. */
export const OWNER = 'owner'
export const REPO = 'repo'
export const PR_NUMBER = 7
export const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567'
export const TOKEN = 'ghs_e2eTestToken000000000000000000000000'

/** Files an app copy never gets: installed trees and the outputs of an earlier run. */
const NOT_COPIED = new Set(['node_modules', 'sbom.cdx.json', 'hardening-report.json', 'hardening.sarif'])

export interface ActionRun {
  /** Exit code of `node dist/index.js` (null when it was killed). */
  code: number | null
  stdout: string
  stderr: string
  /** Outputs written to GITHUB_OUTPUT, by name. */
  outputs: Record<string, string>
  /** The job summary written to GITHUB_STEP_SUMMARY ('' when none). */
  summary: string
  /** The JSON report named by the report-path output, when there is one. */
  reportJson: Report | undefined
  workspace: string
  ms: number
}

export interface RunActionOptions {
  /** GITHUB_WORKSPACE: a temp copy made with `copyApp` or `makeWorkspace`. */
  workspace: string
  /** Action inputs by their action.yml names (`audit-level`, `working-directory`...). */
  inputs?: Record<string, string>
  /** Base URL of the fake GitHub REST API (GITHUB_API_URL). */
  githubUrl: string
  /** Base URL of the fake npm registry. */
  registryUrl: string
  /** Default `pull_request`. */
  eventName?: string
  /** Default: a pull_request payload for PR_NUMBER at `headSha`; for other events, a push payload. */
  payload?: Record<string, unknown>
  headSha?: string
  /** Extra environment for the action (undefined deletes a variable). */
  env?: Record<string, string | undefined>
  timeoutMs?: number
}

/** GitHub's runner: `INPUT_` + the name upper-cased with spaces as `_`; hyphens are kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Parses GITHUB_OUTPUT: `name<<DELIM` / value lines / `DELIM` blocks, or legacy `name=value` lines. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc
      const end = lines.indexOf(delimiter, i + 1)
      if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing ${delimiter} for ${name}`)
      outputs[name] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    } else if (line.trim() !== '') {
      throw new Error(`GITHUB_OUTPUT: unexpected line ${JSON.stringify(line)}`)
    }
  }
  return outputs
}

/** A pull_request event payload as GitHub sends it (the fields the action reads, and a few more). */
export function pullRequestPayload(headSha: string = HEAD_SHA): Record<string, unknown> {
  return {
    action: 'synchronize',
    number: PR_NUMBER,
    pull_request: {
      number: PR_NUMBER,
      head: { sha: headSha, ref: 'feature' },
      base: { sha: 'fedcba9876543210fedcba9876543210fedcba98', ref: 'main' },
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${PR_NUMBER}`
    },
    repository: { owner: { login: OWNER }, name: REPO, full_name: `${OWNER}/${REPO}` }
  }
}

/**
 * A `workflow_run` (completed) payload as a comment job sees it. `pullRequests` is what GitHub lists
 * in `workflow_run.pull_requests`: empty for a pull request from a fork.
 */
export function workflowRunPayload(options: { headSha?: string; pullRequests?: number[]; runId?: number } = {}): Record<string, unknown> {
  const headSha = options.headSha ?? HEAD_SHA
  return {
    action: 'completed',
    workflow_run: {
      id: options.runId ?? 4242,
      name: 'hardening-scan',
      event: 'pull_request',
      status: 'completed',
      conclusion: 'failure',
      head_sha: headSha,
      head_branch: 'feature',
      pull_requests: (options.pullRequests ?? []).map((number) => ({
        number,
        head: { sha: headSha, ref: 'feature' },
        base: { ref: 'main', repo: { name: REPO, url: `https://api.github.com/repos/${OWNER}/${REPO}` } }
      }))
    },
    repository: { owner: { login: OWNER }, name: REPO, full_name: `${OWNER}/${REPO}` }
  }
}

export function pushPayload(sha: string = HEAD_SHA): Record<string, unknown> {
  return {
    ref: 'refs/heads/main',
    after: sha,
    head_commit: { id: sha },
    repository: { owner: { login: OWNER, name: OWNER }, name: REPO, full_name: `${OWNER}/${REPO}` }
  }
}

const tempDirs: string[] = []

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

/** Removes every temp directory made by this helper (call in afterAll). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}

/** An empty temp workspace. */
export function makeWorkspace(): Promise<string> {
  return tempDir('ehg-e2e-ws-')
}

/** Copies an app (never its node_modules or earlier outputs) to `subdir` of a workspace (a new one by default). */
export async function copyApp(app: string, options: { workspace?: string; subdir?: string } = {}): Promise<string> {
  const workspace = options.workspace ?? (await makeWorkspace())
  const target = join(workspace, options.subdir ?? '.')
  await mkdir(target, { recursive: true })
  await cp(app, target, { recursive: true, filter: (source) => source === app || !NOT_COPIED.has(basename(source)) })
  return workspace
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms))
}

let actionDir: Promise<string> | undefined

/**
 * A private copy of the action (action.yml, package.json, dist/), taken once per test file when
 * no `npm run bundle` is in progress: dist/ is rebuilt from scratch by bundling, so running the
 * checkout's dist/ directly could meet a half-written bundle.
 */
export function actionCheckout(): Promise<string> {
  actionDir ??= (async () => {
    const dist = join(REPO_ROOT, 'dist')
    const bundling = (): boolean => existsSync(join(REPO_ROOT, '.bundle-tmp'))
    const complete = (dir: string): boolean =>
      existsSync(join(dir, 'index.js')) && existsSync(join(dir, 'cyclonedx-npm', 'bin', 'cyclonedx-npm-cli.cjs'))
    for (let waited = 0; ; waited += 250) {
      if (!bundling() && complete(dist)) {
        const dir = await tempDir('ehg-e2e-action-')
        await cp(dist, join(dir, 'dist'), { recursive: true })
        await cp(join(REPO_ROOT, 'package.json'), join(dir, 'package.json'))
        await cp(join(REPO_ROOT, 'action.yml'), join(dir, 'action.yml'))
        if (!bundling() && complete(join(dir, 'dist'))) return dir
        await rm(join(dir, 'dist'), { recursive: true, force: true })
      }
      if (waited > 60_000) throw new Error('dist/ is missing or a bundle never finished: run npm run bundle')
      await sleep(250)
    }
  })()
  return actionDir
}

/** Variables a runner (or `npm test`) would hand down that must not leak into the action under test. */
function inheritedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_)/i.test(key)) continue
    env[key] = value
  }
  return env
}

function collect(stream: NodeJS.ReadableStream | null): Promise<string> {
  return new Promise((done) => {
    const chunks: Buffer[] = []
    if (!stream) {
      done('')
      return
    }
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => done(Buffer.concat(chunks).toString('utf8')))
  })
}

/** Runs the action once and collects what a runner would see. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const action = await actionCheckout()
  const scratch = await tempDir('ehg-e2e-run-')
  const runnerTemp = join(scratch, 'runner-temp')
  await mkdir(runnerTemp)
  const outputFile = join(scratch, 'github-output')
  const summaryFile = join(scratch, 'step-summary.md')
  const eventFile = join(scratch, 'event.json')
  const userNpmrc = join(scratch, 'user-npmrc')
  const globalNpmrc = join(scratch, 'global-npmrc')
  await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, ''), writeFile(userNpmrc, ''), writeFile(globalNpmrc, '')])
  const eventName = options.eventName ?? 'pull_request'
  const headSha = options.headSha ?? HEAD_SHA
  const payload = options.payload ?? (eventName === 'pull_request' ? pullRequestPayload(headSha) : pushPayload(headSha))
  await writeFile(eventFile, JSON.stringify(payload))

  const env: NodeJS.ProcessEnv = {
    ...inheritedEnv(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_SHA: headSha,
    GITHUB_REF: eventName === 'pull_request' ? `refs/pull/${PR_NUMBER}/merge` : 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.githubUrl,
    GITHUB_GRAPHQL_URL: `${options.githubUrl}/graphql`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_JOB: 'gate',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'gate',
    GITHUB_ACTION_PATH: action,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    // npm against the fake registry, with nothing from this machine's npm config or cache
    npm_config_registry: options.registryUrl,
    npm_config_cache: join(scratch, 'npm-cache'),
    npm_config_userconfig: userNpmrc,
    npm_config_globalconfig: globalNpmrc,
    npm_config_update_notifier: 'false',
    [inputEnvName('github-token')]: TOKEN
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[inputEnvName(name)] = value
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }

  const started = Date.now()
  const child = spawn(process.execPath, [join(action, 'dist', 'index.js')], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  const [stdout, stderr, code] = await Promise.all([
    collect(child.stdout),
    collect(child.stderr),
    new Promise<number | null>((done) => child.on('close', (exit) => done(exit)))
  ])
  clearTimeout(timer)
  const ms = Date.now() - started

  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'))
  const summary = await readFile(summaryFile, 'utf8')
  const reportPath = outputs['report-path'] ? resolve(options.workspace, outputs['report-path']) : undefined
  const reportJson = reportPath && existsSync(reportPath) ? (JSON.parse(await readFile(reportPath, 'utf8')) as Report) : undefined
  return { code, stdout, stderr, outputs, summary, reportJson, workspace: options.workspace, ms }
}

/** The `::error::` / `::warning::` workflow commands in a run's stdout, one message each. */
export function commands(stdout: string, kind: 'error' | 'warning' | 'notice'): string[] {
  const prefix = `::${kind}::`
  return stdout
    .split(/\r?\n/)
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length))
}
