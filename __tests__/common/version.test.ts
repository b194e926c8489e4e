import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TOOL_NAME, TOOL_VERSION } from '../../src/common/version.js'

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { name: string; version: string }
    expect(TOOL_NAME).toBe(pkg.name)
    expect(TOOL_VERSION).toBe(pkg.version)
  })
})
