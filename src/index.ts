import { fileURLToPath } from 'node:url'
import { isScanWorker, serveScanWorker } from './scan/worker.js'

// No compile cache here, unlike the CLI (common/compile-cache.ts): a hosted runner starts each job
// on a fresh machine, where the action mostly runs once, so it would compile as much as without the
// cache, spend some 10 ms more writing it and leave it in the runner's temporary folder.
// The bundle is also the scan's worker script (see scan/worker.ts). Each thread imports only its own
// part (the bundler makes each dynamic import a file of its own), so neither loads the other's code.
if (isScanWorker()) await serveScanWorker()
else await (await import('./main.js')).run({ scanWorker: fileURLToPath(import.meta.url) })
