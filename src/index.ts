import { fileURLToPath } from 'node:url'
import { isScanWorker, serveScanWorker } from './scan/worker.js'

// The bundle is also the scan's worker script (see scan/worker.ts). Each thread imports only its own
// part (the bundler makes each dynamic import a file of its own), so neither loads the other's code.
if (isScanWorker()) await serveScanWorker()
else await (await import('./main.js')).run({ scanWorker: fileURLToPath(import.meta.url) })
