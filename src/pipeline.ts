import { existsSync } from 'node:fs'
import { constants, getPriority, setPriority } from 'node:os'
import { join } from 'node:path'
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
import { auditError, auditSkipped, type AuditResult } from './tools/audit-report.js'
import type { Exec } from './tools/exec.js'
import { runNpmAudit } from './tools/npm-audit.js'
import { installArgs, installStepName, runInstall } from './tools/install.js'
import { lockedManager } from './discovery/package-manager.js'
import type { NpmView } from './lockfiles/npm-view.js'
import { runSbom, type SbomResult } from './tools/sbom.js'
import type { StepRecord } from './tools/step.js'
import { TOOL_NAME, TOOL_VERSION } from './common/version.js'
import { needsNpmView } from './common/lockfiles.js'

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
  const config: GateConfig = await loadConfig(
    options.configFile,
    options.configRequired,
    toPosixRelative(options.workspace, options.configFile),
    KNOWN_RULE_IDS
  )
  const manager = lockedManager(cwd)
  const hasManifest = existsSync(join(cwd, 'package.json'))
  const installName = installStepName(manager)

  let ci: Promise<StepRecord>
  if (!options.install) ci = Promise.resolve(skippedStep(installName, 'install is false'))
  else if (!hasManifest) ci = Promise.resolve(skippedStep(installName, 'no package.json in the working directory'))
  else if (!manager) ci = Promise.resolve(skippedStep(installName, 'no lockfile (see lockfile-missing)'))
  else {
    deps.log(`${manager.name} ${installArgs(manager, options.ignoreScripts).join(' ')} in ${toPosixRelative(options.workspace, cwd)}`)
    ci = runInstall(deps.exec, { cwd, manager, ignoreScripts: options.ignoreScripts, timeoutMs: timeouts.ci, env })
    yieldToInstall(deps)
  }

  // A pnpm or yarn project is audited and described by npm through the equivalent npm lockfile; the
  // lockfile parsers that make it are loaded only then.
  const view =
    needsNpmView(manager) && (options.audit || options.sbom)
      ? (await import('./lockfiles/npm-view.js')).writeNpmView(cwd, manager)
      : undefined
  const npmDir = view?.ok ? view.view.dir : cwd
  const viewError = view && !view.ok ? view.error : undefined

  const audit: Promise<{ step: StepRecord; result: AuditResult }> = !options.audit
    ? Promise.resolve({ step: skippedStep('npm audit', 'audit is off'), result: auditSkipped('audit is off') })
    : viewError
      ? Promise.resolve({ step: { name: 'npm audit', status: 'error', ms: 0, detail: viewError }, result: auditError(viewError) })
      : runNpmAudit(deps.exec, {
          cwd: npmDir,
          omitDev: options.omitDev,
          packageLockOnly: view !== undefined,
          timeoutMs: timeouts.audit,
          env
        })

  const sbom: Promise<{ step: StepRecord; result: SbomResult }> = !options.sbom
    ? Promise.resolve({ step: skippedStep('sbom', 'sbom is false'), result: { status: 'skipped' } })
    : viewError
      ? Promise.resolve({
          step: { name: 'sbom', status: 'error', ms: 0, detail: viewError },
          result: { status: 'error', error: viewError }
        })
      : runSbom(deps.exec, {
          cwd: npmDir,
          outputFile: options.sbomFile,
          omitDev: options.omitDev,
          packageLockOnly: true,
          timeoutMs: timeouts.sbom,
          env
        })
  // npm is done with the view once both have finished, whatever their outcome.
  if (view?.ok) void Promise.allSettled([audit, sbom]).then(() => view.view.remove())

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
    today: options.today,
    env,
    // In a worker of its own, like the head's scan: scanned in this thread it would hold the event
    // loop, and with it the output of npm ci, the audit and the SBOM, for as long as it runs.
    scanWorker: deps.scanWorker,
    log: deps.log
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
  const notes = [...scan.value.notes, ...(view?.ok ? npmViewNotes(view.view) : []), ...allowed.notes]
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

/** Dependencies of a pnpm or yarn lockfile that npm cannot audit or list (links, files, git), named in one note. */
function npmViewNotes(view: NpmView): Note[] {
  if (view.skipped.length === 0) return []
  const shown = view.skipped.slice(0, 5).join(', ')
  const more = view.skipped.length > 5 ? ` and ${view.skipped.length - 5} more` : ''
  const what =
    view.skipped.length === 1
      ? '1 dependency is not a registry package and is'
      : `${view.skipped.length} dependencies are not registry packages and are`
  return [{ file: view.source, message: `${what} neither audited nor in the SBOM: ${shown}${more}` }]
}

function sbomSection(result: SbomResult, cwd: string): SbomSection {
  const { path, ...rest } = result
  return path ? { ...rest, path: toPosixRelative(cwd, path) } : rest
}
