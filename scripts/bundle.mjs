// Builds dist/: the action (dist/index.js), the CLI (dist/cli.js) and a self-contained copy of
// @cyclonedx/cyclonedx-npm (dist/cyclonedx-npm/), so no SBOM tool is downloaded at run time.
// The action and the CLI load most of their code lazily (the scan's worker and the main thread each
// import only their part), so each is an entry file and chunk files (`<id>.index.js`) it loads from
// beside itself: the action's in dist/, the CLI's in dist/cli/, since the two builds number their
// chunks alike but fill them differently.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const ncc = join(packageDir('@vercel/ncc', '.'), 'dist/ncc/cli.js')
const FINAL = 'dist'
const TMP = '.bundle-tmp'
// Built aside and moved into place at the end, so a failed build never leaves dist/ half-written.
const DIST = join(TMP, 'dist')

/** One ncc build as a child process; the three builds run side by side (each is mostly one core). */
async function nccBuild(entry, outDir, externals = []) {
  const args = [ncc, 'build', entry, '-o', outDir, '--no-source-map-register', '--license', 'licenses.txt', '-q']
  for (const e of externals) args.push('-e', e)
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 })
  process.stdout.write(stdout)
  process.stderr.write(stderr)
}

/**
 * The licenses of every production dependency the lockfile installs, in lockfile order. ncc's own
 * list is not used for the action and the CLI: since the artifact library is a lazily loaded
 * chunk, ncc leaves some of its packages out of the list in some builds and not in others. This
 * list is a superset of what is bundled, and the same for every build of one lockfile.
 */
function writeDependencyLicenses(target) {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
  const seen = new Set()
  const entries = []
  for (const [path, info] of Object.entries(lock.packages ?? {})) {
    if (!path || info.dev || !existsSync(join(path, 'package.json'))) continue
    const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'))
    const file = readdirSync(path).find((f) => /^licen[cs]e/i.test(f))
    const text = file ? readFileSync(join(path, file), 'utf8').replace(/\r\n/g, '\n').trim() : ''
    const entry = `${pkg.name}\n${typeof pkg.license === 'string' ? pkg.license : ''}\n${text}`.trimEnd()
    if (seen.has(entry)) continue
    seen.add(entry)
    entries.push(entry)
  }
  writeFileSync(target, `${entries.join('\n\n\n')}\n`)
}

// One licenses file per shipped program; the action and the CLI share most third-party code.
function copyLicenses(sources, target) {
  const seen = new Set()
  const parts = []
  for (const src of sources.filter((f) => existsSync(f))) {
    for (const block of readFileSync(src, 'utf8').split('\n\n')) {
      if (block.trim() && !seen.has(block)) {
        seen.add(block)
        parts.push(block)
      }
    }
  }
  if (parts.length > 0) writeFileSync(target, `${parts.join('\n\n').trimEnd()}\n`)
}

// Node's lookup of a package folder, without `exports` getting in the way of package.json.
function packageDir(name, from) {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dirname(dir) === dir) throw new Error(`${name} is not installed: run npm ci`)
  }
}

function patch(code, pattern, replacement, expected) {
  const found = code.match(pattern)?.length ?? 0
  if (found !== expected) {
    throw new Error(`cyclonedx-npm bundle: expected ${expected} match(es) of ${pattern}, found ${found}; review scripts/bundle.mjs`)
  }
  return code.replace(pattern, replacement)
}

// The cyclonedx-npm sources find their own package.json through `module.path`, other tool
// metadata through `require.resolve.paths` and the library's JSON schemas through
// `__dirname/../res`; the first two are patched after bundling, the last is met by the layout.
const CDX_DIR = packageDir('@cyclonedx/cyclonedx-npm', '.')

function bundleCyclonedx() {
  const libDir = packageDir('@cyclonedx/cyclonedx-library', CDX_DIR)
  const out = join(DIST, 'cyclonedx-npm')
  mkdirSync(join(out, 'bin'), { recursive: true })
  let code = readFileSync(join(TMP, 'cdx/index.js'), 'utf8')
  code = patch(code, /module\.path,/g, '__dirname,', 2)
  code = patch(code, /__nccwpck_require__\(\d+\)\.resolve\.paths\(/g, 'require.resolve.paths(', 1)
  writeFileSync(join(out, 'bin/cyclonedx-npm-cli.cjs'), code)
  copyLicenses([join(TMP, 'cdx/licenses.txt')], join(out, 'licenses.txt'))
  const meta = JSON.parse(readFileSync(join(CDX_DIR, 'package.json'), 'utf8'))
  const keep = ['name', 'version', 'description', 'license', 'author', 'homepage', 'repository', 'bugs']
  const trimmed = Object.fromEntries(keep.filter((k) => k in meta).map((k) => [k, meta[k]]))
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ ...trimmed, type: 'commonjs' }, null, 2)}\n`)
  mkdirSync(join(out, 'res/schema'), { recursive: true })
  for (const f of readdirSync(join(libDir, 'res/schema'))) {
    if (f.endsWith('.schema.json')) cpSync(join(libDir, 'res/schema', f), join(out, 'res/schema', f))
  }
}

rmSync(TMP, { recursive: true, force: true })
mkdirSync(DIST, { recursive: true })
// ncc fails the child (and so this script) on a build error; the builds write only below TMP.
await Promise.all([
  nccBuild('src/index.ts', join(TMP, 'action')),
  nccBuild('src/cli.ts', join(TMP, 'cli')),
  nccBuild(join(CDX_DIR, 'bin/cyclonedx-npm-cli.js'), join(TMP, 'cdx'), ['libxmljs2'])
])
for (const f of readdirSync(join(TMP, 'action'))) {
  if (f.endsWith('.js')) renameSync(join(TMP, 'action', f), join(DIST, f))
}
mkdirSync(join(DIST, 'cli'))
for (const f of readdirSync(join(TMP, 'cli'))) {
  if (f.endsWith('.js')) renameSync(join(TMP, 'cli', f), join(DIST, 'cli', f))
}
// `dist/cli.js` stays the command (package.json `bin`, the docs); the bundle is dist/cli/index.js.
writeFileSync(join(DIST, 'cli.js'), "#!/usr/bin/env node\nimport './cli/index.js'\n")
writeDependencyLicenses(join(DIST, 'licenses.txt'))
bundleCyclonedx()
rmSync(FINAL, { recursive: true, force: true })
renameSync(DIST, FINAL)
rmSync(TMP, { recursive: true, force: true })
