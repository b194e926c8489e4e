import type { Node } from '../parse/javascript.js'
import { isFunction } from './scope.js'
import type { ModuleInfo } from './graph.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'

/**
 * Which environment a piece of code runs in, judged from the `NODE_ENV` tests around it:
 * `production`, `development` (anything that is not production: dev, test, local), or `either`
 * when there is an environment test whose direction cannot be told (`env === 'staging'`, `a && isProd`
 * on its false side).
 */
export type EnvSide = 'production' | 'development' | 'either'

const PRODUCTION_WORDS = new Set(['production', 'prod'])
const DEVELOPMENT_WORDS = new Set(['development', 'dev', 'develop', 'test', 'testing', 'local', 'debug'])
/** Names that hold the environment's name: `env`, `config.env`, `NODE_ENV`, `nodeEnv`, `settings.environment`, `BUILD_MODE`. */
const ENV_NAME = /^(?:(?:node|app|mode|current|runtime|deploy)?_?env(?:ironment)?|(?:build|run|app|node)?_?mode|stage)$/i
const PRODUCTION_FLAG = /^(?:is_?)?prod(?:uction)?(?:_?mode|_?env)?$/i
const DEVELOPMENT_FLAG = /^(?:is_?)?(?:dev(?:elopment)?|debug|local|test(?:ing)?)(?:_?mode|_?env)?$/i

function nameOf(node: Node): string | undefined {
  const n = unwrapExpression(node)
  if (n.type === 'Identifier') return n.name
  return propertyName(n)
}

/** `process.env.NODE_ENV`, `config.env`, `env`, `app.get('env')`, `app.settings.env`. */
export function isEnvRead(node: Node): boolean {
  const n = unwrapExpression(node)
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && propertyName(n.callee) === 'get') {
    const [arg] = n.arguments
    return arg?.type === 'StringLiteral' && arg.value === 'env'
  }
  if (
    n.type === 'MemberExpression' &&
    n.object.type === 'MemberExpression' &&
    propertyName(n.object) === 'env' &&
    n.object.object.type === 'Identifier' &&
    n.object.object.name === 'process'
  ) {
    return /ENV|STAGE|MODE/i.test(propertyName(n) ?? '')
  }
  const name = nameOf(n)
  return name !== undefined && ENV_NAME.test(name)
}

function sideOfWord(word: string): EnvSide {
  const w = word.toLowerCase()
  return PRODUCTION_WORDS.has(w) ? 'production' : DEVELOPMENT_WORDS.has(w) ? 'development' : 'either'
}

function flip(side: EnvSide): EnvSide {
  return side === 'production' ? 'development' : side === 'development' ? 'production' : 'either'
}

function comparison(test: Extract<Node, { type: 'BinaryExpression' }>): EnvSide | undefined {
  const negated = test.operator === '!=' || test.operator === '!=='
  if (!negated && test.operator !== '==' && test.operator !== '===') return undefined
  const left = unwrapExpression(test.left as Node)
  const right = unwrapExpression(test.right)
  const [read, word] = isEnvRead(left) ? [left, right] : isEnvRead(right) ? [right, left] : [undefined, undefined]
  if (!read || !word) return undefined
  const side = word.type === 'StringLiteral' ? sideOfWord(word.value) : 'either'
  return negated ? flip(side) : side
}

/** `['development', 'test'].includes(env)`. */
function inclusion(test: Extract<Node, { type: 'CallExpression' }>): EnvSide | undefined {
  if (test.callee.type !== 'MemberExpression' || propertyName(test.callee) !== 'includes') return undefined
  const [arg] = test.arguments
  if (!arg || !isEnvRead(arg as Node) || test.callee.object.type !== 'ArrayExpression') return undefined
  const sides = new Set(test.callee.object.elements.map((e) => (e?.type === 'StringLiteral' ? sideOfWord(e.value) : 'either')))
  return sides.size === 1 ? [...sides][0] : 'either'
}

/**
 * What a test being true says about the environment: `NODE_ENV !== 'production'` → development,
 * `isProd` → production; undefined when the test is not about the environment.
 */
export function envTest(test: Node): EnvSide | undefined {
  const t = unwrapExpression(test)
  switch (t.type) {
    case 'BinaryExpression':
      return comparison(t)
    case 'CallExpression':
      return inclusion(t)
    case 'UnaryExpression': {
      if (t.operator !== '!') return undefined
      const inner = envTest(t.argument)
      return inner && flip(inner)
    }
    case 'LogicalExpression': {
      const left = envTest(t.left)
      const right = envTest(t.right)
      if (left === undefined && right === undefined) return undefined
      // `isDev && x` true means dev; `isDev || x` true says nothing certain.
      if (t.operator === '&&' && (left === undefined || right === undefined || left === right)) return left ?? right
      return 'either'
    }
    default: {
      const name = nameOf(t)
      if (name === undefined || (t.type !== 'Identifier' && t.type !== 'MemberExpression')) return undefined
      return PRODUCTION_FLAG.test(name) ? 'production' : DEVELOPMENT_FLAG.test(name) ? 'development' : undefined
    }
  }
}

/** Whether a statement always leaves its block: `return`, `throw`, or a block ending in one. */
function exits(statement: Node): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true
  if (statement.type === 'BlockStatement') {
    const last = statement.body.at(-1)
    return last !== undefined && exits(last)
  }
  return false
}

/** `if (isProd) return res.send('error')` before a statement: that statement runs only outside production. */
function earlyExitSide(block: Node, child: Node): EnvSide | undefined {
  if (block.type !== 'BlockStatement' && block.type !== 'Program') return undefined
  const body = block.body as Node[]
  for (const statement of body.slice(0, body.indexOf(child)).reverse()) {
    if (statement.type !== 'IfStatement' || statement.alternate || !exits(statement.consequent)) continue
    const side = envTest(statement.test)
    if (side) return flip(side)
  }
  return undefined
}

/** The environment side a child of a conditional runs on, if the conditional tests the environment. */
function branchSide(parent: Node, child: Node): EnvSide | undefined {
  if (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') {
    if (child === parent.test) return undefined
    const side = envTest(parent.test)
    return side && (child === parent.consequent ? side : flip(side))
  }
  if (parent.type === 'LogicalExpression' && child === parent.right) {
    const side = envTest(parent.left)
    if (!side) return undefined
    return parent.operator === '&&' ? side : parent.operator === '||' ? flip(side) : undefined
  }
  return earlyExitSide(parent, child)
}

/**
 * The environment a node runs in, from the nearest environment test around it, looking outwards
 * no further than `boundary` (a handler function) or, without one, the enclosing function.
 */
export function envSideOf(node: Node, module: ModuleInfo, boundary?: Node): EnvSide | undefined {
  let child = node
  for (let parent = module.index.parents.get(node); parent; child = parent, parent = module.index.parents.get(parent)) {
    const side = branchSide(parent, child)
    if (side) return side
    if (parent === boundary || (!boundary && isFunction(parent))) return undefined
  }
  return undefined
}
