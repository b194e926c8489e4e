import { describe, expect, it } from '@jest/globals'
import { readRequestData, type RequestData } from '../../src/model/request-data.js'
import { findSink } from '../../src/model/request-sinks.js'
import { handlerValidation } from '../../src/model/validators.js'
import { walk, type Node } from '../../src/parse/javascript.js'
import type { FunctionNode } from '../../src/model/scope.js'
import { scanProject } from '../helpers/project.js'

const DTO = `import { IsEmail, IsString } from 'class-validator'
export class CreateUserDto {
  @IsString() name!: string
  @IsEmail() email!: string
}
export interface UserPatch { name?: string }
`

/** The request data of the controller method `name` in users.controller.ts, and what reaches a sink unvalidated. */
function action(
  controller: string,
  name: string,
  server = `import { createExpressServer } from 'routing-controllers'
createExpressServer({ controllers: [] })`
): { data: RequestData; unvalidated: string[] } {
  const { express } = scanProject({ 'src/dto.ts': DTO, 'src/users.controller.ts': controller, 'src/server.ts': server })
  const module = [...express.graph.modules.values()].find((m) => m.path.endsWith('users.controller.ts'))
  if (!module) throw new Error('no module')
  let fn: FunctionNode | undefined
  walk(module.ast, (node: Node) => {
    if (node.type === 'ClassMethod' && node.key.type === 'Identifier' && node.key.name === name) fn = node
  })
  if (!fn) throw new Error(`no method ${name}`)
  const data = readRequestData(express, { fn, module })
  if (!data) throw new Error('no request data')
  const validation = handlerValidation(express, data)
  const sink = findSink(express, data, undefined, (o, at) => validation.covers(o, at))
  return { data, unvalidated: sink?.origins.map((o) => o.path) ?? [] }
}

const CONTROLLER = `import { JsonController, Post, Patch, Get, Body, Param, QueryParam } from 'routing-controllers'
import mongoose from 'mongoose'
import { CreateUserDto, UserPatch } from './dto'
const User = mongoose.model('User')

@JsonController('/users')
export class UsersController {
  @Post('/')
  create(@Body() dto: CreateUserDto) {
    return User.create(dto)
  }

  @Post('/unchecked')
  createRaw(@Body({ validate: true }) body: UserPatch) {
    return User.create(body)
  }

  @Patch('/')
  update(@QueryParam('id') id: string, @Body({ validate: true }) dto: CreateUserDto) {
    return User.updateOne({ _id: id }, { $set: { name: dto.name } })
  }

  @Get('/')
  search(@QueryParam('q') q: string, @QueryParam('limit') limit: number) {
    return User.find({ name: { $regex: q } }).limit(limit)
  }
}
`

describe('routing-controllers actions', () => {
  it('reads decorated parameters as the parts of the request they name', () => {
    const { data } = action(CONTROLLER, 'search')
    expect(data.reads.map((r) => data.text(r))).toEqual(['q', 'limit'])
  })

  it('counts a class-validator DTO as validated, validation being on by default', () => {
    expect(action(CONTROLLER, 'create').unvalidated).toEqual([])
  })

  it('does not count an interface as validated, even with validate: true', () => {
    expect(action(CONTROLLER, 'createRaw').unvalidated).toEqual(['body'])
  })

  it('validates per parameter: a string id is not validated by the DTO next to it', () => {
    expect(action(CONTROLLER, 'update').unvalidated).toEqual(['query.id'])
  })

  it('treats a number parameter as converted, not as text', () => {
    expect(action(CONTROLLER, 'search').unvalidated).toEqual(['query.q'])
  })

  it('does not count a DTO as validated when the server turns validation off, unless the parameter asks for it', () => {
    const server = `import { useExpressServer } from 'routing-controllers'
import express from 'express'
useExpressServer(express(), { validation: false })`
    expect(action(CONTROLLER, 'create', server).unvalidated).toEqual(['body'])
    expect(action(CONTROLLER, 'update', server).unvalidated).toEqual(['query.id'])
  })
})
