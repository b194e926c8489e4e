import type { ExpressModel, Handler } from './express.js'
import type { ModuleInfo } from './graph.js'
import { isKind } from './middleware.js'
import { rootIdentifier, type HandlerFunction } from './request-data.js'
import { isFunction } from './scope.js'
import { branches, type Value } from './values.js'
import { walk, type Node } from '../parse/javascript.js'
import { propertyName } from '../parse/syntax.js'

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

/** The package a value comes from through calls and `new`: `Joi.object({...})` → `joi`. */
function packageOf(value: Value, depth = 0): string | undefined {
  if (depth > 8) return undefined
  for (const branch of branches(value)) {
    if (branch.kind === 'package') return branch.name
    if (branch.kind === 'call' || branch.kind === 'new') {
      const found = packageOf(branch.callee, depth + 1)
      if (found) return found
    }
  }
  return undefined
}

/** The package the expression's call or member chain starts from, if any. */
export function rootPackage(express: ExpressModel, node: Node, module: ModuleInfo): string | undefined {
  const root = rootIdentifier(node)
  return root ? packageOf(express.evaluate(root, module)) : undefined
}

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

/** Whether the handler function validates the request itself (`validationResult(req)`, `schema.parse(req.body)`). */
export function handlerValidates(express: ExpressModel, handler: HandlerFunction): boolean {
  return bodyValidates(express, handler.fn, handler.module)
}
