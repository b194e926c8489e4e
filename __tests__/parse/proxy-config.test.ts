import { describe, expect, it } from '@jest/globals'
import type { ConfigDirective } from '../../src/parse/directive.js'
import { parseProxyConfigs } from '../../src/parse/proxy-config.js'

function parse(files: Record<string, string>): ReturnType<typeof parseProxyConfigs> {
  return parseProxyConfigs(Object.entries(files).map(([path, text]) => ({ path, text })))
}

function names(directives: readonly ConfigDirective[]): string[] {
  return directives.flatMap((d) => [`${d.file ?? ''}:${d.line}:${d.name}`, ...names(d.block ?? [])])
}

describe('parseProxyConfigs', () => {
  it('parses nginx configs recognised by their structure, and nginx image templates', () => {
    const { configs, errors } = parse({
      'nginx/default.conf': 'server { listen 80; }',
      'templates/default.conf.template': 'server { listen ${PORT}; }'
    })
    expect(configs.map((c) => [c.kind, c.path])).toEqual([
      ['nginx', 'nginx/default.conf'],
      ['nginx', 'templates/default.conf.template']
    ])
    expect(errors).toEqual([])
  })

  it('ignores other *.conf files silently', () => {
    expect(parse({ 'supervisord.conf': '[supervisord]\nnodaemon=true\n', 'redis.conf': 'bind 127.0.0.1\nport 6379\n' })).toEqual({
      configs: [],
      errors: []
    })
  })

  it('reports an nginx config or a Caddyfile that does not parse', () => {
    expect(parse({ 'nginx.conf': 'http {\n  server {\n    listen 80\n  }\n}', Caddyfile: 'example.com {\n' }).errors).toEqual([
      { path: 'nginx.conf', error: 'unexpected "}" after "listen", expecting ";" on line 4' },
      { path: 'Caddyfile', error: 'unexpected end of file, expecting "}" on line 1' }
    ])
  })

  it('parses Caddyfiles by name', () => {
    const { configs } = parse({ 'deploy/Caddyfile.prod': 'example.com {\n  reverse_proxy app:3000\n}\n', 'app.js': 'server { }' })
    expect(configs.map((c) => [c.kind, c.path])).toEqual([['caddy', 'deploy/Caddyfile.prod']])
  })

  it('expands includes of repository files, marks where they come from and checks included files only through their includer', () => {
    const { configs } = parse({
      'nginx/nginx.conf': 'http {\n  include security/tokens.conf;\n  include /etc/nginx/conf.d/*.conf;\n  include mime.types;\n}\n',
      'nginx/security/tokens.conf': '# a snippet\nserver_tokens off;\n',
      'nginx/conf.d/a.conf': 'server {\n  listen 80;\n}\n',
      'nginx/conf.d/b.conf': 'server {\n  include ../snippets/tls.conf;\n}\n',
      'nginx/snippets/tls.conf': 'listen 443 ssl;\n',
      'other/nginx.conf': 'server { listen 8080; }'
    })
    expect(configs.map((c) => c.path)).toEqual(['nginx/nginx.conf', 'other/nginx.conf'])
    const main = configs[0]
    expect(main?.kind === 'nginx' && names(main.directives)).toEqual([
      ':1:http',
      'nginx/security/tokens.conf:2:server_tokens',
      'nginx/conf.d/a.conf:1:server',
      'nginx/conf.d/a.conf:2:listen',
      'nginx/conf.d/b.conf:1:server',
      'nginx/snippets/tls.conf:1:listen',
      ':4:include'
    ])
  })

  it('does not loop on files that include each other', () => {
    const { configs } = parse({ 'a.conf': 'server { include b.conf; }', 'b.conf': 'include a.conf;\nlisten 80;' })
    expect(configs.map((c) => c.path)).toEqual(['a.conf'])
  })
})
