import { lastDirective, type ConfigDirective } from '../../parse/directive.js'
import { folderOf } from '../../parse/nginx-includes.js'
import type { ProxyConfig } from '../../parse/proxy-config.js'

export interface NginxConfig {
  path: string
  directives: ConfigDirective[]
}

export interface NginxServer {
  /** The file the `server` block is written in (an included file, or the config itself). */
  file: string
  /** The config the server was found through. */
  config: string
  server: ConfigDirective
  /**
   * The `http` blocks that apply to the server: its enclosing one (also through an `include`), or,
   * for a file of server blocks that no config in the repository includes (a `conf.d/*.conf` copied
   * into the image), those of nginx configs in its folder or above.
   */
  httpBlocks: ConfigDirective[]
  /** The directives of those `http` blocks, where inherited settings come from. */
  http: ConfigDirective[]
}

/** One `proxy_pass`, with the blocks from its `server` down to it (server, location, if...). */
export interface ProxyPass {
  directive: ConfigDirective
  blocks: ConfigDirective[]
}

/** nginx's default for client_body_timeout, client_header_timeout, proxy_read_timeout and send_timeout. */
export const NGINX_DEFAULT_TIMEOUT_MS = 60_000

export function nginxConfigs(configs: readonly ProxyConfig[]): NginxConfig[] {
  return configs.flatMap((c) => (c.kind === 'nginx' ? [{ path: c.path, directives: c.directives }] : []))
}

/** The `http` blocks of a config; a file of server blocks (conf.d) has none. */
export function httpBlocks(config: NginxConfig): ConfigDirective[] {
  return config.directives.filter((d) => d.name === 'http' && d.block)
}

function serverBlocks(directives: readonly ConfigDirective[]): ConfigDirective[] {
  return directives.filter((d) => d.name === 'server' && d.block)
}

/** nginx.conf includes `conf.d/*.conf` next to or below it; a config in another service's folder is unrelated. */
function isAtOrAbove(folder: string, path: string): boolean {
  const own = folderOf(path)
  return folder === '' || own === folder || own.startsWith(`${folder}/`)
}

function serverOf(config: string, server: ConfigDirective, httpBlocks: ConfigDirective[]): NginxServer {
  return { file: server.file ?? config, config, server, httpBlocks, http: httpBlocks.flatMap((h) => h.block ?? []) }
}

/**
 * HTTP `server` blocks, at top level (conf.d files) or inside `http`. `stream` and `mail` servers are
 * TCP/mail proxies and `server` lines inside `upstream` are backends, so neither is listed.
 */
export function nginxServers(configs: readonly NginxConfig[]): NginxServer[] {
  const inherited = (path: string): ConfigDirective[] => configs.filter((c) => isAtOrAbove(folderOf(c.path), path)).flatMap(httpBlocks)
  return configs.flatMap((config) => [
    ...serverBlocks(config.directives).map((server) => serverOf(config.path, server, inherited(config.path))),
    ...httpBlocks(config).flatMap((http) => serverBlocks(http.block ?? []).map((server) => serverOf(config.path, server, [http])))
  ])
}

/** Every `proxy_pass` of a server, at any depth, with the blocks that enclose it. */
export function proxyPasses(server: ConfigDirective): ProxyPass[] {
  const walk = (blocks: ConfigDirective[]): ProxyPass[] =>
    (blocks.at(-1)?.block ?? []).flatMap((d) => {
      if (d.name === 'proxy_pass') return [{ directive: d, blocks }]
      return d.block ? walk([...blocks, d]) : []
    })
  return walk([server])
}

/**
 * The directive that sets `name` for a place in the config: the innermost of `blocks` that sets it,
 * else the http level. nginx rejects duplicates in one block, so the last one is as good as any.
 */
export function effectiveDirective(
  name: string,
  blocks: readonly ConfigDirective[],
  http: readonly ConfigDirective[]
): ConfigDirective | undefined {
  for (const block of [...blocks].reverse()) {
    const found = lastDirective(block.block ?? [], name)
    if (found) return found
  }
  return lastDirective(http, name)
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }

/** An nginx size (`512`, `10k`, `8M`, `1g`) in bytes; undefined when it is not one (a variable, a typo). */
export function parseNginxSize(value: string): number | undefined {
  const match = /^(\d+)([kKmMgG]?)$/.exec(value.trim())
  if (!match) return undefined
  return Number(match[1]) * (SIZE_UNITS[(match[2] ?? '').toLowerCase()] ?? 1)
}

const TIME_UNITS: Record<string, number> = {
  ms: 1,
  '': 1000,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  M: 2_592_000_000,
  y: 31_536_000_000
}

/** An nginx time (`30s`, `500ms`, `1m30s`, `75` = seconds) in milliseconds; undefined when it is not one. */
export function parseNginxTime(value: string): number | undefined {
  const parts = value.trim().match(/\d+(?:ms|[smhdwMy])?/g)
  if (!parts || parts.join('') !== value.trim().replace(/\s+/g, '')) return undefined
  return parts.reduce((total, part) => {
    const [, amount, unit] = /^(\d+)(\D*)$/.exec(part) ?? []
    return total + Number(amount) * (TIME_UNITS[unit ?? ''] ?? 0)
  }, 0)
}
