import type { CaddySite } from '../../parse/caddyfile.js'
import { findDirectives, lastDirective, type ConfigDirective } from '../../parse/directive.js'
import type { ProxyConfig } from '../../parse/proxy-config.js'

export interface CaddySiteRef {
  file: string
  site: CaddySite
  /** The global options block of the site's Caddyfile. */
  globalOptions: ConfigDirective[]
}

export function caddySites(configs: readonly ProxyConfig[]): CaddySiteRef[] {
  return configs.flatMap((c) =>
    c.kind === 'caddy' ? c.model.sites.map((site) => ({ file: c.path, site, globalOptions: c.model.globalOptions })) : []
  )
}

/** `reverse_proxy` directives of a site, also inside `handle`, `route` and imported snippets. */
export function reverseProxies(site: CaddySite): ConfigDirective[] {
  return findDirectives(site.directives, 'reverse_proxy')
}

/** Host and port of a site address without scheme and path: `example.com:8443` → [`example.com`, `8443`]. */
function hostAndPort(address: string): [string, string] {
  const authority = address.replace(/^[a-z]+:\/\//, '').split('/')[0] ?? ''
  const match = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority)
  return [match?.[1] ?? '', match?.[2] ?? '']
}

/**
 * Whether Caddy serves a site address over plain HTTP. Automatic HTTPS applies to addresses with a
 * host name (or IP, or `localhost`) unless the scheme is `http://`, the port is the HTTP port, or
 * `auto_https off` is set without a `tls` directive; an address with a port but no host (`:80`,
 * `:8080`) gets no certificate and is plain HTTP.
 */
export function isPlainHttpAddress(address: string, site: CaddySite, globalOptions: readonly ConfigDirective[]): boolean {
  if (address.startsWith('http://')) return true
  if (address.startsWith('https://')) return false
  if (lastDirective(site.directives, 'tls')) return false
  const [host, port] = hostAndPort(address)
  const httpPort = lastDirective(globalOptions, 'http_port')?.args[0] ?? '80'
  if (port === httpPort) return true
  if (host === '') return true
  return lastDirective(globalOptions, 'auto_https')?.args[0] === 'off'
}

const CADDY_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  k: 1e3,
  m: 1e6,
  g: 1e9,
  t: 1e12,
  ki: 1024,
  mi: 1024 ** 2,
  gi: 1024 ** 3,
  ti: 1024 ** 4
}

/** A Caddy size (`10MB`, `1.5GiB`, `512`) in bytes, as go-humanize reads it; undefined when it is not one. */
export function parseCaddySize(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(value.trim())
  const unit = CADDY_UNITS[(match?.[2] ?? '').toLowerCase()]
  return match && unit !== undefined ? Math.round(Number(match[1]) * unit) : undefined
}
