// The code bases: juice-shop (a clone, and a copy of it that can be installed) and the synthetic monorepo
// (and a copy of it for (e)); the copies for (e) are git repositories with a pull request (bench/pull-request.mjs).
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { IN_PLACE, JUICE_SHOP, log, SCRATCH } from './paths.mjs'
import { baseEnv } from './processes.mjs'
import { ensurePullRequest } from './pull-request.mjs'
import { ensureSynthetic } from './synthetic.mjs'

/** Bump when the prepared juice-shop copy changes. */
const JUICE_APP_VERSION = 1

export function npmRegistry() {
  return execFileSync('npm', ['config', 'get', 'registry'], { env: baseEnv(), encoding: 'utf8' }).trim()
}

/** Workspaces' node_modules too: a monorepo's install is more than the root folder. */
export function removeInstall(dir) {
  rmSync(join(dir, 'node_modules'), { recursive: true, force: true })
  const packages = join(dir, 'packages')
  if (existsSync(packages))
    for (const name of readdirSync(packages)) rmSync(join(packages, name, 'node_modules'), { recursive: true, force: true })
  for (const output of ['sbom.cdx.json', 'hardening-report.json', 'hardening.sarif']) rmSync(join(dir, output), { force: true })
}

/** The route file juice-shop's pull request changes. */
const JUICE_CHANGED_FILE = 'routes/appVersion.ts'

/** For copies: the clone's .git and any install stay behind. */
const withoutGitOrInstall = (src) => !/[\\/](?:\.git|node_modules)$/.test(src)

/**
 * A copy of juice-shop that the action can install: juice-shop commits no lockfile (its .npmrc says
 * package-lock=false), so the copy drops that line and gets a lockfile resolved once, kept until the
 * clone's HEAD changes. (Not `--before` the commit date: its package.json asks for versions published
 * after that date.) The clone itself is never written to.
 */
function ensureJuiceApp() {
  const app = join(SCRATCH, 'juice-shop-app')
  const git = (...args) => {
    try {
      return execFileSync('git', ['-C', JUICE_SHOP, ...args], { encoding: 'utf8' }).trim()
    } catch {
      return ''
    }
  }
  const head = git('rev-parse', 'HEAD')
  const markerFile = join(app, '.bench-juice-shop.json')
  const marker = existsSync(markerFile) ? JSON.parse(readFileSync(markerFile, 'utf8')) : undefined
  if (marker?.version === JUICE_APP_VERSION && marker.head === head && existsSync(join(app, 'package-lock.json'))) return marker
  log(`copying juice-shop to ${app} and resolving its lockfile (about 1-2 minutes, once) ...`)
  rmSync(app, { recursive: true, force: true })
  cpSync(JUICE_SHOP, app, { recursive: true, filter: withoutGitOrInstall })
  const npmrc = join(app, '.npmrc')
  if (existsSync(npmrc))
    writeFileSync(
      npmrc,
      readFileSync(npmrc, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*package-lock\s*=\s*false/.test(l))
        .join('\n')
    )
  const pinned = resolveLockfile(app)
  const fresh = { version: JUICE_APP_VERSION, head, resolved: new Date().toISOString().slice(0, 10), pinned }
  writeFileSync(markerFile, `${JSON.stringify(fresh, null, 2)}\n`)
  return fresh
}

/**
 * `npm install --package-lock-only`; a range that the registry cannot satisfy (a version newer
 * than the registry reached here has) is set to that package's latest version in the copy's
 * package.json, and named in the marker, up to a few times.
 */
function resolveLockfile(app) {
  const pinned = {}
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const run = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: app,
      env: baseEnv(),
      encoding: 'utf8'
    })
    if (run.status === 0) return pinned
    const missing = run.stderr.match(/No matching version found for ((?:@[^@\s/]+\/)?[^@\s]+)@(\S+?)\.?(?:\s|$)/)
    if (!missing) throw new Error(`npm could not resolve juice-shop's lockfile: ${run.stderr.trim().split('\n').slice(0, 3).join(' ')}`)
    const [, name, range] = missing
    const latest = execFileSync('npm', ['view', name, 'version'], { env: baseEnv(), encoding: 'utf8' }).trim()
    const manifestFile = join(app, 'package.json')
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
    let changed = false
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      if (manifest[field]?.[name] === range) {
        manifest[field][name] = latest
        changed = true
      }
    }
    if (!changed) throw new Error(`npm cannot find ${name}@${range}, which juice-shop's package.json does not ask for directly`)
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
    pinned[name] = `${range} -> ${latest}`
    log(`juice-shop asks for ${name}@${range}, which the registry does not have; the copy uses ${latest}`)
  }
  throw new Error("npm could not resolve juice-shop's lockfile after pinning several packages")
}

/**
 * The synthetic monorepo's copy for (e), so that its pull request (a git repository, one file
 * changed) leaves the tree that (a)-(d) read as generated. Copied again when the tree is regenerated.
 */
function ensureSyntheticApp(root) {
  const app = join(SCRATCH, 'synthetic-app')
  const source = readFileSync(join(root, '.bench-synthetic.json'), 'utf8')
  const copied = join(app, '.bench-synthetic.json')
  if (!existsSync(copied) || readFileSync(copied, 'utf8') !== source || !existsSync(join(app, 'package-lock.json'))) {
    log(`copying the synthetic monorepo to ${app} for (e) ...`)
    rmSync(app, { recursive: true, force: true })
    cpSync(root, app, { recursive: true, filter: withoutGitOrInstall })
  }
  const routes = 'packages/svc-01/src/routes'
  const route = readdirSync(join(root, routes))
    .filter((name) => name.endsWith('.ts'))
    .sort()[0]
  if (!route) throw new Error(`the synthetic monorepo has no TypeScript route in ${routes}: update bench/codebases.mjs`)
  const file = `${routes}/${route}`
  const pr = ensurePullRequest(app, { file, original: readFileSync(join(root, file), 'utf8') })
  return { app, pr }
}

export function lockPackageCount(dir) {
  const file = join(dir, 'package-lock.json')
  if (!existsSync(file)) return undefined
  const lock = JSON.parse(readFileSync(file, 'utf8'))
  return Object.entries(lock.packages ?? {}).filter(([path, p]) => path.includes('node_modules/') && !p.link).length
}

/** Whether a code base read in place is there to read (juice-shop and the synthetic monorepo always count: the bench fails without them). */
export function isAvailable(name) {
  // A clone, not a package.json: NodeBB keeps its package.json in install/ until its setup copies it.
  return !(name in IN_PLACE) || existsSync(join(IN_PLACE[name], '.git')) || existsSync(join(IN_PLACE[name], 'package.json'))
}

/**
 * The synthetic monorepo `factor` times over, for peak RSS as a monorepo grows: copies of the tree
 * (without its node_modules) side by side in one folder, each a monorepo of its own to the scan.
 */
export function ensureScaledSynthetic(root, factor) {
  const scaled = join(SCRATCH, `synthetic-x${factor}`)
  const marker = join(scaled, '.bench-scaled.json')
  const source = readFileSync(join(root, '.bench-synthetic.json'), 'utf8')
  if (existsSync(marker) && readFileSync(marker, 'utf8') === source) return scaled
  log(`copying the synthetic monorepo ${factor} times into ${scaled} ...`)
  rmSync(scaled, { recursive: true, force: true })
  for (let i = 1; i <= factor; i += 1) {
    cpSync(root, join(scaled, `copy-${i}`), { recursive: true, filter: (src) => !/[\\/]node_modules$/.test(src) })
  }
  writeFileSync(marker, source)
  return scaled
}

export function prepareCodebase(name, { needApp }) {
  if (name in IN_PLACE) return { name, label: name, root: IN_PLACE[name], app: undefined }
  if (name === 'juice-shop') {
    if (!existsSync(join(JUICE_SHOP, 'package.json'))) {
      throw new Error(`juice-shop is not at ${JUICE_SHOP}: clone juice-shop/juice-shop from GitHub there (or set BENCH_JUICE_SHOP)`)
    }
    if (!needApp) return { name, label: 'juice-shop', root: JUICE_SHOP, app: undefined }
    const app = join(SCRATCH, 'juice-shop-app')
    ensureJuiceApp()
    const original = readFileSync(join(JUICE_SHOP, JUICE_CHANGED_FILE), 'utf8')
    const pr = ensurePullRequest(app, { file: JUICE_CHANGED_FILE, original })
    return { name, label: 'juice-shop', root: JUICE_SHOP, app, pr }
  }
  const root = join(SCRATCH, 'synthetic')
  ensureSynthetic(root, SCRATCH, log)
  if (!needApp) return { name, label: 'synthetic monorepo', root, app: undefined }
  return { name, label: 'synthetic monorepo', root, ...ensureSyntheticApp(root) }
}
