import type { ExpressModel } from './express.js'
import { lookup } from './scope.js'
import type { RequestData } from './request-data.js'
import { branches, type Value } from './values.js'
import { walk, type Node } from '../parse/javascript.js'
import { rootPackage } from './validators.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'

/**
 * Where unvalidated request data does harm: code and shell execution, redirects and file paths,
 * outbound requests, raw SQL, the data layer (a DAO or an ODM model), a privileged field, or the
 * whole `req.body`/`req.query` handed to a function of the app. Rendering, logging, hashing and
 * comparisons are not sinks: they are where most request reads end, and flagging them is noise.
 */
export interface Sink {
  node: Node
  /** What the data reaches, for the message: "`eval()`", "a shell command (`exec()`)". */
  what: string
}

const CODE_GLOBALS = new Set(['eval', 'Function', 'require'])
const CODE_PACKAGES: Record<string, Set<string> | 'any'> = {
  child_process: 'any',
  'node:child_process': 'any',
  shelljs: 'any',
  execa: 'any',
  vm: 'any',
  'node:vm': 'any',
  mathjs: new Set(['eval', 'evaluate']),
  'safe-eval': 'any',
  'node-serialize': new Set(['unserialize'])
}
const COMMAND_PACKAGES = new Set(['child_process', 'node:child_process', 'shelljs', 'execa'])
const FILE_PACKAGES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra'])
const HTTP_CLIENTS = new Set([
  'needle',
  'axios',
  'request',
  'request-promise',
  'got',
  'node-fetch',
  'superagent',
  'undici',
  'http',
  'https',
  'node:http',
  'node:https',
  'phin',
  'bent'
])
/** Packages whose models and collections run queries: a request value in their query is operator injection or mass assignment. */
const DATA_PACKAGES = new Set([
  'mongoose',
  'mongodb',
  'typeorm',
  'sequelize',
  '@prisma/client',
  'knex',
  'mysql',
  'mysql2',
  'pg',
  'sqlite3',
  'better-sqlite3',
  'monk',
  'mongojs'
])
/** Lookups by an id that the ODM casts (an ObjectId, a primary key): not an injection point. */
const ID_LOOKUPS = new Set(['findById', 'findByPk', 'findByIdAndRemove', 'findByIdAndDelete', 'get', 'exists'])
/** Methods that take SQL text. */
const SQL_METHODS = new Set([
  'query',
  'raw',
  'execute',
  'exec',
  '$queryRawUnsafe',
  '$executeRawUnsafe',
  'whereRaw',
  'run',
  'all',
  'prepare'
])
/** Fields whose value decides what a user may do. */
const PRIVILEGED = new Set([
  'role',
  'roles',
  'isadmin',
  'is_admin',
  'admin',
  'permissions',
  'permission',
  'superuser',
  'issuperuser',
  'accesslevel',
  'privileges'
])

function calleeText(data: RequestData, callee: Node): string {
  const text = data.text(callee)
  return `\`${text.length > 40 ? `${text.slice(0, 40)}…` : text}()\``
}

/** The package and export a value is, through conditionals: `cp.exec` → child_process ['exec']. */
function packageExport(value: Value): { name: string; path: string[] } | undefined {
  for (const branch of branches(value)) if (branch.kind === 'package') return { name: branch.name, path: branch.path }
  return undefined
}

function packageSink(pkg: { name: string; path: string[] }, label: string): string | undefined {
  const code = CODE_PACKAGES[pkg.name]
  if (code === 'any' || (code && code.has(pkg.path[0] ?? '')))
    return COMMAND_PACKAGES.has(pkg.name) ? `a shell command (${label})` : `code evaluation (${label})`
  if (FILE_PACKAGES.has(pkg.name)) return `a file path (${label})`
  if (HTTP_CLIENTS.has(pkg.name)) return `an outbound request (${label})`
  return undefined
}

/** An object literal with a `where` key is a parameterised ORM query (Sequelize, TypeORM, Prisma). */
function isWhereQuery(node: Node): boolean {
  const n = unwrapExpression(node)
  return n.type === 'ObjectExpression' && n.properties.some((p) => p.type === 'ObjectProperty' && propertyKey(p) === 'where')
}

function propertyKey(p: Node): string | undefined {
  if (p.type !== 'ObjectProperty' && p.type !== 'ObjectMethod') return undefined
  if (!p.computed && p.key.type === 'Identifier') return p.key.name
  return p.key.type === 'StringLiteral' ? p.key.value : undefined
}

/** A method call on a DAO (`new MemosDAO(db)`) or on a model or collection of a database package. */
function isDataLayer(express: ExpressModel, data: RequestData, receiver: Node): boolean {
  const value = express.evaluate(receiver, data.module)
  if (branches(value).some((b) => b.kind === 'new' && b.callee.kind === 'function')) return true
  const pkg = rootPackage(express, receiver, data.module)
  return pkg !== undefined && DATA_PACKAGES.has(pkg)
}

function argumentsOf(call: Node): Node[] {
  if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression' && call.type !== 'NewExpression') return []
  return (call.arguments as Node[]).map((a) => (a.type === 'SpreadElement' ? a.argument : a))
}

/** Text put together from pieces: `'SELECT ... ' + login`, a template literal, or a variable initialised with one. */
function isBuiltString(data: RequestData, node: Node, depth = 0): boolean {
  const n = unwrapExpression(node)
  if ((n.type === 'BinaryExpression' && n.operator === '+') || (n.type === 'TemplateLiteral' && n.expressions.length > 0)) return true
  if (n.type !== 'Identifier' || depth > 4) return false
  const binding = lookup(data.module.index, n.name, n)
  return (
    binding?.kind === 'var' &&
    binding.path.length === 0 &&
    binding.init !== null &&
    binding.init !== n &&
    isBuiltString(data, binding.init, depth + 1)
  )
}

/** `fn(req.query)` or `fn({ ...req.body })`: all of the client's input at once. */
function passesWhole(data: RequestData, arg: Node): boolean {
  const n = unwrapExpression(arg)
  if (data.isWhole(n)) return true
  return n.type === 'ObjectExpression' && n.properties.some((p) => p.type === 'SpreadElement' && data.isWhole(p.argument))
}

function callSink(express: ExpressModel, data: RequestData, call: Node): string | undefined {
  const args = argumentsOf(call)
  const tainted = args.filter((a) => data.carries(a))
  if (tainted.length === 0) return undefined
  const callee = unwrapExpression((call as { callee: Node }).callee)
  const label = calleeText(data, callee)
  if (callee.type === 'Identifier' && !lookup(data.module.index, callee.name, callee)) {
    if (CODE_GLOBALS.has(callee.name)) return `code evaluation (${label})`
    return callee.name === 'fetch' ? `an outbound request (${label})` : undefined
  }
  const member = callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression' ? callee : undefined
  const method = member ? propertyName(member) : undefined
  if (member && data.isResponse(member.object)) {
    if (method === 'redirect' || method === 'location') return `a redirect (${label})`
    return method === 'sendFile' || method === 'download' ? `a file path (${label})` : undefined
  }
  const value = express.evaluate(callee, data.module)
  const pkg = packageExport(value)
  if (pkg) return packageSink(pkg, label)
  if (member && method) {
    const first = args[0]
    if (SQL_METHODS.has(method) && first && data.carries(first) && isBuiltString(data, first)) return `a raw SQL query (${label})`
    if (isDataLayer(express, data, member.object)) {
      const onlyId = ID_LOOKUPS.has(method) && tainted.length === 1 && tainted[0] === first
      if (!onlyId && !tainted.every(isWhereQuery)) return `the data layer (${label})`
    }
  }
  const direct = branches(value).some((b) => b.kind === 'function')
  if (direct && tainted.some((a) => passesWhole(data, a))) return `${label} (all of the input at once)`
  if (
    call.type === 'NewExpression' &&
    tainted.some((a) => passesWhole(data, a)) &&
    DATA_PACKAGES.has(rootPackage(express, callee, data.module) ?? '')
  ) {
    return `a new record (${label})`
  }
  return undefined
}

/** `user.role = req.body.role` or `{ isAdmin: req.body.isAdmin }`. */
function privilegeSink(data: RequestData, node: Node): string | undefined {
  if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && data.carries(node.right)) {
    const name = propertyName(node.left)
    if (name && PRIVILEGED.has(name.toLowerCase())) return `the privileged field \`${name}\``
  }
  if (node.type === 'ObjectProperty' && !node.computed && data.carries(node.value as Node)) {
    const name = propertyKey(node)
    if (name && PRIVILEGED.has(name.toLowerCase())) return `the privileged field \`${name}\``
  }
  return undefined
}

/**
 * The first place in the handler (nested callbacks included) where request data reaches a sink.
 * `skip` leaves out calls another rule reports (a lodash merge is prototype pollution).
 */
export function findSink(express: ExpressModel, data: RequestData, skip: (call: Node) => boolean = () => false): Sink | undefined {
  const sinks: Sink[] = []
  walk(data.fn, (node) => {
    const isCall = node.type === 'CallExpression' || node.type === 'OptionalCallExpression' || node.type === 'NewExpression'
    const what = isCall ? (skip(node) ? undefined : callSink(express, data, node)) : privilegeSink(data, node)
    if (what) sinks.push({ node, what })
  })
  return sinks.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0))[0]
}
