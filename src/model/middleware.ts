import type { Handler } from './express.js'

export type MiddlewareKind = 'headers' | 'cors' | 'session' | 'rate-limit' | 'body-parser' | 'validator' | 'cookie-parser' | 'static'

/** Packages whose middleware does one known job; the rules ask by job, not by package name. */
const BY_PACKAGE: Record<string, MiddlewareKind> = {
  helmet: 'headers',
  lusca: 'headers',
  // helmet's parts as packages of their own, each setting one header
  'helmet-csp': 'headers',
  hsts: 'headers',
  'dont-sniff-mimetype': 'headers',
  frameguard: 'headers',
  'x-xss-protection': 'headers',
  'referrer-policy': 'headers',
  cors: 'cors',
  'express-session': 'session',
  'cookie-session': 'session',
  'express-rate-limit': 'rate-limit',
  'rate-limiter-flexible': 'rate-limit',
  'express-slow-down': 'rate-limit',
  'express-brute': 'rate-limit',
  'express-limiter': 'rate-limit',
  'body-parser': 'body-parser',
  'express-validator': 'validator',
  celebrate: 'validator',
  'express-joi-validation': 'validator',
  'express-validation': 'validator',
  'cookie-parser': 'cookie-parser',
  'serve-static': 'static'
}

const EXPRESS_BODY_PARSERS = new Set(['json', 'urlencoded', 'raw', 'text'])

export type MiddlewareHandler = Extract<Handler, { kind: 'middleware' }>

/** The job of a package's middleware, by package name alone (not `express`, whose exports differ). */
export function packageKind(name: string): MiddlewareKind | undefined {
  return Object.hasOwn(BY_PACKAGE, name) ? BY_PACKAGE[name] : undefined
}

/** The job of a package middleware, if it is a known one. */
export function middlewareKind(handler: Handler): MiddlewareKind | undefined {
  if (handler.kind !== 'middleware') return undefined
  if (handler.package === 'express') {
    const name = handler.export[0] ?? ''
    if (EXPRESS_BODY_PARSERS.has(name)) return 'body-parser'
    return name === 'static' ? 'static' : undefined
  }
  return packageKind(handler.package)
}

export function isKind(handler: Handler, kind: MiddlewareKind): handler is MiddlewareHandler {
  return middlewareKind(handler) === kind
}
