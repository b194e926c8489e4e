import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../../src/config/config-file.js'
import { runScan } from '../../../src/scan/run.js'

const CASE = join(import.meta.dirname, '..', 'fixtures', 'docker', 'docker-root-user', 'development-images')

describe('docker findings in development-only images', () => {
  const findings = runScan(CASE, EMPTY_CONFIG, '2026-11-26').findings.filter((f) => f.rule === 'docker-root-user')
  const byFile = new Map(findings.map((f) => [f.file, f]))

  it.each(['Dockerfile.dev', 'dev.dockerfile', 'web/Dockerfile', 'watch/Dockerfile'])(
    '%s is low and says "(development image)"',
    (file) => {
      expect(byFile.get(file)?.severity).toBe('low')
      expect(byFile.get(file)?.message).toMatch(/\(development image\)$/)
    }
  )

  it('keeps the default severity for an image that may ship, even when a development Compose file builds it too', () => {
    for (const file of ['Dockerfile', 'shared/Dockerfile']) {
      expect(byFile.get(file)?.severity).toBe('high')
      expect(byFile.get(file)?.message).not.toContain('development')
    }
  })

  it('caps a development Compose file too, and a config override still wins', () => {
    expect(byFile.get('docker-compose.dev.yml')).toMatchObject({
      severity: 'low',
      message: expect.stringContaining('(development Compose file)')
    })
    const overridden = runScan(CASE, { ...EMPTY_CONFIG, severity: new Map([['docker-root-user', 'critical']]) }, '2026-11-26')
    expect(overridden.findings.find((f) => f.file === 'Dockerfile.dev' && f.rule === 'docker-root-user')?.severity).toBe('critical')
  })
})
