import type { ExpressModel } from '../../model/express.js'
import type { Value } from '../../model/values.js'
import { defineRule, type RuleFinding } from '../rule.js'
import {
  always,
  cookieMiddlewares,
  cookieOptions,
  isLiteral,
  isUnset,
  option,
  optionLocation,
  type CookieMiddleware
} from '../../model/session-options.js'

interface Attribute {
  name: string
  /** Whether the cookie certainly lacks it, given the options object. */
  missing: (express: ExpressModel, cookie: Value) => boolean
  fix: string
  /** What the gap allows, for the message. */
  risk: string
}

const unsetOr =
  (...bad: unknown[]) =>
  (v: Value): boolean =>
    isUnset(v) || bad.some((b) => isLiteral(v, b))

/**
 * Both packages default `httpOnly` to true, so only `httpOnly: false` counts; `secure`, `sameSite`
 * and a lifetime have no safe default. `sameSite: 'none'` is a deliberate cross-site choice and is
 * left alone; a conditional (`secure: NODE_ENV === 'production'`) counts as set.
 */
const ATTRIBUTES: readonly Attribute[] = [
  { name: 'secure', missing: (e, c) => always(option(e, c, 'secure'), unsetOr(false)), fix: 'secure: true', risk: 'sent over plain HTTP' },
  {
    name: 'httpOnly',
    missing: (e, c) => always(option(e, c, 'httpOnly'), (v) => isLiteral(v, false)),
    fix: 'httpOnly: true',
    risk: 'readable by scripts'
  },
  {
    name: 'sameSite',
    missing: (e, c) => always(option(e, c, 'sameSite'), unsetOr(false)),
    fix: "sameSite: 'lax'",
    risk: 'sent with cross-site requests'
  },
  {
    name: 'maxAge',
    missing: (e, c) => always(option(e, c, 'maxAge'), unsetOr(null)) && always(option(e, c, 'expires'), unsetOr(null)),
    fix: 'maxAge: 60 * 60 * 1000',
    risk: 'no expiry of its own'
  }
]

function listed(names: string[]): string {
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`
}

function check(express: ExpressModel, middleware: CookieMiddleware): RuleFinding[] {
  const cookie = cookieOptions(express, middleware)
  const missing = ATTRIBUTES.filter((a) => a.missing(express, cookie))
  if (missing.length === 0) return []
  const fixes = missing.map((a) => a.fix).join(', ')
  const fix = middleware.package === 'express-session' ? `\`cookie: { ${fixes} }\`` : `\`${fixes}\` in the cookie-session options`
  const where =
    middleware.package === 'express-session'
      ? optionLocation(option(express, middleware.options, 'cookie'), middleware)
      : middleware.location
  return [
    {
      ...where,
      messageId: 'attributes-missing',
      message: `${middleware.package} cookie lacks ${listed(missing.map((a) => a.name))} (${missing.map((a) => a.risk).join('; ')}): set ${fix}`
    }
  ]
}

export default defineRule({
  meta: {
    id: 'session-cookie-insecure',
    severity: 'moderate',
    category: 'express',
    description:
      'A session cookie (express-session, cookie-session) without `secure`, `httpOnly`, `sameSite` or a `maxAge`/`expires`; the message names which.',
    fix: "`cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 3600000 }`",
    cwe: 'CWE-614',
    messages: {
      'attributes-missing': 'the session cookie lacks secure, httpOnly, sameSite or an expiry (one finding names all that are missing)'
    }
  },
  needs: 'source',
  check({ express }) {
    return cookieMiddlewares(express, ['express-session', 'cookie-session']).flatMap((m) => check(express, m))
  }
})
