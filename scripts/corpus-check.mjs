// Compares the CLI's findings on hand-labelled real Express apps with their labels: per rule, found / missed /
// extra against the high-confidence gaps, with recall and precision per rule, per label set and overall.
//
// Label sets (JSON files, one per app; format in ../shared/corpus/README.md):
//   ../shared/corpus/labels   the shared corpus (read-only, outside the repo)
//   scripts/corpus/labels     labels written in this repo (issue 10)
// Both are checked by default; `--labels DIR` (repeatable) picks the sets to check.
//
// Scratch layout (never committed; the apps' code stays out of the repo): one folder per labelled repository,
// named owner+name, holding a clone checked out at the label's `commit`:
//   <scratch>/OWASP+NodeGoat, <scratch>/santiq+bulletproof-nodejs, ...
// Getting one: `fetch github:owner/name` (search tool), then
//   git clone -q /work/.mirror/owner+name/repo <scratch>/owner+name && git -C <scratch>/owner+name checkout <commit>
// Each label's `app_roots` (relative to the clone) are scanned with
//   node <cli> <scratch>/owner+name/<root> --format json --no-install --no-audit --no-sbom
//
//   node scripts/corpus-check.mjs [scratch] [--labels DIR]... [--cli dist/cli.js] [--app owner/name]... [--rules id,id] [--verbose]
//
// How findings are judged:
// - found: matches a high-confidence label (same rule; same file and a line within 3, or any line for the absences
//   below; a label or finding with line null matches by rule, preferring the same file, and for Dockerfile and
//   compose gaps only in the same file).
// - missed: a high-confidence label no finding matches.
// - extra: a finding that matches no label at all. Counted against precision.
// - medium: matches a medium-confidence label in the same file (or is project-wide, like the label): neither rewarded
//   nor penalised (not counted).
// - debatable: matches a `debatable` entry of the label (same rule and file; `*` in the file is a wildcard) and
//   no label: reported separately, not counted.
// - n/a: on a rule the label's `not_applicable` list names (`session-*`, `rate-limit-memory-store, cors-*: ...`):
//   reported separately, not counted. A finding there usually means the tool saw something the labeller ruled out.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    labels: { type: 'string', multiple: true },
    cli: { type: 'string', default: join(repoRoot, 'dist/cli.js') },
    app: { type: 'string', multiple: true },
    rules: { type: 'string' },
    verbose: { type: 'boolean', default: false }
  }
})
const scratch = resolve(positionals[0] ?? join(repoRoot, '../scratch'))
const labelDirs = values.labels ?? [join(repoRoot, '../shared/corpus/labels'), join(repoRoot, 'scripts/corpus/labels')]
const ALIASES = { 'docker-eol-base': 'docker-eol-node' }
// Gaps that are an absence in an app or file (no helmet, no USER, no lockfile): the file decides, the
// line is only where the finding points (express(), FROM), which labels may place elsewhere.
const ABSENCES = new Set([
  'helmet-missing',
  'x-powered-by',
  'rate-limit-missing',
  'error-handler-missing',
  'lockfile-missing',
  'docker-node-env',
  'docker-root-user'
])
// The audit's job, not the scan's.
const NOT_SCANNED = new Set(['vulnerable-dependency'])
const only = values.rules ? new Set(values.rules.split(',')) : undefined
const apps = values.app ? new Set(values.app) : undefined
const cli = resolve(values.cli)
const canonical = (rule) => ALIASES[rule] ?? rule
// Dockerfile and compose gaps belong to one file: a line-null label there never matches another file's finding.
const fileScoped = (file) => /(^|\/)(dockerfile[^/]*|[^/]*\.dockerfile|(docker-)?compose[^/]*\.ya?ml)$/i.test(file)
const globMatch = (pattern, file) =>
  pattern.includes('*')
    ? new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(file)
    : pattern === file
// `not_applicable` entries start with the rule ids they rule out: "session-*: ...", "a, b: ...".
const notApplicable = (entries) =>
  entries.flatMap((entry) =>
    entry
      .split(':')[0]
      .split(',')
      .map((id) => canonical(id.trim()))
      .filter((id) => /^[a-z*-]+$/.test(id))
  )

const KEYS = ['found', 'missed', 'extra', 'medium', 'debatable', 'na']
const tallies = new Map() // set -> rule -> counts
const tally = (set, rule, key) => {
  for (const name of [set, 'all']) {
    const rules = tallies.get(name) ?? new Map()
    tallies.set(name, rules)
    const t = rules.get(rule) ?? Object.fromEntries(KEYS.map((k) => [k, 0]))
    t[key] += 1
    rules.set(rule, t)
  }
}

const scan = (dir) => {
  const out = (() => {
    try {
      return execFileSync(process.execPath, [cli, dir, '--format', 'json', '--no-install', '--no-audit', '--no-sbom'], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'pipe']
      })
    } catch (error) {
      if (error.status !== 1) console.log(`  cli failed on ${dir}: ${String(error.stderr).trim().split('\n').at(-1)}`)
      return error.stdout
    }
  })()
  return JSON.parse(out)
}

for (const labelDir of labelDirs) {
  const set = labelDir.replace(/\/+$/, '').split('/').slice(-3).join('/')
  if (!existsSync(labelDir)) {
    console.log(`skip label set ${labelDir}: not found`)
    continue
  }
  console.log(`\n== ${set}`)
  for (const name of readdirSync(labelDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const label = JSON.parse(readFileSync(join(labelDir, name), 'utf8'))
    if (apps && !apps.has(label.repo)) continue
    const checkout = join(scratch, label.repo.replace('/', '+'))
    if (!existsSync(checkout)) {
      console.log(`skip ${label.repo}: not checked out at ${checkout}`)
      continue
    }
    const na = notApplicable(label.not_applicable ?? [])
    for (const root of label.app_roots) {
      const rel = (file) => (root !== '.' && file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file)
      const inRoot = (file) => root === '.' || file.startsWith(`${root}/`)
      const report = scan(join(checkout, root))
      const got = report.findings.filter((f) => !only || only.has(f.rule))
      const used = new Set()
      const all = label.findings.map((g) => ({ ...g, check: canonical(g.check) })).filter((g) => inRoot(g.file))
      const high = all.filter((g) => g.confidence === 'high' && !NOT_SCANNED.has(g.check) && (!only || only.has(g.check)))
      const matches = (g, f) =>
        f.rule === g.check &&
        (g.line === null || f.line === null
          ? !fileScoped(g.file) || f.file === rel(g.file)
          : f.file === rel(g.file) && (ABSENCES.has(g.check) || Math.abs(f.line - g.line) <= 3))
      for (const g of high) {
        const candidates = got.map((f, i) => [f, i]).filter(([f, i]) => !used.has(i) && matches(g, f))
        const pick = candidates.find(([f]) => f.file === rel(g.file)) ?? candidates[0]
        if (pick) {
          used.add(pick[1])
          tally(set, g.check, 'found')
          if (values.verbose) console.log(`  found     ${label.repo} ${root} ${g.check} ${g.file}:${g.line}`)
        } else {
          tally(set, g.check, 'missed')
          console.log(`  MISSED    ${label.repo} ${root} ${g.check} ${g.file}:${g.line}`)
        }
      }
      const debatable = (label.debatable ?? [])
        .map((d) => ({ ...d, check: canonical(d.check) }))
        .filter((d) => d.file === undefined || d.file.includes('*') || inRoot(d.file))
      got.forEach((f, i) => {
        if (used.has(i)) return
        const where = `${label.repo} ${root} ${f.rule} ${f.file}:${f.line}`
        const sameFile = (g) =>
          g.check === f.rule &&
          f.file === rel(g.file) &&
          (g.line === null || f.line === null || ABSENCES.has(g.check) || Math.abs(f.line - g.line) <= 3)
        // Medium labels match in the same file only; a project-wide finding (line null) also matches a project-wide label.
        const projectWide = (g) => g.check === f.rule && g.line === null && f.line === null && !fileScoped(g.file)
        if (all.some((g) => sameFile(g) || projectWide(g))) {
          tally(set, f.rule, 'medium')
          if (values.verbose) console.log(`  medium    ${where}`)
        } else if (debatable.some((d) => d.check === f.rule && (d.file === undefined || globMatch(rel(d.file), f.file)))) {
          tally(set, f.rule, 'debatable')
          console.log(`  debatable ${where}`)
        } else if (na.some((id) => globMatch(id, f.rule))) {
          tally(set, f.rule, 'na')
          console.log(`  n/a       ${where} ${f.message.slice(0, 100)}`)
        } else {
          tally(set, f.rule, 'extra')
          console.log(`  EXTRA     ${where} ${f.message.slice(0, 120)}`)
        }
      })
    }
  }
}

const pct = (n, d) => (d === 0 ? '   -' : `${String(Math.round((n / d) * 100)).padStart(3)}%`)
const row = (rule, t) =>
  `${rule.padEnd(30)}${String(t.found).padStart(6)}${String(t.missed).padStart(7)}${String(t.extra).padStart(6)}` +
  `${pct(t.found, t.found + t.missed).padStart(8)}${pct(t.found, t.found + t.extra).padStart(10)}` +
  `${String(t.medium).padStart(8)}${String(t.debatable).padStart(10)}${String(t.na).padStart(5)}`
for (const [set, rules] of [...tallies].sort(([a], [b]) => Number(a === 'all') - Number(b === 'all'))) {
  if (set === 'all' && tallies.size === 2) continue // one set: its table is the overall one
  console.log(`\n${set === 'all' ? 'overall' : set}`)
  console.log(`${'rule'.padEnd(30)} found missed extra  recall precision  medium debatable  n/a`)
  const sum = Object.fromEntries(KEYS.map((k) => [k, 0]))
  for (const [rule, t] of [...rules].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(row(rule, t))
    for (const k of KEYS) sum[k] += t[k]
  }
  console.log(row('all', sum))
}
