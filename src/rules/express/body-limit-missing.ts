import { defineRule } from '../rule.js'
import { locate } from '../../model/express.js'
import { bodyParsers, type BodyParser } from '../../model/body-parsers.js'

function fix(parser: BodyParser): string {
  return parser.upload
    ? `${parser.label} accepts uploads of any size, buffered in memory or on disk: set \`limits: { fileSize: 5 * 1024 * 1024 }\` to what the app needs`
    : `${parser.label} has no explicit \`limit\` and relies on the 100kb default: state it, e.g. \`{ limit: '100kb' }\`, so a later change is a visible decision`
}

/**
 * Each body parser (express.json/urlencoded/raw/text, body-parser) created without a `limit`, and
 * each upload middleware (express-fileupload, multer) without `limits.fileSize`, which is unbounded.
 */
export default defineRule({
  meta: {
    id: 'body-limit-missing',
    severity: 'low',
    category: 'express',
    description: 'A body parser without an explicit `limit` (or an upload middleware without `limits.fileSize`).',
    fix: "`express.json({ limit: '100kb' })`; uploads: `limits: { fileSize }`",
    cwe: 'CWE-770',
    messages: {
      'no-limit': 'a body parser without an explicit limit (relies on the 100kb default)',
      'upload-no-limit': 'an upload middleware without limits.fileSize'
    }
  },
  needs: 'source',
  check({ express }) {
    return bodyParsers(express)
      .filter((parser) => parser.limit.kind === 'absent')
      .map((parser) => ({ ...locate(parser.call.site), messageId: parser.upload ? 'upload-no-limit' : 'no-limit', message: fix(parser) }))
  }
})
