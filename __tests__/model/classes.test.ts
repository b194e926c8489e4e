import { describe, expect, it } from '@jest/globals'
import { scanProject } from '../helpers/project.js'

describe('classes in the app model', () => {
  it('ties this.app routes, routers held in fields and a getInstance singleton to one app', () => {
    const { express } = scanProject({
      'src/server.js': `const express = require('express')
class Base { constructor() { this.app = express() } }
class Server extends Base {
  static getInstance() {
    if (!Server.instance) Server.instance = new Server()
    return Server.instance
  }
  get users() {
    if (!this._users) this._users = new Users().router
    return this._users
  }
  mount() { this.app.use('/users', this.users) }
}
class Users {
  router = express.Router()
  constructor() { this.router.get('/:id', (req, res) => res.json({ id: req.params.id })) }
}
module.exports = { Server }`,
      'src/index.js': `const { Server } = require('./server')
const server = Server.getInstance()
server.mount()
server.app.get('/health', (req, res) => res.send('ok'))
server.app.listen(3000)`
    })
    expect(express.apps).toHaveLength(1)
    const routes = express.routesOf(express.apps[0]!).map((r) => `${r.event.method} ${r.fullPath}`)
    expect(routes.sort()).toEqual(['get /health', 'get /users/:id'])
  })

  it('gives up on a member of a function that returns a call of itself, without overflowing the stack', () => {
    const { express } = scanProject({
      'index.js': `const express = require('express')
function again() { return again() }
const app = express()
app.use(again().handler)
app.get('/', (req, res) => res.send('hi'))
module.exports = app`
    })
    expect(express.apps).toHaveLength(1)
    expect(express.routesOf(express.apps[0]!)).toHaveLength(1)
  })

  it('reads a method of a class instance given as a handler', () => {
    const { express } = scanProject({
      'index.js': `const express = require('express')
const asyncHandler = require('express-async-handler')
class Notes { async create(req, res) { res.json(req.body) } }
const notes = new Notes()
const app = express()
app.post('/notes', asyncHandler(notes.create))
module.exports = app`
    })
    const [route] = express.routesOf(express.apps[0]!)
    expect(route?.event.handlers.map((h) => h.kind)).toEqual(['middleware', 'function'])
  })
})
