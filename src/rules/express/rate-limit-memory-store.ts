import { defineRule, type RuleFinding } from '../rule.js'
import type { ExpressModel } from '../../model/express.js'
import { locate } from '../../model/express.js'
import { walk } from '../../parse/javascript.js'
import { branches, literalOf, type Value } from '../../model/values.js'
import { isOptionsLimiter, limiterCreations, type LimiterCreation } from '../../model/limiters.js'
import { keyName } from '../../parse/syntax.js'

const SHARED_STORE =
  'a shared store, e.g. `store: new RedisStore({ sendCommand: (...args) => client.sendCommand(args) })` (rate-limit-redis)'

/** `store` unset, `undefined`, or the package's own `MemoryStore`; unknown options are not judged. */
function isMemoryStore(express: ExpressModel, options: Value): boolean {
  if (options.kind === 'absent') return true
  if (options.kind !== 'object') return false
  const store = express.evaluator.property(options, 'store')
  return (
    store.kind === 'absent' ||
    (store.kind === 'literal' && literalOf(store) === undefined) ||
    (store.kind === 'new' && store.callee.kind === 'package' && store.callee.path.at(-1) === 'MemoryStore')
  )
}

function optionsFinding(express: ExpressModel, creation: LimiterCreation): RuleFinding[] {
  if (!isOptionsLimiter(creation)) return []
  const options = branches(creation.options)
  if (options.length === 0 || !options.every((o) => isMemoryStore(express, o))) return []
  return [
    {
      ...locate(creation.site),
      messageId: 'no-store',
      message: `${creation.package} limiter without \`store\` counts requests in process memory: counts reset on every restart and each instance limits separately: set ${SHARED_STORE}`
    }
  ]
}

/**
 * `insuranceLimiter: new RateLimiterMemory(...)` (directly or through a variable of the same module)
 * is the fallback of a shared limiter, not the limiter itself.
 */
function isInsurance(creation: LimiterCreation): boolean {
  const { module, node } = creation.site
  const parent = module.index.parents.get(node)
  if (parent?.type === 'ObjectProperty' && keyName(parent.key, parent.computed) === 'insuranceLimiter') return true
  if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'Identifier') return false
  const variable = parent.id.name
  let insurance = false
  walk(module.index.program, (n) => {
    if (
      !insurance &&
      n.type === 'ObjectProperty' &&
      keyName(n.key, n.computed) === 'insuranceLimiter' &&
      n.value.type === 'Identifier' &&
      n.value.name === variable
    )
      insurance = true
  })
  return insurance
}

function instanceFinding(creation: LimiterCreation): RuleFinding[] {
  const name = creation.export.join('.')
  const memory =
    (creation.package === 'rate-limiter-flexible' && name === 'RateLimiterMemory') ||
    (creation.package === 'express-brute' && name === 'MemoryStore')
  if (!memory || creation.site.node.type !== 'NewExpression' || isInsurance(creation)) return []
  const fix =
    creation.package === 'express-brute'
      ? '`new RedisStore({...})` (express-brute-redis)'
      : '`new RateLimiterRedis({ storeClient: redisClient, ... })` (or another shared store)'
  return [
    {
      ...locate(creation.site),
      messageId: 'memory-class',
      message: `${creation.package}'s ${name} counts requests in process memory: counts reset on every restart and each instance limits separately: use ${fix}`
    }
  ]
}

/**
 * Every limiter made in the app's modules, used or not: express-rate-limit and express-slow-down
 * without `store` (or with their `MemoryStore`), rate-limiter-flexible's `RateLimiterMemory` (unless
 * it is a Redis limiter's `insuranceLimiter`) and express-brute's `MemoryStore`. Options the model
 * cannot read (a parameter, a spread of unknown) are not judged.
 */
export default defineRule({
  meta: {
    id: 'rate-limit-memory-store',
    severity: 'low',
    category: 'express',
    description: 'A rate limiter on the default in-memory store.',
    fix: 'a shared store: `rateLimit({ ..., store: new RedisStore({ sendCommand }) })`',
    cwe: 'CWE-770',
    messages: {
      'no-store': 'a limiter created without a store (or with MemoryStore)',
      'memory-class': "an in-memory limiter class (rate-limiter-flexible's RateLimiterMemory, express-brute's MemoryStore)"
    }
  },
  needs: 'source',
  check({ express }) {
    return limiterCreations(express).flatMap((c) => [...optionsFinding(express, c), ...instanceFinding(c)])
  }
})
