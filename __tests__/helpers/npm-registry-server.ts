// A loopback stand-in for the npm registry that real `npm audit --json` can run against.
//
// Point npm at it with `npm_config_registry=<registry.url>` (and a fresh `npm_config_cache`, since npm
// caches packuments and computed advisories there). It answers:
//   POST /-/npm/v1/security/advisories/bulk  advisories for the package names in the request
//   GET  /<name>, /@scope%2fname             packuments recorded from registry.npmjs.org
//                                            (__tests__/fixtures/registry/packuments/, see record.mjs)
// Anything else is a 404 `{"error":"Not found"}`. Tarballs are not served.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'

export interface AdvisoryFixture {
  id: number
  url: string
  title: string
  severity: 'low' | 'moderate' | 'high' | 'critical'
  vulnerable_versions: string
  cwe: string[]
  cvss: { score: number; vectorString: string | null }
}

export interface FakeRegistryOptions {
  /** Advisories by package name; defaults to SAMPLE_APP_ADVISORIES. */
  advisories?: Record<string, AdvisoryFixture[]>
  /** Status for the bulk advisory endpoint, e.g. 500 or 405 to simulate it being down. */
  bulkStatus?: number
  /** Raw body for the bulk advisory endpoint (e.g. malformed JSON); sent with bulkStatus or 200. */
  bulkBody?: string
}

export interface FakeRegistry {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:40123/ */
  url: string
  /** Each decoded bulk request body, in order: `{ "<name>": ["<version>", ...] }`. */
  bulkRequests: Array<Record<string, string[]>>
  /**
   * Package name of every packument request, in order, URL-decoded (`/@scope%2fname` is recorded as
   * `@scope/name`), including those answered 404. Tarball and other requests are not recorded.
   */
  packumentRequests: string[]
  close(): Promise<void>
}

const BULK_PATH = '/-/npm/v1/security/advisories/bulk'
const fixtureDir = new URL('../fixtures/registry/', import.meta.url)
const packumentDir = new URL('packuments/', fixtureDir)

const SEVERITIES = new Set(['low', 'moderate', 'high', 'critical'])

function loadAdvisories(): Record<string, AdvisoryFixture[]> {
  const file = fileURLToPath(new URL('advisories.json', fixtureDir))
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, AdvisoryFixture[]>
  for (const [name, list] of Object.entries(data)) {
    for (const advisory of list) {
      if (!Number.isInteger(advisory.id) || !SEVERITIES.has(advisory.severity) || !advisory.vulnerable_versions) {
        throw new Error(`${file}: malformed advisory for ${name}: ${JSON.stringify(advisory)}`)
      }
    }
  }
  return data
}

/**
 * Advisories for the packages of examples/vulnerable-app, in the npm bulk endpoint's format, keyed by
 * package name. Hand-transcribed from public GitHub Security Advisories into
 * __tests__/fixtures/registry/advisories.json (see the README there).
 */
export const SAMPLE_APP_ADVISORIES: Record<string, AdvisoryFixture[]> = loadAdvisories()

/** File name of a recorded packument: `express.json`, `@scope%2fname.json`. */
export const packumentFileName = (name: string): string => `${name.replace('/', '%2f')}.json`

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body)
    case 'deflate':
      return inflateSync(body)
    case 'br':
      return brotliDecompressSync(body)
    default:
      return body
  }
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** `/express` -> `express`, `/@scope%2fname` -> `@scope/name`; undefined for tarballs and `/-/` endpoints. */
function packageNameOf(pathname: string): string | undefined {
  let name: string
  try {
    name = decodeURIComponent(pathname.slice(1))
  } catch {
    return undefined
  }
  return /^(@[^/@]+\/)?[^/@.][^/@]*$/.test(name) ? name : undefined
}

const notFound = (res: ServerResponse): void => send(res, 404, JSON.stringify({ error: 'Not found' }))

export async function startFakeRegistry(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const advisories = options.advisories ?? SAMPLE_APP_ADVISORIES
  const bulkRequests: Array<Record<string, string[]>> = []
  const packumentRequests: string[] = []

  async function handleBulk(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let asked: Record<string, string[]>
    try {
      const body = decode(await readBody(req), req.headers['content-encoding'])
      asked = JSON.parse(body.toString('utf8')) as Record<string, string[]>
    } catch (err) {
      send(res, 400, JSON.stringify({ error: `invalid bulk request: ${String(err)}` }))
      return
    }
    bulkRequests.push(asked)
    if (options.bulkStatus !== undefined || options.bulkBody !== undefined) {
      const status = options.bulkStatus ?? 200
      send(res, status, options.bulkBody ?? JSON.stringify({ error: `bulk advisory endpoint answering ${status}` }))
      return
    }
    const answer: Record<string, AdvisoryFixture[]> = {}
    for (const name of Object.keys(asked)) {
      const list = advisories[name]
      if (list?.length) answer[name] = list
    }
    send(res, 200, JSON.stringify(answer))
  }

  async function handlePackument(name: string, res: ServerResponse): Promise<void> {
    packumentRequests.push(name)
    let text: string
    try {
      text = await readFile(new URL(packumentFileName(name), packumentDir), 'utf8')
    } catch {
      notFound(res)
      return
    }
    send(res, 200, text)
  }

  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1')
    const name = req.method === 'GET' || req.method === 'HEAD' ? packageNameOf(pathname) : undefined
    let handled: Promise<void>
    if (req.method === 'POST' && pathname === BULK_PATH) {
      handled = handleBulk(req, res)
    } else if (name !== undefined) {
      handled = handlePackument(name, res)
    } else {
      req.resume()
      notFound(res)
      handled = Promise.resolve()
    }
    handled.catch((err: unknown) => {
      if (res.headersSent) res.destroy()
      else send(res, 500, JSON.stringify({ error: String(err) }))
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo

  let closing: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}/`,
    bulkRequests,
    packumentRequests,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      })
      return closing
    }
  }
}
