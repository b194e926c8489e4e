import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../../src/config/config-file.js'
import { runScan } from '../../../src/scan/run.js'

const dir = mkdtempSync(join(tmpdir(), 'ehg-docker-notes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('files that do not parse', () => {
  it('are skipped with a note, and the rest of the scan goes on', () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:22-slim\n{{ if .Debug }}\nRUN npm install\n')
    writeFileSync(join(dir, 'api.Dockerfile'), 'FROM node:18\n')
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  api: [\n')
    writeFileSync(join(dir, 'package.json'), '{ "name": "x", ')
    const { findings, notes } = runScan(dir, EMPTY_CONFIG, '2026-11-26')
    expect(notes).toEqual(
      expect.arrayContaining([
        { file: 'Dockerfile', message: expect.stringMatching(/^not parsed, so not checked: line 2: unknown instruction/) },
        { file: 'docker-compose.yml', message: expect.stringMatching(/^not parsed, so not checked/) },
        { file: 'package.json', message: expect.stringMatching(/^not parsed, so not checked/) }
      ])
    )
    expect(notes.some((n) => n.message.includes('failed and reported nothing'))).toBe(false)
    expect(findings.filter((f) => f.file === 'Dockerfile')).toEqual([])
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toContain('docker-eol-node api.Dockerfile:1')
  })
})
