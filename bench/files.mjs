// The JavaScript/TypeScript files the scan parses, found with the same rules as the scanner.
//
// dist/ is a bundle, so the rules are copied here from src/discovery/find-files.ts (SKIPPED_DIRS,
// GENERATED, TEST_PATH, MAX_FILE_BYTES), the document kinds of src/scan/documents.ts (which names are
// listed, which are JS/TS; test files are not parsed) and
// src/parse/javascript.ts (looksMinified). Keep them in step when those change; `checkFileSet` in
// run.mjs compares the count with the files the CLI reports as scanned.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SKIPPED_DIRS = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'dist',
  'build',
  'out',
  'coverage',
  '.nyc_output',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.cache',
  '.git',
  '.hg',
  '.svn',
  '.idea',
  '.vscode',
  '.yarn',
  '.pnpm-store'
])
const JS_EXTENSIONS = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/
const GENERATED = /(?:[.-]min\.[cm]?js|\.bundle\.js|\.d\.[cm]?ts)$/
const TEST_PATH = /(?:^|\/)(?:__tests__|__mocks__|mocks?|tests?|spec|e2e|fixtures?|examples?)\/|\.(?:test|spec)\.[cm]?[jt]sx?$/
const MAX_FILE_BYTES = 1024 * 1024
/** A large script among static assets is a vendored library, not listed (find-files.ts VENDORED_BYTES, STATIC_ASSETS). */
const VENDORED_BYTES = 256 * 1024
const STATIC_ASSETS = /(?:^|\/)(?:assets|public|static)\//

function isNginxCandidateName(name) {
  return name.endsWith('.conf') || name.endsWith('.conf.template')
}

function isCaddyfileName(name) {
  return name === 'Caddyfile' || name.startsWith('Caddyfile.') || name.toLowerCase().endsWith('.caddyfile')
}

/** scan/documents.ts kindOf(): the kinds of file discovery lists (only 'js' is parsed as JavaScript). */
function classify(name) {
  if (name === 'package.json') return 'package-json'
  if (name.endsWith('.dockerignore')) return 'config'
  if (/\.dockerfile$/i.test(name) || (/^dockerfile(?:[.-]|$)/i.test(name) && !NOT_DOCKERFILE.test(name))) return 'dockerfile'
  if (JS_EXTENSIONS.test(name)) return 'js'
  if (
    name === '.npmrc' ||
    name === '.dockerignore' ||
    name === '.gitignore' ||
    name.startsWith('.env') ||
    name.endsWith('.env') ||
    /^(?:docker-)?compose.*\.ya?ml$/.test(name) ||
    /\.(?:pem|key)$/.test(name) ||
    /^id_(?:rsa|dsa|ecdsa|ed25519)$/.test(name)
  ) {
    return 'config'
  }
  if (isNginxCandidateName(name) || isCaddyfileName(name) || isLockfileName(name)) return 'config'
  return undefined
}

/** parse/dockerfile.ts isDockerfileName(): any case; not `Dockerfile.md` and the like. */
const NOT_DOCKERFILE = /\.(?:[cm]?[jt]sx?|json|ya?ml|toml|md|txt|sh|py|rb|go|lock)$/i

/** scan/documents.ts isLockfileName(). */
function isLockfileName(name) {
  return name === 'npm-shrinkwrap.json' || name.endsWith('.lock') || name.endsWith('.lockb') || /-lock\.(?:json|yaml)$/.test(name)
}

/** Same test as src/parse/javascript.ts: long lines and few of them. */
export function looksMinified(text) {
  if (text.length < 4096) return false
  let lines = 1
  let longest = 0
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lines += 1
    longest = Math.max(longest, i - start)
    start = i + 1
  }
  longest = Math.max(longest, text.length - start)
  return longest > 1000 && text.length / lines > 200
}

/**
 * Absolute paths of the JS/TS files the scan parses, in the scanner's order: not in skipped folders,
 * not generated (`.min.js`, `.d.ts`), at most 1 MiB, not tests, fixtures or examples, not minified.
 * Also returns how many files of any kind discovery lists (`discovered`), the count the CLI logs as
 * "scanned N files".
 */
export function findParsedFiles(root) {
  const files = []
  let discovered = 0
  const walk = (dir, rel) => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name
      const abs = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(abs, path)
        continue
      }
      if (!entry.isFile()) continue
      const kind = classify(entry.name)
      if (!kind) continue
      if (kind === 'js' && GENERATED.test(entry.name)) continue
      const size = statSync(abs).size
      // Lockfiles are listed whatever their size (find-files.ts: listedOnly); they are not parsed as JS.
      if (size > MAX_FILE_BYTES && !isLockfileName(entry.name)) continue
      if (kind === 'js' && size > VENDORED_BYTES && STATIC_ASSETS.test(path)) continue
      discovered += 1
      if (kind !== 'js') continue
      if (TEST_PATH.test(path)) continue
      if (looksMinified(readFileSync(abs, 'utf8'))) continue
      files.push(abs)
    }
  }
  walk(root, '')
  return { files, discovered }
}
