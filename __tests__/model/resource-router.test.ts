import { describe, expect, it } from '@jest/globals'
import { scanProject } from '../helpers/project.js'

describe('routers made from an object of handler methods', () => {
  it("routes resource-router-middleware's methods on the collection and on /:id", () => {
    const { express } = scanProject({
      'index.js': `const express = require('express')
const resource = require('resource-router-middleware')
const app = express()
app.use('/facets', resource({
  id: 'facet',
  load(req, id, callback) { callback(null, { id }) },
  list({ params }, res) { res.json([]) },
  create({ body }, res) { res.json(body) },
  read({ facet }, res) { res.json(facet) },
  update({ facet, body }, res) { res.json(body) },
  delete({ facet }, res) { res.sendStatus(204) },
  description: 'not a handler'
}))
module.exports = app`
    })
    const [app] = express.apps
    const routes = express.routesOf(app!).map((r) => `${r.event.method} ${r.fullPath}`)
    expect(routes).toEqual(['get /facets', 'post /facets', 'get /facets/:facet', 'put /facets/:facet', 'delete /facets/:facet'])
  })

  it('leaves an options object without route methods as plain middleware', () => {
    const { express } = scanProject({
      'index.js': `const express = require('express')
const proxy = require('some-proxy')
const app = express()
app.use('/api', proxy({ target: 'http://backend', onProxyReq(req, res) { res.setHeader('x', '1') } }))
module.exports = app`
    })
    const [app] = express.apps
    expect(express.routesOf(app!)).toEqual([])
    expect(app!.events.at(-1)?.handlers.map((h) => h.kind)).toEqual(['middleware'])
  })
})
