import { describe, expect, it } from '@jest/globals'
import { parseNpmrc } from '../../src/parse/npmrc.js'

describe('parseNpmrc', () => {
  it('reads settings with their lines, skipping comments and sections', () => {
    expect(
      parseNpmrc(
        [
          '; comment',
          '# comment',
          '[section]',
          'registry = https://registry.npmjs.org/',
          '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
          'no-equals-sign',
          '@scope:registry="https://npm.pkg.github.com/"'
        ].join('\r\n')
      )
    ).toEqual([
      { key: 'registry', value: 'https://registry.npmjs.org/', line: 4 },
      { key: '//registry.npmjs.org/:_authToken', value: '${NPM_TOKEN}', line: 5 },
      { key: '@scope:registry', value: 'https://npm.pkg.github.com/', line: 7 }
    ])
  })

  it.each([
    ['a=value ; comment', 'value'],
    ['a=value#comment', 'value'],
    ['a=va\\;lue', 'va;lue'],
    ['a="quoted ; kept"', 'quoted ; kept'],
    ["a='single'", 'single'],
    ['a="token" # comment', 'token'],
    ['a=', '']
  ])('%s → %j, as npm reads it', (line, value) => {
    expect(parseNpmrc(line)[0]?.value).toBe(value)
  })
})
