// What a JavaScript config file (babel.config.js, .babelrc.js) exports, read as data: the scan never
// runs a scanned project's code, so only what is written literally counts.
import { parseJavaScript, type Node } from './javascript.js'

type Bindings = ReadonlyMap<string, Node>

const MAX_DEPTH = 32

/**
 * The plain value of `module.exports = …` or `export default …`: literals, objects, arrays, names of
 * top-level constants, `require.resolve('x')` as `'x'`, and a function's returned object
 * (`module.exports = (api) => { api.cache(true); return {…} }`). Whatever else is undefined.
 */
export function readStaticExports(text: string): unknown {
  const parsed = parseJavaScript(text)
  if (!parsed.ok) return undefined
  const body = parsed.ast.program.body as Node[]
  let exported: Node | undefined
  for (const statement of body) {
    if (statement.type === 'ExportDefaultDeclaration') exported = statement.declaration as Node
    else if (statement.type === 'ExpressionStatement' && isModuleExportsAssignment(statement.expression))
      exported = statement.expression.right
  }
  return exported === undefined ? undefined : valueOf(exported, bindingsOf(body, new Map()), 0)
}

function isModuleExportsAssignment(node: Node): node is Node & { type: 'AssignmentExpression'; right: Node } {
  if (node.type !== 'AssignmentExpression' || node.operator !== '=') return false
  const left = node.left
  return (
    left.type === 'MemberExpression' &&
    left.object.type === 'Identifier' &&
    left.object.name === 'module' &&
    !left.computed &&
    left.property.type === 'Identifier' &&
    left.property.name === 'exports'
  )
}

/** The `const name = …` declarations among statements, over the enclosing ones. */
function bindingsOf(statements: Node[], outer: Bindings): Bindings {
  const bindings = new Map(outer)
  for (const statement of statements) {
    if (statement.type !== 'VariableDeclaration') continue
    for (const d of statement.declarations) if (d.id.type === 'Identifier' && d.init) bindings.set(d.id.name, d.init)
  }
  return bindings
}

function keyOf(property: Node & { type: 'ObjectProperty' }): string | undefined {
  const key = property.key
  if (!property.computed && key.type === 'Identifier') return key.name
  if (key.type === 'StringLiteral') return key.value
  if (key.type === 'NumericLiteral') return String(key.value)
  return undefined
}

function objectOf(node: Node & { type: 'ObjectExpression' }, bindings: Bindings, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const property of node.properties) {
    if (property.type === 'SpreadElement') {
      const spread = valueOf(property.argument, bindings, depth + 1)
      if (spread !== null && typeof spread === 'object' && !Array.isArray(spread)) Object.assign(object, spread)
    } else if (property.type === 'ObjectProperty') {
      const key = keyOf(property)
      if (key !== undefined && key !== '__proto__') object[key] = valueOf(property.value as Node, bindings, depth + 1)
    }
  }
  return object
}

function returnedBy(fn: Node & { body: Node }, bindings: Bindings, depth: number): unknown {
  if (fn.body.type !== 'BlockStatement') return valueOf(fn.body, bindings, depth + 1)
  const statements = fn.body.body as Node[]
  const returns = statements.filter((s) => s.type === 'ReturnStatement')
  const last = returns.at(-1)
  return last?.type === 'ReturnStatement' && last.argument ? valueOf(last.argument, bindingsOf(statements, bindings), depth + 1) : undefined
}

function valueOf(node: Node, bindings: Bindings, depth: number): unknown {
  if (depth > MAX_DEPTH) return undefined
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return node.value
    case 'NullLiteral':
      return null
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? node.quasis[0]?.value.cooked : undefined
    case 'ObjectExpression':
      return objectOf(node, bindings, depth)
    case 'ArrayExpression':
      return node.elements.map((e) => (e && e.type !== 'SpreadElement' ? valueOf(e, bindings, depth + 1) : undefined))
    case 'Identifier': {
      const bound = bindings.get(node.name)
      return bound ? valueOf(bound, bindings, depth + 1) : undefined
    }
    case 'CallExpression':
      return requireResolved(node)
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
    case 'FunctionDeclaration':
      return returnedBy(node, bindings, depth)
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return valueOf(node.expression, bindings, depth + 1)
    default:
      return undefined
  }
}

/** `require.resolve('babel-plugin-module-resolver')` names the package it resolves. */
function requireResolved(node: Node & { type: 'CallExpression' }): string | undefined {
  const callee = node.callee
  const first = node.arguments[0]
  const isRequireResolve =
    callee.type === 'MemberExpression' &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'require' &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'resolve'
  return isRequireResolve && first?.type === 'StringLiteral' ? first.value : undefined
}
