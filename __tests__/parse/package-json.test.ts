import { describe, expect, it } from '@jest/globals'
import { parsePackageJson } from '../../src/parse/package-json.js'

describe('parsePackageJson', () => {
  it('gives the data and the lines of keys', () => {
    const parsed = parsePackageJson('{\n\t"name": "app",\n  "engines": {\n    "npm": ">=10",\n    "node": ">=18"\n  }\n}\n')
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.manifest.data.engines).toEqual({ npm: '>=10', node: '>=18' })
    expect(parsed.manifest.keyLine(['engines', 'node'])).toBe(5)
    expect(parsed.manifest.keyLine(['engines', 'yarn'])).toBeNull()
    expect(parsed.manifest.keyLine(['name', 'x'])).toBeNull()
  })

  it('takes the last of duplicate keys, as JSON.parse does', () => {
    const parsed = parsePackageJson('{"engines": {"node": "18"},\n"engines": {"node": "22"}}')
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.manifest.data.engines).toEqual({ node: '22' })
    expect(parsed.manifest.keyLine(['engines', 'node'])).toBe(2)
  })

  it('rejects invalid JSON and non-objects', () => {
    expect(parsePackageJson('{"name": ')).toMatchObject({ ok: false })
    expect(parsePackageJson('[]')).toMatchObject({ ok: false })
  })
})
