import { describe, expect, it } from '@jest/globals'
import { isAuthPath } from '../../src/model/limiters.js'
import { scanProject } from '../helpers/project.js'

const routes = (files: Record<string, string>) => {
  const { express } = scanProject(files)
  return express.routesOf(express.apps[0]!).map((r) => `${r.event.method} ${r.fullPath}`)
}

describe('route and mount paths written as text', () => {
  it('keeps an unknown part as written, not as /', () => {
    expect(
      routes({
        'app.js': `const express = require('express')
const app = express()
const base = process.env.BASE_PATH
app.get(\`\${base}/health\`, (req, res) => res.end())
app.post(base + '/login', (req, res) => res.end())
app.route(\`\${config.api.prefix}/items\`).put((req, res) => res.end())`
      })
    ).toEqual(['get ${base}/health', 'post ${base}/login', 'put ${config.api.prefix}/items'])
  })

  it('fills in the parts it knows, and a fully known path is a path', () => {
    expect(
      routes({
        'app.js': `const express = require('express')
const { API } = require('./paths')
const app = express()
const version = 2
app.get(\`\${API}/v\${version}/users\`, (req, res) => res.end())
app.get(API + '/status', (req, res) => res.end())
app.get(\`\${API}/\${req.params.anything}\`, (req, res) => res.end())`,
        'paths.js': `exports.API = '/api'`
      })
    ).toEqual(['get /api/v2/users', 'get /api/status', 'get /api/${req.params.anything}'])
  })

  it('renders a router mounted at a written path, and middleware there stays on an unknown path', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const rateLimit = require('express-rate-limit')
const app = express()
app.use(\`\${prefix}/auth\`, rateLimit({ limit: 5 }))
app.use(\`\${prefix}/auth\`, require('./auth'))`,
      'auth.js': `const router = require('express').Router()
router.post('/login', (req, res) => res.end())
module.exports = router`
    })
    const [route] = express.routesOf(express.apps[0]!)
    expect(`${route?.event.method} ${route?.fullPath}`).toBe('post ${prefix}/auth/login')
    // Its mount path is not known, so the limiter may cover it: it is counted in front of it.
    expect(route?.before.map((b) => (b.handler.kind === 'middleware' ? b.handler.package : b.handler.kind))).toEqual(['express-rate-limit'])
  })

  it('reads any first argument of a route as its path, and only text as the path of a use', () => {
    const { express } = scanProject({
      'app.js': `const express = require('express')
const app = express()
const handler = (req, res) => res.end()
app.get(paths.health, handler)
app.get(1 + offset, handler)
app.use(mountPoint, require('./sub'))`,
      'sub.js': `const router = require('express').Router()
router.get('/x', (req, res) => res.end())
module.exports = router`
    })
    const found = express.routesOf(express.apps[0]!)
    expect(found.map((r) => `${r.event.method} ${r.fullPath}`)).toEqual(['get ${paths.health}', 'get ${1 + offset}', 'get /x'])
    // The path is no handler of the route.
    expect(found[0]?.event.handlers.map((h) => h.kind)).toEqual(['function'])
  })

  it('cuts a long unknown part and keeps it on one line', () => {
    const [path] = routes({
      'app.js': `const express = require('express')
const app = express()
app.get(\`\${someConfiguration.loadTheSettings(
  'api').routes.prefixForEverything}/x\`, (req, res) => res.end())`
    })
    expect(path).toMatch(/^get \$\{someConfiguration\.loadTheSettings\( '.{0,8}…\}\/x$/)
  })

  it('reads the words of the written parts of a path, not the names of the unknown ones', () => {
    expect(isAuthPath('${base}/login')).toBe(true)
    expect(isAuthPath('${authBase}/me')).toBe(false)
  })
})
