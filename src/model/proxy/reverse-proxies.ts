import type { ConfigDirective } from '../../parse/directive.js'
import type { ProxyConfig } from '../../parse/proxy-config.js'
import { caddySites, reverseProxies } from './caddy.js'
import { nginxConfigs, nginxServers, proxyPasses } from './nginx.js'

/** A server of a repository's reverse proxy config that forwards requests to an upstream (the app). */
export interface ReverseProxy {
  file: string
  /** The nginx `server` line, or the Caddy site's address line. */
  line: number
  proxy: 'nginx' | 'caddy'
  /** Where it forwards to, as written: `http://app:3000`, `localhost:3000`, `http://$upstream`. */
  upstreams: string[]
}

/** A matcher (`/api/*`, `@name`, `*`) may precede reverse_proxy's upstreams; `to` lists more in its block. */
function caddyUpstreams(directive: ConfigDirective): string[] {
  const inline = directive.args.filter((a, i) => !(i === 0 && /^[/@*]/.test(a)))
  const listed = (directive.block ?? []).filter((d) => d.name === 'to').flatMap((d) => d.args)
  return [...inline, ...listed]
}

/** nginx servers with a `proxy_pass` and Caddy sites with a `reverse_proxy`, outside tests and fixtures. */
export function findReverseProxies(context: { proxyConfigs: readonly ProxyConfig[] }): ReverseProxy[] {
  const nginx = nginxServers(nginxConfigs(context.proxyConfigs)).flatMap(({ file, server }) => {
    const upstreams = proxyPasses(server).map((p) => p.directive.args[0] ?? '')
    return upstreams.length > 0 ? [{ file, line: server.line, proxy: 'nginx' as const, upstreams }] : []
  })
  const caddy = caddySites(context.proxyConfigs).flatMap(({ file, site }) => {
    const upstreams = reverseProxies(site).flatMap(caddyUpstreams)
    return reverseProxies(site).length > 0 ? [{ file, line: site.line, proxy: 'caddy' as const, upstreams }] : []
  })
  return [...nginx, ...caddy]
}

/** Whether the repository holds a proxy config that forwards to an upstream: the app then sits behind a proxy. */
export function hasReverseProxy(context: { proxyConfigs: readonly ProxyConfig[] }): boolean {
  return findReverseProxies(context).length > 0
}
