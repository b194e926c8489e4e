import { describe, expect, it } from '@jest/globals'
import { isErrorMiddleware } from '../../src/model/handlers.js'
import { isRouteLimited } from '../../src/model/limiters.js'
import { scanProject } from '../helpers/project.js'

const CONTROLLER = `import rateLimit from 'express-rate-limit'
import { Body, Get, JsonController, Param, Post, UseBefore } from 'routing-controllers'

@JsonController('/users')
export class UserController {
  @Get('/:id')
  getOne(@Param('id') id: number) {
    return { id }
  }

  @Post()
  @UseBefore(rateLimit({ limit: 5 }))
  create(@Body() user: { name: string }) {
    return user
  }
}

@JsonController('/unused')
export class UnusedController {
  @Get('/')
  list() {
    return []
  }
}`

describe('routing-controllers', () => {
  it('reads createExpressServer as an app whose controller actions are routes under routePrefix', () => {
    const { express } = scanProject({
      'src/app.ts': `import { createExpressServer } from 'routing-controllers'
import { UserController } from './controllers/UserController'
const app = createExpressServer({ routePrefix: '/api', controllers: [UserController] })
app.listen(3000)`,
      'src/controllers/UserController.ts': CONTROLLER
    })
    expect(express.apps).toHaveLength(1)
    const [app] = express.apps
    expect(app?.variable).toBe('app')
    const routes = express.routesOf(app!)
    expect(routes.map((r) => `${r.event.method} ${r.fullPath}`)).toEqual(['get /api/users/:id', 'post /api/users'])
    expect(routes.map((r) => r.event.handlers.at(-1)?.kind)).toEqual(['function', 'function'])
    expect(routes.map((r) => isRouteLimited(express, r))).toEqual([false, true])
    // The default error handler answers errors after the routes.
    const last = app!.events.at(-1)
    expect(last && isErrorMiddleware(express, last.handlers[0]!)).toBe('yes')
  })

  it('configures the app given to useExpressServer: globbed controllers, middlewares, no default error handler', () => {
    const { express } = scanProject({
      'src/app.js': `const express = require('express')
const { useExpressServer } = require('routing-controllers')
const app = express()
useExpressServer(app, { controllers: [__dirname + '/controllers/*.js'], defaultErrorHandler: false })
module.exports = app`,
      'src/controllers/items.js': `import { Controller, Get, Middleware } from 'routing-controllers'
@Controller('/items')
export class ItemController {
  @Get()
  list() {
    return []
  }
}
@Middleware({ type: 'after' })
export class Errors {
  error(error, request, response, next) {
    response.status(500).end()
  }
}`
    })
    const [app] = express.apps
    expect(express.apps).toHaveLength(1)
    expect(express.routesOf(app!).map((r) => `${r.event.method} ${r.fullPath}`)).toEqual(['get /items'])
    expect(app!.events.map((e) => e.handlers.map((h) => isErrorMiddleware(express, h)).join())).toEqual(['no', 'yes'])
  })
})
