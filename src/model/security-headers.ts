import type { Handler } from './express.js'
import type { Evaluator } from './evaluator.js'

/** The response headers that header middleware sets, by their names in messages. */
export type SecurityHeader =
  | 'Content-Security-Policy'
  | 'Strict-Transport-Security'
  | 'X-Content-Type-Options'
  | 'X-Frame-Options'
  | 'X-XSS-Protection'
  | 'Referrer-Policy'

/** What a browser needs from header middleware before the rest matters: the script policy and HTTPS-only. */
export const REQUIRED_HEADERS: SecurityHeader[] = ['Content-Security-Policy', 'Strict-Transport-Security']

/** helmet's single-header middlewares (names of helmet 3 to 8). */
const HELMET_EXPORTS: Record<string, SecurityHeader> = {
  contentSecurityPolicy: 'Content-Security-Policy',
  csp: 'Content-Security-Policy',
  hsts: 'Strict-Transport-Security',
  strictTransportSecurity: 'Strict-Transport-Security',
  noSniff: 'X-Content-Type-Options',
  xContentTypeOptions: 'X-Content-Type-Options',
  frameguard: 'X-Frame-Options',
  xFrameOptions: 'X-Frame-Options',
  xssFilter: 'X-XSS-Protection',
  xXssProtection: 'X-XSS-Protection',
  referrerPolicy: 'Referrer-Policy'
}

/** lusca's middlewares, which are also the option keys of `lusca({...})`. */
const LUSCA_EXPORTS: Record<string, SecurityHeader> = {
  csp: 'Content-Security-Policy',
  hsts: 'Strict-Transport-Security',
  nosniff: 'X-Content-Type-Options',
  xframe: 'X-Frame-Options',
  xssProtection: 'X-XSS-Protection',
  referrerPolicy: 'Referrer-Policy'
}

/** The packages helmet was split into, each setting one header. */
const SINGLE_HEADER_PACKAGES: Record<string, SecurityHeader> = {
  'helmet-csp': 'Content-Security-Policy',
  hsts: 'Strict-Transport-Security',
  'dont-sniff-mimetype': 'X-Content-Type-Options',
  frameguard: 'X-Frame-Options',
  'x-xss-protection': 'X-XSS-Protection',
  'referrer-policy': 'Referrer-Policy'
}

export function isSingleHeaderPackage(name: string): boolean {
  return Object.hasOwn(SINGLE_HEADER_PACKAGES, name)
}

function lookupHeader(table: Record<string, SecurityHeader>, name: string | undefined): SecurityHeader[] {
  const header = name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined
  return header ? [header] : []
}

/** `lusca({ csp, hsts, xframe })`: the headers whose options are given and not `false`; all when the options cannot be read. */
function luscaOptions(evaluator: Evaluator, handler: Extract<Handler, { kind: 'middleware' }>): SecurityHeader[] | 'all' {
  const options = handler.options
  if (!options || options.kind !== 'object') return 'all'
  const headers: SecurityHeader[] = []
  for (const [key, header] of Object.entries(LUSCA_EXPORTS)) {
    const value = evaluator.property(options, key)
    if (value.kind === 'unknown') return 'all'
    if (value.kind !== 'absent' && !(value.kind === 'literal' && (value.value === false || value.value === undefined))) headers.push(header)
  }
  return headers
}

/**
 * The security headers a package middleware sets: `all` for helmet itself (its options are judged
 * by other rules) and for options that cannot be read, else the headers of a single-header
 * middleware (`helmet.noSniff()`, `lusca.xframe()`, `hsts()`). Undefined for anything else.
 */
export function headersSet(evaluator: Evaluator, handler: Handler): SecurityHeader[] | 'all' | undefined {
  if (handler.kind !== 'middleware') return undefined
  const [name] = handler.export
  if (handler.package === 'helmet') return name === undefined ? 'all' : lookupHeader(HELMET_EXPORTS, name)
  if (handler.package === 'lusca') return name === undefined ? luscaOptions(evaluator, handler) : lookupHeader(LUSCA_EXPORTS, name)
  if (isSingleHeaderPackage(handler.package)) return name === undefined ? lookupHeader(SINGLE_HEADER_PACKAGES, handler.package) : []
  return undefined
}
