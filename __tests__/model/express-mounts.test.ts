import { describe, expect, it } from '@jest/globals'
import { scanProject } from '../helpers/project.js'

const limited = (express: ReturnType<typeof scanProject>['express']) =>
  express
    .routesOf(express.apps[0]!)
    .map(
      (r) =>
        `${r.event.method} ${r.fullPath} ${r.before.some((b) => b.handler.kind === 'middleware' && b.handler.package === 'express-rate-limit')}`
    )

describe('ExpressModel mounts', () => {
  it("follows subpath imports through the nearest package.json's imports: exact, patterns and conditions", () => {
    const router = (path: string) => `const router = require('express').Router()
router.get('${path}', (req, res) => res.end())
module.exports = router`
    const { express } = scanProject({
      'package.json': JSON.stringify({ name: 'root', imports: { '#nothing': './missing.js' } }),
      'api/package.json': JSON.stringify({
        name: 'api',
        imports: { '#routes/*': './src/routes/*.js', '#health': { types: './types.d.ts', node: './src/health.js', default: './x.js' } }
      }),
      'api/src/app.js': `const express = require('express')
const app = express()
app.use('/users', require('#routes/users'))
app.use(require('#health'))
app.use(require('#nothing'))`,
      'api/src/routes/users.js': router('/:id'),
      'api/src/health.js': router('/health')
    })
    expect(express.routesOf(express.apps[0]!).map((r) => r.fullPath)).toEqual(['/users/:id', '/health'])
  })

  it('follows a folder import written with a trailing slash to its index module', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const app = express()
app.use('/v1', require('./routes/v1/'))`,
      'routes/v1/index.js': `const router = require('express').Router()
router.post('/login', (req, res) => res.end())
module.exports = router`
    })
    expect(express.routesOf(express.apps[0]!).map((r) => r.fullPath)).toEqual(['/v1/login'])
  })

  it('takes only the folder for a trailing slash, and the root index for the parent folder', () => {
    const { express } = scanProject({
      'index.js': `const router = require('express').Router()
router.get('/health', (req, res) => res.end())
module.exports = router`,
      'src/app.js': `const express = require('express')
const app = express()
app.use('/api', require('./api/'))
app.use('/', require('..'))`,
      'src/api.js': `const router = require('express').Router()
router.get('/wrong', (req, res) => res.end())
module.exports = router`,
      'src/api/index.js': `const router = require('express').Router()
router.get('/right', (req, res) => res.end())
module.exports = router`
    })
    expect(express.routesOf(express.apps[0]!).map((r) => r.fullPath)).toEqual(['/api/right', '/health'])
  })

  it('mounts each router of a forEach over a route table under its own path', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const auth = require('./auth')
const users = require('./users')
const app = express()
const router = express.Router()
;[{ path: '/auth', route: auth }, { path: '/users', route: users }].forEach((r) => router.use(r.path, r.route))
app.use('/v1', router)`,
      'auth.js': `const router = require('express').Router()
router.post('/login', (req, res) => res.end())
module.exports = router`,
      'users.js': `const router = require('express').Router()
router.get('/', (req, res) => res.end())
module.exports = router`
    })
    expect(express.routesOf(express.apps[0]!).map((r) => r.fullPath)).toEqual(['/v1/auth/login', '/v1/users'])
  })

  it('covers routes of a router with middleware mounted deeper than the router', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const rateLimit = require('express-rate-limit')
const app = express()
const router = express.Router()
router.post('/auth/login', (req, res) => res.end())
router.get('/items', (req, res) => res.end())
app.use('/v1/auth', rateLimit())
app.use('/v1', router)`
    })
    expect(limited(express)).toEqual(['post /v1/auth/login true', 'get /v1/items false'])
  })

  it('mounts the router a setup function returns, and follows `var app = module.exports = express()`', () => {
    const { express } = scanProject({
      'app.js': `var express = require('express')
var app = module.exports = express()
app.use('/', require('./routes')('passport'))`,
      'routes.js': `var router = require('express').Router()
module.exports = function (passport) {
  router.post('/login', (req, res) => res.end())
  return router
}`
    })
    expect(express.routesOf(express.apps[0]!).map((r) => `${r.event.method} ${r.fullPath}`)).toEqual(['post /login'])
  })
})
