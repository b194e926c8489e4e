import { describeErrorFully } from '../common/errors.js'
import { parseCaddyfile, type CaddyfileModel } from './caddyfile.js'
import { MAX_EXPANDED_DIRECTIVES, type ConfigDirective } from './directive.js'
import { isNginxConfig, parseNginx } from './nginx.js'
import { expandIncludes } from './nginx-includes.js'

/** `*.conf` and the official nginx image's envsubst templates (`default.conf.template`); nginx or not is decided by parsing. */
export function isNginxCandidateName(name: string): boolean {
  return name.endsWith('.conf') || name.endsWith('.conf.template')
}

/** `Caddyfile`, `Caddyfile.prod`, `site.caddyfile`: the names Caddy's tooling recognises. */
export function isCaddyfileName(name: string): boolean {
  return name === 'Caddyfile' || name.startsWith('Caddyfile.') || name.toLowerCase().endsWith('.caddyfile')
}

/** A reverse proxy config of the repository: an nginx config (recognised by its structure) or a Caddyfile. */
export type ProxyConfig =
  { kind: 'nginx'; path: string; directives: ConfigDirective[] } | { kind: 'caddy'; path: string; model: CaddyfileModel }

export interface ProxyConfigs {
  /** Caddyfiles, and nginx configs with their in-repository includes expanded. */
  configs: ProxyConfig[]
  /** Proxy configs that do not parse (a `*.conf` that is not nginx is no error: it is left out). */
  errors: Array<{ path: string; error: string }>
}

/** One file: a Caddyfile, an nginx file (a config of its own, or a snippet others may include), an error, or neither. */
type FileParse =
  | { kind: 'caddy'; model: CaddyfileModel }
  | { kind: 'nginx'; directives: ConfigDirective[]; isConfig: boolean }
  | { kind: 'error'; error: string }
  | undefined

function parseFile(path: string, text: string): FileParse {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (isCaddyfileName(name)) {
    try {
      return { kind: 'caddy', model: parseCaddyfile(text) }
    } catch (error) {
      return { kind: 'error', error: describeErrorFully(error) }
    }
  }
  if (!isNginxCandidateName(name)) return undefined
  const parsed = parseNginx(text)
  const isConfig = isNginxConfig(parsed.directives)
  // supervisord, redis, fluentd or logrotate `.conf` files do not parse as nginx or use none of its names.
  if (parsed.error) return isConfig ? { kind: 'error', error: parsed.error.message } : undefined
  return { kind: 'nginx', directives: parsed.directives, isConfig }
}

/**
 * Parses the repository's proxy config candidates together, so that nginx `include`s of files in
 * the repository are followed. A file that another config includes is checked through that config
 * (with the settings it inherits there), not again on its own.
 */
export function parseProxyConfigs(files: ReadonlyArray<{ path: string; text: string }>): ProxyConfigs {
  const errors: ProxyConfigs['errors'] = []
  const caddy: ProxyConfig[] = []
  const nginxRoots: string[] = []
  const fragments = new Map<string, ConfigDirective[]>()
  for (const { path, text } of files) {
    const parsed = parseFile(path, text)
    if (parsed?.kind === 'error') errors.push({ path, error: parsed.error })
    if (parsed?.kind === 'caddy') caddy.push({ kind: 'caddy', path, model: parsed.model })
    if (parsed?.kind !== 'nginx') continue
    fragments.set(path, parsed.directives)
    if (parsed.isConfig) nginxRoots.push(path)
  }
  // One budget for every config: many small files that each include a bomb are one bomb.
  const budget = { left: MAX_EXPANDED_DIRECTIVES }
  const expanded = nginxRoots.flatMap((path) => {
    try {
      return [{ path, ...expandIncludes(path, fragments, budget) }]
    } catch (error) {
      errors.push({ path, error: describeErrorFully(error) })
      return []
    }
  })
  // Included by another config: checked through it. Of configs that include each other, the first stays.
  const isKept = (e: (typeof expanded)[number]): boolean =>
    expanded.every((other) => other === e || !other.included.has(e.path) || (e.included.has(other.path) && e.path < other.path))
  const nginx = expanded.filter(isKept).map((e): ProxyConfig => ({ kind: 'nginx', path: e.path, directives: e.directives }))
  return { configs: [...nginx, ...caddy], errors }
}
