// The kinds of document the scan reads: which file names each takes, and how its text becomes what
// the rules see. Discovery lists files by this table; reading them goes through it too.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { findFiles, type Note, type SourceFile } from '../discovery/find-files.js'
import { committedFiles } from '../discovery/git-files.js'
import { readPackageManager } from '../discovery/package-manager.js'
import { isComposeFileName, parseCompose } from '../parse/compose.js'
import { isDockerfileName, parseDockerfile } from '../parse/dockerfile.js'
import { parseDockerignore } from '../parse/dockerignore.js'
import { isEnvFileName, parseDotenv } from '../parse/dotenv.js'
import { isScriptName } from '../parse/javascript.js'
import { parseNpmrc } from '../parse/npmrc.js'
import { parsePackageJson } from '../parse/package-json.js'
import { isCaddyfileName, isNginxCandidateName, parseProxyConfigs } from '../parse/proxy-config.js'
import type { Documents, ProjectContext } from './context.js'
import { describeError } from '../common/errors.js'

type Document<K extends keyof Documents> = Documents[K][number]

/**
 * One kind of document. `into` and `parse` put each file's parse in a list of the context; a kind
 * without them is only listed (lockfiles: their names are what the rules read) or read elsewhere
 * (JS/TS modules, one package at a time; proxy configs, together, to follow nginx includes).
 */
interface DocumentKind<K extends keyof Documents = keyof Documents> {
  kind: string
  match(name: string): boolean
  into?: K
  /** The document, or undefined when the file turns out not to be one. Throws on bad syntax: the file is named in a note and left out. */
  parse?(text: string, path: string, tree: Tree): Document<K> | undefined
}

/** What a parse may ask of the tree beyond the file. */
interface Tree {
  /** Tracked by git (or, without git, not gitignored). */
  committed(path: string): boolean
}

function defineKind<K extends keyof Documents>(kind: DocumentKind<K>): DocumentKind {
  return kind as DocumentKind
}

function orNotParsed<T>(parsed: ({ ok: true } & T) | { ok: false; error: string }): T {
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed
}

/** Private key files: `server.key`, `cert.pem`, `id_rsa`. */
function isKeyFileName(name: string): boolean {
  return /\.(?:pem|key)$/.test(name) || /^id_(?:rsa|dsa|ecdsa|ed25519)$/.test(name)
}

function isLockfileName(name: string): boolean {
  return name === 'npm-shrinkwrap.json' || name.endsWith('.lock') || name.endsWith('.lockb') || /-lock\.(?:json|yaml)$/.test(name)
}

/** In order: a file is of the first kind whose name it matches. */
const DOCUMENT_KINDS: readonly DocumentKind[] = [
  defineKind({
    kind: 'package-json',
    match: (name) => name === 'package.json',
    into: 'packageJsons',
    parse: (text, path) => ({ path, manifest: orNotParsed(parsePackageJson(text)).manifest })
  }),
  // Also `Dockerfile.dockerignore`, the ignore file of that Dockerfile alone.
  defineKind({
    kind: 'dockerignore',
    match: (name) => name.endsWith('.dockerignore'),
    into: 'dockerignores',
    parse: (text, path) => ({ path, patterns: parseDockerignore(text) })
  }),
  defineKind({
    kind: 'dockerfile',
    match: isDockerfileName,
    into: 'dockerfiles',
    parse: (text, path) => ({ path, model: parseDockerfile(text) })
  }),
  defineKind({ kind: 'js', match: isScriptName }),
  defineKind({
    kind: 'npmrc',
    match: (name) => name === '.npmrc',
    into: 'npmrcs',
    parse: (text, path) => ({ path, entries: parseNpmrc(text) })
  }),
  // Every `.env*` name is listed (an `.env.example` copied into an image matters too); env files
  // proper are parsed. A file with a NUL byte is binary (an encrypted `.env.enc`): no text to read.
  defineKind({
    kind: 'env',
    match: (name) => name.startsWith('.env') || name.endsWith('.env'),
    into: 'envFiles',
    parse: (text, path, tree) =>
      isEnvFileName(basename(path)) && !text.includes('\u0000')
        ? { path, entries: parseDotenv(text), committed: tree.committed(path) }
        : undefined
  }),
  defineKind({
    kind: 'compose',
    match: isComposeFileName,
    into: 'composeFiles',
    parse: (text, path) => ({ path, model: orNotParsed(parseCompose(text)).model })
  }),
  defineKind({
    kind: 'key',
    match: isKeyFileName,
    into: 'keyFiles',
    // A key file only a developer's checkout has (untracked, or gitignored without git) is not committed.
    parse: (text, path, tree) => (text.includes('\u0000') || !tree.committed(path) ? undefined : { path, text })
  }),
  defineKind({
    kind: 'gitignore',
    match: (name) => name === '.gitignore',
    into: 'gitignores',
    parse: (text, path) => ({ path, text })
  }),
  defineKind({ kind: 'proxy', match: (name) => isNginxCandidateName(name) || isCaddyfileName(name) }),
  defineKind({ kind: 'lockfile', match: isLockfileName })
]

const BY_KIND = new Map(DOCUMENT_KINDS.map((k) => [k.kind, k]))
/** Kinds whose files the scan lists but never reads: their size does not matter. */
const LISTED_ONLY = new Set(['lockfile'])

/** The kind of a file by its name, for discovery. */
export function kindOf(name: string): string | undefined {
  return DOCUMENT_KINDS.find((k) => k.match(name))?.kind
}

export function readText(file: SourceFile): string {
  return readFileSync(file.absPath, 'utf8').replace(/^\uFEFF/, '')
}

export function notReadOrParsed(file: SourceFile, error: unknown): Note {
  // Unreadable (permissions, removed meanwhile) or a parser that threw: the file is named, the scan goes on.
  const code = (error as NodeJS.ErrnoException | null)?.code
  return {
    file: file.path,
    message:
      typeof code === 'string' && /^E[A-Z]+$/.test(code) ? `not read: ${code}` : `not parsed, so not checked: ${describeError(error)}`
  }
}

/** The tree as the rules see it, but for the JS/TS modules (listed in `scripts`, parsed by package). */
export interface Project {
  context: ProjectContext
  scripts: SourceFile[]
  notes: Note[]
}

/** Finds the tree's files and parses every document outside tests, kind by kind. */
export function readProject(root: string, today: string): Project {
  const { files, notes } = findFiles(root, kindOf, LISTED_ONLY)
  const documents: Documents = {
    dockerfiles: [],
    proxyConfigs: [],
    npmrcs: [],
    dockerignores: [],
    composeFiles: [],
    packageJsons: [],
    envFiles: [],
    keyFiles: [],
    gitignores: []
  }
  const tree: Tree = { committed: committedFiles(root) }
  const scripts: SourceFile[] = []
  const proxyTexts: Array<{ path: string; text: string }> = []
  for (const file of files) {
    if (file.test) continue
    const kind = BY_KIND.get(file.kind)
    try {
      if (file.kind === 'js') scripts.push(file)
      else if (file.kind === 'proxy') proxyTexts.push({ path: file.path, text: readText(file) })
      else if (kind?.into && kind.parse) {
        const document = kind.parse(readText(file), file.path, tree)
        if (document) (documents[kind.into] as Array<typeof document>).push(document)
      }
    } catch (error) {
      notes.push(notReadOrParsed(file, error))
    }
  }
  try {
    const { configs, errors } = parseProxyConfigs(proxyTexts)
    documents.proxyConfigs = configs
    for (const { path, error } of errors) notes.push({ file: path, message: `not parsed, so not checked: ${describeError(error)}` })
  } catch (error) {
    for (const { path } of proxyTexts) notes.push({ file: path, message: `not parsed, so not checked: ${describeError(error)}` })
  }
  const rootFiles = files.filter((f) => !f.path.includes('/')).map((f) => f.path)
  const manifest = documents.packageJsons.find((p) => p.path === 'package.json')?.manifest
  const packageManager = readPackageManager(root, rootFiles, manifest?.data)
  if (packageManager.disagreement) notes.push({ file: packageManager.lockfile ?? 'package.json', message: packageManager.disagreement })
  return { context: { root, today, files, ...documents, packageManager }, scripts, notes }
}
