import { fileURLToPath } from 'node:url'
import { run } from './main.js'
import { isScanWorker, serveScanWorker } from './scan/worker.js'

// The bundle is also the scan's worker script (see scan/worker.ts).
if (isScanWorker()) serveScanWorker()
else await run({ scanWorker: fileURLToPath(import.meta.url) })
