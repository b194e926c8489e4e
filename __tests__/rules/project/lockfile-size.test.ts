import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../../src/config/config-file.js'
import { MAX_FILE_BYTES } from '../../../src/discovery/find-files.js'
import { runScan } from '../../../src/scan/run.js'

const dir = mkdtempSync(join(tmpdir(), 'big-lockfile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('lockfile-missing and the read limit', () => {
  it('counts a lockfile over the read limit as a lockfile, and only notes oversized files it would read', () => {
    writeFileSync(join(dir, 'package.json'), '{"name":"big","version":"1.0.0"}\n')
    const padding = ' '.repeat(MAX_FILE_BYTES + 1024)
    writeFileSync(join(dir, 'package-lock.json'), `{"name":"big","lockfileVersion":3,"packages":{}${padding}}\n`)
    writeFileSync(join(dir, 'big.js'), `// ${'x'.repeat(MAX_FILE_BYTES + 1024)}\n`)
    const result = runScan(dir, EMPTY_CONFIG, '2026-11-26')
    expect(result.findings.filter((f) => f.rule === 'lockfile-missing')).toEqual([])
    expect(result.notes.map((n) => n.file)).toEqual(['big.js'])
  })
})
