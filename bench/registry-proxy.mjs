// A loopback npm registry for the benchmark: it answers npm audit's bulk advisory request itself
// (`{}`, no advisories, so the audit costs what npm spends, not what the network does) and streams
// every other request to the real registry, so `npm ci` works as usual. A `/github/` prefix stands
// for the GitHub API, answers 404 and is counted (the action runs without a token and with
// `comment: never`, so it should call nothing).
import { createServer } from 'node:http'
import { request } from 'node:https'

const BULK_PATH = '/-/npm/v1/security/advisories/bulk'
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'])

function answer(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

function forward(req, res, upstream, counts) {
  counts.forwarded += 1
  const target = new URL(req.url ?? '/', upstream)
  const headers = {}
  for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value
  const out = request(target, { method: req.method, headers }, (upstreamRes) => {
    const back = {}
    for (const [name, value] of Object.entries(upstreamRes.headers)) if (!HOP_BY_HOP.has(name)) back[name] = value
    res.writeHead(upstreamRes.statusCode ?? 502, back)
    upstreamRes.pipe(res)
  })
  out.on('error', (error) => {
    if (res.headersSent) res.destroy()
    else answer(res, 502, JSON.stringify({ error: `upstream: ${error.message}` }))
  })
  req.pipe(out)
}

/** Starts the proxy on 127.0.0.1; `url` ends with a slash, as npm's registry setting does. */
export function startRegistryProxy(upstream = 'https://registry.npmjs.org/') {
  const counts = { bulk: 0, forwarded: 0, github: 0 }
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method === 'POST' && pathname === BULK_PATH) {
      counts.bulk += 1
      req.resume()
      req.on('end', () => answer(res, 200, '{}'))
    } else if (pathname.startsWith('/github/')) {
      counts.github += 1
      req.resume()
      answer(res, 404, JSON.stringify({ message: 'Not Found' }))
    } else {
      forward(req, res, upstream, counts)
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      resolve({
        url: `http://127.0.0.1:${port}/`,
        counts,
        close: () =>
          new Promise((done) => {
            server.close(() => done())
            server.closeAllConnections()
          })
      })
    })
  })
}
