import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Report } from '../report.js'
import {
  ArtifactError,
  DEFAULT_TRANSPORT,
  readArtifactRuntime,
  uploadArtifact,
  type ArtifactRuntime,
  type ArtifactTransport,
  type UploadedArtifact
} from './artifact.js'
import { zipSingleFile } from './zip.js'

/** Artifact names longer than this are cut (keeping them unique); GitHub shows them in one line. */
export const MAX_ARTIFACT_NAME = 100

/** What the upload did: the artifact's name when there is one, and how many warnings it gave. */
export interface SbomArtifactOutcome {
  artifact?: string
  warnings: number
}

export interface SbomArtifactDeps {
  env: NodeJS.ProcessEnv
  transport: ArtifactTransport
  out: { info(message: string): void; warning(message: string): void }
}

const DEFAULT_DEPS: SbomArtifactDeps = {
  env: process.env,
  transport: { ...DEFAULT_TRANSPORT, mask: (value) => core.setSecret(value) },
  out: core
}

/** Lower case, `[a-z0-9._-]` only (which no artifact name forbids), runs of anything else as one `-`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
}

/** `base` plus `suffix`, cut to MAX_ARTIFACT_NAME; a cut base gets a short hash so cut names stay distinct. */
function fitName(base: string, suffix: string): string {
  if (base.length + suffix.length <= MAX_ARTIFACT_NAME) return base + suffix
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 8)
  return `${base.slice(0, MAX_ARTIFACT_NAME - suffix.length - hash.length - 1).replace(/[-.]+$/, '')}-${hash}${suffix}`
}

/**
 * The artifact name, unique per job and matrix leg of a run: `sbom-<job>`, then the working
 * directory when it is not the root (matrix legs over services), then `-attempt<n>` on a rerun,
 * because a rerun keeps the run and its earlier artifacts.
 */
export function sbomArtifactName(job: string | undefined, root: string, attempt: string | undefined): string {
  const directory = root === '.' || root === '' ? '' : slugify(root)
  const base = ['sbom', slugify(job ?? '') || 'job', directory].filter(Boolean).join('-')
  const run = Number(attempt)
  return fitName(base, Number.isInteger(run) && run > 1 ? `-attempt${run}` : '')
}

/**
 * The name for a second try when the first exists in this run already: another matrix leg (over
 * something other than the working directory) or another step of this job took it. The job's
 * backend id from the runtime token tells this leg apart from every other.
 */
export function fallbackArtifactName(name: string, runtime: ArtifactRuntime): string {
  return fitName(name, `-${slugify(runtime.ids.workflowJobRunBackendId).slice(0, 8)}`)
}

async function uploadUnderFreeName(
  runtime: ArtifactRuntime,
  name: string,
  zip: Buffer,
  transport: ArtifactTransport
): Promise<{ name: string; uploaded: UploadedArtifact }> {
  try {
    return { name, uploaded: await uploadArtifact(runtime, name, zip, transport) }
  } catch (error) {
    if (!(error instanceof ArtifactError && error.conflict)) throw error
  }
  const fallback = fallbackArtifactName(name, runtime)
  try {
    return { name: fallback, uploaded: await uploadArtifact(runtime, fallback, zip, transport) }
  } catch (error) {
    if (error instanceof ArtifactError && error.conflict) {
      throw new ArtifactError(
        `artifacts named ${name} and ${fallback} already exist in this run; give each gate step its own working-directory, or upload the sbom-path output with actions/upload-artifact under a name of your choice`
      )
    }
    throw error
  }
}

/**
 * `upload-sbom: true`: the SBOM, zipped, as a workflow artifact. Every failure (no artifact runtime,
 * a service still failing after the retries, a name taken twice) is one warning line and nothing
 * more: the step is the required status check, and an artifact storage outage says nothing about the
 * code under review. The verdict, outputs and reports are written before this runs and never depend
 * on it; the SBOM stays on disk for an actions/upload-artifact step.
 */
export async function uploadSbomArtifact(
  report: Report,
  sbomFile: string,
  deps: SbomArtifactDeps = DEFAULT_DEPS
): Promise<SbomArtifactOutcome> {
  const { env, transport, out } = deps
  if (report.sbom.status !== 'ok') {
    const why = report.sbom.status === 'skipped' ? 'sbom is false' : 'the SBOM was not generated'
    out.info(`upload-sbom: nothing uploaded, ${why}`)
    return { warnings: 0 }
  }
  const warn = (reason: string): SbomArtifactOutcome => {
    out.warning(
      `The SBOM was not uploaded as an artifact: ${reason.replace(/\s+/g, ' ')}. The gate's verdict and reports are unaffected; the SBOM is at the sbom-path output (actions/upload-artifact can upload it).`
    )
    return { warnings: 1 }
  }
  const runtime = readArtifactRuntime(env)
  if ('unavailable' in runtime) return warn(runtime.unavailable)
  try {
    const data = readFileSync(sbomFile)
    const zip = zipSingleFile({ name: basename(sbomFile), data, modified: statSync(sbomFile).mtime })
    const wanted = sbomArtifactName(env.GITHUB_JOB, report.root, env.GITHUB_RUN_ATTEMPT)
    const { name, uploaded } = await uploadUnderFreeName(runtime, wanted, zip, transport)
    if (name !== wanted) out.info(`An artifact named ${wanted} already exists in this run, so this SBOM is ${name}`)
    out.info(`SBOM uploaded as artifact ${name} (id ${uploaded.id || 'unknown'}, ${(uploaded.size / 1024).toFixed(1)} KiB)`)
    return { artifact: name, warnings: 0 }
  } catch (error) {
    return warn(error instanceof Error ? error.message : String(error))
  }
}
