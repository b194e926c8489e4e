import { walk, type Node } from '../parse/javascript.js'
import type { ExpressModel } from './express.js'
import { packageCalls, type PackageCall } from './package-calls.js'
import type { Site, Value } from './values.js'

/** A Content-Security-Policy the app configures through helmet, helmet-csp or lusca. */
export interface CspConfig {
  call: PackageCall
  /** How the app wrote it, for messages: `helmet()`, `helmet.contentSecurityPolicy()`. */
  label: string
  /** `contentSecurityPolicy: false` or `reportOnly: true`: where it is turned off or not enforced. */
  disabled?: { site: Site; how: 'disabled' | 'report-only' }
  /** The directives object, when there is one. */
  directives?: Value
  /** Whether helmet adds its default directives (`script-src 'self'` among them) to the ones given. */
  mergesDefaults: boolean | 'unknown'
}

/** One source in a directive: its text (undefined for a nonce function) and where it is written. */
export interface CspSource {
  text: string | undefined
  nonce: boolean
  site: Site
}

const SCRIPT_KEYS = ['scriptSrc', 'script-src']
const DEFAULT_KEYS = ['defaultSrc', 'default-src']
const BARE_SCHEME = /^[a-z][a-z0-9+.-]*:$/i
const NONCE_OR_HASH = /^'(?:nonce-|sha256-|sha384-|sha512-)/i

function literalBool(value: Value | undefined): boolean | undefined {
  return value?.kind === 'literal' && typeof value.value === 'boolean' ? value.value : undefined
}

/**
 * Whether helmet merges its defaults: `useDefaults` when given, else by version (helmet 5 and later
 * merge; helmet-csp and helmet 4 do not). An unknown helmet version is taken to be a current one.
 */
function mergesDefaults(useDefaults: Value, pkg: string, helmetMajor: number | undefined): boolean | 'unknown' {
  const given = literalBool(useDefaults)
  if (given !== undefined) return given
  if (useDefaults.kind !== 'absent') return 'unknown'
  if (pkg !== 'helmet') return false
  return helmetMajor === undefined || helmetMajor >= 5
}

function fromOptions(
  express: ExpressModel,
  call: PackageCall,
  label: string,
  options: Value,
  helmetMajor: number | undefined
): CspConfig | undefined {
  const property = (v: Value, name: string): Value => express.evaluator.property(v, name)
  if (options.kind === 'literal' && options.value === false && options.at)
    return { call, label, disabled: { site: options.at, how: 'disabled' }, mergesDefaults: false }
  if (options.kind !== 'object') return undefined
  const reportOnly = property(options, 'reportOnly')
  const disabled = literalBool(reportOnly) === true && reportOnly.at ? { site: reportOnly.at, how: 'report-only' as const } : undefined
  const directives = call.package === 'lusca' ? property(options, 'policy') : property(options, 'directives')
  return {
    call,
    label,
    ...(disabled ? { disabled } : {}),
    ...(directives.kind === 'object' ? { directives } : {}),
    mergesDefaults: call.package === 'lusca' ? false : mergesDefaults(property(options, 'useDefaults'), call.package, helmetMajor)
  }
}

/** Every CSP configuration in the app: `helmet({ contentSecurityPolicy })`, `helmet.contentSecurityPolicy()`, helmet-csp, lusca. */
export function cspConfigs(express: ExpressModel, helmetMajor: number | undefined): CspConfig[] {
  const configs: CspConfig[] = []
  for (const call of packageCalls(express)) {
    const options = call.options
    if (!options) continue
    const path = call.path.join('.')
    if (call.package === 'helmet' && path === '') {
      if (options.kind !== 'object') continue
      const csp = express.evaluator.property(options, 'contentSecurityPolicy')
      const config = fromOptions(express, call, 'helmet()', csp, helmetMajor)
      if (config) configs.push(config)
    } else if (
      (call.package === 'helmet' && (path === 'contentSecurityPolicy' || path === 'csp')) ||
      (call.package === 'helmet-csp' && path === '')
    ) {
      const config = fromOptions(express, call, call.package === 'helmet' ? `helmet.${path}()` : 'helmetCsp()', options, helmetMajor)
      if (config) configs.push(config)
    } else if (call.package === 'lusca' && (path === 'csp' || path === '')) {
      const csp = path === 'csp' ? options : options.kind === 'object' ? express.evaluator.property(options, 'csp') : undefined
      const config = csp && fromOptions(express, call, path === 'csp' ? 'lusca.csp()' : 'lusca()', csp, helmetMajor)
      if (config) configs.push(config)
    }
  }
  return configs
}

function createsNonce(fn: Node): boolean {
  let found = false
  walk(fn, (n) => {
    if ((n.type === 'StringLiteral' && n.value.includes('nonce-')) || (n.type === 'TemplateElement' && n.value.raw.includes('nonce-')))
      found = true
  })
  return found
}

/** The sources of a directive value: an array of strings and nonce functions, or one space-separated string. */
export function directiveSources(express: ExpressModel, value: Value): CspSource[] | undefined {
  const site = value.at
  if (!site) return undefined
  if (value.kind === 'literal' && typeof value.value === 'string') {
    return value.value
      .split(/\s+/)
      .filter(Boolean)
      .map((text) => ({ text, nonce: false, site }))
  }
  if (value.kind !== 'array') return undefined
  return value.elements.flatMap((element): CspSource[] => {
    const v = express.evaluate(element, site.module)
    const at = { module: site.module, node: element }
    if (v.kind === 'literal' && typeof v.value === 'string')
      return v.value
        .split(/\s+/)
        .filter(Boolean)
        .map((text) => ({ text, nonce: false, site: at }))
    if (v.kind === 'function') return [{ text: undefined, nonce: createsNonce(v.fn), site: at }]
    return []
  })
}

/**
 * The directive that governs scripts and its value: script-src, or default-src when script-src is not
 * set; `none` when neither is set and helmet adds no defaults (scripts from anywhere run).
 */
export function scriptDirective(express: ExpressModel, config: CspConfig): { name: string; value: Value } | 'none' | undefined {
  const directives = config.directives
  if (!directives) return undefined
  const find = (keys: string[]): { name: string; value: Value } | 'unknown' | undefined => {
    for (const key of keys) {
      const value = express.evaluator.property(directives, key)
      if (value.kind === 'unknown') return 'unknown'
      if (value.kind !== 'absent') return { name: key, value }
    }
    return undefined
  }
  const script = find(SCRIPT_KEYS)
  if (script === 'unknown') return undefined
  if (script) return script
  if (config.mergesDefaults !== false) return undefined // helmet's default script-src 'self' applies
  const fallback = find(DEFAULT_KEYS)
  return fallback === 'unknown' ? undefined : (fallback ?? 'none')
}

/**
 * The sources that let injected script run. A nonce or hash makes browsers ignore `'unsafe-inline'`,
 * and `'strict-dynamic'` with one makes them ignore hosts, schemes and `*` (CSP level 3's
 * backward-compatible policy), so those are not weaknesses.
 */
export function weakSources(sources: CspSource[]): CspSource[] {
  const texts = sources.map((s) => s.text?.toLowerCase())
  const nonce = sources.some((s) => s.nonce || (s.text !== undefined && NONCE_OR_HASH.test(s.text)))
  const strictDynamic = nonce && texts.includes("'strict-dynamic'")
  return sources.filter((s) => {
    const text = s.text?.toLowerCase()
    if (text === undefined) return false
    if (text === "'unsafe-eval'") return true
    if (text === "'unsafe-inline'") return !nonce
    return (text === '*' || BARE_SCHEME.test(text)) && !strictDynamic
  })
}
