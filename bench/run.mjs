// The benchmark (issue 6): `npm run bench [-- options]`. Not part of the tests.
//
// On juice-shop (a real TypeScript code base), three large real Express code bases read in place
// (NodeBB, parse-server, uptime-kuma; skipped with a note when their clones are absent) and on a
// synthetic monorepo (bench/synthetic.mjs), each measurement in its own process (peak RSS per
// measurement, from GNU time):
//   (a) the I/O floor: reading every source file the scan parses
//   (b) bare parse of those files with the project's @babel/parser options (bench/babel-options.mjs)
//   (c) the full scan: `dist/cli.js --no-install --no-audit --no-sbom` (discovery, parse, model, rules)
//   (d) eslint + eslint-plugin-security over the same files (bench/eslint-security.config.mjs), on
//       juice-shop, NodeBB and the synthetic monorepo (where the 8x target is set)
//   (e) the whole action (`dist/index.js` as a runner starts it on a `pull_request` event: install
//       on, audit against a loopback registry, SBOM, the scan, and `baseline: auto`'s comparison
//       with the pull request's base commit, read from the copy's git) against `npm ci` alone, in
//       alternating pairs (the median of the pairs' ratios is the 1.1x target's figure); and once,
//       for the breakdown, npm ci, npm audit, cyclonedx-npm and the scan one after the other
//       (juice-shop's copy and the synthetic monorepo's, each a git repository with a base and a
//       head commit: bench/pull-request.mjs)
// the scan's peak RSS on the synthetic monorepo copied 2 and 4 times over, and the cold start of
// dist/index.js (bad input) and of dist/cli.js (a one-file project) on Node 20 and Node 24. Prints the tables and writes them into
// bench/RESULTS.md between the generated-block markers (hand-written analysis around them is kept).
// The base-commit baseline's own cost (issue 11), which (e) includes, is measured apart: bench/base-commit.mjs.
//
// Options: --only NAME                   one code base: juice-shop, nodebb, parse-server, uptime-kuma or synthetic
//          --skip-action                 leave out (e)
//          --skip-eslint                 leave out (d)
//          --repeat N                    runs of (a), (b), (c) and of the cold start sets; median (default 3)
//          --pairs N                     alternating pairs of npm ci alone and the action in (e) (default 3)
//          --write / --no-write          update RESULTS.md (default: only after a full run)
// Environment: BENCH_SCRATCH (default /work/scratch/bench, else a folder in the OS temp dir),
//              BENCH_JUICE_SHOP (default /work/scratch/juice-shop), BENCH_NODEBB (default /work/scratch/nodebb),
//              BENCH_PARSE_SERVER (default /work/scratch/parse-community+parse-server),
//              BENCH_UPTIME_KUMA (default /work/scratch/louislam+uptime-kuma), BENCH_NODE24 (a Node 24 binary).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { coldStart, runPairs, runSequential, warmCache } from './action.mjs'
import { BASE_OPTIONS, PLUGIN_SETS } from './babel-options.mjs'
import { ensureScaledSynthetic, isAvailable, lockPackageCount, npmRegistry, prepareCodebase, removeInstall } from './codebases.mjs'
import { findParsedFiles } from './files.mjs'
import { ACTION_NODE, DIST_CLI, DIST_INDEX, log, NODE20, NODE24, REPO, RESULTS, SCRATCH } from './paths.mjs'
import { baseEnv, measureChild, repeated, runCli } from './processes.mjs'
import { startRegistryProxy } from './registry-proxy.mjs'
import { renderResults } from './render.mjs'

const { values: flags } = parseArgs({
  options: {
    only: { type: 'string' },
    'skip-action': { type: 'boolean', default: false },
    'skip-eslint': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
    pairs: { type: 'string', default: '3' },
    write: { type: 'boolean' },
    'no-write': { type: 'boolean', default: false }
  }
})
const REPEAT = Math.max(1, Number.parseInt(flags.repeat, 10) || 1)
const PAIRS = Math.max(1, Number.parseInt(flags.pairs, 10) || 1)
const ALL_CODEBASES = ['juice-shop', 'nodebb', 'parse-server', 'uptime-kuma', 'synthetic']
const CODEBASES = ALL_CODEBASES.filter((name) => !flags.only || flags.only === name)
if (CODEBASES.length === 0) throw new Error(`--only must be one of ${ALL_CODEBASES.join(', ')}; got ${flags.only}`)
/** Where eslint runs: the code bases of the 8x target, and the synthetic monorepo as before. */
const ESLINT_ON = new Set(['juice-shop', 'nodebb', 'synthetic'])
/** The synthetic monorepo's copies whose peak RSS shows how memory grows with the tree. */
const SCALES = [2, 4]
const FULL_RUN = !flags.only && !flags['skip-action'] && !flags['skip-eslint']
const WRITE = flags['no-write'] ? false : (flags.write ?? FULL_RUN)

// ---------------------------------------------------------------------------------------------
// Honesty checks: the copies in bench/ still match src/

function normalizeLiteral(text) {
  return text
    .replace(/\/\/.*$/gm, '')
    .replace(/as const/g, '')
    .replace(/[\s'"]/g, '')
    .replace(/,(?=[\]}])/g, '')
}

function checkParserOptions() {
  const source = readFileSync(join(REPO, 'src', 'parse', 'javascript.ts'), 'utf8')
  const base = source.match(/const BASE_OPTIONS = (\{[\s\S]*?\n\})/)?.[1]
  const sets = source.match(/const PLUGIN_SETS[^=]*= (\[[\s\S]*?\n\])/)?.[1]
  const same =
    base &&
    sets &&
    normalizeLiteral(base) === normalizeLiteral(JSON.stringify(BASE_OPTIONS)) &&
    normalizeLiteral(sets) === normalizeLiteral(JSON.stringify(PLUGIN_SETS))
  if (!same) log("WARNING: bench/babel-options.mjs no longer matches src/parse/javascript.ts; (b) is not the project's parse")
  return Boolean(same)
}

// ---------------------------------------------------------------------------------------------

/** Which product was measured: the commit, and whether dist/ differs from it (a bundle not yet committed). */
function product() {
  const git = (...args) => {
    try {
      return execFileSync('git', ['-C', REPO, ...args], { encoding: 'utf8' }).trim()
    } catch {
      return ''
    }
  }
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown'
  const dirty = git('status', '--porcelain', '--', 'dist') !== ''
  const built = statSync(DIST_INDEX)
    .mtime.toISOString()
    .replace(/\.\d+Z$/, 'Z')
  return `commit ${commit}${dirty ? `, dist/ rebuilt since (${built})` : ''}`
}

function machine() {
  const cpu = cpus()
  const npm = execFileSync('npm', ['--version'], { env: baseEnv(), encoding: 'utf8' }).trim()
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node20: process.version,
    node24: NODE24 ? spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'not found',
    actionNode: ACTION_NODE === NODE24 ? 'Node 24' : 'Node 20',
    npm,
    babelParser: JSON.parse(readFileSync(join(REPO, 'node_modules', '@babel', 'parser', 'package.json'), 'utf8')).version,
    eslint: JSON.parse(readFileSync(join(REPO, 'node_modules', 'eslint', 'package.json'), 'utf8')).version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    product: product(),
    load: loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')
  }
}

async function benchCodebase(name, registry) {
  const started = performance.now()
  const base = prepareCodebase(name, { needApp: !flags['skip-action'] })
  const { files, discovered } = findParsedFiles(base.root)
  const listFile = join(SCRATCH, `${name}-files.json`)
  writeFileSync(listFile, JSON.stringify(files))
  const result = { ...base, files: files.length, discovered, lockPackages: base.app ? lockPackageCount(base.app) : undefined }
  log(`${name}: ${files.length} files to parse (${discovered} discovered); (a) read x${REPEAT}`)
  result.read = await repeated(REPEAT, () => measureChild('read', listFile))
  result.bytes = result.read.bytes
  log(`${name}: (b) bare parse x${REPEAT}`)
  result.parse = await repeated(REPEAT, () => measureChild('parse', listFile))
  result.parseKeep = { ...(await measureChild('parse-keep', listFile)), runs: 1 }
  log(`${name}: (c) full scan x${REPEAT}`)
  result.scan = await repeated(REPEAT, () => runCli(NODE20, base.root))
  // Node 24 is what action.yml runs on: the scan and the bare parse again there, for the ratio on the action's runtime.
  if (NODE24) {
    log(`${name}: (b) bare parse and (c) full scan on Node 24 x${REPEAT}`)
    result.parse24 = await repeated(REPEAT, () => measureChild('parse', listFile, undefined, NODE24))
    result.scan24 = await repeated(REPEAT, () => runCli(NODE24, base.root))
  }
  if (Number.isFinite(result.scan.scanned) && result.scan.scanned !== discovered) {
    log(
      `WARNING: the CLI scanned ${result.scan.scanned} files, bench/files.mjs discovers ${discovered}: update files.mjs from src/discovery`
    )
  }
  if (!flags['skip-eslint'] && ESLINT_ON.has(name)) {
    log(`${name}: (d) eslint + eslint-plugin-security`)
    result.eslint = { ...(await measureChild('eslint', listFile, base.root)), runs: 1 }
  }
  if (name === 'synthetic') {
    result.scaled = []
    for (const factor of SCALES) {
      log(`${name}: (c) full scan of ${factor} copies (peak RSS)`)
      result.scaled.push({ factor, ...(await runCli(NODE20, ensureScaledSynthetic(base.root, factor))) })
    }
  }
  if (base.app) {
    await warmCache(base.app, registry)
    log(`${name}: (e) the steps one after the other`)
    result.sequential = await runSequential(base.app, registry)
    log(
      `${name}: (e) ${PAIRS} alternating pairs of npm ci alone and the action on pull request ${base.pr.base.slice(0, 7)}..${base.pr.head.slice(0, 7)}`
    )
    result.pairs = await runPairs(base.app, registry, base.pr, PAIRS, name)
    removeInstall(base.app)
  }
  log(`${name}: done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return result
}

async function main() {
  mkdirSync(SCRATCH, { recursive: true })
  if (!existsSync(DIST_CLI) || !existsSync(DIST_INDEX)) throw new Error('dist/ is missing: run npm run bundle')
  const parserMatches = checkParserOptions()
  const info = machine()
  const started = performance.now()
  const registry = await startRegistryProxy(npmRegistry())
  const results = {}
  try {
    log(`cold start of dist/index.js and dist/cli.js (Node 20${NODE24 ? ' and 24' : ''})`)
    const cold = { node20: await coldStart(NODE20, REPEAT), node24: await coldStart(NODE24, REPEAT) }
    const skipped = []
    for (const name of CODEBASES) {
      if (isAvailable(name)) results[name] = await benchCodebase(name, registry)
      else {
        skipped.push(name)
        log(`${name}: skipped, no clone at ${prepareCodebase(name, { needApp: false }).root} (see bench/paths.mjs for its variable)`)
      }
    }
    info.loadAfter = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')
    info.totalS = Math.round((performance.now() - started) / 1000)
    const text = renderResults({ info, cold, results, skipped, repeat: REPEAT, parserMatches, auditRequests: registry.counts.bulk })
    process.stdout.write(`${text}\n`)
    if (WRITE) {
      writeResultsFile(text)
      log(`wrote ${RESULTS}`)
    } else {
      log('RESULTS.md left as it is (partial run; --write updates it)')
    }
  } finally {
    await registry.close()
  }
}

const BEGIN = '<!-- bench:begin (generated by npm run bench; edit outside these markers) -->'
const END = '<!-- bench:end -->'

function writeResultsFile(text) {
  const block = `${BEGIN}\n${text}\n${END}`
  const old = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n\n'
  const at = old.indexOf(BEGIN)
  const end = old.indexOf(END)
  const next = at !== -1 && end > at ? `${old.slice(0, at)}${block}${old.slice(end + END.length)}` : `${old.trimEnd()}\n\n${block}\n`
  writeFileSync(RESULTS, next)
}

await main()
