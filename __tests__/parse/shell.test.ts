import { describe, expect, it } from '@jest/globals'
import { parseShellScript } from '../../src/parse/shell.js'

const words = (script: string) => parseShellScript(script).map((c) => c.words)

describe('parseShellScript', () => {
  it('splits commands at &&, ||, ;, |, & and newlines', () => {
    expect(words('a 1 && b 2 || c; d | e & f\ng')).toEqual([['a', '1'], ['b', '2'], ['c'], ['d'], ['e'], ['f'], ['g']])
  })

  it('keeps quoted text together and removes the quotes', () => {
    expect(words(`echo "a && b" 'c; d' e\\ f`)).toEqual([['echo', 'a && b', 'c; d', 'e f']])
  })

  it('follows continuations and counts lines', () => {
    expect(parseShellScript('apt-get update \\\n  && npm install\nnpm ci', 10).map((c) => [c.words[0], c.line])).toEqual([
      ['apt-get', 10],
      ['npm', 11],
      ['npm', 12]
    ])
  })

  it('separates leading assignments, and drops redirections, comments and compound keywords', () => {
    expect(parseShellScript('NODE_ENV=production CI=1 node x > /dev/null 2>&1 # start')).toEqual([
      {
        assignments: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'CI', value: '1' }
        ],
        words: ['node', 'x'],
        line: 1
      }
    ])
    expect(words('if [ -f x ]; then npm ci; else npm install; fi')).toEqual([
      ['[', '-f', 'x', ']'],
      ['npm', 'ci'],
      ['npm', 'install']
    ])
    expect(words('(cd app && npm install)')).toEqual([
      ['cd', 'app'],
      ['npm', 'install']
    ])
  })
})
