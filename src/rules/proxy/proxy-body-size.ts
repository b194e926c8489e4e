import { findDirectives, type ConfigDirective } from '../../parse/directive.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { caddySites, parseCaddySize } from '../../model/proxy/caddy.js'
import { nginxConfigs, parseNginxSize } from '../../model/proxy/nginx.js'

const LIMIT_BYTES = 50 * 1024 ** 2

/** The problem with a body size, or undefined when it is within the limit (or not a size at all). */
function problem(bytes: number | undefined, setting: string, value: string): { messageId: string; issue: string } | undefined {
  if (bytes === undefined) return undefined
  if (bytes === 0) return { messageId: 'unlimited', issue: `\`${setting} ${value}\` lifts the request body limit entirely` }
  if (bytes > LIMIT_BYTES) return { messageId: 'over-50mb', issue: `\`${setting} ${value}\` lets clients send request bodies over 50 MB` }
  return undefined
}

function finding(file: string, directive: ConfigDirective, found: ReturnType<typeof problem>, fix: string): RuleFinding[] {
  return found
    ? [{ file: directive.file ?? file, line: directive.line, messageId: found.messageId, message: `${found.issue}: ${fix}` }]
    : []
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
    cwe: 'CWE-770',
    messages: {
      unlimited: 'the body size limit is 0, which lifts it entirely',
      'over-50mb': 'the body size limit is above 50 MB'
    }
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
