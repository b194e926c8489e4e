import { describe, expect, it } from '@jest/globals'
import { parseJavaScript, type Node } from '../../src/parse/javascript.js'
import { envTest } from '../../src/model/env-guard.js'
import { parseBytes } from '../../src/model/body-parsers.js'
import { handlerFunctions, isErrorMiddleware } from '../../src/model/handlers.js'
import { errorLeaks, errorScopes } from '../../src/model/error-flow.js'
import { scanProject } from '../helpers/project.js'
import { positionOf } from '../../src/model/scope.js'

function expression(source: string): Node {
  const parsed = parseJavaScript(`(${source})`)
  if (!parsed.ok) throw new Error(parsed.error)
  const [statement] = parsed.ast.program.body
  if (statement?.type !== 'ExpressionStatement') throw new Error('not an expression')
  return statement.expression
}

describe('envTest', () => {
  it.each([
    ["process.env.NODE_ENV !== 'production'", 'development'],
    ["process.env.NODE_ENV === 'production'", 'production'],
    ["app.get('env') == 'development'", 'development'],
    ["req.app.get('env') === 'development'", 'development'],
    ["config.env === 'production' && !err.isOperational", 'production'],
    ['isProduction', 'production'],
    ['!isProd', 'development'],
    ['IS_DEV', 'development'],
    ["['development', 'test'].includes(env)", 'development'],
    ["env === 'staging'", 'either'],
    ["config.nodeEnv !== 'production'", 'development'],
    ["BUILD_MODE === 'development'", 'development'],
    ["settings.mode === 'production'", 'production'],
    ["process.env.APP_MODE === 'production'", 'production'],
    ['config.isProduction', 'production'],
    ['isDev', 'development']
  ])('%s → %s', (source, side) => {
    expect(envTest(expression(source))).toBe(side)
  })

  it.each([
    'err.status === 500',
    'user.isAdmin',
    "name === 'production'",
    "req.query.format === 'development'",
    "envelope === 'production'"
  ])('%s is not about the environment', (source) => {
    expect(envTest(expression(source))).toBeUndefined()
  })
})

describe('parseBytes', () => {
  it.each([
    ['100kb', 102400],
    ['10mb', 10485760],
    ['5MB', 5242880],
    ['1000kb', 1024000],
    ['1.5mb', 1572864],
    ['2048', 2048],
    [1048576, 1048576]
  ] as const)('%s → %d', (input, bytes) => expect(parseBytes(input)).toBe(bytes))

  it('rejects what body-parser would not read', () => {
    expect(parseBytes('lots')).toBeUndefined()
    expect(parseBytes(-1)).toBeUndefined()
  })
})

describe('handler helpers', () => {
  it('finds error handlers, route catch blocks and what they leak', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const app = express()
app.get('/a', async (req, res) => {
  try { await work() } catch (e) { res.status(500).json({ error: e.message }) }
})
app.use((err, req, res, next) => res.status(500).send(err.stack))`
    })
    const leaks = handlerFunctions(express).flatMap(errorScopes).flatMap(errorLeaks)
    expect(leaks.map((l) => [l.kind, positionOf(l.send.call, express.graph.moduleOf(l.send.call)!).line])).toEqual([
      ['message', 4],
      ['stack', 6]
    ])
  })

  it('tells error middleware from other handlers, and records settings on apps it cannot identify', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const app = express()
app.use(require('morgan')('dev'))
app.use(require('@acme/kit').onError)
app.use((err, req, res, next) => res.end())
exports.setup = (server) => server.disable('x-powered-by')`
    })
    const [app] = express.apps
    const answers = app?.events.flatMap((e) => e.handlers).map((h) => isErrorMiddleware(express, h))
    expect(answers).toEqual(['no', 'unknown', 'yes'])
    expect(express.orphanSettings.map((s) => s.name)).toEqual(['x-powered-by'])
  })
})
