import { defineRule, type RuleFinding, uniqueByPlace } from '../rule.js'
import type { ExpressModel, RouterNode } from '../../model/express.js'
import { locate } from '../../model/express.js'
import type { Node } from '../../parse/javascript.js'
import { branches } from '../../model/values.js'
import {
  describeApp,
  firstParamName,
  hasDeclaredReceiver,
  hasUnplacedLimiter,
  headerRead,
  isLimiterValue,
  isOptionsLimiter,
  limiterCreations,
  limitersOf,
  optionSite,
  type LimiterCreation
} from '../../model/limiters.js'
import { propertyName } from '../../parse/syntax.js'

const KEY_FIX = "key on `req.ip` with `app.set('trust proxy', 1)` (the number of proxies in front), or on the authenticated user"

function named(header: string): string {
  return header ? `the \`${header}\` header` : 'a request header'
}

/** `app.set('trust proxy', true)` / `app.enable('trust proxy')` on an app that limits by client IP. */
function trustProxyFinding(express: ExpressModel, app: RouterNode, unplaced: boolean): RuleFinding[] {
  const trust = express.setting(app, 'trust proxy')
  if (!trust || !branches(trust.value).some((b) => b.kind === 'literal' && b.value === true)) return []
  const limited = limitersOf(express, app).length > 0 || (unplaced && express.apps.length === 1)
  if (!limited) return []
  return [
    {
      file: trust.event.file,
      line: trust.event.line,
      column: trust.event.column,
      messageId: 'trust-proxy-true',
      message: `${describeApp(app)} trusts every \`X-Forwarded-For\` hop ('trust proxy' true), so clients choose their own \`req.ip\` and get a fresh rate-limit bucket per request: set \`app.set('trust proxy', 1)\` (the number of proxies in front of the app)`
    }
  ]
}

/** The same setting on an app the model could not identify (an unresolved setup parameter), when the project limits. */
function orphanTrustFindings(express: ExpressModel, unplaced: boolean): RuleFinding[] {
  const limited = unplaced || express.apps.some((app) => limitersOf(express, app).length > 0)
  if (!limited) return []
  return express.orphanSettings
    .filter(
      (s) =>
        s.name === 'trust proxy' && hasDeclaredReceiver(s.site) && branches(s.value).some((b) => b.kind === 'literal' && b.value === true)
    )
    .map((s) => ({
      ...locate(s.site),
      messageId: 'trust-proxy-true',
      message: `'trust proxy' true trusts every \`X-Forwarded-For\` hop, so clients choose their own \`req.ip\` and get a fresh rate-limit bucket per request: set \`app.set('trust proxy', 1)\` (the number of proxies in front of the app)`
    }))
}

/** express-rate-limit / express-slow-down `keyGenerator` reading a request header. */
function keyGeneratorFinding(express: ExpressModel, creation: LimiterCreation): RuleFinding[] {
  if (!isOptionsLimiter(creation) || creation.options.kind !== 'object') return []
  const generator = express.evaluator.property(creation.options, 'keyGenerator')
  if (generator.kind !== 'function') return []
  const req = firstParamName(generator.fn)
  const body = generator.fn.body as Node
  const header = req !== undefined ? headerRead(body, req) : destructuredHeaders(generator.fn.params[0], body)
  if (header === undefined) return []
  const site = optionSite(express, creation.options, 'keyGenerator') ?? generator.at ?? creation.site
  return [
    {
      ...locate(site),
      messageId: 'key-generator-header',
      message: `the ${creation.package} keyGenerator keys clients on ${named(header)}, which the client sets freely, so each request can claim a fresh bucket: ${KEY_FIX}`
    }
  ]
}

/** `keyGenerator: ({ headers }) => headers['x-forwarded-for']`: any read of the destructured headers. */
function destructuredHeaders(param: Node | undefined, body: Node): string | undefined {
  if (param?.type !== 'ObjectPattern') return undefined
  const property = param.properties.find((p) => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'headers')
  if (property?.type !== 'ObjectProperty') return undefined
  return property.value.type === 'Identifier' ? (headerRead(body, property.value.name, 'headers') ?? '') : ''
}

/** rate-limiter-flexible: `limiter.consume(req.headers['x-forwarded-for'])` inside a middleware. */
function consumeFindings(express: ExpressModel): RuleFinding[] {
  const findings: RuleFinding[] = []
  for (const module of express.graph.modules.values()) {
    for (const call of module.index.calls) {
      if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || propertyName(call.callee) !== 'consume') continue
      const [key] = call.arguments
      if (!key || !isLimiterValue(express.evaluate(call.callee.object, module))) continue
      const fn = express.enclosingFunction({ module, node: call })
      const req = fn ? firstParamName(fn) : undefined
      const header = req !== undefined ? headerRead(key as Node, req) : undefined
      if (header === undefined) continue
      findings.push({
        ...locate({ module, node: call }),
        messageId: 'consume-header-key',
        message: `this limiter consumes points keyed on ${named(header)}, which the client sets freely, so each request can claim a fresh bucket: ${KEY_FIX}`
      })
    }
  }
  return findings
}

/**
 * A limiter whose client key the client controls: 'trust proxy' `true` on an app that has a
 * limiter (express-rate-limit keys on `req.ip`, which then comes from the left-most
 * `X-Forwarded-For` entry), or a key read from a request header.
 */
export default defineRule({
  meta: {
    id: 'rate-limit-bypassable',
    severity: 'moderate',
    category: 'express',
    description: "The rate limiter's client key can be spoofed: `trust proxy` set to `true` or a key taken from a request header.",
    fix: "`app.set('trust proxy', 1)` (the number of proxies) and key on `req.ip` or the authenticated user",
    cwe: 'CWE-348',
    messages: {
      'trust-proxy-true': "'trust proxy' is true in a rate-limited app, so clients choose req.ip",
      'key-generator-header': 'a limiter keyGenerator keys clients on a request header',
      'consume-header-key': 'a limiter consume() call keys points on a request header'
    }
  },
  needs: 'source',
  check({ express }) {
    const unplaced = hasUnplacedLimiter(express)
    return uniqueByPlace([
      ...express.apps.flatMap((app) => trustProxyFinding(express, app, unplaced)),
      ...orphanTrustFindings(express, unplaced),
      ...limiterCreations(express).flatMap((c) => keyGeneratorFinding(express, c)),
      ...consumeFindings(express)
    ])
  }
})
