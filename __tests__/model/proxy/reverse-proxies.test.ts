import { describe, expect, it } from '@jest/globals'
import { parseProxyConfigs, type ProxyConfig } from '../../../src/parse/proxy-config.js'
import { findReverseProxies, hasReverseProxy } from '../../../src/model/proxy/reverse-proxies.js'

function configs(files: Record<string, string>): ProxyConfig[] {
  return parseProxyConfigs(Object.entries(files).map(([path, text]) => ({ path, text }))).configs
}

describe('findReverseProxies', () => {
  it('lists nginx servers with proxy_pass and Caddy sites with reverse_proxy, with their upstreams', () => {
    const proxyConfigs = configs({
      'nginx/nginx.conf':
        'http {\n  upstream app { server app:3000; }\n  server {\n    location / { proxy_pass http://app; }\n    location /ws { proxy_pass http://ws:4000; }\n  }\n  server { root /srv; }\n}\n',
      Caddyfile: 'example.com {\n  reverse_proxy /api/* {\n    to a:3000 b:3000\n  }\n}\n\nstatic.example.com {\n  file_server\n}\n'
    })
    expect(findReverseProxies({ proxyConfigs })).toEqual([
      { file: 'nginx/nginx.conf', line: 3, proxy: 'nginx', upstreams: ['http://app', 'http://ws:4000'] },
      { file: 'Caddyfile', line: 1, proxy: 'caddy', upstreams: ['a:3000', 'b:3000'] }
    ])
    expect(hasReverseProxy({ proxyConfigs })).toBe(true)
  })

  it('finds none in static servers, TCP (stream) proxies or repositories without proxy configs', () => {
    const proxyConfigs = configs({
      'nginx.conf': 'stream {\n  server { listen 5432; proxy_pass db:5432; }\n}\nhttp {\n  server { root /srv; }\n}\n'
    })
    expect(hasReverseProxy({ proxyConfigs })).toBe(false)
    expect(hasReverseProxy({ proxyConfigs: [] })).toBe(false)
  })
})
