import { lastDirective, type ConfigDirective } from '../../parse/directive.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { caddySites, isPlainHttpAddress, reverseProxies, type CaddySiteRef } from '../../model/proxy/caddy.js'
import { nginxConfigs, nginxServers, proxyPasses, type NginxServer, type ProxyPass } from '../../model/proxy/nginx.js'

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308'])
const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])(?::|$)/

/** `return 301 https://...`, `return https://...` or `rewrite ^ https://... permanent`. */
function isHttpsRedirect(d: ConfigDirective): boolean {
  if (d.name === 'return') {
    const [first = '', second = ''] = d.args
    return first.startsWith('https://') || (REDIRECT_CODES.has(first) && second.startsWith('https://'))
  }
  return d.name === 'rewrite' && (d.args[1] ?? '').startsWith('https://')
}

/** A block that redirects to HTTPS itself or in an `if` (`if ($scheme = http) { return 301 https://...; }`). */
function redirectsToHttps(block: ConfigDirective): boolean {
  return (block.block ?? []).some((d) => isHttpsRedirect(d) || (d.name === 'if' && (d.block ?? []).some(isHttpsRedirect)))
}

function isRedirected(pass: ProxyPass): boolean {
  return pass.blocks.some(redirectsToHttps)
}

/** The port a `listen` address names, for messages: `80`, `[::]:8080` → `8080`, `${PORT}` as written. */
function listenPort(address: string): string {
  if (/^\d+$/.test(address) || address.startsWith('$')) return address
  const port = /:([^:\]]+)$/.exec(address)?.[1]
  return port ?? '80'
}

/** A `listen` that takes plain HTTP from the network: no `ssl`/`quic`, not a unix socket, not loopback only. */
function isPlainListen(listen: ConfigDirective): boolean {
  const [address = '', ...params] = listen.args
  if (address.startsWith('unix:') || LOOPBACK.test(address)) return false
  return !params.includes('ssl') && !params.includes('quic')
}

function nginxFinding({ file, server }: NginxServer): RuleFinding | undefined {
  const passes = proxyPasses(server)
  if (passes.length === 0 || passes.every(isRedirected)) return undefined
  if (lastDirective(server.block ?? [], 'ssl')?.args[0] === 'on') return undefined
  const upstream = passes[0]?.directive.args[0] ?? 'the app'
  const listens = (server.block ?? []).filter((d) => d.name === 'listen')
  const redirect = 'make the port-80 server only `return 301 https://$host$request_uri;` and proxy from a `listen 443 ssl` server'
  if (listens.length === 0) {
    return {
      file,
      line: server.line,
      messageId: 'default-port-80',
      message: `server proxies to ${upstream} over plain HTTP on port 80 (it has no \`listen\`, so nginx's default) without redirecting to HTTPS: ${redirect}`
    }
  }
  const plain = listens.find(isPlainListen)
  if (!plain) return undefined
  const port = listenPort(plain.args[0] ?? '')
  const alsoTls = listens.some((l) => l.args.includes('ssl'))
  const message = alsoTls
    ? `server proxies to ${upstream} on its TLS listener but also over plain HTTP on port ${port}, without redirecting to HTTPS: move \`listen ${plain.args.join(' ')}\` to a server that only does \`return 301 https://$host$request_uri;\``
    : `server proxies to ${upstream} over plain HTTP on port ${port} without redirecting to HTTPS: ${redirect}`
  return { file: plain.file ?? file, line: plain.line, messageId: alsoTls ? 'plain-beside-tls' : 'plain-http', message }
}

/** An unconditional `redir https://...` answers every request before reverse_proxy runs. */
function redirectsAll(ref: CaddySiteRef): boolean {
  return ref.site.directives.some((d) => d.name === 'redir' && (d.args[0] ?? '').startsWith('https://'))
}

function caddyFinding(ref: CaddySiteRef): RuleFinding | undefined {
  const proxies = reverseProxies(ref.site)
  if (proxies.length === 0 || redirectsAll(ref)) return undefined
  const plain = ref.site.addresses.find((a) => isPlainHttpAddress(a, ref.site, ref.globalOptions))
  if (plain === undefined) return undefined
  return {
    file: ref.file,
    line: ref.site.line,
    messageId: 'caddy-plain-http',
    message: `site \`${plain}\` proxies to the app over plain HTTP, where Caddy's automatic HTTPS does not apply: address the site by its domain name (\`example.com {\`) so Caddy serves HTTPS and redirects HTTP to it`
  }
}

export default defineRule({
  meta: {
    id: 'proxy-no-tls',
    severity: 'moderate',
    category: 'proxy',
    description: 'A reverse proxy server that forwards to the app is reachable over plain HTTP without redirecting to HTTPS.',
    fix: 'redirect port 80 with `return 301 https://$host$request_uri;` and proxy only from a `listen 443 ssl` server',
    cwe: 'CWE-319',
    messages: {
      'default-port-80': 'an nginx server with no listen (so port 80) proxies to the app without redirecting to HTTPS',
      'plain-http': 'an nginx server listens only over plain HTTP and proxies to the app without redirecting',
      'plain-beside-tls': 'an nginx server proxies on a TLS listener but also on a plain HTTP one, without redirecting',
      'caddy-plain-http': 'a Caddy site addressed over plain HTTP (automatic HTTPS off) proxies to the app'
    }
  },
  needs: 'project',
  check({ proxyConfigs }) {
    const nginx = nginxServers(nginxConfigs(proxyConfigs)).map(nginxFinding)
    const caddy = caddySites(proxyConfigs).map(caddyFinding)
    return [...nginx, ...caddy].filter((f): f is RuleFinding => f !== undefined)
  }
})
