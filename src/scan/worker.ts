import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { GateOptions } from '../config/options.js'
import { sourceWithin } from '../discovery/find-files.js'
import { isScriptName } from '../parse/script-name.js'
import type { CollectedFindings } from './result.js'
import { describeErrorFully } from '../common/errors.js'

const KIND = 'express-hardening-gate/scan'

/** The thread's data: what marks it as the scan's worker. The job itself comes as a message (see prestartScanWorker). */
interface ScanWorkerData {
  kind: typeof KIND
}

interface ScanJob {
  root: string
  today: string
}

/**
 * The scan's own memory ceiling. Node lets a heap grow far past what is live (a 10,000-file
 * monorepo holds about 200 MB and grew to over 600 MB on Node 24); in a worker the limits are
 * V8's to keep. A larger young generation also halves the garbage collections of parsing.
 */
export const SCAN_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 96 }

/** JS/TS source up to this size (tests included) is scanned in the calling thread when nothing runs beside the scan. */
const IN_THREAD_SOURCE_BYTES = 2 * 1024 * 1024

/**
 * Whether a run's scan needs a worker thread of its own. Starting one costs about as much as
 * starting Node again, more than the scan of a small project; it pays off when npm ci, the audit,
 * the SBOM or a base commit's scan run beside the scan (this thread takes their output meanwhile),
 * and on a large tree, whose memory the worker's ceiling bounds (SCAN_LIMITS).
 */
export function scanNeedsWorker(options: Pick<GateOptions, 'workingDirectory' | 'install' | 'audit' | 'sbom' | 'baseline'>): boolean {
  const alone = !options.install && !options.audit && !options.sbom && options.baseline?.kind !== 'base-commit'
  return !alone || !sourceWithin(options.workingDirectory, IN_THREAD_SOURCE_BYTES, isScriptName)
}

/** Whether this thread was started to scan: the bundle is its own worker script. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<ScanWorkerData> | null)?.kind === KIND
}

/**
 * The worker's side: load the scan's code, take one job, send the findings back as plain data. The
 * scan's code (rules, model, parser) is imported here, not by this module, so the main thread that
 * starts workers never loads it; and it is loaded before the job comes, so a worker started early
 * loads it while the main thread reads its inputs.
 */
export async function serveScanWorker(): Promise<void> {
  const { collectFindings } = await import('./collect.js')
  parentPort?.once('message', ({ root, today }: ScanJob) => parentPort?.postMessage(collectFindings(root, today)))
}

function startWorker(script: string): Worker {
  const data: ScanWorkerData = { kind: KIND }
  return new Worker(script, { workerData: data, resourceLimits: SCAN_LIMITS, stdout: false, stderr: false })
}

/** Workers started ahead of their job, by script; each serves the first scan asked of that script. */
const started = new Map<string, Worker>()

/**
 * Starts the scan's worker before the scan is asked for: starting a thread and loading the scan's
 * code take longer than the whole scan of a small project, and they overlap the main thread's own
 * start-up this way. The worker holds no job yet, so it never keeps the process alive; one that
 * fails before its job is simply not used.
 */
export function prestartScanWorker(script: string): void {
  if (started.has(script)) return
  let worker: Worker
  try {
    worker = startWorker(script)
  } catch {
    return // the scan starts its own, and reports why that fails
  }
  worker.unref()
  worker.once('error', () => undefined)
  worker.once('exit', () => {
    if (started.get(script) === worker) started.delete(script)
  })
  started.set(script, worker)
}

export type WorkerScan = { ok: true; collected: CollectedFindings } | { ok: false; error: string }

/**
 * Collects the findings in a worker thread started from `script` (the bundle), or the one
 * prestartScanWorker started, which leaves the main thread free to take the tools' output and
 * exits while the scan runs. Never rejects: a worker that fails (out of its memory, say) is an
 * error for the caller to fall back on.
 */
export function collectFindingsInWorker(script: string, root: string, today: string): Promise<WorkerScan> {
  return new Promise((resolve) => {
    let settled = false
    let worker = started.get(script)
    started.delete(script)
    const settle = (outcome: WorkerScan): void => {
      if (settled) return
      settled = true
      if (worker) void worker.terminate()
      resolve(outcome)
    }
    try {
      worker ??= startWorker(script)
    } catch (error) {
      settle({ ok: false, error: describeErrorFully(error) })
      return
    }
    worker.ref()
    worker.once('message', (collected: CollectedFindings) => settle({ ok: true, collected }))
    worker.once('error', (error) => settle({ ok: false, error: (error as NodeJS.ErrnoException).code ?? error.message }))
    worker.once('exit', (code) => settle({ ok: false, error: `the scan worker stopped (exit ${code})` }))
    const job: ScanJob = { root, today }
    worker.postMessage(job)
  })
}
