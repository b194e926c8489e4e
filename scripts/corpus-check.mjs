// Compares the CLI's findings on the labelled corpus apps (../shared/corpus/labels) with the labels:
// per rule, found / missed / extra against the high-confidence gaps. The apps are fetched and
// checked out by hand into a scratch folder (never committed), one folder per repo named owner+name.
//   node scripts/corpus-check.mjs <scratch-folder> [--labels DIR] [--rules id,id] [--verbose]
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    labels: { type: 'string', default: '../shared/corpus/labels' },
    rules: { type: 'string' },
    verbose: { type: 'boolean', default: false }
  }
})
const scratch = resolve(positionals[0] ?? '../scratch')
const ALIASES = { 'docker-eol-base': 'docker-eol-node' }
// Gaps that are an absence in an app or file (no helmet, no USER, no lockfile): the file decides, the
// line is only where the finding points (express(), FROM), which labels may place elsewhere.
const ABSENCES = new Set([
  'helmet-missing',
  'x-powered-by',
  'rate-limit-missing',
  'error-handler-missing',
  'lockfile-missing',
  'docker-node-env'
])
// The audit's job, not the scan's.
const NOT_SCANNED = new Set(['vulnerable-dependency'])
const only = values.rules ? new Set(values.rules.split(',')) : undefined
const cli = resolve('dist/cli.js')
const totals = new Map()
const tally = (rule, key) => {
  const t = totals.get(rule) ?? { found: 0, missed: 0, extra: 0 }
  t[key] += 1
  totals.set(rule, t)
}

for (const name of readdirSync(values.labels)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const label = JSON.parse(readFileSync(join(values.labels, name), 'utf8'))
  const checkout = join(scratch, label.repo.replace('/', '+'))
  if (!existsSync(checkout)) {
    console.log(`skip ${label.repo}: not checked out at ${checkout}`)
    continue
  }
  for (const root of label.app_roots) {
    const rel = (file) => (root !== '.' && file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file)
    const out = (() => {
      try {
        return execFileSync(process.execPath, [cli, join(checkout, root), '--format', 'json', '--no-install', '--no-audit', '--no-sbom'], {
          encoding: 'utf8',
          maxBuffer: 1 << 28
        })
      } catch (error) {
        return error.stdout
      }
    })()
    const report = JSON.parse(out)
    const implemented = new Set(report.findings.map((f) => f.rule))
    const got = report.findings.filter((f) => !only || only.has(f.rule))
    const used = new Set()
    const labels = label.findings
      .map((g) => ({ ...g, check: ALIASES[g.check] ?? g.check }))
      .filter(
        (g) =>
          g.confidence === 'high' &&
          !NOT_SCANNED.has(g.check) &&
          (root === '.' || g.file.startsWith(`${root}/`)) &&
          (!only || only.has(g.check))
      )
    const debatable = (label.debatable ?? []).map((d) => `${ALIASES[d.check] ?? d.check} ${rel(d.file ?? '')}:${d.line ?? ''}`)
    for (const g of labels) {
      const match = got.findIndex(
        (f, i) =>
          !used.has(i) &&
          f.rule === g.check &&
          (g.line === null || f.line === null || (f.file === rel(g.file) && (ABSENCES.has(g.check) || Math.abs(f.line - g.line) <= 3)))
      )
      if (match >= 0) {
        used.add(match)
        tally(g.check, 'found')
        if (values.verbose) console.log(`  found  ${label.repo} ${root} ${g.check} ${g.file}:${g.line}`)
      } else {
        tally(g.check, 'missed')
        console.log(`  MISSED ${label.repo} ${root} ${g.check} ${g.file}:${g.line}${implemented.has(g.check) ? '' : ''}`)
      }
    }
    got.forEach((f, i) => {
      if (used.has(i)) return
      const medium = label.findings.some(
        (g) =>
          (ALIASES[g.check] ?? g.check) === f.rule &&
          rel(g.file) === f.file &&
          (g.line === null || f.line === null || Math.abs(g.line - f.line) <= 3)
      )
      const isDebatable = debatable.some((d) => d.startsWith(`${f.rule} ${f.file}:`))
      if (medium || isDebatable) return
      tally(f.rule, 'extra')
      console.log(`  EXTRA  ${label.repo} ${root} ${f.rule} ${f.file}:${f.line} ${f.message.slice(0, 120)}`)
    })
  }
}

console.log('\nrule                          found missed extra')
let found = 0,
  missed = 0,
  extra = 0
for (const [rule, t] of [...totals].sort()) {
  console.log(`${rule.padEnd(30)}${String(t.found).padStart(5)}${String(t.missed).padStart(7)}${String(t.extra).padStart(6)}`)
  found += t.found
  missed += t.missed
  extra += t.extra
}
const recall = found / Math.max(1, found + missed)
const precision = found / Math.max(1, found + extra)
console.log(
  `${'all'.padEnd(30)}${String(found).padStart(5)}${String(missed).padStart(7)}${String(extra).padStart(6)}   recall ${(recall * 100).toFixed(0)}%  precision ${(precision * 100).toFixed(0)}%`
)
