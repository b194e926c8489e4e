import { findDirectives, type ConfigDirective } from '../../parse/directive.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { caddySites } from './caddy.js'
import { nginxConfigs, parseNginxSize } from './nginx.js'

const LIMIT_BYTES = 50 * 1024 ** 2

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

/** The problem with a body size, or undefined when it is within the limit (or not a size at all). */
function problem(bytes: number | undefined, setting: string, value: string): string | undefined {
  if (bytes === undefined) return undefined
  if (bytes === 0) return `\`${setting} ${value}\` lifts the request body limit entirely`
  if (bytes > LIMIT_BYTES) return `\`${setting} ${value}\` lets clients send request bodies over 50 MB`
  return undefined
}

function finding(file: string, directive: ConfigDirective, issue: string | undefined, fix: string): RuleFinding[] {
  return issue ? [{ file: directive.file ?? file, line: directive.line, message: `${issue}: ${fix}` }] : []
}

/** A snippet included in several servers is one finding. */
function unique(findings: RuleFinding[]): RuleFinding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = `${f.file}:${f.line}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export default defineRule({
  meta: {
    id: 'proxy-body-size',
    severity: 'moderate',
    category: 'proxy',
    description: 'The reverse proxy accepts unlimited request bodies (`client_max_body_size 0`) or bodies above 50 MB.',
    fix: 'set `client_max_body_size` to what the app needs (nginx defaults to 1m), raising it only in the upload location',
    cwe: 'CWE-770'
  },
  needs: 'project',
  check({ proxyConfigs }) {
    const nginx = nginxConfigs(proxyConfigs).flatMap(({ path, directives }) =>
      findDirectives(directives, 'client_max_body_size').flatMap((d) => {
        const written = d.args[0] ?? ''
        return finding(
          path,
          d,
          problem(parseNginxSize(written), 'client_max_body_size', written),
          'set it to what the app needs (nginx defaults to 1m), raised only in the location that takes uploads'
        )
      })
    )
    const caddy = caddySites(proxyConfigs).flatMap(({ file, site }) =>
      findDirectives(site.directives, 'request_body')
        .flatMap((rb) => findDirectives(rb.block ?? [], 'max_size'))
        .flatMap((d) => {
          const written = d.args[0] ?? ''
          return finding(
            file,
            d,
            problem(parseCaddySize(written), 'max_size', written),
            'set `request_body { max_size 10MB }` to what the app needs, only on the upload route'
          )
        })
    )
    return unique([...nginx, ...caddy])
  }
})
