import { describe, expect, it } from '@jest/globals'
import { branches, literalOf } from '../../src/model/values.js'
import { scanProject } from '../helpers/project.js'

function sessionOptions(files: Record<string, string>) {
  const { express } = scanProject(files)
  const [use] = express.middlewareOf(express.apps[0]!)
  return { express, options: use!.handler.options! }
}

describe('require of a computed path', () => {
  it('follows require(path.resolve(__dirname + literal)) and path.join(__dirname, ...)', () => {
    const { express, options } = sessionOptions({
      'app.js': `const express = require('express')
const session = require('express-session')
const path = require('path')
const a = require(path.resolve(__dirname + '/config/a.js'))
const b = require(path.join(__dirname, 'config', 'b'))
const app = express()
app.use(session({ secret: a.secret, name: b.name }))`,
      'config/a.js': `module.exports = { secret: 'from a' }`,
      'config/b.js': `module.exports = { name: 'from b' }`
    })
    expect(literalOf(express.evaluator.property(options, 'secret'))).toBe('from a')
    expect(literalOf(express.evaluator.property(options, 'name'))).toBe('from b')
  })

  it('reads a per-environment require as every module the pattern matches, and keeps spreads underneath', () => {
    const { express, options } = sessionOptions({
      'app.js': `const express = require('express')
const session = require('express-session')
const config = require('./config/config')
const app = express()
app.use(session({ secret: config.secret, resave: config.resave, store: config.store }))`,
      'config/config.js': `const path = require('path')
const env = process.env.NODE_ENV || 'development'
const all = require(path.resolve(__dirname + '/env/all.js'))
const own = require(path.resolve(__dirname + '/env/' + env.toLowerCase() + '.js')) || {}
module.exports = { ...all, ...own }`,
      'config/env/all.js': `module.exports = { secret: 'shared literal', resave: false }`,
      'config/env/development.js': `module.exports = { resave: true }`,
      'config/env/production.js': `module.exports = { port: 80 }`
    })
    const secret = branches(express.evaluator.property(options, 'secret'))
    expect(secret.map(literalOf)).toEqual(['shared literal', 'shared literal'])
    expect(secret[0]?.at?.module.path).toBe('config/env/all.js')
    const resave = branches(express.evaluator.property(options, 'resave'))
    expect(resave.map(literalOf).sort()).toEqual([false, false, true])
    expect(express.evaluator.property(options, 'store').kind).toBe('absent')
  })

  it('leaves a require of an unanchored or unmatched computed path unknown', () => {
    const { express, options } = sessionOptions({
      'app.js': `const express = require('express')
const session = require('express-session')
const a = require(process.env.CONFIG_FILE)
const b = require(__dirname + '/missing/' + process.env.NAME)
const app = express()
app.use(session({ secret: a.secret, name: b.name }))`
    })
    expect(express.evaluator.property(options, 'secret').kind).toBe('unknown')
    expect(express.evaluator.property(options, 'name').kind).toBe('unknown')
  })
})

describe('options objects changed after they are written', () => {
  it('reads a property assigned later, or under which something is assigned, as unknown', () => {
    const { express, options } = sessionOptions({
      'app.js': `const express = require('express')
const session = require('express-session')
const app = express()
const sess = { secret: 'a', name: 'sid', cookie: { maxAge: 1000 } }
const shared = { sameSite: 'lax' }
const other = { cookie: shared }
if (process.env.NODE_ENV === 'production') {
  sess.cookie.secure = true
  sess.name = process.env.NAME
  other.cookie.secure = true
}
app.use(session(sess))
app.use(session(other))`
    })
    const cookie = express.evaluator.property(options, 'cookie')
    expect(express.evaluator.property(cookie, 'secure').kind).toBe('unknown')
    expect(literalOf(express.evaluator.property(cookie, 'maxAge'))).toBe(1000)
    expect(express.evaluator.property(cookie, 'sameSite').kind).toBe('absent')
    expect(express.evaluator.property(options, 'name').kind).toBe('unknown')
    expect(literalOf(express.evaluator.property(options, 'secret'))).toBe('a')
    const [, second] = express.middlewareOf(express.apps[0]!)
    expect(express.evaluator.property(second!.handler.options!, 'cookie').kind).toBe('unknown')
  })
})
