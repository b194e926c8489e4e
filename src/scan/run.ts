// The whole scan in this thread, for the tests and tools that import the source: collect.ts and the
// central policy (result.ts). The bundles run collect.ts in a worker thread instead (worker.ts).
import type { GateConfig } from '../config/config-file.js'
import type { Note } from '../discovery/find-files.js'
import { collectFindings } from './collect.js'
import type { ScanContext } from './context.js'
import { readProject } from './documents.js'
import { buildModelSafely, jsonModules, parseModule, projectImportMap } from './modules.js'
import { applyScanPolicy, type ScanResult } from './result.js'

export { collectFindings } from './collect.js'
export type { CollectedFindings, ScanResult } from './result.js'

/** The whole tree as one context, every module in one model (the rule tests' view of a small app). */
export function buildScanContext(root: string, today: string): { context: ScanContext; notes: Note[] } {
  const { context, scripts: files, notes } = readProject(root, today)
  const scripts = files.flatMap((file) => parseModule(file, notes) ?? [])
  const modules = [...scripts, ...jsonModules(scripts, root, notes)]
  return { context: { ...context, modules, express: buildModelSafely(modules, projectImportMap(root), notes) }, notes }
}

/** Discovery, parsing, the app model and every rule, then the central policy (overrides, suppressions). */
export function runScan(root: string, config: GateConfig, today: string): ScanResult {
  return applyScanPolicy(collectFindings(root, today), root, config, today)
}
