import { existsSync } from 'node:fs'
import { constants, getPriority, setPriority } from 'node:os'
import { join } from 'node:path'
import { NPM_LOCKFILES } from './common/lockfiles.js'
import { applyBaseline } from './baseline/compare.js'
import { loadBaseline } from './baseline/load.js'
import { loadConfig, type GateConfig } from './config/config-file.js'
import type { GateOptions } from './config/options.js'
import { toPosixRelative } from './config/paths.js'
import { applyAllowlist } from './findings/allowlist.js'
import { decideGate } from './findings/gate.js'
import { findExpiredSuppressions } from './findings/policy.js'
import type { Report, SbomSection } from './report.js'
import { KNOWN_RULE_IDS } from './rules/catalog.js'
import type { Note } from './discovery/find-files.js'
import { applyScanPolicy, type CollectedFindings, type ScanResult } from './scan/result.js'
import { collectFindingsInWorker } from './scan/worker.js'
import { auditSkipped, type AuditResult } from './tools/audit-report.js'
import type { Exec } from './tools/exec.js'
import { runNpmAudit } from './tools/npm-audit.js'
import { runNpmCi } from './tools/npm-ci.js'
import { runSbom, type SbomResult } from './tools/sbom.js'
import type { StepRecord } from './tools/step.js'
import { TOOL_NAME, TOOL_VERSION } from './common/version.js'

export interface PipelineDeps {
  exec: Exec
  /** Progress lines for the log (the action's core.info, the CLI's stderr). */
  log: (line: string) => void
  env?: NodeJS.ProcessEnv
  /** The script to start the scan's worker thread from (the bundle itself); without it the scan runs in this thread. */
  scanWorker?: string
  /** Whether to lower this process's priority while npm ci runs (default true; see yieldToInstall). */
  lowerPriority?: boolean
  /** How long each tool may run, in ms; the defaults below. Tests shorten them; it is no user input. */
  timeouts?: Partial<Timeouts>
}

interface Timeouts {
  ci: number
  audit: number
  sbom: number
}

const MINUTE = 60_000
const TIMEOUTS: Timeouts = { ci: 20 * MINUTE, audit: 5 * MINUTE, sbom: 5 * MINUTE }

function skippedStep(name: string, detail: string): StepRecord {
  return { name, status: 'skipped', ms: 0, detail }
}

export function hasNpmLockfile(dir: string): boolean {
  return NPM_LOCKFILES.some((name) => existsSync(join(dir, name)))
}

/**
 * The scan, in a worker thread when the entry point gave its script (the bundle), else in this
 * thread (the tests, which import the source). A worker that fails (out of its memory ceiling,
 * say) costs nothing but time: the scan runs again here, and a note says why.
 */
async function scanProject(
  cwd: string,
  config: GateConfig,
  today: string,
  deps: PipelineDeps
): Promise<{ value: ScanResult; step: StepRecord }> {
  const started = Date.now()
  let collected: CollectedFindings | undefined
  let fallback: Note | undefined
  if (deps.scanWorker) {
    const outcome = await collectFindingsInWorker(deps.scanWorker, cwd, today)
    if (outcome.ok) collected = outcome.collected
    else fallback = { file: '.', message: `the scan's worker thread failed (${outcome.error}); scanned again in the main thread` }
  }
  // Loaded only here: the scan's code is the bulk of the bundle, and a worker scan never needs it in this thread.
  collected ??= (await import('./scan/collect.js')).collectFindings(cwd, today)
  if (fallback) collected = { ...collected, notes: [fallback, ...collected.notes] }
  const value = applyScanPolicy(collected, cwd, config, today)
  return { value, step: { name: 'scan', status: 'ok', ms: Date.now() - started } }
}

/**
 * Once npm ci has started, the rest of the gate (this process, and the audit and SBOM processes it
 * starts next, which inherit the priority) runs at a lower CPU priority: on a small runner the
 * scan and the SBOM then fill the CPU that npm ci leaves idle instead of slowing npm ci down, and
 * the gate takes about as long as npm ci. Raising one's own niceness needs no privilege; where it
 * fails the gate just runs at normal priority.
 */
function yieldToInstall(deps: PipelineDeps): void {
  if (deps.lowerPriority === false) return
  try {
    setPriority(Math.max(getPriority(), constants.priority.PRIORITY_BELOW_NORMAL))
  } catch {
    // not permitted here: nothing to do
  }
}

/**
 * The gate: npm ci, npm audit, the SBOM and the scan, then the decision. Audit, SBOM and scan need
 * only the lockfile and the sources, so they all run while npm ci installs: the gate takes about as
 * long as npm ci alone. npm ci installs exactly the lockfile, so the SBOM read from it lists the same
 * components, versions, licenses and integrity hashes as one read from node_modules; it lacks only
 * the descriptive fields (description, homepage, repository) that live in installed package.json files.
 */
export async function runGate(options: GateOptions, deps: PipelineDeps): Promise<Report> {
  const cwd = options.workingDirectory
  const env = deps.env
  const timeouts: Timeouts = { ...TIMEOUTS, ...deps.timeouts }
  const config: GateConfig = loadConfig(
    options.configFile,
    options.configRequired,
    toPosixRelative(options.workspace, options.configFile),
    KNOWN_RULE_IDS
  )
  const lockfile = hasNpmLockfile(cwd)
  const hasManifest = existsSync(join(cwd, 'package.json'))

  let ci: Promise<StepRecord>
  if (!options.install) ci = Promise.resolve(skippedStep('npm ci', 'install is false'))
  else if (!hasManifest) ci = Promise.resolve(skippedStep('npm ci', 'no package.json in the working directory'))
  else if (!lockfile) ci = Promise.resolve(skippedStep('npm ci', 'no package-lock.json (see lockfile-missing)'))
  else {
    deps.log(`npm ci${options.ignoreScripts ? ' --ignore-scripts' : ''} in ${toPosixRelative(options.workspace, cwd)}`)
    ci = runNpmCi(deps.exec, { cwd, ignoreScripts: options.ignoreScripts, timeoutMs: timeouts.ci, env })
    yieldToInstall(deps)
  }

  const audit: Promise<{ step: StepRecord; result: AuditResult }> = options.audit
    ? runNpmAudit(deps.exec, { cwd, omitDev: options.omitDev, timeoutMs: timeouts.audit, env })
    : Promise.resolve({ step: skippedStep('npm audit', 'audit is off'), result: auditSkipped('audit is off') })

  const sbom: Promise<{ step: StepRecord; result: SbomResult }> = options.sbom
    ? runSbom(deps.exec, {
        cwd,
        outputFile: options.sbomFile,
        omitDev: options.omitDev,
        packageLockOnly: true,
        timeoutMs: timeouts.sbom,
        env
      })
    : Promise.resolve({ step: skippedStep('sbom', 'sbom is false'), result: { status: 'skipped' } })

  const scanned = scanProject(cwd, config, options.today, deps).then((result) => {
    deps.log(`scanned ${result.value.filesScanned} files: ${result.value.findings.length} findings`)
    return result
  })

  // The baseline (a file, or the base commit scanned and audited like the head) overlaps the rest too.
  const baseline = loadBaseline(options.baseline, {
    root: cwd,
    config,
    exec: deps.exec,
    audit: options.audit,
    auditLevel: options.auditLevel,
    omitDev: options.omitDev,
    today: options.today
  })

  const [ciStep, auditRun, sbomRun, scan, baselineOutcome] = await Promise.all([ci, audit, sbom, scanned, baseline])
  const allowed = applyAllowlist(auditRun.result, config.allow, options.today, config.source)
  const steps = [ciStep, auditRun.step, sbomRun.step, scan.step]
  const compared = applyBaseline(scan.value.findings, allowed.result, baselineOutcome)
  const decision = decideGate({
    findings: compared.findings,
    audit: compared.audit,
    steps,
    auditLevel: options.auditLevel,
    failOn: options.failOn,
    onAuditError: options.onAuditError,
    baseline: compared.section
  })
  const notes = [...scan.value.notes, ...allowed.notes]
  return {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: toPosixRelative(options.workspace, cwd),
    passed: decision.passed,
    reasons: decision.reasons,
    warnings: [...decision.warnings, ...notes.filter((n) => n.message.includes('expired')).map((n) => `${n.file}: ${n.message}`)],
    thresholds: { audit: options.auditLevel, findings: options.failOn },
    findings: compared.findings,
    audit: compared.audit,
    sbom: sbomSection(sbomRun.result, cwd),
    steps,
    notes,
    expiredSuppressions: findExpiredSuppressions(config, options.today),
    baseline: compared.section
  }
}

function sbomSection(result: SbomResult, cwd: string): SbomSection {
  const { path, ...rest } = result
  return path ? { ...rest, path: toPosixRelative(cwd, path) } : rest
}
