// The cost of a base-commit baseline (issue 11): `node bench/base-commit.mjs [--repeat N] [repo ...]`.
// Not part of the tests, nor of `npm run bench`'s full run (which measures dist/).
//
// For each git repository (default: juice-shop, BENCH_JUICE_SHOP), with HEAD~1 as the pull request's
// base: loadBaseCommit as the gate runs it, i.e. the base files read out of git into a temporary
// folder, scanned with an empty config in this thread (the action scans in a worker), and, when the
// base has an npm lockfile, audited with `npm audit --package-lock-only` against the loopback registry
// (bench/registry-proxy.mjs answers the advisory request itself, so the audit costs what npm spends).
// src/baseline/base-commit.ts is bundled with ncc first (into the scratch folder), as dist/ bundles it.
// Prints the median wall time and the split the function logs (read, scanned, audited).
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { JUICE_SHOP, log, median, REPO, SCRATCH } from './paths.mjs'
import { baseEnv } from './processes.mjs'
import { startRegistryProxy } from './registry-proxy.mjs'

const { values: flags, positionals } = parseArgs({ options: { repeat: { type: 'string', default: '3' } }, allowPositionals: true })
const REPEAT = Math.max(1, Number.parseInt(flags.repeat, 10) || 1)
const REPOS = positionals.length > 0 ? positionals : [JUICE_SHOP]

/** ncc's build of one module of src/, as dist/ bundles it; returns its exports. */
async function bundled(source) {
  const out = join(SCRATCH, 'base-commit-bundle', source.replace(/[/.]/g, '-'))
  mkdirSync(out, { recursive: true })
  const ncc = join(REPO, 'node_modules/@vercel/ncc/dist/ncc/cli.js')
  execFileSync(process.execPath, [ncc, 'build', join(REPO, source), '-o', out, '-q'], { cwd: REPO, stdio: 'inherit' })
  return import(pathToFileURL(join(out, 'index.js')).href)
}

const started = performance.now()
log('bundling src/baseline/base-commit.ts')
const { loadBaseCommit } = await bundled('src/baseline/base-commit.ts')
const { execProcess } = await bundled('src/tools/exec.ts')
const EMPTY_CONFIG = { severity: new Map(), suppressions: [], allow: [] }
log(`bundled in ${Math.round(performance.now() - started)} ms`)
const registry = await startRegistryProxy()
const env = baseEnv({ npm_config_registry: registry.url, npm_config_cache: join(SCRATCH, 'base-commit-npm-cache') })
const git = (repo, ...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim()

const LOAD = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')
const rows = []
try {
  for (const repo of REPOS) {
    const base = git(repo, 'rev-parse', 'HEAD~1')
    const files = git(repo, 'ls-tree', '-r', '--name-only', base).split('\n').length
    const times = []
    let last = ''
    for (let i = 0; i < REPEAT; i++) {
      const t0 = performance.now()
      const load = await loadBaseCommit({
        root: repo,
        ref: base,
        config: EMPTY_CONFIG,
        exec: execProcess,
        audit: true,
        omitDev: false,
        today: new Date().toISOString().slice(0, 10),
        env,
        log: (line) => (last = line)
      })
      times.push(performance.now() - t0)
      if (load.status !== 'ok') throw new Error(`${repo}: ${load.error}`)
      last = `${last} (${load.data.findings.length} baseline entries)`
    }
    rows.push({ repo, base: base.slice(0, 12), files, ms: Math.round(median(times)), split: last, bulk: registry.counts.bulk })
    log(`${repo}: median ${Math.round(median(times))} ms over ${REPEAT}; ${last}; advisory requests so far: ${registry.counts.bulk}`)
  }
} finally {
  await registry.close()
}

process.stdout.write(`load average before: ${LOAD}\n`)
process.stdout.write(
  '| repository | base | files in the base tree | loadBaseCommit (median) | split of the last run |\n|---|---|---|---|---|\n'
)
for (const r of rows) process.stdout.write(`| ${r.repo} | ${r.base} | ${r.files} | ${r.ms} ms | ${r.split.replace(/^baseline: /, '')} |\n`)
