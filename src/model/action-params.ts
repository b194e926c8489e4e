// Which parameters of a handler hold the request, the response, or a part of the request. An Express
// handler takes `(req, res, next)`; a routing-controllers action names what it wants with parameter
// decorators (`@Body() dto: CreateUserDto`, `@Param('id') id: string`) and, by default, validates
// a class-typed one with class-validator.
import type { Node } from '../parse/javascript.js'
import { CacheKey } from './cache.js'
import type { ExpressModel } from './express.js'
import type { ModuleInfo } from './graph.js'
import { packageCalls } from './package-calls.js'
import { lookup, nodesOf, type FunctionNode } from './scope.js'
import { literalOf } from './values.js'

const PACKAGE = 'routing-controllers'

/** A parameter that is a part of the request: `body`, `params.id`; and whether the framework validates it. */
export interface RequestPart {
  path: string[]
  validated: boolean
}

export interface ParamRoles {
  request?: number
  response?: number
  parts: Map<number, RequestPart>
}

/** `(req, res, next)`. */
export const EXPRESS_ROLES: ParamRoles = { request: 0, response: 1, parts: new Map() }

/** Decorators that inject a part of the request, with where it is and whether the name argument goes on the path. */
const PARTS: Record<string, { source: string; named: boolean }> = {
  Body: { source: 'body', named: false },
  BodyParam: { source: 'body', named: true },
  Params: { source: 'params', named: false },
  Param: { source: 'params', named: true },
  QueryParams: { source: 'query', named: false },
  QueryParam: { source: 'query', named: true }
}

type Decorator = { name: string; args: Node[] }

function routingDecorators(express: ExpressModel, param: Node, module: ModuleInfo): Decorator[] {
  const list = (param as { decorators?: Array<{ expression: Node }> | null }).decorators ?? []
  return list.flatMap((d) => {
    const e = d.expression
    if (e.type !== 'CallExpression') return []
    const value = express.evaluate(e.callee as Node, module)
    return value.kind === 'package' && value.name === PACKAGE && value.path.length === 1 && value.path[0]
      ? [{ name: value.path[0], args: e.arguments as Node[] }]
      : []
  })
}

/** The `validate` option of `@Body({ validate: true })`, if written. */
function validateOption(express: ExpressModel, decorator: Decorator, module: ModuleInfo): boolean | undefined {
  const options = decorator.args.find((a) => a.type === 'ObjectExpression')
  const value = options ? express.evaluate(options, module) : undefined
  if (value?.kind !== 'object' || !value.at) return undefined
  const entry = value.entries.find((e) => e.key === 'validate')
  if (!entry) return undefined
  const literal = literalOf(express.evaluate(entry.node, value.at.module))
  return literal === undefined ? true : Boolean(literal)
}

const VALIDATION_OFF = new CacheKey<boolean>('routing-controllers validation: false')

/** `createExpressServer({ validation: false })` / `useExpressServer(app, { validation: false })`: validation is on unless so. */
function validationOff(express: ExpressModel): boolean {
  return express.cache.once(VALIDATION_OFF, () =>
    packageCalls(express).some((call) => {
      if (call.package !== PACKAGE || !['createExpressServer', 'useExpressServer'].includes(call.path[0] ?? '')) return false
      const node = call.site.node as Extract<Node, { type: 'CallExpression' }>
      const last = node.arguments.at(-1) as Node | undefined
      const options = last ? express.evaluate(last, call.site.module) : undefined
      if (options?.kind !== 'object' || !options.at) return false
      const entry = options.entries.find((e) => e.key === 'validation')
      return entry !== undefined && literalOf(express.evaluate(entry.node, options.at.module)) === false
    })
  )
}

/** The class a type annotation names, in this module or the one it imports it from. */
function namedClass(express: ExpressModel, param: Node, module: ModuleInfo): { node: Node; module: ModuleInfo } | undefined {
  const annotation = (param as { typeAnnotation?: Node | null }).typeAnnotation
  const type = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : undefined
  if (type?.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier') return undefined
  const binding = lookup(module.index, type.typeName.name, type.typeName)
  if (binding?.kind === 'class') return { node: binding.node, module }
  if (binding?.kind !== 'import') return undefined
  const target = express.graph.resolve(binding.source, module.path)
  if (!('module' in target)) return undefined
  for (const node of nodesOf(target.module.index)) {
    if (
      (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') &&
      (node.id?.name === binding.imported || binding.imported === 'default')
    )
      return { node, module: target.module }
  }
  return undefined
}

/** Whether a class declares class-validator constraints on its properties (`@IsString() name`). */
function hasConstraints(express: ExpressModel, cls: { node: Node; module: ModuleInfo }): boolean {
  const body = (cls.node as Extract<Node, { type: 'ClassDeclaration' }>).body.body
  return body.some((member) =>
    ((member as { decorators?: Array<{ expression: Node }> | null }).decorators ?? []).some((d) => {
      const callee = d.expression.type === 'CallExpression' ? (d.expression.callee as Node) : d.expression
      const value = express.evaluate(callee, cls.module)
      return value.kind === 'package' && value.name === 'class-validator'
    })
  )
}

/** A number or boolean parameter: routing-controllers converts the text, so what arrives is no string. */
function isConverted(param: Node): boolean {
  const annotation = (param as { typeAnnotation?: Node | null }).typeAnnotation
  const type = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation.type : undefined
  return type === 'TSNumberKeyword' || type === 'TSBooleanKeyword'
}

/** What each parameter of a handler is: Express's `(req, res)`, or a routing-controllers action's decorated ones. */
export function paramRoles(express: ExpressModel, fn: FunctionNode, module: ModuleInfo): ParamRoles {
  if (fn.type !== 'ClassMethod') return EXPRESS_ROLES
  const roles: ParamRoles = { parts: new Map() }
  let decorated = false
  fn.params.forEach((p, index) => {
    const param = (p.type === 'TSParameterProperty' ? p.parameter : p) as Node
    for (const decorator of routingDecorators(express, p as Node, module)) {
      decorated = true
      if (decorator.name === 'Req' || decorator.name === 'Request') roles.request = index
      else if (decorator.name === 'Res' || decorator.name === 'Response') roles.response = index
      const part = PARTS[decorator.name]
      if (!part) continue
      const name = part.named ? literalOf(express.evaluate(decorator.args[0], module)) : undefined
      const path = typeof name === 'string' ? [part.source, name] : [part.source]
      const option = validateOption(express, decorator, module)
      const cls = namedClass(express, param, module)
      // routing-controllers validates a class-typed parameter only (what arrives must be an instance to check).
      const validated =
        isConverted(param) ||
        (cls !== undefined && (option === true || (option !== false && !validationOff(express) && hasConstraints(express, cls))))
      roles.parts.set(index, { path, validated })
    }
  })
  return decorated ? roles : EXPRESS_ROLES
}
