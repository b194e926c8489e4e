// Shared by the robustness suite: the fast-check settings, real files to mutate, and byte mutations.
import fc from 'fast-check'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * A fixed seed keeps CI deterministic; `FC_SEED=<n>` replays another run. fast-check prints the seed
 * and the path of a failing case, which `FC_SEED` plus `FC_PATH` replay exactly.
 */
export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261126

/** `FC_RUNS=10` multiplies every property's runs, to explore further than CI does. */
const FACTOR = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 1

export function runs<T>(numRuns: number): fc.Parameters<T> {
  return { seed: SEED, numRuns: Math.ceil(numRuns * FACTOR), ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}) }
}

export type SampleKind =
  | 'js'
  | 'dockerfile'
  | 'compose'
  | 'nginx'
  | 'caddy'
  | 'npmrc'
  | 'dockerignore'
  | 'dotenv'
  | 'package-json'
  | 'lockfile'
  | 'config'
  | 'audit'

export interface Sample {
  /** Where it came from, relative to the repository. */
  source: string
  /** The name it is written under in a generated project. */
  name: string
  bytes: Buffer
}

function kindOf(name: string): SampleKind | undefined {
  if (name === 'package.json') return 'package-json'
  if (name === 'package-lock.json' || name === 'npm-shrinkwrap.json') return 'lockfile'
  if (name === 'Dockerfile' || /^Dockerfile[.-]|\.Dockerfile$/.test(name)) return 'dockerfile'
  if (/^(?:docker-)?compose.*\.ya?ml$/.test(name)) return 'compose'
  if (name.endsWith('.conf') || name.endsWith('.conf.template')) return 'nginx'
  if (name === 'Caddyfile' || name.startsWith('Caddyfile.')) return 'caddy'
  if (name === '.npmrc') return 'npmrc'
  if (name.endsWith('.dockerignore')) return 'dockerignore'
  if (name === '.env' || name.startsWith('.env.')) return 'dotenv'
  if (/\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/.test(name)) return 'js'
  return undefined
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path)
    return entry.isFile() ? [path] : []
  })
}

/** Configs as the README documents them, and near misses. */
const CONFIGS = [
  'rules:\n  docker-root-user: moderate\n  helmet-missing: off\n',
  'suppressions:\n  - rule: docker-root-user\n    path: docker/dev/**\n    reason: local development image, never deployed\n    expires: 2027-03-31\n',
  'audit:\n  allow:\n    - id: GHSA-p6mc-m468-83gw\n      reason: zipObjectDeep is never called with user input\n      expires: 2027-01-31\n',
  'rules:\n  helmet-missing: off\nsuppressions: []\naudit:\n  allow:\n    - id: https://github.com/advisories/GHSA-p6mc-m468-83gw\n      reason: accepted\n'
]

let cached: Record<SampleKind, Sample[]> | undefined

/** Real files of every kind the scanner reads: the rule fixtures, the sample app, recorded npm audit output. */
export function corpus(): Record<SampleKind, Sample[]> {
  if (cached) return cached
  const byKind: Record<SampleKind, Sample[]> = {
    js: [],
    dockerfile: [],
    compose: [],
    nginx: [],
    caddy: [],
    npmrc: [],
    dockerignore: [],
    dotenv: [],
    'package-json': [],
    lockfile: [],
    config: [],
    audit: []
  }
  const roots = ['__tests__/rules/fixtures', 'examples/vulnerable-app', '__tests__/fixtures/apps']
  for (const root of roots) {
    for (const file of filesUnder(join(REPO_ROOT, root))) {
      const kind = kindOf(basename(file))
      if (kind) byKind[kind].push({ source: relative(REPO_ROOT, file), name: basename(file), bytes: readFileSync(file) })
    }
  }
  for (const file of filesUnder(join(REPO_ROOT, '__tests__/fixtures/npm-audit')).filter((f) => f.endsWith('.json'))) {
    byKind.audit.push({ source: relative(REPO_ROOT, file), name: basename(file), bytes: readFileSync(file) })
  }
  CONFIGS.forEach((text, i) => byKind.config.push({ source: `README config ${i}`, name: 'hardening.yml', bytes: Buffer.from(text) }))
  cached = byKind
  return byKind
}

/** Bytes that break parsers in interesting ways: brackets, quotes, line ends, NUL, a BOM, YAML anchors, invalid UTF-8. */
const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  "'",
  '`',
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\uFEFF',
  '${',
  '<<',
  '\\',
  '/*',
  '*/',
  '#',
  ':',
  ';',
  ',',
  '=',
  '...',
  '---\n',
  '&a ',
  '*a',
  '<<: *a\n',
  '\t',
  '    ',
  'é',
  '\u2028',
  '\uFFFF',
  '${A:-b}',
  'FROM ',
  'server {',
  'import ',
  'include ',
  'require(',
  '=>',
  'app.use(',
  '0x',
  '-1',
  '1e999',
  'null',
  'true'
].map((t) => Buffer.from(t, 'utf8'))
const RAW = [Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0x80])]

export type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Buffer }
  | { kind: 'duplicate'; at: number; length: number; times: number }
  | { kind: 'truncate'; at: number }

const position = fc.nat({ max: 1_000_000 })

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    bytes: fc.oneof(
      fc.constantFrom(...TOKENS, ...RAW),
      fc.uint8Array({ minLength: 1, maxLength: 16 }).map((a) => Buffer.from(a))
    )
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    length: fc.integer({ min: 1, max: 200 }),
    times: fc.integer({ min: 1, max: 20 })
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: position })
)

/** Applies mutations in order; positions wrap around the current length. */
export function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = bytes
  for (const m of mutations) {
    const at = m.at % (out.length + 1)
    if (m.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)])
    else if (m.kind === 'insert') out = Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)])
    else if (m.kind === 'duplicate') {
      const chunk = out.subarray(at, at + m.length)
      out = Buffer.concat([out.subarray(0, at), ...Array.from({ length: m.times + 1 }, () => chunk), out.subarray(at + m.length)])
    } else out = out.subarray(0, at)
  }
  return out
}

/** A real file of one kind, mutated 1 to 6 times. */
export function mutatedSample(kind: SampleKind): fc.Arbitrary<{ sample: Sample; bytes: Buffer }> {
  const samples = corpus()[kind]
  if (samples.length === 0) throw new Error(`no ${kind} samples in the corpus`)
  return fc
    .record({ sample: fc.constantFrom(...samples), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 6 }) })
    .map(({ sample, mutations }) => ({ sample, bytes: mutate(sample.bytes, mutations) }))
}

/** Text as the scanner gets it: mutated real files (mostly), or arbitrary strings. */
export function textOf(kind: SampleKind): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: mutatedSample(kind).map(({ bytes }) => bytes.toString('utf8')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...TOKENS.map((t) => t.toString('utf8')), 'a', ' ', 'x'), maxLength: 200 }) }
  )
}

/** Every line-terminator convention a parser may count: babel counts CR, LS and PS as well as LF. */
export function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/).length
}

/** A temp folder with `files` written (bytes as given); removed by `removeProject`. */
export function writeProject(files: Record<string, Buffer | string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ehg-robust-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true })
}
