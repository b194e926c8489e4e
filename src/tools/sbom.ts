import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeErrorFully } from '../common/errors.js'
import { formatDuration, lastLine, npmEnv, type Exec } from './exec.js'
import type { StepRecord } from './step.js'

export interface SbomOptions {
  cwd: string
  outputFile: string
  omitDev: boolean
  /** Read the lockfile instead of the installed tree; the gate always does, so the SBOM runs while npm ci installs. */
  packageLockOnly: boolean
  timeoutMs: number
  env?: NodeJS.ProcessEnv
}

export interface SbomResult {
  status: 'ok' | 'error' | 'skipped'
  error?: string
  /** Absolute path of the SBOM written. */
  path?: string
  specVersion?: string
  components?: number
}

export const SPEC_VERSION = '1.6'
const CLI = join('cyclonedx-npm', 'bin', 'cyclonedx-npm-cli.cjs')

/**
 * cyclonedx-npm ships inside dist/ (see scripts/bundle.mjs): beside the bundle when running from
 * dist/, or in the repository's dist/ when running from source in tests.
 */
export function findCyclonedxCli(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, CLI), join(dir, 'dist', CLI)]) {
      if (existsSync(candidate)) return candidate
    }
    if (dirname(dir) === dir) throw new Error('the bundled cyclonedx-npm is missing from dist/; run npm run bundle')
  }
}

export function sbomArgs(options: SbomOptions): string[] {
  return [
    '--output-reproducible',
    '--validate',
    '--output-format',
    'JSON',
    '--spec-version',
    SPEC_VERSION,
    '--output-file',
    options.outputFile,
    ...(options.omitDev ? ['--omit', 'dev'] : []),
    ...(options.packageLockOnly ? ['--package-lock-only'] : []),
    '--',
    join(options.cwd, 'package.json')
  ]
}

interface BomComponent {
  components?: BomComponent[]
}

function countComponents(list: BomComponent[] | undefined): number {
  return (list ?? []).reduce((n, c) => n + 1 + countComponents(c.components), 0)
}

/** Reads the written SBOM back: the report states what is in the file, not what we asked for. */
export function readSbomSummary(file: string): { specVersion: string; components: number } {
  const bom = JSON.parse(readFileSync(file, 'utf8')) as { bomFormat?: string; specVersion?: string; components?: BomComponent[] }
  if (bom.bomFormat !== 'CycloneDX') throw new Error(`${file} is not a CycloneDX document`)
  return { specVersion: String(bom.specVersion ?? ''), components: countComponents(bom.components) }
}

/** cyclonedx-npm logs `ERROR | <reason>` before its final exception line; the reason is what helps. */
export function explainSbomFailure(stderr: string): string {
  const logged = stderr.match(/^ERROR \| (.+)$/m)?.[1]?.trim()
  if (logged && /lock ?file|shrinkwrap/i.test(logged)) return `${logged}: commit package-lock.json (see lockfile-missing)`
  return logged || lastLine(stderr) || 'no output'
}

export async function runSbom(exec: Exec, options: SbomOptions): Promise<{ step: StepRecord; result: SbomResult }> {
  let cli: string
  try {
    cli = findCyclonedxCli()
  } catch (error) {
    const message = describeErrorFully(error)
    return { step: { name: 'sbom', status: 'error', ms: 0, detail: message }, result: { status: 'error', error: message } }
  }
  const run = await exec(process.execPath, [cli, ...sbomArgs(options)], {
    cwd: options.cwd,
    env: npmEnv(options.env),
    timeoutMs: options.timeoutMs
  })
  let result: SbomResult
  if (run.timedOut) {
    result = {
      status: 'error',
      error: `cyclonedx-npm did not finish within ${formatDuration(options.timeoutMs)} and was stopped while writing the SBOM: rerun the job, or turn the SBOM off (sbom: false, or --no-sbom)`
    }
  } else if (run.code !== 0 || !existsSync(options.outputFile)) {
    result = { status: 'error', error: `cyclonedx-npm failed (exit ${run.code ?? 'killed'}): ${explainSbomFailure(run.stderr)}` }
  } else {
    try {
      result = { status: 'ok', path: options.outputFile, ...readSbomSummary(options.outputFile) }
    } catch (error) {
      result = {
        status: 'error',
        error: `the SBOM written by cyclonedx-npm cannot be read: ${describeErrorFully(error)}`
      }
    }
  }
  const step: StepRecord = { name: 'sbom', status: result.status, ms: run.ms, ...(result.error ? { detail: result.error } : {}) }
  return { step, result }
}
