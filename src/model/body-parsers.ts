import type { Node } from '../parse/javascript.js'
import type { ExpressModel } from './express.js'
import { packageCalls, type PackageCall } from './package-calls.js'
import { branches, type Site, type Value } from './values.js'

/** A body parser or upload middleware created in the app, and the size limit it was given. */
export interface BodyParser {
  call: PackageCall
  /** How the app wrote it: `express.json()`, `bodyParser.urlencoded()`, `fileUpload()`, `multer()`. */
  label: string
  /** Uploads (express-fileupload, multer) take their limit as `limits.fileSize`; parsers as `limit`. */
  upload: boolean
  /** `absent` (no limit), `unknown`, or the limit's possible values in bytes with where each is written. */
  limit: { kind: 'absent' } | { kind: 'unknown' } | { kind: 'known'; values: Array<{ bytes: number; text: string; site: Site }> }
}

const PARSER_EXPORTS = new Set(['json', 'urlencoded', 'raw', 'text'])
const UNIT: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 }
/** The `bytes` package's format, which body-parser uses: `'100kb'`, `'1.5MB'`, `'1048576'`. */
const BYTES = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb|tb|pb)?\s*$/i
const MAX_DEPTH = 8

function parserKind(call: PackageCall): { label: string; upload: boolean } | undefined {
  const [name] = call.path
  if (call.package === 'express' && call.path.length === 1 && name && PARSER_EXPORTS.has(name))
    return { label: `express.${name}()`, upload: false }
  if (call.package === 'body-parser') {
    if (call.path.length === 0) return { label: 'bodyParser()', upload: false }
    if (call.path.length === 1 && name && PARSER_EXPORTS.has(name)) return { label: `bodyParser.${name}()`, upload: false }
  }
  if (call.path.length === 0 && call.package === 'express-fileupload') return { label: 'fileUpload()', upload: true }
  if (call.path.length === 0 && call.package === 'multer') return { label: 'multer()', upload: true }
  return undefined
}

/** Body-parser's reading of a limit: a number of bytes or a `bytes` string. */
export function parseBytes(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined
  const match = BYTES.exec(value)
  if (!match?.[1]) return undefined
  return Math.floor(Number(match[1]) * (UNIT[(match[2] ?? 'b').toLowerCase()] ?? 1))
}

/** `10 * 1024 * 1024`: numbers the evaluator leaves unknown, folded here. */
function foldNumber(express: ExpressModel, node: Node, site: Site, depth = 0): number | undefined {
  if (depth > MAX_DEPTH) return undefined
  if (node.type === 'NumericLiteral') return node.value
  if (node.type === 'ParenthesizedExpression') return foldNumber(express, node.expression, site, depth + 1)
  if (node.type === 'Identifier') {
    const value = express.evaluate(node, site.module)
    if (value.kind === 'literal' && typeof value.value === 'number') return value.value
    return value.at && value.at.node !== node ? foldNumber(express, value.at.node, value.at, depth + 1) : undefined
  }
  if (node.type !== 'BinaryExpression') return undefined
  const left = foldNumber(express, node.left as Node, site, depth + 1)
  const right = foldNumber(express, node.right, site, depth + 1)
  if (left === undefined || right === undefined) return undefined
  switch (node.operator) {
    case '*':
      return left * right
    case '+':
      return left + right
    case '-':
      return left - right
    case '/':
      return right === 0 ? undefined : left / right
    case '**':
      return left ** right
    default:
      return undefined
  }
}

function readLimit(express: ExpressModel, value: Value): BodyParser['limit'] {
  const values: Array<{ bytes: number; text: string; site: Site }> = []
  for (const branch of branches(value)) {
    if (branch.kind === 'absent' || (branch.kind === 'literal' && branch.value === undefined)) return { kind: 'absent' }
    if (branch.kind === 'env') continue // set by the deployment: not the code's default
    const site = branch.at
    if (!site) continue
    const raw =
      branch.kind === 'literal' && (typeof branch.value === 'string' || typeof branch.value === 'number')
        ? branch.value
        : foldNumber(express, site.node, site)
    const bytes = raw === undefined ? undefined : parseBytes(raw)
    if (bytes !== undefined && raw !== undefined) values.push({ bytes, text: typeof raw === 'string' ? raw : String(raw), site })
  }
  return values.length > 0 ? { kind: 'known', values } : { kind: 'unknown' }
}

function limitOf(express: ExpressModel, options: Value | undefined, upload: boolean): BodyParser['limit'] {
  if (!options || options.kind === 'absent' || (options.kind === 'literal' && options.value === undefined)) return { kind: 'absent' }
  if (options.kind !== 'object') return { kind: 'unknown' }
  if (!upload) return readLimit(express, express.evaluator.property(options, 'limit'))
  const limits = express.evaluator.property(options, 'limits')
  if (limits.kind === 'absent') return { kind: 'absent' }
  return limits.kind === 'object' ? readLimit(express, express.evaluator.property(limits, 'fileSize')) : { kind: 'unknown' }
}

/** Every body parser and upload middleware the app creates, with its limit. */
export function bodyParsers(express: ExpressModel): BodyParser[] {
  return packageCalls(express).flatMap((call) => {
    const kind = parserKind(call)
    return kind ? [{ call, ...kind, limit: limitOf(express, call.options, kind.upload) }] : []
  })
}
