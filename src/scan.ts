import { lstatSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { GateConfig } from './config/config-file.js'
import { findFiles, isCaddyfileName, isNginxCandidateName, type Note, type SourceFile } from './discovery/find-files.js'
import { groupByPackage } from './discovery/packages.js'
import { readSecretFiles } from './parse/secret-files.js'
import type { Finding } from './findings/finding.js'
import { applyPolicy } from './findings/policy.js'
import { buildExpressModel, type PackageAlias } from './model/express.js'
import { isComposeFileName, parseCompose } from './parse/compose.js'
import { parseDockerfile } from './parse/dockerfile.js'
import { parseDockerignore } from './parse/dockerignore.js'
import { parseNpmrc } from './parse/npmrc.js'
import { parsePackageJson } from './parse/package-json.js'
import { parseProxyConfigs } from './parse/proxy-config.js'
import { RULES } from './rules/registry.js'
import { buildModelSafely, describeFailure, modulesOfGroup, notReadOrParsed, packageAlias, parseModule, readText } from './scan-modules.js'
import type {
  ComposeDoc,
  DockerfileDoc,
  DockerignoreDoc,
  NpmrcDoc,
  PackageJsonDoc,
  Rule,
  RuleFinding,
  RuleMeta,
  ScanContext
} from './rules/rule.js'

export interface ScanResult {
  findings: Finding[]
  notes: Note[]
  filesScanned: number
}

function isProxyCandidate(file: SourceFile): boolean {
  const name = basename(file.path)
  return file.kind === 'config' && (isNginxCandidateName(name) || isCaddyfileName(name))
}

/** Everything but the JS/TS modules: those are parsed one package at a time (see collectFindings). */
interface Project {
  docs: Omit<ScanContext, 'modules' | 'express'>
  jsFiles: SourceFile[]
  notes: Note[]
  aliasOf: PackageAlias
}

/** Reads and parses every file but the JS/TS modules, which the caller parses by package. */
function readProject(root: string, today: string): Project {
  const { files, notes } = findFiles(root)
  const texts = new Map<string, string>()
  const jsFiles: SourceFile[] = []
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
  const readAndParse = (file: SourceFile): void => {
    const name = basename(file.path)
    if (file.kind === 'js') {
      jsFiles.push(file)
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
  for (const file of files) {
    if (file.test) continue
    try {
      readAndParse(file)
    } catch (error) {
      notes.push(notReadOrParsed(file, error))
    }
  }
  let proxies: ReturnType<typeof parseProxyConfigs>
  try {
    proxies = parseProxyConfigs(proxyTexts)
  } catch (error) {
    proxies = { configs: [], errors: proxyTexts.map(({ path }) => ({ path, error: describeFailure(error) })) }
  }
  const { configs: proxyConfigs, errors: proxyErrors } = proxies
  for (const { path, error } of proxyErrors) notParsed(path, error)
  const { envFiles, keyFiles } = readSecretFiles(root, files, texts)
  const docs = { root, today, files, dockerfiles, proxyConfigs, npmrcs, dockerignores, composeFiles, packageJsons, envFiles, keyFiles }
  return { docs, jsFiles, notes, aliasOf: packageAlias(root) }
}

/** The whole tree as one context, every module in one model (the rule tests' view of a small app). */
export function buildScanContext(root: string, today: string): { context: ScanContext; notes: Note[] } {
  const { docs, jsFiles, notes, aliasOf } = readProject(root, today)
  const modules = jsFiles.flatMap((file) => parseModule(file, notes) ?? [])
  return { context: { ...docs, modules, express: buildModelSafely(modules, aliasOf, notes) }, notes }
}

type Reported = Array<{ meta: RuleMeta; finding: RuleFinding }>

/** One rule's findings; a rule that throws becomes a note and reports nothing. */
function checkRule(rule: Rule, context: ScanContext, notes: Note[]): RuleFinding[] {
  try {
    return rule.check(context)
  } catch (error) {
    notes.push({
      file: '.',
      message: `rule ${rule.meta.id} failed and reported nothing: ${error instanceof Error ? error.message : String(error)}`
    })
    return []
  }
}

/** Keeps findings not made before (for another package, say). */
class Findings {
  readonly reported: Reported = []
  private readonly seen = new Set<string>()

  add(meta: RuleMeta, findings: RuleFinding[]): void {
    for (const finding of findings) {
      const key = [meta.id, finding.file, finding.line, finding.column, finding.message].join('\u0000')
      if (this.seen.has(key)) continue
      this.seen.add(key)
      this.reported.push({ meta, finding })
    }
  }
}

/**
 * Runs every rule once on the tree with no JS/TS module, and returns the rules that read the modules
 * or the Express model, to be run again for each package. Which rules those are is seen, not declared:
 * a rule that never touches `modules` or `express` here cannot depend on them, because nothing else
 * differs between packages. With no module at all, this run is the only one.
 */
function runProjectRules(docs: Project['docs'], aliasOf: PackageAlias, hasModules: boolean, findings: Findings, notes: Note[]): Rule[] {
  const express = buildExpressModel([], aliasOf)
  const sourceRules: Rule[] = []
  for (const rule of RULES) {
    let readsSource = false
    const context = { ...docs } as ScanContext
    Object.defineProperty(context, 'modules', {
      enumerable: true,
      get: () => {
        readsSource = true
        return []
      }
    })
    Object.defineProperty(context, 'express', {
      enumerable: true,
      get: () => {
        readsSource = true
        return express
      }
    })
    const found = checkRule(rule, context, notes)
    if (readsSource && hasModules) sourceRules.push(rule)
    else findings.add(rule.meta, found)
  }
  return sourceRules
}

function uniqueNotes(notes: Note[]): Note[] {
  const seen = new Set<string>()
  return notes.filter((n) => {
    const key = `${n.file}\u0000${n.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** What the rules report before the policy applies: plain data, which a worker thread can send. */
export interface CollectedFindings {
  reported: Reported
  notes: Note[]
  filesScanned: number
}

/**
 * Discovery, parsing, the app model and every rule. JS/TS modules are parsed, modelled and checked
 * one package at a time (see groupByPackage): a 10,000-file monorepo never holds more than one
 * workspace's syntax trees.
 */
export function collectFindings(root: string, today: string): CollectedFindings {
  const { docs, jsFiles, notes, aliasOf } = readProject(root, today)
  const findings = new Findings()
  const byPath = new Map(jsFiles.map((f) => [f.path, f]))
  const groups = groupByPackage(
    jsFiles,
    docs.files.filter((f) => f.kind === 'package-json')
  )
  const sourceRules = runProjectRules(docs, aliasOf, groups.length > 0, findings, notes)
  for (const group of groups) {
    const modules = modulesOfGroup(group, byPath, aliasOf, notes)
    const context: ScanContext = { ...docs, modules, express: buildModelSafely(modules, aliasOf, notes) }
    for (const rule of sourceRules) findings.add(rule.meta, checkRule(rule, context, notes))
  }
  return { reported: findings.reported, notes, filesScanned: docs.files.length }
}

/** A scanned file's lines as the rules saw them (no BOM), for inline suppressions; undefined when it is not a readable file. */
function fileLines(root: string): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>()
  return (file) => {
    if (!cache.has(file)) {
      const path = join(root, file)
      try {
        cache.set(
          file,
          lstatSync(path).isFile()
            ? readFileSync(path, 'utf8')
                .replace(/^\uFEFF/, '')
                .split(/\r?\n/)
            : undefined
        )
      } catch {
        cache.set(file, undefined)
      }
    }
    return cache.get(file)
  }
}

/** The central policy over collected findings: severity overrides, suppressions (config and inline). */
export function applyScanPolicy(collected: CollectedFindings, root: string, config: GateConfig, today: string): ScanResult {
  const policy = applyPolicy(collected.reported, config, today, fileLines(root))
  return { findings: policy.findings, notes: uniqueNotes([...collected.notes, ...policy.notes]), filesScanned: collected.filesScanned }
}

/** Discovery, parsing, the app model and every rule, then the central policy (overrides, suppressions). */
export function runScan(root: string, config: GateConfig, today: string): ScanResult {
  return applyScanPolicy(collectFindings(root, today), root, config, today)
}
