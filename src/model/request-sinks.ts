import { DATA_PACKAGES, isDataLayer, rootPackage } from './data-layer.js'
import type { ExpressModel } from './express.js'
import { enclosingFunction, localInit, lookup } from './scope.js'
import type { Origin, RequestData } from './request-data.js'
import { branches, type Value } from './values.js'
import { walk, type Node } from '../parse/javascript.js'
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
  /** The request fields that reach it unvalidated, in source order of their reads. */
  origins: Origin[]
}

/** What a call or assignment does with request data: the sink, and the expressions that carry the data there. */
interface Reached {
  what: string
  via: Node[]
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

/** Methods that keep a value in a collection: `items.push(req.body)`, `cache.set(id, req.body)`. */
const STORE_METHODS = new Set(['push', 'unshift', 'set'])

/** A collection that outlives the request: imported, or declared at the top of a module. */
function isModuleState(data: RequestData, receiver: Node): boolean {
  const n = unwrapExpression(receiver)
  if (n.type !== 'Identifier') return false
  const binding = lookup(data.module.index, n.name, n)
  if (binding?.kind === 'import') return true
  return binding?.kind === 'var' && enclosingFunction(data.module.index, binding.declarator) === undefined
}

/** Logger methods (winston, pino, bunyan, debug-style loggers of the app). */
const LOG_METHODS = new Set(['log', 'debug', 'info', 'warn', 'warning', 'error', 'trace', 'verbose', 'silly', 'fatal', 'notice'])

function calleeText(data: RequestData, call: Node, callee: Node): string {
  const text = data.text(callee)
  return `\`${call.type === 'NewExpression' ? 'new ' : ''}${text.length > 40 ? `${text.slice(0, 40)}…` : text}()\``
}

/** The package and export a value is, through conditionals: `cp.exec` → child_process ['exec']. */
function packageExport(value: Value): { name: string; path: string[] } | undefined {
  for (const branch of branches(value)) if (branch.kind === 'package') return { name: branch.name, path: branch.path }
  return undefined
}

/** Databases that take query operators in a filter object: a request value there can be `{ "$ne": null }`. */
const OPERATOR_DATABASES = new Set(['mongoose', 'mongodb', 'monk', 'mongojs'])
/** Query operators that run code or a regular expression. */
const DANGEROUS_OPERATORS = new Set(['$regex', '$where', '$function', '$accumulator', '$expr'])
/** Methods whose first object argument is a filter (what to find), not what is written. */
const FILTER_METHOD = /^(?:find|count|exists|where|delete|remove|destroy|distinct|update|replace|aggregate)/

function packageSink(pkg: { name: string; path: string[] }, label: string, data: RequestData, args: Node[]): Reached | undefined {
  const code = CODE_PACKAGES[pkg.name]
  if (code === 'any' || (code && code.has(pkg.path[0] ?? ''))) {
    if (!COMMAND_PACKAGES.has(pkg.name)) return reach(`code evaluation (${label})`, data, args)
    // The options (`{ env, cwd }`) of a process are not part of its command line.
    return reach(
      `a shell command (${label})`,
      data,
      args.filter((a) => !isOptionsObject(data, a))
    )
  }
  if (FILE_PACKAGES.has(pkg.name)) return reach(`a file path (${label})`, data, args)
  if (HTTP_CLIENTS.has(pkg.name)) return reach(`an outbound request (${label})`, data, urlArguments(data, args))
  return undefined
}

/** The sink when some of the expressions carry request data. */
function reach(what: string, data: RequestData, candidates: Node[]): Reached | undefined {
  const via = candidates.filter((a) => data.carries(a))
  return via.length > 0 ? { what, via } : undefined
}

/** The expression a node stands for: itself, or what the plain locals it names were initialised with (a few hops). */
function resolveLocal(data: RequestData, node: Node): Node {
  let n = unwrapExpression(node)
  for (let hops = 0; hops < 4; hops += 1) {
    const init = localInit(data.module.index, n)
    if (!init) break
    n = unwrapExpression(init)
  }
  return n
}

/** An object literal, or a variable initialised with one: a call's options. */
function isOptionsObject(data: RequestData, node: Node): boolean {
  return resolveLocal(data, node).type === 'ObjectExpression'
}

/**
 * The URL an HTTP client is given: its first argument (the second after a method name, `needle('get', url)`),
 * or the `url` of an options object; a URL on a fixed host with request data only URI-encoded into it is safe.
 */
function urlArguments(data: RequestData, args: Node[]): Node[] {
  const [first, second] = args.map((a) => unwrapExpression(a))
  const urls =
    first?.type === 'StringLiteral' && second
      ? [second]
      : first?.type === 'ObjectExpression'
        ? first.properties.flatMap((p) =>
            p.type === 'ObjectProperty' && ['url', 'uri', 'baseURL', 'host', 'hostname', 'path'].includes(propertyKey(p) ?? '')
              ? [p.value as Node]
              : []
          )
        : first
          ? [first]
          : []
  return urls.filter((url) => !isFixedHostUrl(data, url))
}

/** The pieces of a `+` chain or a template literal, in order; undefined for anything else. */
function stringPieces(node: Node): { texts: string[]; values: Node[] } | undefined {
  if (node.type === 'TemplateLiteral') return { texts: node.quasis.map((q) => q.value.cooked ?? ''), values: node.expressions as Node[] }
  if (node.type !== 'BinaryExpression' || node.operator !== '+') return undefined
  const operands: Node[] = []
  const flatten = (n: Node): void => {
    const u = unwrapExpression(n)
    if (u.type === 'BinaryExpression' && u.operator === '+') {
      flatten(u.left as Node)
      flatten(u.right)
    } else operands.push(u)
  }
  flatten(node)
  const first = operands[0]
  return first?.type === 'StringLiteral' ? { texts: [first.value], values: operands.slice(1) } : { texts: [''], values: operands }
}

/** `https://api.example.com/search?q=${encodeURIComponent(q)}`: the host is the code's, the request only fills in encoded text. */
function isFixedHostUrl(data: RequestData, node: Node): boolean {
  const n = resolveLocal(data, node)
  // `encodeURI(`https://api.example.com/users/${name}/repos`)`: the whole URL encoded, its host the code's.
  const encoded = n.type === 'CallExpression' && isGlobalCall(data, n, 'encodeURI') ? unwrapExpression(n.arguments[0] as Node) : undefined
  const pieces = stringPieces(encoded ?? n)
  if (!pieces || !/^[a-z][\w+.-]*:\/\/[^/?#]+[/?#]/i.test(pieces.texts[0] ?? '')) return false
  return encoded !== undefined || pieces.values.every((v) => !data.carries(v) || isUriEncoded(data, v))
}

/**
 * `/articles/${id}`: a path on this site starting with a fixed segment. The request can only choose
 * what comes after it, never another host (`//evil.example` needs the second slash right at the start).
 */
function isLocalPath(data: RequestData, node: Node): boolean {
  const pieces = stringPieces(resolveLocal(data, node))
  return pieces !== undefined && /^\/[^/\\]/.test(pieces.texts[0] ?? '')
}

function isUriEncoded(data: RequestData, node: Node): boolean {
  const n = unwrapExpression(node)
  return n.type === 'CallExpression' && isGlobalCall(data, n, 'encodeURIComponent')
}

function isGlobalCall(data: RequestData, call: Extract<Node, { type: 'CallExpression' }>, name: string): boolean {
  return call.callee.type === 'Identifier' && call.callee.name === name && !lookup(data.module.index, name, call.callee)
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

/** A `$regex` or `$where` operator in a query object whose value is request data. */
function dangerousOperator(data: RequestData, node: Node, depth = 0): string | undefined {
  const n = unwrapExpression(node)
  if (n.type !== 'ObjectExpression' || depth > 4) return undefined
  for (const p of n.properties) {
    if (p.type !== 'ObjectProperty') continue
    const key = propertyKey(p)
    if (key && DANGEROUS_OPERATORS.has(key) && data.carries(p.value as Node)) return key
    const nested = dangerousOperator(data, p.value as Node, depth + 1)
    if (nested) return nested
  }
  return undefined
}

/** A filter object with request data as a field's value (`{ username: req.body.username }`): the value may be an object of operators. */
function hasOperatorSlot(data: RequestData, node: Node): boolean {
  const n = unwrapExpression(node)
  return n.type === 'ObjectExpression' && n.properties.some((p) => p.type === 'ObjectProperty' && data.isRequestValue(p.value as Node))
}

/** What a call on the data layer does with the request data it takes. */
function dataLayerSink(
  express: ExpressModel,
  data: RequestData,
  member: Node,
  method: string,
  label: string,
  args: Node[]
): Reached | undefined {
  const first = args[0]
  const via = args.filter((a) => data.carries(a) && !(ID_LOOKUPS.has(method) && a === first) && !isWhereQuery(a))
  if (via.length === 0) return undefined
  for (const arg of via) {
    const operator = dangerousOperator(data, arg)
    if (operator) return { what: `a \`${operator}\` query operator (${label})`, via: [arg] }
  }
  // Path parameters are always strings: as values of a query they can carry no operator, and the
  // data layer binds them as values.
  const stored = via.filter((a) => !onlyPathParameters(data, a))
  if (stored.length === 0) return undefined
  const whole = stored.filter((a) => passesWhole(data, a))
  if (whole.length > 0) return { what: `the data layer (${label}) with every field the client sends (mass assignment)`, via: whole }
  const mongo = OPERATOR_DATABASES.has(rootPackage(express, member, data.module) ?? '')
  if (mongo && FILTER_METHOD.test(method) && first && stored.includes(first) && hasOperatorSlot(data, first))
    return {
      what: `a NoSQL query filter (${label}), where a request object such as \`{ "$ne": null }\` becomes a query operator`,
      via: [first]
    }
  return { what: `the data layer (${label})`, via: stored }
}

/** Whether all the request data an expression carries comes from `req.params` (strings, whatever the client sends). */
function onlyPathParameters(data: RequestData, node: Node): boolean {
  const origins = data.origins(node)
  return origins.length > 0 && origins.every((o) => o.path === 'params' || o.path.startsWith('params.'))
}

/** An allow-list copy (`_.pick(req.body, 'title', 'body')`, `only(req.body, 'title body')`): the fix for mass assignment. */
function isAllowListCopy(data: RequestData, node: Node): boolean {
  const call = resolveLocal(data, node)
  if (call.type !== 'CallExpression') return false
  const callee = unwrapExpression(call.callee as Node)
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined
  return (name === 'pick' || name === 'only') && call.arguments.length >= 2
}

function callSink(express: ExpressModel, data: RequestData, call: Node): Reached | undefined {
  const args = argumentsOf(call)
  if (!args.some((a) => data.carries(a))) return undefined
  const callee = unwrapExpression((call as { callee: Node }).callee)
  const label = calleeText(data, call, callee)
  if (callee.type === 'Identifier' && !lookup(data.module.index, callee.name, callee)) {
    if (CODE_GLOBALS.has(callee.name)) return reach(`code evaluation (${label})`, data, args)
    return callee.name === 'fetch' ? reach(`an outbound request (${label})`, data, urlArguments(data, args)) : undefined
  }
  const member = callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression' ? callee : undefined
  const method = member ? propertyName(member) : undefined
  if (member && data.isResponse(member.object)) {
    if (method === 'redirect' || method === 'location')
      return reach(
        `a redirect (${label})`,
        data,
        args.filter((a) => !isLocalPath(data, a) && !isFixedHostUrl(data, a))
      )
    return method === 'sendFile' || method === 'download' ? reach(`a file path (${label})`, data, args) : undefined
  }
  const value = express.evaluate(callee, data.module)
  const pkg = packageExport(value)
  if (pkg) return packageSink(pkg, label, data, args)
  if (member && method) {
    const first = args[0]
    if (SQL_METHODS.has(method) && first && data.carries(first) && isBuiltString(data, first))
      return { what: `a raw SQL query (${label})`, via: [first] }
    if (isDataLayer(express, member.object, data.module)) {
      const reached = dataLayerSink(express, data, member, method, label, args)
      if (reached) return reached
    }
  }
  // `log.debug('body', req.body)`, `logger.info(...)`: a log line is no place the input can do harm.
  if (method && LOG_METHODS.has(method)) return undefined
  if (member && method && STORE_METHODS.has(method) && isModuleState(data, member.object)) {
    const whole = args.filter((a) => passesWhole(data, a))
    if (whole.length > 0) return { what: `a stored collection (${label}) with every field the client sends (mass assignment)`, via: whole }
  }
  const whole = args.filter((a) => passesWhole(data, a))
  if (whole.length > 0 && branches(value).some((b) => b.kind === 'function'))
    return { what: `${label} (all of the input at once)`, via: whole }
  if (call.type === 'NewExpression' && DATA_PACKAGES.has(rootPackage(express, callee, data.module) ?? '')) {
    return whole.length > 0
      ? { what: `a new record (${label}) with every field the client sends (mass assignment)`, via: whole }
      : reach(
          `a new record (${label})`,
          data,
          args.filter((a) => !isAllowListCopy(data, a))
        )
  }
  return undefined
}

/** Names a query's filter goes by: `filter`, `match`, `where`, `query`, `criteria`, `conditions`, `selector`. */
const FILTER_NAME = /^(?:filters?|match|where|query|criteria|conditions?|selector|search)(?:[A-Z_]|$)/

/** Whether an object literal is a query's filter (`User.find({ role })`, `{ where: { role } }`): it reads, it does not write. */
function isFilterObject(data: RequestData, object: Node): boolean {
  const parents = data.module.index.parents
  let parent = parents.get(object)
  if (parent?.type === 'ObjectProperty' && propertyKey(parent) === 'where') return true
  // `const match = { ...(role && { role }), verified }`: a filter built up under a filter's name.
  let outer = object
  while (
    parent &&
    (parent.type === 'LogicalExpression' ||
      parent.type === 'ConditionalExpression' ||
      parent.type === 'SpreadElement' ||
      parent.type === 'ObjectExpression' ||
      parent.type === 'ParenthesizedExpression')
  ) {
    outer = parent
    parent = parents.get(parent)
  }
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && FILTER_NAME.test(parent.id.name)) return true
  if (outer !== object) return isFilterObject(data, outer)
  if ((parent?.type !== 'CallExpression' && parent?.type !== 'OptionalCallExpression') || parent.arguments[0] !== object) return false
  return FILTER_METHOD.test(propertyName(parent.callee as Node) ?? '')
}

/** A variable of the handler that holds an object or array it built itself (`const out = {}`): not a stored record. */
function isFreshLocal(data: RequestData, object: Node): boolean {
  const n = unwrapExpression(object)
  const init = n.type === 'Identifier' ? resolveLocal(data, n) : undefined
  if (!init) return false
  return (
    init.type === 'ObjectExpression' ||
    init.type === 'ArrayExpression' ||
    (init.type === 'NewExpression' && init.callee.type === 'Identifier' && ['Map', 'Set', 'Object', 'Array'].includes(init.callee.name))
  )
}

/** `user.role = req.body.role` or `{ isAdmin: req.body.isAdmin }` (not a query's filter). */
function privilegeSink(data: RequestData, node: Node): Reached | undefined {
  // `user[req.params.provider] = undefined`, `for (k in body) record[k] = body[k]`: the client names the field written.
  if (
    node.type === 'AssignmentExpression' &&
    node.operator === '=' &&
    node.left.type === 'MemberExpression' &&
    node.left.computed &&
    data.carries(node.left.property as Node) &&
    !isFreshLocal(data, node.left.object)
  ) {
    return {
      what: `a field of \`${data.text(node.left.object)}\` that the client names (\`${data.text(node.left)}\`), so any stored field can be overwritten`,
      via: [node.left.property as Node]
    }
  }
  if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && data.carries(node.right)) {
    const name = propertyName(node.left)
    if (name && PRIVILEGED.has(name.toLowerCase())) return { what: `the privileged field \`${name}\``, via: [node.right] }
  }
  if (node.type === 'ObjectProperty' && !node.computed && data.carries(node.value as Node)) {
    const name = propertyKey(node)
    const object = data.module.index.parents.get(node)
    if (object?.type === 'ObjectPattern') return undefined
    if (name && PRIVILEGED.has(name.toLowerCase()) && !(object && isFilterObject(data, object)))
      return { what: `the privileged field \`${name}\``, via: [node.value as Node] }
  }
  return undefined
}

/**
 * The first place in the handler (nested callbacks included) where request data that no validation
 * covers reaches a sink. `skip` leaves out calls another rule reports (a lodash merge is prototype
 * pollution); `covers` says which fields the handler validated before a sink.
 */
export function findSink(
  express: ExpressModel,
  data: RequestData,
  skip: (call: Node) => boolean = () => false,
  covers: (origin: Origin, at: Node) => boolean = () => false
): Sink | undefined {
  const sinks: Sink[] = []
  walk(data.fn, (node) => {
    const isCall = node.type === 'CallExpression' || node.type === 'OptionalCallExpression' || node.type === 'NewExpression'
    const reached = isCall ? (skip(node) ? undefined : callSink(express, data, node)) : privilegeSink(data, node)
    if (!reached) return
    const origins = reached.via
      .flatMap((v) => data.origins(v))
      .filter((o) => !covers(o, node))
      .sort((a, b) => (a.read.start ?? 0) - (b.read.start ?? 0))
    if (origins.length > 0) sinks.push({ node, what: reached.what, origins })
  })
  return sinks.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0))[0]
}
