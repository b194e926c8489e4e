// Child processes for the benchmark: each measurement in its own process, timed with GNU time.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearTimeout, setTimeout } from 'node:timers'
import { DIST_CLI, median, NODE20, REPO, SCRATCH } from './paths.mjs'

const GNU_TIME = '/usr/bin/time'
export const MINUTE = 60_000

/** The environment children get: ours, without what `npm run` or a runner would leak into them. */
export function baseEnv(extra = {}) {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_)/i.test(key)) continue
    env[key] = value
  }
  return { ...env, npm_config_userconfig: emptyNpmrc(), npm_config_update_notifier: 'false', npm_config_fund: 'false', ...extra }
}

function emptyNpmrc() {
  const file = join(SCRATCH, 'empty-npmrc')
  if (!existsSync(file)) writeFileSync(file, '')
  return file
}

/**
 * Runs a command under GNU time (when present) and resolves with its wall time, CPU time, peak RSS
 * (of the largest process in its tree: the kernel folds reaped children's peaks into the parent's)
 * and output. Asynchronous, so the loopback registry in this process keeps answering.
 */
export function timed(command, args, { cwd = REPO, env = baseEnv(), timeoutMs = 20 * MINUTE } = {}) {
  const statsFile = join(SCRATCH, `time-${process.pid}.txt`)
  const useTime = existsSync(GNU_TIME)
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', statsFile, command, ...args]] : [command, args]
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out = []
    const err = []
    child.stdout.on('data', (chunk) => out.push(chunk))
    child.stderr.on('data', (chunk) => err.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      const wallMs = performance.now() - started
      let stats = { userS: NaN, sysS: NaN, maxRssKb: NaN }
      if (useTime && existsSync(statsFile)) {
        const last = readFileSync(statsFile, 'utf8').trim().split('\n').at(-1) ?? ''
        const [, user, sys, rss] = last.split(' ').map(Number)
        stats = { userS: user, sysS: sys, maxRssKb: rss }
        rmSync(statsFile, { force: true })
      }
      resolve({
        code,
        wallMs,
        cpuS: stats.userS + stats.sysS,
        maxRssKb: stats.maxRssKb,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      })
    })
  })
}

export function mustSucceed(run, what, okCodes = [0]) {
  if (!okCodes.includes(run.code)) throw new Error(`${what} exited ${run.code}: ${run.stderr.trim().split('\n').slice(-5).join('\n')}`)
  return run
}

/** Median over runs for times; the highest peak RSS. */
function summarize(runs) {
  const pick = (key) => median(runs.map((r) => r[key]).filter((v) => Number.isFinite(v)))
  return {
    workMs: pick('workMs'),
    wallMs: pick('wallMs'),
    cpuS: pick('cpuS'),
    maxRssKb: Math.max(...runs.map((r) => r.maxRssKb).filter((v) => Number.isFinite(v)), 0) || NaN,
    runs: runs.length
  }
}

/** Up to `times` runs, fewer when they have taken longer than the budget (a full run stays near 15 minutes). */
export async function repeated(times, once, budgetMs = 45_000) {
  const runs = []
  const started = performance.now()
  while (runs.length < times && (runs.length === 0 || performance.now() - started < budgetMs)) runs.push(await once())
  return { ...runs[0], ...summarize(runs) }
}

export async function measureChild(mode, listFile, root, node = NODE20) {
  const args = [join(REPO, 'bench', 'measure.mjs'), mode, listFile, ...(root ? [root] : [])]
  const run = mustSucceed(await timed(node, args, { cwd: root ?? REPO }), `measure ${mode}`)
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1))
  return {
    ...result,
    workMs: result.ms,
    wallMs: run.wallMs,
    cpuS: run.cpuS,
    maxRssKb: Number.isFinite(run.maxRssKb) ? run.maxRssKb : result.maxRssKb
  }
}

export async function runCli(node, dir) {
  const output = join(SCRATCH, 'cli-report.json')
  rmSync(output, { force: true })
  const run = mustSucceed(
    await timed(node, [DIST_CLI, dir, '--no-install', '--no-audit', '--no-sbom', '--format', 'json', '--output', output], { cwd: dir }),
    'dist/cli.js',
    [0, 1]
  )
  const report = JSON.parse(readFileSync(output, 'utf8'))
  const scanned = Number(run.stderr.match(/scanned (\d+) files/)?.[1])
  return {
    workMs: report.steps.find((s) => s.name === 'scan')?.ms ?? NaN,
    wallMs: run.wallMs,
    cpuS: run.cpuS,
    maxRssKb: run.maxRssKb,
    scanned,
    findings: report.findings.length,
    notParsed: report.notes.filter((n) => n.message.startsWith('not parsed')).length
  }
}
