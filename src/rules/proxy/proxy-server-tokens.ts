import { findDirectives, lastDirective, type ConfigDirective } from '../../parse/directive.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { httpBlocks, nginxConfigs, nginxServers, type NginxConfig, type NginxServer } from '../../model/proxy/nginx.js'

const FIX = 'add `server_tokens off;` to the `http` block'

function isOff(directives: readonly ConfigDirective[]): boolean {
  return lastDirective(directives, 'server_tokens')?.args[0] === 'off'
}

/** `server_tokens on;` or `build;` written anywhere in the file. */
function explicitlyOn(config: NginxConfig): RuleFinding | undefined {
  const on = findDirectives(config.directives, 'server_tokens').find((d) => d.args[0] !== 'off')
  if (!on) return undefined
  return {
    file: on.file ?? config.path,
    line: on.line,
    messageId: 'tokens-on',
    message: `\`server_tokens ${on.args.join(' ')}\` puts nginx's version in the \`Server\` header and on error pages: use \`server_tokens off;\``
  }
}

/** An `http` block that leaves the default (on), unless every server it governs turns it off itself. */
function httpLeftOn(config: NginxConfig, servers: NginxServer[]): RuleFinding | undefined {
  const http = httpBlocks(config).find((h) => {
    const governed = servers.filter((s) => s.httpBlocks.includes(h))
    return !isOff(h.block ?? []) && !(governed.length > 0 && governed.every((s) => isOff(s.server.block ?? [])))
  })
  if (!http) return undefined
  return {
    file: http.file ?? config.path,
    line: http.line,
    messageId: 'http-not-off',
    message: `\`server_tokens\` is not turned off, so nginx puts its version in the \`Server\` header and on error pages: ${FIX}`
  }
}

/** In a file of server blocks (conf.d), a server that neither turns it off nor inherits off from an `http` block. */
function serverLeftOn(config: NginxConfig, servers: NginxServer[]): RuleFinding | undefined {
  if (httpBlocks(config).length > 0) return undefined
  const left = servers.find((s) => s.config === config.path && !isOff(s.server.block ?? []) && !isOff(s.http))
  if (!left) return undefined
  return {
    file: left.file,
    line: left.server.line,
    messageId: 'server-not-off',
    message: `this server leaves \`server_tokens\` on (no \`http\` block in its folder or above turns it off), so nginx puts its version in the \`Server\` header and on error pages: add \`server_tokens off;\` here or in the \`http\` block`
  }
}

export default defineRule({
  meta: {
    id: 'proxy-server-tokens',
    severity: 'low',
    category: 'proxy',
    description: 'nginx discloses its version in the `Server` header and error pages: `server_tokens` is not `off`.',
    fix: 'add `server_tokens off;` to the `http` block',
    cwe: 'CWE-200',
    messages: {
      'tokens-on': 'a server_tokens directive turns it on (or to build, or anything but off)',
      'http-not-off': 'an http block does not turn server_tokens off (nor do all its servers)',
      'server-not-off': 'a server with no http block in its config leaves server_tokens on'
    }
  },
  needs: 'project',
  check({ proxyConfigs }) {
    const configs = nginxConfigs(proxyConfigs)
    const servers = nginxServers(configs)
    return configs.flatMap((config) => {
      const finding = explicitlyOn(config) ?? httpLeftOn(config, servers) ?? serverLeftOn(config, servers)
      return finding ? [finding] : []
    })
  }
})
