// (e) the whole action against its steps one after the other, and the action's cold start.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION_NODE, CDX_CLI, DIST_CLI, DIST_INDEX, log, median, SCRATCH } from './paths.mjs'
import { removeInstall } from './codebases.mjs'
import { baseEnv, mustSucceed, runCli, timed } from './processes.mjs'

/** (e) one after the other: npm ci, npm audit, cyclonedx-npm (from the lockfile, as the action does), the scan. */
export async function runSequential(app, registry) {
  removeInstall(app)
  const env = npmStepEnv(registry)
  const ci = mustSucceed(
    await timed('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--no-progress'], { cwd: app, env }),
    'npm ci'
  )
  const audit = await timed('npm', ['audit', '--json'], { cwd: app, env })
  const auditOk = (() => {
    try {
      return JSON.parse(audit.stdout).auditReportVersion === 2
    } catch {
      return false
    }
  })()
  if (!auditOk) throw new Error(`npm audit produced no report (exit ${audit.code}): ${audit.stderr.trim().split('\n').slice(-3).join(' ')}`)
  // The action's arguments (src/tools/sbom.ts sbomArgs); it reads the lockfile (src/pipeline.ts).
  const sbom = mustSucceed(
    await timed(
      ACTION_NODE,
      [
        CDX_CLI,
        '--output-reproducible',
        '--validate',
        '--output-format',
        'JSON',
        '--spec-version',
        '1.6',
        '--output-file',
        join(app, 'sbom.cdx.json'),
        '--package-lock-only',
        '--',
        join(app, 'package.json')
      ],
      { cwd: app, env }
    ),
    'cyclonedx-npm'
  )
  const scan = await runCli(ACTION_NODE, app)
  const steps = { ci, audit, sbom, scan }
  const sumMs = ci.wallMs + audit.wallMs + sbom.wallMs + scan.wallMs
  return { steps, sumMs, maxRssKb: Math.max(...Object.values(steps).map((s) => s.maxRssKb)) }
}

function npmStepEnv(registry) {
  // Tarballs come from where the lockfile says (or npm's cache); only the audit goes to the loopback.
  return baseEnv({ npm_config_registry: registry.url, npm_config_replace_registry_host: 'never' })
}

export async function runAction(app, registry) {
  removeInstall(app)
  const scratch = join(SCRATCH, 'action-run')
  rmSync(scratch, { recursive: true, force: true })
  mkdirSync(join(scratch, 'runner-temp'), { recursive: true })
  const event = join(scratch, 'event.json')
  const sha = '0123456789abcdef0123456789abcdef01234567'
  writeFileSync(
    event,
    JSON.stringify({
      ref: 'refs/heads/main',
      after: sha,
      head_commit: { id: sha },
      repository: { owner: { login: 'bench', name: 'bench' }, name: 'bench', full_name: 'bench/bench' }
    })
  )
  for (const file of ['output', 'summary.md']) writeFileSync(join(scratch, file), '')
  const env = {
    ...npmStepEnv(registry),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: app,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_REPOSITORY_OWNER: 'bench',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: `${registry.url}github`,
    GITHUB_OUTPUT: join(scratch, 'output'),
    GITHUB_STEP_SUMMARY: join(scratch, 'summary.md'),
    RUNNER_TEMP: join(scratch, 'runner-temp'),
    RUNNER_OS: 'Linux',
    INPUT_INSTALL: 'true',
    INPUT_COMMENT: 'never',
    'INPUT_GITHUB-TOKEN': ''
  }
  const run = await timed(ACTION_NODE, [DIST_INDEX], { cwd: app, env })
  const reportFile = join(app, 'hardening-report.json')
  if (!existsSync(reportFile))
    throw new Error(
      `the action wrote no report (exit ${run.code}): ${run.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error'))
        .join(' ')}`
    )
  const report = JSON.parse(readFileSync(reportFile, 'utf8'))
  const bad = report.steps.filter((s) => s.status !== 'ok')
  if (bad.length > 0)
    throw new Error(`the action's steps did not all run: ${bad.map((s) => `${s.name}: ${s.status} ${s.detail ?? ''}`).join('; ')}`)
  return {
    wallMs: run.wallMs,
    cpuS: run.cpuS,
    maxRssKb: run.maxRssKb,
    steps: Object.fromEntries(report.steps.map((s) => [s.name, s.ms])),
    passed: report.passed
  }
}

/** npm ci fills npm's cache with the tarballs once, unmeasured, so both runs of (e) meet a warm cache. */
export async function warmCache(app, registry) {
  const marker = join(app, '.bench-warm')
  const lock = readFileSync(join(app, 'package-lock.json'), 'utf8')
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(lock.length)) return
  log(`warming npm's cache for ${app} (npm ci, not measured) ...`)
  removeInstall(app)
  mustSucceed(
    await timed('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--no-progress'], { cwd: app, env: npmStepEnv(registry) }),
    'npm ci (warm-up)'
  )
  writeFileSync(marker, String(lock.length))
}

/** A project of one file, for the CLI's cold start: what it costs to start, scan almost nothing and report. */
function oneFileProject() {
  const dir = join(SCRATCH, 'one-file')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'app.js'),
    "const express = require('express')\nconst app = express()\napp.get('/', (req, res) => res.send('hi'))\napp.listen(3000)\n"
  )
  return dir
}

/**
 * Median wall and CPU time of `node -e 0`, of `node dist/index.js` stopping on a bad input, and of
 * `node dist/cli.js` scanning a one-file project (install, audit and SBOM off), interleaved.
 */
export async function coldStart(node, repeat) {
  if (!node) return undefined
  const outputFile = join(SCRATCH, 'cold-output')
  const env = baseEnv({ 'INPUT_AUDIT-LEVEL': 'bogus', GITHUB_OUTPUT: outputFile })
  const runs = Math.max(10, repeat)
  const project = oneFileProject()
  const bare = []
  const action = []
  const cli = []
  for (let i = 0; i < runs; i += 1) {
    writeFileSync(outputFile, '')
    bare.push(await timed(node, ['-e', '0'], { env }))
    const run = await timed(node, [DIST_INDEX], { env })
    if (run.code !== 1 || !/audit-level must be one of/.test(run.stdout))
      throw new Error(`dist/index.js did not stop on the bad input as expected: ${run.stdout}${run.stderr}`)
    action.push(run)
    const scan = await timed(node, [DIST_CLI, project, '--no-install', '--no-audit', '--no-sbom'], { env: baseEnv() })
    if (!/scanned 1 files/.test(scan.stderr)) throw new Error(`dist/cli.js did not scan the one-file project: ${scan.stderr}`)
    cli.push(scan)
  }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
  const wall = action.map((r) => r.wallMs)
  return {
    version,
    runs,
    nodeMs: median(bare.map((r) => r.wallMs)),
    nodeCpuMs: median(bare.map((r) => r.cpuS * 1000)),
    actionMs: median(wall),
    actionCpuMs: median(action.map((r) => r.cpuS * 1000)),
    minMs: Math.min(...wall),
    maxMs: Math.max(...wall),
    cliMs: median(cli.map((r) => r.wallMs)),
    cliCpuMs: median(cli.map((r) => r.cpuS * 1000)),
    cliMinMs: Math.min(...cli.map((r) => r.wallMs)),
    cliMaxMs: Math.max(...cli.map((r) => r.wallMs))
  }
}
