import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { accessSync, constants } from 'node:fs'
import { dirname } from 'node:path'
import type { Report } from '../report.js'
import { ArtifactError, readArtifactRuntime, type ArtifactRuntime } from './artifact.js'
import { describeErrorFully } from '../common/errors.js'

/** Artifact names longer than this are cut (keeping them unique); GitHub shows them in one line. */
export const MAX_ARTIFACT_NAME = 100

/** What the upload did: the artifact's name when there is one, and how many warnings it gave. */
export interface SbomArtifactOutcome {
  artifact?: string
  warnings: number
}

/** The part of @actions/artifact's client used here. */
export interface ArtifactUploader {
  uploadArtifact(name: string, files: string[], rootDirectory: string): Promise<{ id?: number; size?: number }>
}

export interface SbomArtifactDeps {
  out: { info(message: string): void; warning(message: string): void }
  /** The upload client, loaded only when there is something to upload. */
  loadUploader(): Promise<ArtifactUploader>
}

/** @actions/artifact (with the Azure storage SDK) is loaded on first use: a run without upload-sbom never pays for it. */
async function loadArtifactClient(): Promise<ArtifactUploader> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  return new DefaultArtifactClient()
}

const DEFAULT_DEPS: SbomArtifactDeps = { out: core, loadUploader: loadArtifactClient }

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

/**
 * @actions/artifact reports a failed Twirp call as `Failed to <Method>: ... Failed request: (<status>) <reason>: <msg>`;
 * this reads it back as `<Method> answered HTTP <status>: <msg>`. Other errors keep their message.
 */
export function describeUploadError(error: unknown): { message: string; conflict: boolean } {
  const message = describeErrorFully(error)
  const failed = /^Failed to (\w+): .*?Failed request: \((\d{3})\)[^:]*(?::\s*([\s\S]*))?$/.exec(message)
  if (!failed) return { message, conflict: false }
  const [, method, status, msg] = failed
  // CreateArtifact's 409 (Twirp already_exists): an artifact of that name is in the run already.
  return { message: `${method} answered HTTP ${status}${msg ? `: ${msg.slice(0, 300)}` : ''}`, conflict: status === '409' }
}

async function uploadUnderFreeName(
  uploader: ArtifactUploader,
  runtime: ArtifactRuntime,
  name: string,
  sbomFile: string
): Promise<{ name: string; uploaded: { id?: number; size?: number } }> {
  // One file, zipped under its own name (the root is its directory), as the hand-made zip had it.
  const upload = (artifact: string) => uploader.uploadArtifact(artifact, [sbomFile], dirname(sbomFile))
  try {
    return { name, uploaded: await upload(name) }
  } catch (error) {
    const failure = describeUploadError(error)
    if (!failure.conflict) throw new ArtifactError(failure.message)
  }
  const fallback = fallbackArtifactName(name, runtime)
  try {
    return { name: fallback, uploaded: await upload(fallback) }
  } catch (error) {
    const failure = describeUploadError(error)
    if (failure.conflict) {
      throw new ArtifactError(
        `artifacts named ${name} and ${fallback} already exist in this run; give each gate step its own working-directory, or upload the sbom-path output with actions/upload-artifact under a name of your choice`
      )
    }
    throw new ArtifactError(failure.message)
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
  const { out } = deps
  // @actions/artifact reads the runtime from process.env; so does the check before it.
  const env = process.env
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
    // A missing SBOM is named before the client is loaded or any artifact is created.
    accessSync(sbomFile, constants.R_OK)
    const uploader = await deps.loadUploader()
    const wanted = sbomArtifactName(env.GITHUB_JOB, report.root, env.GITHUB_RUN_ATTEMPT)
    const { name, uploaded } = await uploadUnderFreeName(uploader, runtime, wanted, sbomFile)
    if (name !== wanted) out.info(`An artifact named ${wanted} already exists in this run, so this SBOM is ${name}`)
    out.info(`SBOM uploaded as artifact ${name} (id ${uploaded.id || 'unknown'}, ${((uploaded.size ?? 0) / 1024).toFixed(1)} KiB)`)
    return { artifact: name, warnings: 0 }
  } catch (error) {
    return warn(describeErrorFully(error))
  }
}
