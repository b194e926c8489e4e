import { readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { GateConfig } from './config/config-file.js'
import { findFiles, isCaddyfileName, isNginxCandidateName, type Note, type SourceFile } from './discovery/find-files.js'
import { readSecretFiles } from './discovery/secret-files.js'
import type { Finding } from './findings/finding.js'
import { applyPolicy } from './findings/policy.js'
import { buildExpressModel, type JsModule, type PackageAlias } from './model/express.js'
import { isComposeFileName, parseCompose } from './parse/compose.js'
import { parseDockerfile } from './parse/dockerfile.js'
import { parseDockerignore } from './parse/dockerignore.js'
import { looksMinified, parseJavaScript } from './parse/javascript.js'
import { parseNpmrc } from './parse/npmrc.js'
import { parsePackageJson } from './parse/package-json.js'
import { parseProxyConfigs } from './parse/proxy-config.js'
import { RULES } from './rules/registry.js'
import type { ComposeDoc, DockerfileDoc, DockerignoreDoc, NpmrcDoc, PackageJsonDoc, RuleFinding, RuleMeta, ScanContext } from './rules/rule.js'

export interface ScanResult {
  findings: Finding[]
  notes: Note[]
  filesScanned: number
}

function readText(file: SourceFile): string {
  return readFileSync(file.absPath, 'utf8').replace(/^\uFEFF/, '')
}

function packageName(dir: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }
    return typeof pkg.name === 'string' ? pkg.name : undefined
  } catch {
    return undefined
  }
}

/** A relative import of a folder that is a package (`require('../..')`) stands for that package. */
function packageAlias(root: string): PackageAlias {
  const cache = new Map<string, string | undefined>()
  return (source, fromFile) => {
    if (!source.startsWith('.')) return undefined
    const dir = resolve(root, dirname(fromFile), source)
    if (!cache.has(dir)) cache.set(dir, packageName(dir))
    return cache.get(dir)
  }
}

function isProxyCandidate(file: SourceFile): boolean {
  const name = basename(file.path)
  return file.kind === 'config' && (isNginxCandidateName(name) || isCaddyfileName(name))
}

/** Reads and parses each file once; the parses are shared by every rule. */
export function buildScanContext(root: string, today: string): { context: ScanContext; notes: Note[]; texts: Map<string, string> } {
  const { files, notes } = findFiles(root)
  const texts = new Map<string, string>()
  const modules: JsModule[] = []
  const dockerfiles: DockerfileDoc[] = []
  const proxyTexts: Array<{ path: string; text: string }> = []
  const npmrcs: NpmrcDoc[] = []
  const dockerignores: DockerignoreDoc[] = []
  const composeFiles: ComposeDoc[] = []
  const packageJsons: PackageJsonDoc[] = []
  const read = (file: SourceFile): string => {
    const text = readText(file)
    texts.set(file.path, text)
    return text
  }
  const notParsed = (path: string, error: string): void => {
    notes.push({ file: path, message: `not parsed, so not checked: ${error.split('\n')[0]}` })
  }
  for (const file of files) {
    if (file.test) continue
    const name = basename(file.path)
    if (file.kind === 'js') {
      const text = readText(file)
      if (looksMinified(text)) {
        notes.push({ file: file.path, message: 'skipped: looks minified or generated' })
        continue
      }
      texts.set(file.path, text)
      const parsed = parseJavaScript(text)
      if (parsed.ok) modules.push({ path: file.path, text, ast: parsed.ast.program })
      else notParsed(file.path, parsed.error)
    } else if (file.kind === 'dockerfile') {
      const text = read(file)
      try {
        dockerfiles.push({ path: file.path, model: parseDockerfile(text) })
      } catch (error) {
        notParsed(file.path, error instanceof Error ? error.message : String(error))
      }
    } else if (isProxyCandidate(file)) {
      proxyTexts.push({ path: file.path, text: read(file) })
    } else if (name === '.npmrc') {
      npmrcs.push({ path: file.path, entries: parseNpmrc(read(file)) })
    } else if (file.kind === 'config' && file.path.endsWith('.dockerignore')) {
      dockerignores.push({ path: file.path, patterns: parseDockerignore(readText(file)) })
    } else if (file.kind === 'config' && isComposeFileName(name)) {
      const parsed = parseCompose(read(file))
      if (parsed.ok) composeFiles.push({ path: file.path, model: parsed.model })
      else notParsed(file.path, parsed.error)
    } else if (file.kind === 'package-json') {
      const parsed = parsePackageJson(read(file))
      if (parsed.ok) packageJsons.push({ path: file.path, manifest: parsed.manifest })
      else notParsed(file.path, parsed.error)
    }
  }
  const { configs: proxyConfigs, errors: proxyErrors } = parseProxyConfigs(proxyTexts)
  for (const { path, error } of proxyErrors) notParsed(path, error)
  const { envFiles, keyFiles } = readSecretFiles(root, files, texts)
  const context: ScanContext = { root, today, files, modules, express: buildExpressModel(modules, packageAlias(root)), dockerfiles, proxyConfigs, npmrcs,
    dockerignores, composeFiles, packageJsons, envFiles, keyFiles }
  return { context, notes, texts }
}

/** Discovery, parsing, the app model and every rule, then the central policy (overrides, suppressions). */
export function runScan(root: string, config: GateConfig, today: string): ScanResult {
  const { context, notes, texts } = buildScanContext(root, today)
  const reported: Array<{ meta: RuleMeta; finding: RuleFinding }> = []
  for (const rule of RULES) {
    try {
      for (const finding of rule.check(context)) reported.push({ meta: rule.meta, finding })
    } catch (error) {
      notes.push({ file: '.', message: `rule ${rule.meta.id} failed and reported nothing: ${error instanceof Error ? error.message : String(error)}` })
    }
  }
  const lineCache = new Map<string, string[]>()
  const lines = (file: string): string[] | undefined => {
    if (!lineCache.has(file)) {
      const text = texts.get(file)
      if (text === undefined) return undefined
      lineCache.set(file, text.split(/\r?\n/))
    }
    return lineCache.get(file)
  }
  const policy = applyPolicy(reported, config, today, lines)
  return { findings: policy.findings, notes: [...notes, ...policy.notes], filesScanned: context.files.length }
}
