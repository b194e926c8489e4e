import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { collectFindings, type CollectedFindings } from './run.js'
import { describeErrorFully } from '../common/errors.js'

const KIND = 'express-hardening-gate/scan'

interface ScanJob {
  kind: typeof KIND
  root: string
  today: string
}

/**
 * The scan's own memory ceiling. Node lets a heap grow far past what is live (a 10,000-file
 * monorepo holds about 200 MB and grew to over 600 MB on Node 24); in a worker the limits are
 * V8's to keep. A larger young generation also halves the garbage collections of parsing.
 */
export const SCAN_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 96 }

/** Whether this thread was started to scan: the bundle is its own worker script. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<ScanJob> | null)?.kind === KIND
}

/** The worker's side: collect the findings and send them back as plain data. */
export function serveScanWorker(): void {
  const { root, today } = workerData as ScanJob
  parentPort?.postMessage(collectFindings(root, today))
}

export type WorkerScan = { ok: true; collected: CollectedFindings } | { ok: false; error: string }

/**
 * Collects the findings in a worker thread started from `script` (the bundle), which leaves the
 * main thread free to take the tools' output and exits while the scan runs. Never rejects: a
 * worker that fails (out of its memory, say) is an error for the caller to fall back on.
 */
export function collectFindingsInWorker(script: string, root: string, today: string): Promise<WorkerScan> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (outcome: WorkerScan): void => {
      if (settled) return
      settled = true
      resolve(outcome)
    }
    let worker: Worker
    try {
      const job: ScanJob = { kind: KIND, root, today }
      worker = new Worker(script, { workerData: job, resourceLimits: SCAN_LIMITS, stdout: false, stderr: false })
    } catch (error) {
      settle({ ok: false, error: describeErrorFully(error) })
      return
    }
    worker.once('message', (collected: CollectedFindings) => settle({ ok: true, collected }))
    worker.once('error', (error) => settle({ ok: false, error: (error as NodeJS.ErrnoException).code ?? error.message }))
    worker.once('exit', (code) => settle({ ok: false, error: `the scan worker stopped (exit ${code})` }))
  })
}
