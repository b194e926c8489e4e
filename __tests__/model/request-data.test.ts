import { describe, expect, it } from '@jest/globals'
import { readRequestData, routeHandlers, type RequestData } from '../../src/model/request-data.js'
import { walk, type Node } from '../../src/parse/javascript.js'
import { scanProject } from '../helpers/project.js'

function dataOf(source: string): RequestData | undefined {
  const { express } = scanProject({ 'app.js': source })
  const [route] = routeHandlers(express)
  return route ? readRequestData(express, route.handler) : undefined
}

/** The initialiser of `const <name> = ...` inside the handler. */
function initOf(data: RequestData, name: string): Node {
  let found: Node | undefined
  walk(data.fn, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name && node.init) found = node.init
  })
  if (!found) throw new Error(`no ${name}`)
  return found
}

describe('readRequestData', () => {
  it('follows the first parameter whatever its name, destructuring and aliases', () => {
    const data = dataOf(`const app = require('express')()
app.post('/x', (request, response) => {
  const { id } = request.params
  const body = request.body
  const copy = body
  const label = 'x' + id
  const fixed = 'y'
  response.send(label + copy.name + fixed)
})`)
    if (!data) throw new Error('no handler')
    expect(data.reads.map((r) => data.text(r))).toEqual(['request.params', 'request.body'])
    expect(data.carries(initOf(data, 'label'))).toBe(true)
    expect(data.carries(initOf(data, 'fixed'))).toBe(false)
    expect(data.isWhole(initOf(data, 'copy'))).toBe(true)
    expect(data.isRequestValue(initOf(data, 'label'))).toBe(false)
    expect(data.isResponse(initOf(data, 'label'))).toBe(false)
  })

  it('reads destructured request parameters', () => {
    const data = dataOf(`const app = require('express')()
app.get('/y', ({ query }, res) => res.redirect(query.next))`)
    expect(data?.reads.length).toBeGreaterThan(0)
  })

  it('sees no request data in a function without parameters', () => {
    const data = dataOf(`const app = require('express')()
app.get('/z', function () { return 1 })`)
    expect(data).toBeUndefined()
  })
})

describe('handlers of constructed objects', () => {
  it('resolves `new Handler(db).method` to the function the constructor assigns to `this.method`', () => {
    const { express } = scanProject({
      'app.js': `const app = require('express')()
function Memos(db) {
  this.add = (req, res) => res.send(req.body.memo)
}
const memos = new Memos({})
app.post('/memos', memos.add)`
    })
    const [route] = routeHandlers(express)
    expect(route?.handler.fn.type).toBe('ArrowFunctionExpression')
  })
})
