import { fileURLToPath } from 'node:url'
import { enableCompileCache } from './common/compile-cache.js'
import { parseCliArgs } from './config/cli-args.js'
import { isScanWorker, prestartScanWorker, scanNeedsWorker, serveScanWorker } from './scan/worker.js'

/** Whether the command line asks for a run (not help, not a usage error) whose scan needs a worker thread. */
function scansInWorker(argv: string[]): boolean {
  try {
    const command = parseCliArgs(argv)
    return command.kind === 'run' && scanNeedsWorker(command.options)
  } catch {
    return false
  }
}

// Before the dynamic imports below, in either thread, so the chunks they load are cached once
// compiled: a developer's machine or a CI cache runs the CLI again and again.
enableCompileCache()
// The bundle is also the scan's worker script (see scan/worker.ts). Each thread imports only its own
// part (the bundler makes each dynamic import a file of its own), so neither loads the other's code,
// and the scan's worker starts first, to load the scan's code while this thread loads the CLI's.
if (isScanWorker()) await serveScanWorker()
else {
  const argv = process.argv.slice(2)
  const scanWorker = fileURLToPath(import.meta.url)
  const inWorker = scansInWorker(argv)
  if (inWorker) prestartScanWorker(scanWorker)
  process.exitCode = await (await import('./cli-main.js')).main(argv, inWorker ? { scanWorker } : {})
}
