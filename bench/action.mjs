// (e) the whole action on a pull request against `npm ci` alone, in alternating pairs; its steps one
// after the other once, for the breakdown; and the action's cold start.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION_NODE, CDX_CLI, DIST_CLI, DIST_INDEX, log, median, SCRATCH } from './paths.mjs'
import { removeInstall } from './codebases.mjs'
import { baseEnv, mustSucceed, runCli, timed } from './processes.mjs'
import { BASE_BRANCH, HEAD_BRANCH, PULL_REQUEST_NUMBER, pullRequestEvent } from './pull-request.mjs'

const NPM_CI = ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--no-progress']

/** `npm ci` alone, node_modules removed first; npm's cache is warm (warmCache). */
async function npmCi(app, registry, what = 'npm ci') {
  removeInstall(app)
  return mustSucceed(await timed('npm', NPM_CI, { cwd: app, env: npmStepEnv(registry) }), what)
}

/** (e) one after the other: npm ci, npm audit, cyclonedx-npm (from the lockfile, as the action does), the scan. */
export async function runSequential(app, registry) {
  const env = npmStepEnv(registry)
  const ci = await npmCi(app, registry)
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

/** What a runner sets for a `pull_request` event: the checkout is the head commit (a runner's is the merge commit). */
function runnerEnv(app, registry, pr, scratch) {
  const event = join(scratch, 'event.json')
  writeFileSync(event, JSON.stringify(pullRequestEvent(pr)))
  return {
    ...npmStepEnv(registry),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: app,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_REPOSITORY_OWNER: 'bench',
    GITHUB_SHA: pr.head,
    GITHUB_REF: `refs/pull/${PULL_REQUEST_NUMBER}/merge`,
    GITHUB_BASE_REF: BASE_BRANCH,
    GITHUB_HEAD_REF: HEAD_BRANCH,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: `${registry.url}github`,
    GITHUB_OUTPUT: join(scratch, 'output'),
    GITHUB_STEP_SUMMARY: join(scratch, 'summary.md'),
    RUNNER_TEMP: join(scratch, 'runner-temp'),
    RUNNER_OS: 'Linux',
    INPUT_INSTALL: 'true',
    INPUT_COMMENT: 'never',
    'INPUT_GITHUB-TOKEN': ''
    // INPUT_BASELINE unset: its default, auto, compares with the event's pull_request.base.sha.
  }
}

/**
 * The whole action as a runner starts it on the pull request `pr` (node_modules removed first).
 * Fails unless every step ran and the report says the base commit was read and compared.
 */
export async function runAction(app, registry, pr) {
  removeInstall(app)
  const scratch = join(SCRATCH, 'action-run')
  rmSync(scratch, { recursive: true, force: true })
  mkdirSync(join(scratch, 'runner-temp'), { recursive: true })
  for (const file of ['output', 'summary.md']) writeFileSync(join(scratch, file), '')
  const githubBefore = registry.counts.github
  const run = await timed(ACTION_NODE, [DIST_INDEX], { cwd: app, env: runnerEnv(app, registry, pr, scratch) })
  const commands = run.stdout.split('\n').filter((l) => /^::(?:error|warning|notice)/.test(l))
  const reportFile = join(app, 'hardening-report.json')
  if (!existsSync(reportFile))
    throw new Error(`the action wrote no report (exit ${run.code}): ${commands.filter((l) => l.startsWith('::error')).join(' ')}`)
  const report = JSON.parse(readFileSync(reportFile, 'utf8'))
  // Exit 1 is the gate's verdict (findings at fail-on); anything else, or 1 on a passed gate, is the action failing.
  if (!(run.code === 0 || (run.code === 1 && report.passed === false)))
    throw new Error(`the action exited ${run.code} (report passed: ${report.passed}): ${commands.join(' ')}`)
  const bad = report.steps.filter((s) => s.status !== 'ok')
  if (bad.length > 0)
    throw new Error(`the action's steps did not all run: ${bad.map((s) => `${s.name}: ${s.status} ${s.detail ?? ''}`).join('; ')}`)
  return {
    wallMs: run.wallMs,
    cpuS: run.cpuS,
    maxRssKb: run.maxRssKb,
    steps: Object.fromEntries(report.steps.map((s) => [s.name, s.ms])),
    passed: report.passed,
    comparison: checkComparison(report, pr),
    githubRequests: registry.counts.github - githubBefore,
    // What the action told the runner besides the findings' annotations (those name a file).
    messages: commands.filter((l) => !/^::\w+ file=/.test(l))
  }
}

/** That the action compared with the pull request's base commit, from its report; what it found. */
function checkComparison(report, pr) {
  const baseline = report.baseline
  if (baseline?.source !== 'base-commit' || baseline.status !== 'ok' || baseline.ref !== pr.base)
    throw new Error(
      `the action did not compare with the base commit ${pr.base}: baseline ${JSON.stringify({ ...baseline, fixed: undefined, advisoriesFixed: undefined })}`
    )
  if (report.pullRequest?.number !== PULL_REQUEST_NUMBER || report.pullRequest.headSha !== pr.head)
    throw new Error(`the action's report names another pull request: ${JSON.stringify(report.pullRequest)}`)
  const open = report.findings.filter((f) => !f.suppressed)
  if (open.some((f) => typeof f.new !== 'boolean'))
    throw new Error('the report has findings the base-commit comparison did not mark new or pre-existing')
  return {
    findings: open.length,
    new: open.filter((f) => f.new).length,
    fixed: baseline.fixed.length,
    advisories: report.audit.advisories?.length ?? 0
  }
}

/**
 * `pairs` alternating pairs: npm ci alone, then the whole action, each from no node_modules with a
 * warm cache. The figure is the median of the pairs' ratios, so that a slow stretch of the machine
 * weighs on both sides of a pair rather than on one run.
 */
export async function runPairs(app, registry, pr, pairs, name) {
  const runs = []
  for (let i = 1; i <= pairs; i += 1) {
    const ci = await npmCi(app, registry)
    const action = await runAction(app, registry, pr)
    runs.push({ ci, action, ratio: action.wallMs / ci.wallMs, cpuRatio: action.cpuS / ci.cpuS })
    log(
      `${name}: (e) pair ${i}/${pairs}: npm ci ${(ci.wallMs / 1000).toFixed(1)} s, the action ${(action.wallMs / 1000).toFixed(1)} s` +
        ` (${(action.wallMs / ci.wallMs).toFixed(2)}x)`
    )
    if (i === 1 && action.messages.length > 0) log(`${name}: the action said: ${action.messages.join(' | ')}`)
  }
  const summary = (side) => {
    const list = runs.map((r) => r[side])
    return {
      wallMs: median(list.map((r) => r.wallMs)),
      cpuS: median(list.map((r) => r.cpuS)),
      maxRssKb: Math.max(...list.map((r) => r.maxRssKb).filter(Number.isFinite), 0) || NaN
    }
  }
  const actions = runs.map((r) => r.action)
  return {
    runs,
    ci: summary('ci'),
    action: {
      ...summary('action'),
      steps: Object.fromEntries(Object.keys(actions[0].steps).map((step) => [step, median(actions.map((a) => a.steps[step]))]))
    },
    ratio: median(runs.map((r) => r.ratio)),
    cpuRatio: median(runs.map((r) => r.cpuRatio)),
    comparison: actions.at(-1).comparison,
    githubRequests: actions.reduce((n, a) => n + a.githubRequests, 0),
    messages: [...new Set(actions.flatMap((a) => a.messages))]
  }
}

/** npm ci fills npm's cache with the tarballs once, unmeasured, so every run of (e) meets a warm cache. */
export async function warmCache(app, registry) {
  const marker = join(app, '.bench-warm')
  const lock = readFileSync(join(app, 'package-lock.json'), 'utf8')
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(lock.length)) return
  log(`warming npm's cache for ${app} (npm ci, not measured) ...`)
  await npmCi(app, registry, 'npm ci (warm-up)')
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
