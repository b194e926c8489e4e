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

describe('request fields carried', () => {
  it('names the field each value carries and the read it comes from', () => {
    const data = dataOf(`const app = require('express')()
const User = require('mongoose').model('User')
app.post('/x', async (req, res) => {
  const { email, profile: { age }, ...rest } = req.body
  const id = req.params.id
  const label = 'user ' + id
  const user = await User.findById(id)
  const fields = { email, id }
  for (const [key, value] of Object.entries(fields)) res.set(key, value)
  for (const k in req.query) res.set(k, '1')
  res.json({ email, age, rest, label, user })
})`)
    if (!data) throw new Error('no handler')
    const pathsOf = (name: string): string[] => data.origins(initOf(data, name)).map((o) => o.path)
    expect(pathsOf('label')).toEqual(['params.id'])
    expect(pathsOf('user')).toEqual([])
    expect(pathsOf('fields').sort()).toEqual(['body.email', 'params.id'])
    const [read] = data.origins(initOf(data, 'fields'))
    expect(read && data.text(read.read)).toMatch(/^req\.(body|params)$/)
    let keyPaths: string[] | undefined
    let valuePaths: string[] | undefined
    let forInPaths: string[] | undefined
    walk(data.fn, (node) => {
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && data.text(node.callee) === 'res.set') {
        const [key, value] = node.arguments as Node[]
        if (key && value && data.text(key) === 'key') {
          keyPaths = data.origins(key).map((o) => o.path)
          valuePaths = data.origins(value).map((o) => o.path)
        }
        if (key && data.text(key) === 'k') forInPaths = data.origins(key).map((o) => o.path)
      }
    })
    // Keys of a literal the code wrote are its own; keys of the query are the client's.
    expect(keyPaths).toEqual([])
    expect(valuePaths?.sort()).toEqual(['body.email', 'params.id'])
    expect(forInPaths).toEqual(['query'])
    let restPaths: string[] | undefined
    let agePaths: string[] | undefined
    walk(data.fn, (node) => {
      if (node.type === 'ObjectProperty' && node.key.type === 'Identifier' && node.shorthand) {
        if (node.key.name === 'rest') restPaths = data.origins(node.value as Node).map((o) => o.path)
        if (node.key.name === 'age') agePaths = data.origins(node.value as Node).map((o) => o.path)
      }
    })
    expect(agePaths).toEqual(['body.profile.age'])
    expect(restPaths).toEqual(['body'])
  })
})
