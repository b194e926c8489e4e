import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml'
import { describeErrorFully } from '../common/errors.js'

export interface PackageManifest {
  /** The parsed JSON object. */
  data: Record<string, unknown>
  /** The 1-based line of a key, by its path from the top (`['engines', 'node']`), or null. */
  keyLine(path: readonly string[]): number | null
}

export type PackageJsonParse = { ok: true; manifest: PackageManifest } | { ok: false; error: string }

/**
 * JSON.parse gives the values; JSON is also YAML, so the `yaml` parser, which keeps offsets,
 * gives the lines of keys. Only computed when a rule asks.
 */
function keyLines(text: string): (path: readonly string[]) => number | null {
  let doc: ReturnType<typeof parseDocument> | undefined
  const counter = new LineCounter()
  return (path) => {
    doc ??= parseDocument(text, { lineCounter: counter, uniqueKeys: false })
    let node: unknown = doc.contents
    let line: number | null = null
    for (const key of path) {
      if (!isMap(node)) return null
      const pair = node.items.findLast((p) => isScalar(p.key) && p.key.value === key) // JSON.parse keeps the last duplicate
      const start = (pair?.key as Node | undefined)?.range?.[0]
      if (!pair || start === undefined) return null
      line = counter.linePos(start).line
      node = pair.value
    }
    return line
  }
}

export function parsePackageJson(text: string): PackageJsonParse {
  try {
    const data: unknown = JSON.parse(text)
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: 'not a JSON object' }
    return { ok: true, manifest: { data: data as Record<string, unknown>, keyLine: keyLines(text) } }
  } catch (error) {
    return { ok: false, error: describeErrorFully(error) }
  }
}
