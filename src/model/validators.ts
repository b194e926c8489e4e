import type { ExpressModel, Handler } from './express.js'
import type { ModuleInfo } from './graph.js'
import { isKind } from './middleware.js'
import { rootPackage } from './data-layer.js'
import type { Origin, RequestData } from './request-data.js'
import { isFunction, lookup } from './scope.js'
import { branches } from './values.js'
import { walk, type Node } from '../parse/javascript.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'

/** Schema and validation libraries: a call into one of them in the chain or the handler validates the input. */
const VALIDATION_PACKAGES = new Set([
  'express-validator',
  'celebrate',
  'joi',
  '@hapi/joi',
  'express-joi-validation',
  'express-validation',
  'zod',
  'yup',
  'ajv',
  'class-validator',
  'superstruct',
  '@sinclair/typebox',
  'fastest-validator',
  'valibot',
  'io-ts',
  'runtypes',
  '@vinejs/vine',
  'express-json-validator-middleware'
])

/** An app's own validation function, by its name: `validate(schema)`, `validateSignup(...)`, `isValidUser(...)`. */
const VALIDATOR_FUNCTION = /^(?:validate|validator|isValid|sanitize|assertValid)(?:[A-Z_]\w*)?$|Validat(?:e|ion|or)$/
/** Schema methods: `schema.validate(req.body)`, `schema.safeParse(input)`; not a DAO's `validateLogin()`. */
const VALIDATOR_METHODS = new Set(['validate', 'validateAsync', 'validateSync', 'safeParse', 'safeParseAsync', 'isValid', 'isValidSync'])

export { rootPackage } from './data-layer.js'

/** Whether a callee's name says it validates: a function named so, or a schema's validate method. */
function isValidatorName(callee: Node): boolean {
  if (callee.type === 'Identifier') return VALIDATOR_FUNCTION.test(callee.name)
  return VALIDATOR_METHODS.has(propertyName(callee) ?? '')
}

/** Whether a call (inside a handler or a middleware factory) validates input. */
function isValidationCall(express: ExpressModel, call: Node, module: ModuleInfo): boolean {
  if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression' && call.type !== 'NewExpression') return false
  const callee = call.callee as Node
  if (isValidatorName(callee)) return true
  const pkg = rootPackage(express, callee, module)
  return pkg !== undefined && VALIDATION_PACKAGES.has(pkg)
}

/** Whether a function's body (nested functions included) calls a validation library or helper. */
export function bodyValidates(express: ExpressModel, fn: Node, module: ModuleInfo): boolean {
  let found = false
  walk(fn, (node) => {
    if (!found && isValidationCall(express, node, module)) found = true
  })
  return found
}

/** Whether a handler in a route's chain validates the request. */
export function isValidatorHandler(express: ExpressModel, handler: Handler): boolean {
  const { module, node } = handler.site
  switch (handler.kind) {
    case 'middleware':
    case 'unknown': {
      if (isKind(handler, 'validator')) return true
      // express-validator chains (`body('email').isEmail()`) and celebrate(...) calls the model leaves unresolved
      const pkg = rootPackage(express, node, module)
      return pkg !== undefined && VALIDATION_PACKAGES.has(pkg)
    }
    case 'function': {
      const home = express.graph.moduleOf(handler.fn)
      return home !== undefined && bodyValidates(express, handler.fn, home)
    }
    case 'factory': {
      const call = node.type === 'CallExpression' ? node : undefined
      if (call && isValidatorName(call.callee as Node)) return true
      const home = express.graph.moduleOf(handler.fn)
      return (
        (home !== undefined && bodyValidates(express, handler.fn, home)) ||
        handler.args.some((a) => isFunction(a) && bodyValidates(express, a, module))
      )
    }
    default:
      return false
  }
}

/** validator.js exports that check a string rather than convert it. */
const STRING_CHECKS = /^(?:is[A-Z]\w*|matches|contains|equals)$/
/** Checks that answer true or false: `ObjectId.isValid(id)`, `mongoose.isValidObjectId(id)`, yup's `schema.isValid(x)`. */
const CHECK_METHODS = new Set(['isValid', 'isValidSync', 'isValidObjectId'])
/** Methods that apply a schema of a validation library to a value: zod `parse`, Joi `attempt`, superstruct `assert`. */
const APPLY_METHODS = new Set([
  ...VALIDATOR_METHODS,
  'parse',
  'parseAsync',
  'assert',
  'attempt',
  'check',
  'cast',
  'create',
  'validateOrReject'
])

/**
 * How a call validates: a `schema` call (a schema applied to the data, throwing or returning errors)
 * validates what it is given wherever it stands; a `check` (true or false) only where the handler acts
 * on its answer.
 */
type ValidationKind = 'schema' | 'check'

function validationKind(express: ExpressModel, data: RequestData, call: Node): ValidationKind | undefined {
  if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') return undefined
  const callee = unwrapExpression(call.callee as Node)
  const name = callee.type === 'Identifier' ? callee.name : propertyName(callee)
  if (name === undefined) return undefined
  for (const branch of branches(express.evaluate(callee, data.module))) {
    if (branch.kind !== 'package' || branch.name !== 'validator') continue
    const exported = branch.path.at(-1)?.split('/').at(-1) ?? ''
    return STRING_CHECKS.test(exported) ? 'check' : undefined
  }
  if (CHECK_METHODS.has(name) || (callee.type === 'Identifier' && /^isValid/.test(name))) return 'check'
  if (isValidatorName(callee)) return 'schema'
  const pkg = rootPackage(express, callee, data.module)
  if (pkg === undefined || !VALIDATION_PACKAGES.has(pkg)) return undefined
  const args = call.arguments as Node[]
  return APPLY_METHODS.has(name) || args.some((a) => data.isRequest(a) || data.carries(a)) ? 'schema' : undefined
}

/** Whether a statement leaves the handler: `return`, `throw`, `next(err)`, or a block that does. */
function exits(statement: Node | null | undefined): boolean {
  if (!statement) return false
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true
  if (statement.type === 'BlockStatement') return statement.body.some((s) => exits(s))
  if (statement.type !== 'ExpressionStatement') return false
  const call = unwrapExpression(statement.expression)
  return call.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'next'
}

function within(node: Node, outer: Node | null | undefined): boolean {
  return outer !== null && outer !== undefined && (node.start ?? 0) >= (outer.start ?? 0) && (node.end ?? 0) <= (outer.end ?? 0)
}

type IfNode = Extract<Node, { type: 'IfStatement' }>

/**
 * An `if` acting on a check: what it guards is inside it, and after it when the failing branch leaves,
 * or when it records an error (`errors.push(...)`) that a later `if (errors.length) return ...` acts on.
 */
function ifGuard(data: RequestData, statement: IfNode): (at: Node) => boolean {
  const leavesAt = exits(statement.consequent) ? statement.end : laterExit(data, statement)
  return (at) => within(at, statement.consequent) || within(at, statement.alternate) || (leavesAt != null && (at.start ?? 0) >= leavesAt)
}

/** Where a later `if` testing the variable the branch records an error in leaves the handler. */
function laterExit(data: RequestData, statement: IfNode): number | undefined {
  const index = data.module.index
  const recorded = new Set<unknown>()
  walk(statement.consequent, (node) => {
    const target =
      node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'push'
        ? unwrapExpression(node.callee.object)
        : node.type === 'AssignmentExpression'
          ? node.left
          : undefined
    if (target?.type === 'Identifier') recorded.add(lookup(index, target.name, target))
  })
  recorded.delete(undefined)
  if (recorded.size === 0) return undefined
  let found: number | undefined
  walk(data.fn, (node) => {
    if (found !== undefined || node.type !== 'IfStatement' || (node.start ?? 0) < (statement.end ?? 0) || !exits(node.consequent)) return
    walk(node.test, (n) => {
      if (n.type === 'Identifier' && recorded.has(lookup(index, n.name, n))) found = node.end ?? undefined
    })
  })
  return found
}

/** Expressions a check's answer goes through on its way to an `if`: `!`, `&&`, `=== false`, `await`. */
function isCondition(node: Node): boolean {
  return (
    (node.type === 'UnaryExpression' && node.operator === '!') ||
    node.type === 'LogicalExpression' ||
    (node.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(node.operator)) ||
    node.type === 'AwaitExpression' ||
    node.type === 'ParenthesizedExpression'
  )
}

/** Where a check's answer decides what runs: the `if` it is tested in, directly or through a variable, or an `assert(...)`. */
function guardOf(data: RequestData, call: Node): ((at: Node) => boolean) | undefined {
  const parents = data.module.index.parents
  let current = call
  let parent = parents.get(current)
  while (parent && isCondition(parent)) {
    current = parent
    parent = parents.get(current)
  }
  if (parent?.type === 'IfStatement' && parent.test === current) return ifGuard(data, parent)
  if (
    parent?.type === 'CallExpression' &&
    /^(?:assert|ok)$/.test(propertyName(parent.callee as Node) ?? (parent.callee.type === 'Identifier' ? parent.callee.name : ''))
  ) {
    const end = parent.end ?? 0
    return (at) => (at.start ?? 0) >= end
  }
  if (parent?.type !== 'VariableDeclarator' || parent.init !== current || parent.id.type !== 'Identifier') return undefined
  const binding = lookup(data.module.index, parent.id.name, parent.id)
  const guards: Array<(at: Node) => boolean> = []
  walk(data.fn, (node) => {
    if (node.type !== 'IfStatement') return
    let tests = false
    walk(node.test, (n) => {
      if (n.type === 'Identifier' && binding && lookup(data.module.index, n.name, n) === binding) tests = true
    })
    if (tests) guards.push(ifGuard(data, node))
  })
  return guards.length > 0 ? (at) => guards.some((g) => g(at)) : undefined
}

/** Which request fields a handler validates, and where its checks hold. */
export interface FieldValidation {
  /** The handler validates all of the request: `validationResult(req)`, or a validator given no request field the model can see. */
  all: boolean
  /** Whether the field an origin names is validated where `at` (a sink) stands. */
  covers(origin: Origin, at: Node): boolean
}

/** Whether `path` is `validated` or a field inside it: validating `body` validates `body.email`. */
function isWithin(path: string, validated: string): boolean {
  return path === validated || path.startsWith(`${validated}.`)
}

/**
 * The validation inside a handler, per field: `schema.parse(req.body)` validates the body,
 * `if (!validator.isEmail(email)) return next(err)` validates `email` after it, `ObjectId.isValid(id)`
 * validates `id` and nothing else.
 */
export function handlerValidation(express: ExpressModel, data: RequestData): FieldValidation {
  const checks: Array<{ paths: string[]; holds: (at: Node) => boolean }> = []
  if (data.validated.length > 0) checks.push({ paths: data.validated, holds: () => true })
  let all = false
  walk(data.fn, (node) => {
    const kind = validationKind(express, data, node)
    if (!kind) return
    const args = (node as Extract<Node, { type: 'CallExpression' }>).arguments as Node[]
    const paths = args.flatMap((a) => data.origins(a).map((o) => o.path))
    if (kind === 'schema') {
      if (paths.length === 0 || args.some((a) => data.isRequest(a))) all = true
      else checks.push({ paths, holds: () => true })
      return
    }
    const holds = guardOf(data, node)
    if (holds && paths.length > 0) checks.push({ paths, holds })
  })
  return {
    all,
    covers: (origin, at) => checks.some((c) => c.holds(at) && c.paths.some((p) => isWithin(origin.path, p)))
  }
}
