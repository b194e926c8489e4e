import { fileURLToPath } from 'node:url'
import { parseCliArgs } from './config/cli-args.js'
import { isScanWorker, prestartScanWorker, serveScanWorker } from './scan/worker.js'

/** Whether the command line asks for a run (not help, not a usage error): only a run scans. */
function asksForRun(argv: string[]): boolean {
  try {
    return parseCliArgs(argv).kind === 'run'
  } catch {
    return false
  }
}

// The bundle is also the scan's worker script (see scan/worker.ts). Each thread imports only its own
// part (the bundler makes each dynamic import a file of its own), so neither loads the other's code,
// and the scan's worker starts first, to load the scan's code while this thread loads the CLI's.
if (isScanWorker()) await serveScanWorker()
else {
  const argv = process.argv.slice(2)
  const scanWorker = fileURLToPath(import.meta.url)
  if (asksForRun(argv)) prestartScanWorker(scanWorker)
  process.exitCode = await (await import('./cli-main.js')).main(argv, { scanWorker })
}
