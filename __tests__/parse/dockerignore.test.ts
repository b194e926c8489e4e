import { describe, expect, it } from '@jest/globals'
import { isIgnored, parseDockerignore } from '../../src/parse/dockerignore.js'

const ignored = (ignore: string, path: string) => isIgnored(parseDockerignore(ignore), path)

describe('dockerignore', () => {
  it('reads patterns, exceptions and lines, without comments or blank lines', () => {
    expect(parseDockerignore('# deps\nnode_modules/\n\n!/keep\n./.env\n')).toEqual([
      { pattern: 'node_modules', exception: false, line: 2 },
      { pattern: 'keep', exception: true, line: 4 },
      { pattern: '.env', exception: false, line: 5 }
    ])
  })

  it.each([
    ['.env', '.env', true],
    ['.env*', '.env', true],
    ['*.env', '.env', true],
    ['**/.env', '.env', true],
    ['**/.env*', 'api/.env.local', true],
    ['.env', 'api/.env', false],
    ['.env.*', '.env', false],
    ['node_modules', 'node_modules/x/index.js', true],
    ['.env*\n!.env', '.env', false],
    ['!.env\n.env*', '.env', true]
  ])('%j ignores %s: %s', (ignore, path, expected) => {
    expect(ignored(ignore, path)).toBe(expected)
  })
})
