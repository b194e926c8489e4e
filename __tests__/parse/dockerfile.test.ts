import { describe, expect, it } from '@jest/globals'
import { parentStage, parseDockerfile, substitute } from '../../src/parse/dockerfile.js'

describe('substitute', () => {
  const vars = new Map([['A', 'one'], ['EMPTY', '']])
  it.each([
    ['$A', 'one'], ['${A}', 'one'], ['x-${A}-y', 'x-one-y'], ['${MISSING}', ''],
    ['${MISSING:-dflt}', 'dflt'], ['${EMPTY:-dflt}', 'dflt'], ['${EMPTY-dflt}', ''], ['${A:+set}', 'set'], ['${MISSING:+set}', '']
  ])('%s → %s', (text, expected) => {
    expect(substitute(text, vars)).toBe(expected)
  })
})

describe('parseDockerfile', () => {
  it('splits stages, substitutes global ARGs in FROM and records the last USER per stage', () => {
    const model = parseDockerfile([
      'ARG NODE=22',
      'FROM node:${NODE}-alpine AS Build',
      'USER node',
      'RUN npm ci',
      'FROM build',
      'ARG WHO=app',
      'USER ${WHO}',
      'user root'
    ].join('\n'))
    expect(model.stages.map((s) => [s.image, s.name, s.fromLine])).toEqual([
      ['node:22-alpine', 'build', 2],
      ['build', undefined, 5]
    ])
    expect(model.stages[0]?.user).toEqual({ value: 'node', line: 3 })
    expect(model.stages[1]?.user).toEqual({ value: 'root', line: 8 })
    const final = model.stages[1]
    expect(final && parentStage(model, final)?.index).toBe(0)
  })

  it('joins line continuations and keeps the instruction line', () => {
    const model = parseDockerfile('FROM node:22\nRUN apt-get update \\\n  && apt-get install -y curl\nUSER node\n')
    expect(model.stages[0]?.instructions.map((i) => [i.keyword, i.line])).toEqual([['RUN', 2], ['USER', 4]])
  })

  it('gives no stages for an empty or garbage file, without throwing', () => {
    expect(parseDockerfile('').stages).toEqual([])
    expect(parseDockerfile('\u0000\u0001 garbage {{{').stages).toEqual([])
  })
})
