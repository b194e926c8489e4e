import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../../src/config/config-file.js'
import { runScan } from '../../../src/scan/run.js'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'express', 'body-limit-missing')

function messages(name: string): Record<string, string> {
  const { findings } = runScan(join(FIXTURES, name), EMPTY_CONFIG, '2026-11-26')
  return Object.fromEntries(findings.filter((f) => f.rule === 'body-limit-missing').map((f) => [`${f.file}:${f.line}`, f.message]))
}

describe('body-limit-missing: one finding per app for the implicit 100kb default', () => {
  it('names every parser of the app in its one finding', () => {
    expect(messages('parsers')['app.js:5']).toMatch(
      /^express\.json\(\), bodyParser\.urlencoded\(\) and bodyParser\.text\(\) use the default 100kb limit implicitly: state it, e\.g\. `express\.json\(\{ limit: '100kb' \}\)`/
    )
  })

  it('names a parser shared by two apps in both, and groups parsers no app uses by file', () => {
    const found = messages('per-app')
    expect(found['admin.js:6']).toMatch(/^express\.urlencoded\(\) and express\.json\(\) use the default/)
    expect(found['public.js:6']).toMatch(/^express\.urlencoded\(\) and express\.json\(\) use the default/)
    expect(found['lib/parsers.js:6']).toMatch(/^express\.text\(\) uses the default 100kb limit implicitly/)
  })
})
