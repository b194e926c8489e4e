import { describe, expect, it } from '@jest/globals'
import { literalOf } from '../../src/model/values.js'
import { scanProject } from '../helpers/project.js'

const paths = (routes: Array<{ fullPath: string; event: { method?: string } }>) => routes.map((r) => `${r.event.method} ${r.fullPath}`)

describe('ExpressModel', () => {
  it('follows an app passed into a setup module and orders its uses at the call', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const setup = require('./config/express')
const app = express()
app.get('/early', (req, res) => res.end())
setup(app)
app.get('/late', (req, res) => res.end())
module.exports = app`,
      'config/express.js': `const helmet = require('helmet')
module.exports = function (app) {
  app.use(helmet())
}`
    })
    const [app] = express.apps
    expect(express.apps).toHaveLength(1)
    expect(app?.events.map((e) => `${e.type}:${e.file}:${e.line}`)).toEqual(['route:app.js:4', 'use:config/express.js:3', 'route:app.js:6'])
    const routes = express.routesOf(app!)
    const helmetBefore = routes.map((r) => r.before.some((b) => b.handler.kind === 'middleware' && b.handler.package === 'helmet'))
    expect(helmetBefore).toEqual([false, true])
  })

  it('mounts routers from other modules under their paths, ESM and CommonJS, index files and .js for .ts', () => {
    const { express } = scanProject({
      'src/server.ts': `import express from 'express'
import { api } from './routes/index.js'
export const app = express()
app.use('/api', api)`,
      'src/routes/index.ts': `import { Router } from 'express'
import auth from './auth'
export const api = Router()
api.use('/auth', auth)
api.get('/health', (_req, res) => res.send('ok'))`,
      'src/routes/auth.js': `const router = require('express').Router()
router.post('/login', (req, res) => res.end())
router.route('/token').post((req, res) => res.end()).delete((req, res) => res.end())
module.exports = router`
    })
    expect(paths(express.routesOf(express.apps[0]!))).toEqual([
      'post /api/auth/login',
      'post /api/auth/token',
      'delete /api/auth/token',
      'get /api/health'
    ])
  })

  it('covers a route only with middleware on its path registered before it', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const rateLimit = require('express-rate-limit')
const app = express()
const limiter = rateLimit({ windowMs: 60000, max: 100 })
app.use('/api', limiter)
app.post('/login', (req, res) => res.end())
app.get('/api/items', (req, res) => res.end())`
    })
    const routes = express.routesOf(express.apps[0]!)
    const limited = routes.map((r) => [
      r.fullPath,
      r.before.some((b) => b.handler.kind === 'middleware' && b.handler.package === 'express-rate-limit')
    ])
    expect(limited).toEqual([
      ['/login', false],
      ['/api/items', true]
    ])
  })

  it('resolves middleware options built in a config module, with env fallbacks and conditionals', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const session = require('express-session')
const config = require('./config')
const app = express()
app.use(session(config.session))`,
      'config/index.js': `const isProd = process.env.NODE_ENV === 'production'
module.exports = {
  session: {
    secret: process.env.SESSION_SECRET || 'keyboard cat',
    cookie: { secure: isProd ? true : false, ...{ httpOnly: true } }
  }
}`
    })
    const [use] = express.middlewareOf(express.apps[0]!)
    expect(use?.handler.package).toBe('express-session')
    const options = use!.handler.options!
    const secret = express.evaluator.property(options, 'secret')
    expect(secret.kind).toBe('fallback')
    if (secret.kind === 'fallback') {
      expect(secret.left).toMatchObject({ kind: 'env', name: 'SESSION_SECRET' })
      expect(literalOf(secret.right)).toBe('keyboard cat')
      expect(secret.right.at?.module.path).toBe('config/index.js')
    }
    const cookie = express.evaluator.property(options, 'cookie')
    expect(express.evaluator.property(cookie, 'secure').kind).toBe('conditional')
    expect(literalOf(express.evaluator.property(cookie, 'httpOnly'))).toBe(true)
    expect(express.evaluator.property(cookie, 'sameSite').kind).toBe('absent')
  })

  it('reads settings and chained Router().use() calls', () => {
    const { express } = scanProject({
      'app.js': `import express, { Router } from 'express'
const app = express()
app.set('trust proxy', true)
app.disable('x-powered-by')
const v1 = Router().use('/users', Router().get('/:id', (req, res) => res.end()))
app.use('/v1', v1)`
    })
    const app = express.apps[0]!
    expect(literalOf(express.setting(app, 'trust proxy')!.value)).toBe(true)
    expect(literalOf(express.setting(app, 'x-powered-by')!.value)).toBe(false)
    expect(paths(express.routesOf(app))).toEqual(['get /v1/users/:id'])
  })

  it('mounts routers listed in an array and added in a forEach loop', () => {
    const { express } = scanProject({
      'routes.js': `const express = require('express')
const users = require('./users')
const router = express.Router()
const routes = [{ path: '/users', route: users }]
routes.forEach((r) => { router.use(r.path, r.route) })
module.exports = router`,
      'users.js': `const router = require('express').Router()
router.get('/', (req, res) => res.end())
module.exports = router`,
      'app.js': `const app = require('express')()
app.use('/v1', require('./routes'))`
    })
    expect(express.routesOf(express.apps[0]!).map((r) => r.event.file)).toEqual(['users.js'])
  })

  it('does not count sub-apps mounted into another app, and ignores app.get(setting)', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const app = express()
const admin = express()
admin.get('/', (req, res) => res.end())
app.use('/admin', admin)
if (app.get('env') === 'development') app.get('/debug', (req, res) => res.end())`
    })
    expect(express.apps.map((a) => a.variable)).toEqual(['app'])
    expect(paths(express.routesOf(express.apps[0]!))).toEqual(['get /admin', 'get /debug'])
  })
})

describe('ExpressModel setup functions', () => {
  it('configures every app a setup function is called with', () => {
    const { express } = scanProject({
      'server.ts': `import express from 'express'
import helmet from 'helmet'
function configure (app: express.Express) {
  app.use(helmet())
  app.get('/x', (req, res) => res.end())
}
const app = express()
configure(app)
export function makeTestApp () {
  const testApp = express()
  configure(testApp)
  return testApp
}`
    })
    expect(express.apps.map((a) => [a.variable, a.events.map((e) => e.type)])).toEqual([
      ['app', ['use', 'route']],
      ['testApp', ['use', 'route']]
    ])
  })
})
