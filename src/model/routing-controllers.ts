import type { Node } from '../parse/javascript.js'
import { keyName } from '../parse/syntax.js'
import type { Handler, Location, RouterEvent, RouterNode } from './express.js'
import type { ModuleGraph, ModuleInfo } from './graph.js'
import { lookup, nodesOf, positionOf, type FunctionNode } from './scope.js'
import { literalOf, type Site, type Value } from './values.js'

/**
 * routing-controllers builds an Express app from decorated classes: `createExpressServer(options)`
 * returns one, `useExpressServer(app, options)` configures one. In the order it registers them:
 * `cors` (the cors package), global `@Middleware({ type: 'before' })` classes, each controller's
 * actions (`@JsonController('/users')` with `@Get('/:id')`, `@Post()`...) under `routePrefix`, the
 * `after` middlewares (error middleware among them) and its default error handler, unless told
 * `defaultErrorHandler: false`.
 */

export const PACKAGE = 'routing-controllers'
export const SETUPS = new Set(['createExpressServer', 'useExpressServer'])

const CONTROLLERS = new Set(['Controller', 'JsonController'])
const ACTIONS: Record<string, string> = {
  Get: 'get',
  Post: 'post',
  Put: 'put',
  Patch: 'patch',
  Delete: 'delete',
  Head: 'head',
  All: 'all'
}

/** What the model lends to read a setup: evaluation, handler reading, and new router nodes. */
export interface ControllerHost {
  readonly graph: ModuleGraph
  evaluate(node: Node | null | undefined, module: ModuleInfo): Value
  handlers(value: Value, site: Site): Handler[]
  newRouter(site: Site, variable: string | undefined): RouterNode
}

type Decorated = Extract<Node, { type: 'ClassDeclaration' | 'ClassExpression' }>
type Call = Extract<Node, { type: 'CallExpression' | 'OptionalCallExpression' }>

/** The routing-controllers export a decorator or call names (`JsonController`, `Get`), if it is one. */
function exportOf(host: ControllerHost, callee: Node, module: ModuleInfo): string | undefined {
  const value = host.evaluate(callee, module)
  return value.kind === 'package' && value.name === PACKAGE && value.path.length === 1 ? value.path[0] : undefined
}

/** `@Name(args)` decorators on a class or method, with the routing-controllers export each is. */
function decorators(host: ControllerHost, node: Node, module: ModuleInfo): Array<{ name: string; call: Call }> {
  const list = (node as { decorators?: Array<{ expression: Node }> | null }).decorators ?? []
  return list.flatMap((d) => {
    const e = d.expression
    if (e.type !== 'CallExpression') return []
    const name = exportOf(host, e.callee as Node, module)
    return name ? [{ name, call: e }] : []
  })
}

function stringArg(host: ControllerHost, call: Call, index: number, module: ModuleInfo): string | undefined {
  const arg = call.arguments[index] as Node | undefined
  const value = arg ? literalOf(host.evaluate(arg, module)) : undefined
  return typeof value === 'string' ? value : undefined
}

function located(site: Site): Location {
  const { line, column } = positionOf(site.node, site.module)
  return { file: site.module.path, line, column: column + 1 }
}

interface ClassInfo {
  node: Decorated
  module: ModuleInfo
  name?: string
  decorators: Array<{ name: string; call: Call }>
}

/** Every class of the app with a routing-controllers decorator. */
function decoratedClasses(host: ControllerHost): ClassInfo[] {
  const found: ClassInfo[] = []
  for (const module of host.graph.modules.values()) {
    for (const node of nodesOf(module.index)) {
      if (node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') continue
      const list = decorators(host, node, module)
      if (list.length > 0) found.push({ node, module, ...(node.id ? { name: node.id.name } : {}), decorators: list })
    }
  }
  return found
}

/**
 * The class names an option lists (`controllers: [UserController]`), or undefined for "every
 * decorated class": strings are globs of folders, and no list at all loads every imported one.
 */
function listedNames(node: Node | undefined, module: ModuleInfo): Set<string> | undefined {
  if (node?.type !== 'ArrayExpression') return undefined
  const names = new Set<string>()
  for (const element of node.elements) {
    if (element?.type !== 'Identifier') return undefined
    const binding = lookup(module.index, element.name, element)
    if (binding?.kind === 'import' && binding.imported !== 'default' && binding.imported !== '*') names.add(binding.imported)
    else if (binding?.kind === 'import' || binding?.kind === 'class') names.add(element.name)
    else return undefined
  }
  return names
}

function methodsOf(cls: Decorated): FunctionNode[] {
  return cls.body.body.filter((m): m is Extract<Node, { type: 'ClassMethod' }> => m.type === 'ClassMethod' && m.kind === 'method')
}

function methodNamed(cls: Decorated, name: string): FunctionNode | undefined {
  return methodsOf(cls).find((m) => m.type === 'ClassMethod' && keyName(m.key, m.computed) === name)
}

/** Reads one `createExpressServer(options)` / `useExpressServer(app, options)` into the app's events. */
export function applySetup(host: ControllerHost, app: RouterNode, call: Call, module: ModuleInfo, order: number[]): void {
  const optionsNode = call.arguments[call.arguments.length - 1] as Node | undefined
  const options = host.evaluate(optionsNode, module)
  const entry = (key: string): { node: Node; module: ModuleInfo } | undefined => {
    if (options.kind !== 'object' || !options.at) return undefined
    const found = [...options.entries].reverse().find((e) => e.key === key)
    return found ? { node: found.node, module: options.at.module } : undefined
  }
  let step = 0
  const push = (event: Omit<RouterEvent, 'order' | 'file' | 'line' | 'column'>, into: RouterNode = app, base = order): RouterEvent => {
    const full: RouterEvent = { ...event, order: [...base, step++], ...located(event.site) }
    into.events.push(full)
    return full
  }
  const site: Site = { module, node: call }

  const cors = entry('cors')
  if (cors) {
    const value = host.evaluate(cors.node, cors.module)
    const off = value.kind === 'literal' && !value.value
    if (!off) {
      const corsOptions = value.kind === 'literal' ? undefined : value
      const handler: Handler = {
        kind: 'middleware',
        package: 'cors',
        export: [],
        options: corsOptions,
        called: true,
        site: { module: cors.module, node: cors.node }
      }
      push({ type: 'use', site: { module: cors.module, node: cors.node }, path: '/', handlers: [handler] })
    }
  }

  const classes = decoratedClasses(host)
  const pick = (key: string, kinds: Set<string>): ClassInfo[] => {
    const listed = entry(key)
    const names = listed ? listedNames(listed.node, listed.module) : undefined
    return classes.filter((c) => c.decorators.some((d) => kinds.has(d.name)) && (!names || (c.name !== undefined && names.has(c.name))))
  }
  const middlewares = pick('middlewares', new Set(['Middleware']))
  const middlewareType = (c: ClassInfo): string | undefined => {
    const call = c.decorators.find((d) => d.name === 'Middleware')?.call
    const arg = call?.arguments[0] as Node | undefined
    const value = arg ? host.evaluate(arg, c.module) : undefined
    if (value?.kind !== 'object' || !value.at) return undefined
    const type = value.entries.find((e) => e.key === 'type')
    const literal = type ? literalOf(host.evaluate(type.node, value.at.module)) : undefined
    return typeof literal === 'string' ? literal : undefined
  }
  const useMiddlewares = (type: string): void => {
    for (const c of middlewares.filter((m) => middlewareType(m) === type)) {
      const fn = methodNamed(c.node, 'error') ?? methodNamed(c.node, 'use')
      if (!fn) continue
      const at: Site = { module: c.module, node: c.node }
      const own: Handler = { kind: 'function', fn, site: { module: c.module, node: fn } }
      push({ type: 'use', site: at, path: '/', handlers: [...delegatedMiddleware(host, fn, c.module), own] })
    }
  }
  useMiddlewares('before')

  const prefix = (() => {
    const value = entry('routePrefix')
    const literal = value ? literalOf(host.evaluate(value.node, value.module)) : undefined
    return typeof literal === 'string' ? literal : '/'
  })()
  for (const controller of pick('controllers', CONTROLLERS)) addController(host, controller, app, prefix, push)

  useMiddlewares('after')
  const defaults = entry('defaultErrorHandler')
  const defaultOff = defaults !== undefined && literalOf(host.evaluate(defaults.node, defaults.module)) === false
  if (!defaultOff) {
    const handler: Handler = {
      kind: 'middleware',
      package: PACKAGE,
      export: ['defaultErrorHandler'],
      options: undefined,
      called: true,
      site
    }
    push({ type: 'use', site, path: '/', handlers: [handler] })
  }
}

/**
 * Package middleware a middleware method hands the request to: `return helmet()(req, res, next)`.
 * The class then does that middleware's job.
 */
function delegatedMiddleware(host: ControllerHost, fn: FunctionNode, module: ModuleInfo): Handler[] {
  if (fn.body.type !== 'BlockStatement') return []
  return fn.body.body.flatMap((statement) => {
    const e =
      statement.type === 'ReturnStatement' ? statement.argument : statement.type === 'ExpressionStatement' ? statement.expression : null
    if (e?.type !== 'CallExpression' || e.callee.type !== 'CallExpression') return []
    const inner = e.callee
    return host.handlers(host.evaluate(inner, module), { module, node: inner }).filter((h) => h.kind === 'middleware')
  })
}

type Push = (event: Omit<RouterEvent, 'order' | 'file' | 'line' | 'column'>, into?: RouterNode, base?: number[]) => RouterEvent

/** A controller class as a router mounted at its base path, its actions as routes. */
function addController(host: ControllerHost, controller: ClassInfo, app: RouterNode, prefix: string, push: Push): void {
  const { node: cls, module } = controller
  const classSite: Site = { module, node: cls }
  const decorator = controller.decorators.find((d) => CONTROLLERS.has(d.name)) as { call: Call }
  const base = stringArg(host, decorator.call, 0, module) ?? '/'
  const router = host.newRouter(classSite, controller.name)
  const uses = (name: string, node: Node): Handler[] =>
    decorators(host, node, module)
      .filter((d) => d.name === name)
      .flatMap((d) => (d.call.arguments as Node[]).flatMap((a) => host.handlers(host.evaluate(a, module), { module, node: a })))
  const routerOrder = [router.site.node.start ?? 0]
  const before = uses('UseBefore', cls)
  if (before.length > 0) push({ type: 'use', site: classSite, path: '/', handlers: before }, router, routerOrder)
  for (const method of methodsOf(cls)) {
    for (const d of decorators(host, method, module)) {
      const verb = d.name === 'Method' ? stringArg(host, d.call, 0, module) : ACTIONS[d.name]
      if (!verb) continue
      const path = stringArg(host, d.call, d.name === 'Method' ? 1 : 0, module)
      const site: Site = { module, node: d.call }
      const handlers: Handler[] = [...uses('UseBefore', method), { kind: 'function', fn: method, site: { module, node: method } }]
      push({ type: 'route', site, method: verb.toLowerCase(), path: path ?? '/', handlers }, router, routerOrder)
    }
  }
  const after = uses('UseAfter', cls)
  if (after.length > 0) push({ type: 'use', site: classSite, path: '/', handlers: after }, router, routerOrder)
  const mount = push({
    type: 'use',
    site: classSite,
    path: joinMount(prefix, base),
    handlers: [{ kind: 'router', router, site: classSite }]
  })
  router.mounts.push({ parent: app, event: mount })
}

function joinMount(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
  return joined === '/' ? '/' : joined.replace(/\/+$/, '') || '/'
}
