import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../../src/config/config-file.js'
import { redact } from '../../../src/common/secret-names.js'
import { runScan } from '../../../src/scan/run.js'

const TOKEN = 'npm_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000'
const dir = mkdtempSync(join(tmpdir(), 'npmrc-secret-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('hardcoded-secret in .npmrc', () => {
  it('never prints the token, only its redacted form', () => {
    writeFileSync(join(dir, '.npmrc'), `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${TOKEN}\n`)
    const findings = runScan(dir, EMPTY_CONFIG, '2026-11-26').findings.filter((f) => f.rule === 'hardcoded-secret')
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['.npmrc:2'])
    const text = JSON.stringify(findings)
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(TOKEN.slice(0, 12))
    expect(findings[0]?.message).toContain(`(${redact(TOKEN)})`)
  })
})
