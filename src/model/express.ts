import type { Node } from '../parse/javascript.js'
import { walk } from '../parse/javascript.js'
import { collectImports, requiredModule, type ImportBinding } from './imports.js'

/** A parsed production module of the scanned app. */
export interface JsModule {
  path: string
  text: string
  ast: Node
}

export interface Location {
  file: string
  line: number
  column: number
}

/** An `express()` application. */
export interface ExpressApp extends Location {
  /** The variable it is assigned to, when it is. */
  variable?: string
  /** Mounted into another app with `parent.use(app)`: the parent's middleware runs first. */
  mounted?: boolean
}

/** A middleware given to `.use()` or a route, identified by the package it comes from. */
export interface MiddlewareRef {
  package: string
  /** `default` for `helmet()`, the member for `helmet.hsts()` or `express.json()`. */
  export: string
}

/** A `<receiver>.use(...)` call. */
export interface UseCall extends Location {
  receiver?: string
  path?: string
  middleware: MiddlewareRef[]
  /** Identifiers passed as arguments (routers, sub-apps, middleware variables). */
  identifiers: string[]
}

export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head'])

/** A `<receiver>.<method>(path, ...)` route registration. */
export interface RouteCall extends Location {
  receiver?: string
  method: string
  path?: string
}

export interface ModuleModel {
  path: string
  apps: ExpressApp[]
  uses: UseCall[]
  routes: RouteCall[]
}

export interface ExpressModel {
  modules: ModuleModel[]
  apps: ExpressApp[]
  uses: UseCall[]
  routes: RouteCall[]
}

function locate(file: string, node: Node): Location {
  return { file, line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 }
}

type Resolve = (name: string) => ImportBinding | undefined

/** The module export a callee stands for: `express`, `helmet.hsts`, `require('cors')`. */
function calleeBinding(callee: Node, resolve: Resolve): ImportBinding | undefined {
  if (callee.type === 'Identifier') return resolve(callee.name)
  const required = requiredModule(callee)
  if (required !== undefined) return { source: required, imported: 'default' }
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    const base = calleeBinding(callee.object, resolve)
    if (base && (base.imported === 'default' || base.imported === '*')) return { source: base.source, imported: callee.property.name }
  }
  return undefined
}

function isExpressCall(node: Node, resolve: Resolve): boolean {
  if (node.type !== 'CallExpression') return false
  const binding = calleeBinding(node.callee, resolve)
  return binding?.source === 'express' && (binding.imported === 'default' || binding.imported === '*')
}

function stringValue(node: Node | undefined): string | undefined {
  if (node?.type === 'StringLiteral') return node.value
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined
  return undefined
}

/** Builds the model of one module: its apps, `.use()` calls and routes, in source order. */
/**
 * Names a relative import by the package it points at, when it points at a package's own folder
 * (Express's examples use `require('../..')` for express itself).
 */
export type PackageAlias = (source: string, fromFile: string) => string | undefined

export function buildModuleModel(mod: JsModule, aliasOf: PackageAlias = () => undefined): ModuleModel {
  const imports = new Map([...collectImports(mod.ast)].map(([name, b]) => [name, { ...b, source: aliasOf(b.source, mod.path) ?? b.source }]))
  /** Top-level `const x = helmet()` style values, so `app.use(x)` is recognised too. */
  const localMiddleware = new Map<string, MiddlewareRef>()
  const resolve: Resolve = (name) => imports.get(name)
  const middlewareOf = (arg: Node): MiddlewareRef | undefined => {
    if (arg.type === 'Identifier') return localMiddleware.get(arg.name)
    if (arg.type !== 'CallExpression') return undefined
    const binding = calleeBinding(arg.callee, resolve)
    return binding ? { package: binding.source, export: binding.imported } : undefined
  }
  const model: ModuleModel = { path: mod.path, apps: [], uses: [], routes: [] }
  walk(mod.ast, (node, parent) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
      const ref = middlewareOf(node.init)
      if (ref && !isExpressCall(node.init, resolve)) localMiddleware.set(node.id.name, ref)
    }
    if (isExpressCall(node, resolve)) {
      const variable = parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name
        : parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier' ? parent.left.name : undefined
      model.apps.push({ ...locate(mod.path, node), ...(variable ? { variable } : {}) })
      return
    }
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.computed) return
    const { object, property } = node.callee
    if (property.type !== 'Identifier') return
    const receiver = object.type === 'Identifier' ? object.name : undefined
    const path = stringValue(node.arguments[0] as Node | undefined)
    if (property.name === 'use') {
      const middleware = node.arguments.map((a) => middlewareOf(a as Node)).filter((m): m is MiddlewareRef => m !== undefined)
      const identifiers = node.arguments.flatMap((a) => (a.type === 'Identifier' ? [a.name] : []))
      model.uses.push({ ...locate(mod.path, node), ...(receiver ? { receiver } : {}), ...(path !== undefined ? { path } : {}), middleware, identifiers })
    } else if (ROUTE_METHODS.has(property.name) && path !== undefined && node.arguments.length >= 2) {
      model.routes.push({ ...locate(mod.path, node), ...(receiver ? { receiver } : {}), method: property.name, path })
    }
  })
  for (const app of model.apps) {
    if (app.variable && model.uses.some((u) => u.receiver !== app.variable && u.identifiers.includes(app.variable as string))) app.mounted = true
  }
  return model
}

export function buildExpressModel(modules: JsModule[], aliasOf?: PackageAlias): ExpressModel {
  const built = modules.map((m) => buildModuleModel(m, aliasOf))
  return {
    modules: built,
    apps: built.flatMap((m) => m.apps),
    uses: built.flatMap((m) => m.uses),
    routes: built.flatMap((m) => m.routes)
  }
}
