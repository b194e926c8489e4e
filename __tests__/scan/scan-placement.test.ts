import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { sourceWithin } from '../../src/discovery/find-files.js'
import { isScriptName } from '../../src/parse/script-name.js'
import { scanNeedsWorker } from '../../src/scan/worker.js'

function tree(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'ehg-placement-'))
  for (const [path, size] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), 'x'.repeat(size))
  }
  return root
}

describe('sourceWithin', () => {
  it('adds up the source files discovery would list, and nothing it skips', () => {
    const root = tree({ 'app.js': 600, 'src/a.ts': 300, 'node_modules/big/index.js': 5000, 'lib.min.js': 5000, 'README.md': 5000 })
    expect(sourceWithin(root, 900, isScriptName)).toBe(true)
    expect(sourceWithin(root, 899, isScriptName)).toBe(false)
  })
})

describe('scanNeedsWorker', () => {
  const small = tree({ 'app.js': 100 })
  const alone = { workingDirectory: small, install: false, audit: false, sbom: false, baseline: { kind: 'none' } as const }

  it('scans a small tree in the calling thread when nothing runs beside the scan', () => {
    expect(scanNeedsWorker(alone)).toBe(false)
    expect(scanNeedsWorker({ ...alone, baseline: { kind: 'file', path: 'b.json', ref: 'b.json' } })).toBe(false)
  })

  it('uses a worker beside npm ci, the audit, the SBOM or a base commit, and for a large tree', () => {
    expect(scanNeedsWorker({ ...alone, install: true })).toBe(true)
    expect(scanNeedsWorker({ ...alone, audit: true })).toBe(true)
    expect(scanNeedsWorker({ ...alone, sbom: true })).toBe(true)
    expect(scanNeedsWorker({ ...alone, baseline: { kind: 'base-commit', ref: 'main' } })).toBe(true)
    expect(scanNeedsWorker({ ...alone, workingDirectory: tree({ 'a.js': 1024 * 1024, 'b.js': 1024 * 1024, 'c.js': 10 }) })).toBe(true)
  })
})
