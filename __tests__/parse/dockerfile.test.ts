import { describe, expect, it } from '@jest/globals'
import { DockerfileSyntaxError, finalStage, parentStage, parseDockerfile, stageChain, substitute } from '../../src/parse/dockerfile.js'

describe('substitute', () => {
  const vars = new Map([
    ['A', 'one'],
    ['EMPTY', '']
  ])
  it.each([
    ['$A', 'one'],
    ['${A}', 'one'],
    ['x-${A}-y', 'x-one-y'],
    ['${MISSING}', ''],
    ['${MISSING:-dflt}', 'dflt'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${A:+set}', 'set'],
    ['${MISSING:+set}', '']
  ])('%s → %s', (text, expected) => {
    expect(substitute(text, vars)).toBe(expected)
  })

  it('keeps and reports variables without a value when asked', () => {
    const missing: string[] = []
    expect(substitute('node:${NODE}-${A}', vars, missing)).toBe('node:${NODE}-one')
    expect(missing).toEqual(['NODE'])
  })
})

describe('parseDockerfile', () => {
  it('splits stages, substitutes global ARGs in FROM and records the last USER per stage', () => {
    const model = parseDockerfile(
      [
        'ARG NODE=22',
        'FROM node:${NODE}-alpine AS Build',
        'USER node',
        'RUN npm ci',
        'FROM build',
        'ARG WHO=app',
        'USER ${WHO}',
        'user root'
      ].join('\n')
    )
    expect(model.stages.map((s) => [s.image, s.name, s.fromLine, s.imageKnown])).toEqual([
      ['node:22-alpine', 'build', 2, true],
      ['build', undefined, 5, true]
    ])
    expect(model.globalArgs.map((a) => a.variables)).toEqual([[{ name: 'NODE', value: '22', line: 1 }]])
    expect(model.stages[0]?.user).toEqual({ value: 'node', line: 3 })
    expect(model.stages[1]?.user).toEqual({ value: 'root', line: 8 })
    const final = finalStage(model)
    expect(final && parentStage(model, final)?.index).toBe(0)
    expect(final && stageChain(model, final).map((s) => s.index)).toEqual([1, 0])
  })

  it('marks an image that depends on a build argument without a default', () => {
    const model = parseDockerfile('ARG TAG\nFROM node:${TAG}\n')
    expect(model.stages[0]).toMatchObject({ image: 'node:${TAG}', imageKnown: false })
  })

  it('joins line continuations and keeps the instruction line', () => {
    const model = parseDockerfile('FROM node:22\nRUN apt-get update \\\n  && apt-get install -y curl\nUSER node\n')
    expect(model.stages[0]?.instructions.map((i) => [i.keyword, i.line])).toEqual([
      ['RUN', 2],
      ['USER', 4]
    ])
  })

  it('keeps flags, and reads lowercase instructions', () => {
    const model = parseDockerfile('from --platform=$BUILDPLATFORM node:22 as build\ncopy --chown=node:node --from=build /a /b\n')
    expect(model.stages[0]?.instructions[0]).toMatchObject({
      keyword: 'COPY',
      args: '/a /b',
      flags: [
        { name: 'chown', value: 'node:node' },
        { name: 'from', value: 'build' }
      ]
    })
  })

  it('carries ENV into stages built FROM an earlier stage, substituting ARG and ENV values', () => {
    const model = parseDockerfile(
      [
        'FROM node:22-slim AS base',
        'ARG MODE=production',
        'ENV NODE_ENV=$MODE APP_HOME=/home/node',
        'FROM base',
        'ENV DATA=${APP_HOME}/data',
        'FROM node:22-slim'
      ].join('\n')
    )
    const [base, child, fresh] = model.stages
    expect(base?.env.get('NODE_ENV')).toEqual({ value: 'production', line: 3 })
    expect(child?.env.get('NODE_ENV')?.value).toBe('production')
    expect(child?.env.get('DATA')).toEqual({ value: '/home/node/data', line: 5 })
    expect(fresh?.env.size).toBe(0)
  })

  it('reads the ENV and ARG declarations, one line per continued property', () => {
    const model = parseDockerfile('FROM node:22\nENV A=1 \\\n# comment\n  B="x y"\nENV LEGACY value with spaces\nARG X\n')
    expect(model.stages[0]?.instructions.flatMap((i) => i.variables)).toEqual([
      { name: 'A', value: '1', line: 2 },
      { name: 'B', value: 'x y', line: 4 },
      { name: 'LEGACY', value: 'value with spaces', line: 5 },
      { name: 'X', value: null, line: 6 }
    ])
  })

  it('reads the commands of RUN, on the line each starts, through continuations and comment lines', () => {
    const model = parseDockerfile('FROM node:22\nRUN chmod +x a.sh \\\n# why\n  && npm install --omit=dev\n')
    expect(model.stages[0]?.instructions[0]?.commands.map((c) => [c.words, c.line])).toEqual([
      [['chmod', '+x', 'a.sh'], 2],
      [['npm', 'install', '--omit=dev'], 4]
    ])
  })

  it('reads heredoc scripts, exec forms and sh -c', () => {
    const model = parseDockerfile(
      [
        'FROM node:22',
        'RUN <<EOF',
        'set -e',
        'npm install',
        'EOF',
        'RUN cat <<EOF > /etc/motd',
        'npm install is text here',
        'EOF',
        'RUN ["npm", "ci"]',
        'CMD ["sh", "-c", "NODE_ENV=production node server.js"]'
      ].join('\n')
    )
    const [script, text, exec, cmd] = model.stages[0]?.instructions ?? []
    expect(script?.heredocs).toEqual([{ name: 'EOF', body: 'set -e\nnpm install', line: 3 }])
    expect(script?.commands.map((c) => [c.words[0], c.line])).toEqual([
      ['set', 3],
      ['npm', 4]
    ])
    expect(text?.commands.map((c) => c.words)).toEqual([['cat']])
    expect(exec?.commands.map((c) => c.words)).toEqual([['npm', 'ci']])
    expect(cmd?.commands).toEqual([{ assignments: [{ name: 'NODE_ENV', value: 'production' }], words: ['node', 'server.js'], line: 10 }])
  })

  it('honours the escape directive', () => {
    const model = parseDockerfile('# escape=`\nFROM node:22\nRUN echo a `\n  && npm install\n')
    expect(model.directives.get('escape')).toBe('`')
    expect(model.stages[0]?.instructions[0]?.commands.map((c) => [c.words[0], c.line])).toEqual([
      ['echo', 3],
      ['npm', 4]
    ])
  })

  it('gives no stages for an empty, comment-only or ARG-only file', () => {
    expect(parseDockerfile('').stages).toEqual([])
    expect(parseDockerfile('# syntax=docker/dockerfile:1\n# nothing yet\n').stages).toEqual([])
    expect(parseDockerfile('ARG NODE=22\n').stages).toEqual([])
  })

  it.each([
    ['binary content', '\u0000\u0001 garbage {{{', /binary content/],
    ['an instruction before FROM', 'RUN npm ci\nFROM node:22\n', /line 1: RUN before the first FROM/],
    ['an unknown instruction', 'FROM node:22\n{{ if .Debug }}\n', /line 2: unknown instruction/],
    ['a template', 'FROM node:22\nCOPYY . .\n', /line 2: unknown instruction COPYY/]
  ])('throws DockerfileSyntaxError for %s', (_name, text, message) => {
    expect(() => parseDockerfile(text)).toThrow(DockerfileSyntaxError)
    expect(() => parseDockerfile(text)).toThrow(message)
  })
})
