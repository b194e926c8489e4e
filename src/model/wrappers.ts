import { walk, type Node } from '../parse/javascript.js'
import type { Evaluator } from './evaluator.js'
import type { ModuleInfo } from './graph.js'
import { enclosingFunction, type FunctionNode } from './scope.js'

/** Names a handler's first parameter goes by: `req`, `request`, `_req`. */
const REQUEST_NAME = /^_?(?:req|request)$/i

/**
 * Whether a function reads like an Express handler by its parameters: `(req, res)`, `({ body }, res)`,
 * `(err, req, res, next)`. A callback of another shape given to a call (`(err, user) => ...` for
 * passport, `(value, { req }) => ...` for a custom validator) is no handler.
 */
export function looksLikeHandler(fn: FunctionNode): boolean {
  if (fn.params.length === 4) return true
  const first = fn.params[0] as Node | undefined
  const target = first?.type === 'AssignmentPattern' ? first.left : first
  return target?.type === 'ObjectPattern' || (target?.type === 'Identifier' && REQUEST_NAME.test(target.name))
}

/** The functions a factory of the app returns: `() => (req, res) => ...`, `function () { return handler }`. */
export function returnedFunctions(evaluator: Evaluator, fn: FunctionNode, module: ModuleInfo): FunctionNode[] {
  const body = fn.body as Node
  const returned: Node[] = []
  if (body.type !== 'BlockStatement') returned.push(body)
  else
    walk(body, (node) => {
      if (node.type === 'ReturnStatement' && node.argument && enclosingFunction(module.index, node) === fn) returned.push(node.argument)
    })
  return returned.flatMap((node) => {
    const value = evaluator.evaluate(node, module)
    return value.kind === 'function' ? [value.fn] : []
  })
}

/** Whether a factory of the app returns a handler: `module.exports = () => (req, res, next) => ...`. */
export function returnsHandler(evaluator: Evaluator, fn: FunctionNode, module: ModuleInfo | undefined): boolean {
  return module !== undefined && returnedFunctions(evaluator, fn, module).some(looksLikeHandler)
}
