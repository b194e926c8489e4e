import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { buildScanContext } from '../../src/scan/run.js'
import type { ScanContext } from '../../src/scan/context.js'

/** Writes a small project from `{ path: source }` into a temp folder and builds the scan context. */
export function scanProject(files: Record<string, string>, today = '2026-11-26'): ScanContext {
  const root = mkdtempSync(join(tmpdir(), 'ehg-project-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return buildScanContext(root, today).context
}
