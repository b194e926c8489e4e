import type { ConfigDirective } from '../../parse/directive.js'
import { defineRule, type RuleFinding } from '../rule.js'
import {
  effectiveDirective,
  nginxConfigs,
  nginxServers,
  NGINX_DEFAULT_TIMEOUT_MS,
  parseNginxTime,
  proxyPasses,
  type NginxServer
} from '../../model/proxy/nginx.js'

/** Client timeouts apply per server (http and server level); the upstream read timeout per proxying location. */
const CLIENT_TIMEOUTS = ['client_header_timeout', 'client_body_timeout'] as const
const UPSTREAM_TIMEOUT = 'proxy_read_timeout'

function isTightened(directive: ConfigDirective | undefined): boolean {
  const ms = directive ? parseNginxTime(directive.args[0] ?? '') : undefined
  return ms !== undefined && ms < NGINX_DEFAULT_TIMEOUT_MS
}

/** `client_header_timeout unset` or `proxy_read_timeout 300s`, for the message. */
function describe(name: string, directive: ConfigDirective | undefined): string {
  return directive ? `${name} ${directive.args.join(' ')}` : `${name} unset`
}

function check({ file, server, http }: NginxServer): RuleFinding | undefined {
  const passes = proxyPasses(server)
  if (passes.length === 0) return undefined
  const client = CLIENT_TIMEOUTS.map((name) => ({ name, directive: effectiveDirective(name, [server], http) }))
  const upstream = passes.map((p) => effectiveDirective(UPSTREAM_TIMEOUT, p.blocks, http))
  if (client.some((c) => isTightened(c.directive)) || upstream.every(isTightened)) return undefined
  const settings = [
    ...client.map((c) => describe(c.name, c.directive)),
    describe(
      UPSTREAM_TIMEOUT,
      upstream.find((d) => !isTightened(d))
    )
  ]
  return {
    file,
    line: server.line,
    messageId: 'default-timeouts',
    message: `server proxies to the app with every timeout at nginx's 60s default or longer (${settings.join(', ')}), so slow clients can hold connections open: set e.g. \`client_header_timeout 10s; client_body_timeout 10s;\` and a \`proxy_read_timeout\` that fits the app`
  }
}

export default defineRule({
  meta: {
    id: 'proxy-timeouts',
    severity: 'low',
    category: 'proxy',
    description:
      'A proxying nginx server leaves the client body/header and upstream read timeouts at their 60-second defaults (or raises them).',
    fix: 'set `client_header_timeout` and `client_body_timeout` to about 10s and `proxy_read_timeout` to what the app needs',
    cwe: 'CWE-400',
    messages: {
      'default-timeouts': "a proxying server leaves every client and upstream timeout at nginx's 60s default or longer"
    }
  },
  needs: 'project',
  check({ proxyConfigs }) {
    return nginxServers(nginxConfigs(proxyConfigs)).flatMap((s) => check(s) ?? [])
  }
})
