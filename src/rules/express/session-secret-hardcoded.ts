import type { ExpressModel } from '../../model/express.js'
import { locate } from '../../model/express.js'
import { branches, type Site, type Value } from '../../model/values.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { redact } from '../../common/secret-names.js'
import { cookieMiddlewares, option, type CookieMiddleware } from '../../model/session-options.js'

interface LiteralSecret {
  value: string
  at: Site
}

/** The options that sign cookies: express-session `secret`, cookie-session `secret`/`keys`, cookie-parser's argument. */
function secretValues(express: ExpressModel, middleware: CookieMiddleware): Array<{ name: string; value: Value }> {
  if (middleware.package === 'cookie-parser') return [{ name: 'secret', value: middleware.options }]
  const names = middleware.package === 'cookie-session' ? ['secret', 'keys'] : ['secret']
  return names.map((name) => ({ name, value: option(express, middleware.options, name) }))
}

/** Literal strings a secret may be: itself, a branch of `process.env.X || 'literal'`, or an array element. */
function literalSecrets(express: ExpressModel, value: Value, depth = 0): LiteralSecret[] {
  return branches(value).flatMap((b): LiteralSecret[] => {
    if (b.kind === 'literal' && typeof b.value === 'string' && b.value.trim() !== '' && b.at) return [{ value: b.value, at: b.at }]
    if (b.kind === 'array' && b.at && depth === 0) {
      const module = b.at.module
      return b.elements.flatMap((e) => literalSecrets(express, express.evaluate(e, module), depth + 1))
    }
    return []
  })
}

/** Where the code names the option (`secret: pkg.name`), for a value read out of a JSON file. */
function optionSite(middleware: CookieMiddleware, name: string): Site | undefined {
  const options = middleware.options
  if (options.kind !== 'object' || !options.at) return undefined
  const entry = [...options.entries].reverse().find((e) => e.key === name)
  return entry ? { module: options.at.module, node: entry.node } : undefined
}

function finding(middleware: CookieMiddleware, name: string, secret: LiteralSecret): RuleFinding {
  const written = locate(secret.at)
  // A value read from a committed JSON file (`secret: require('./package.json').name`) is reported
  // where the code uses it, naming the file it comes from.
  const fromJson = written.file.endsWith('.json')
  const option = fromJson ? optionSite(middleware, name) : undefined
  const where = fromJson ? (option ? locate(option) : middleware.location) : written
  const source = fromJson ? `, the value at ${written.file}:${written.line}` : ''
  const call = middleware.location
  const what = middleware.package === 'cookie-parser' ? 'cookie-parser secret' : `${middleware.package} \`${name}\``
  const usedAt = call.file === where.file && call.line === where.line ? '' : `, used by the call at ${call.file}:${call.line}`
  const env =
    middleware.package === 'cookie-parser'
      ? 'cookieParser(process.env.COOKIE_SECRET)'
      : name === 'keys'
        ? 'keys: [process.env.SESSION_KEY]'
        : 'secret: process.env.SESSION_SECRET'
  return {
    ...where,
    messageId: 'literal-secret',
    message: `${what} is a hardcoded literal (${redact(secret.value)}${source}${usedAt}), so anyone with the code can forge signed cookies: rotate it and read it from the environment with \`${env}\``
  }
}

/**
 * One finding per call, at its first literal secret (which may be in a config module); a literal
 * shared by several calls is reported once.
 */
export default defineRule({
  meta: {
    id: 'session-secret-hardcoded',
    severity: 'high',
    category: 'express',
    description:
      'A session or cookie signing secret (express-session, cookie-session, cookie-parser) is a literal, or a literal fallback of `process.env`.',
    fix: '`secret: process.env.SESSION_SECRET` with no literal fallback; rotate the committed secret',
    cwe: 'CWE-798',
    messages: {
      'literal-secret': 'a session or cookie signing secret is a literal (or a literal fallback of process.env)'
    }
  },
  needs: 'source',
  check({ express }) {
    const seen = new Set<unknown>()
    const findings: RuleFinding[] = []
    for (const middleware of cookieMiddlewares(express)) {
      const secrets = secretValues(express, middleware).flatMap(({ name, value }) =>
        literalSecrets(express, value).map((secret) => ({ name, secret }))
      )
      const first = secrets[0]
      if (!first || secrets.some(({ secret }) => seen.has(secret.at.node))) continue
      for (const { secret } of secrets) seen.add(secret.at.node)
      findings.push(finding(middleware, first.name, first.secret))
    }
    return findings
  }
})
