import { defineRule, type RuleFinding } from '../rule.js'
import { locate, type Location } from '../../model/express.js'
import type { Site } from '../../model/values.js'
import { bodyParsers, type BodyParser } from '../../model/body-parsers.js'

const ONE_MB = 1024 * 1024

/**
 * Where the finding points: the limit where it is written when that is in the call or in another
 * module (a config file), the parser call when the limit is a default set earlier in the same file.
 */
function anchor(parser: BodyParser, site: Site): { where: Location; note: string } {
  const call = parser.call.site
  const inside = (site.node.start ?? 0) >= (call.node.start ?? 0) && (site.node.end ?? 0) <= (call.node.end ?? 0)
  if (site.module !== call.module || inside) return { where: locate(site), note: '' }
  return { where: locate(call), note: ` (set at line ${locate(site).line})` }
}

function findings(parser: BodyParser): RuleFinding[] {
  if (parser.upload || parser.limit.kind !== 'known') return []
  return parser.limit.values
    .filter((v) => v.bytes > ONE_MB)
    .map((v) => ({ v, ...anchor(parser, v.site) }))
    .map(({ v, where, note }) => ({
      ...where,
      messageId: 'limit-too-large',
      message: `${parser.label} accepts bodies up to \`${v.text}\`${note}, so a few concurrent requests can exhaust memory and CPU while parsing: keep \`limit\` at 1mb or less (e.g. \`'100kb'\`), and raise it only on the route that needs it`
    }))
}

/**
 * Each body parser whose `limit` is above 1 MB (body-parser's units: `'10mb'`, `'1000kb'`, bytes as
 * a number), pointing at where the limit is written (see anchor). Upload middleware is left out: files are
 * expected to be larger than JSON or form bodies.
 */
export default defineRule({
  meta: {
    id: 'body-limit-large',
    severity: 'moderate',
    category: 'express',
    description: 'A body parser `limit` above 1 MB.',
    fix: "`limit: '100kb'` (at most `'1mb'`), larger only on the route that needs it",
    cwe: 'CWE-770',
    messages: {
      'limit-too-large': 'a body parser limit above 1 MB'
    }
  },
  needs: 'source',
  check({ express }) {
    return bodyParsers(express).flatMap(findings)
  }
})
