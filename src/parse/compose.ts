import { posix } from 'node:path'
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml'
import { describeErrorFully } from '../common/errors.js'

/** An `environment` or `build.args` entry; `value` is null for a pass-through (`- KEY`, `KEY:`). */
export interface ComposeEntry {
  name: string
  value: string | null
  line: number
}

export interface ComposeScalar<T> {
  value: T
  line: number
}

export interface ComposeBuild {
  context: string
  /** Relative to the context; undefined for `dockerfile_inline`. */
  dockerfile?: string
  line: number
}

export interface ComposeService {
  name: string
  /** The line of the service's key. */
  line: number
  image?: ComposeScalar<string>
  build?: ComposeBuild
  user?: ComposeScalar<string>
  privileged?: ComposeScalar<boolean>
  environment: ComposeEntry[]
  buildArgs: ComposeEntry[]
  envFiles: string[]
}

export interface ComposeModel {
  services: ComposeService[]
}

export type ComposeParse = { ok: true; model: ComposeModel } | { ok: false; error: string }

interface Entry {
  key: string
  value: Node | null
  line: number
}

const COMPOSE_FILE = /^(?:docker-)?compose.*\.ya?ml$/
/**
 * Aliases followed while reading one file. Anchors can refer to themselves (`<<: *self` inside
 * `&self`) or double at each level (a "billion laughs" list): past this many it is not a config.
 */
const MAX_ALIAS_EXPANSIONS = 10_000

export function isComposeFileName(name: string): boolean {
  return COMPOSE_FILE.test(name)
}

class Reader {
  private aliasesLeft = MAX_ALIAS_EXPANSIONS
  private targets: Map<Alias, Node | null> | undefined

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter
  ) {}

  lineOf(node: { range?: [number, number, number] | null } | null | undefined): number {
    return node?.range ? this.lines.linePos(node.range[0]).line : 0
  }

  resolve(node: unknown): Node | null {
    if (!isAlias(node)) return (node as Node | null) ?? null
    this.aliasesLeft -= 1
    if (this.aliasesLeft < 0)
      throw new Error(`more than ${MAX_ALIAS_EXPANSIONS} alias expansions (an anchor that refers to itself, or aliases that multiply)`)
    return this.aliasTargets().get(node) ?? null
  }

  /** Each alias's anchored node, found in one pass (Alias.resolve searches the whole document on every call). */
  private aliasTargets(): Map<Alias, Node | null> {
    if (!this.targets) {
      const targets = new Map<Alias, Node | null>()
      const anchors = new Map<string, Node>()
      // As YAML resolves it: the last node with that anchor before the alias, in document order.
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, anchors.get(node.source) ?? null)
          else if (node.anchor) anchors.set(node.anchor, node)
        }
      })
      this.targets = targets
    }
    return this.targets
  }

  /** The entries of a mapping, with `<<: *anchor` merges expanded (explicit keys win). */
  entries(node: unknown): Entry[] {
    const map = this.resolve(node)
    if (!isMap(map)) return []
    const own: Entry[] = []
    const merged: Entry[] = []
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (key === '<<') {
        const sources = this.resolve(pair.value)
        for (const source of isSeq(sources) ? sources.items : [sources]) merged.push(...this.entries(source))
      } else {
        own.push({ key, value: this.resolve(pair.value), line: this.lineOf(pair.key as Node) })
      }
    }
    const seen = new Set(own.map((e) => e.key))
    return [...own, ...merged.filter((e) => !seen.has(e.key) && seen.add(e.key))]
  }

  scalar(node: Node | null): string | undefined {
    return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined
  }

  /** `environment:` and `args:` in map form (`KEY: value`) or list form (`- KEY=value`). */
  keyValues(node: Node | null): ComposeEntry[] {
    if (isSeq(node)) {
      return node.items.flatMap((item) => {
        const text = this.scalar(this.resolve(item))
        if (text === undefined) return []
        const eq = text.indexOf('=')
        const line = this.lineOf(item as Node)
        return [eq < 0 ? { name: text.trim(), value: null, line } : { name: text.slice(0, eq).trim(), value: text.slice(eq + 1), line }]
      })
    }
    return this.entries(node).map((e) => ({ name: e.key, value: this.scalar(e.value) ?? null, line: e.line }))
  }

  list(node: Node | null): string[] {
    if (isSeq(node)) return node.items.flatMap((item) => this.list(this.resolve(item)))
    if (isMap(node)) return this.list(this.entries(node).find((e) => e.key === 'path')?.value ?? null)
    const text = this.scalar(node)
    return text === undefined ? [] : [text]
  }

  build(node: Node | null, line: number): ComposeBuild | undefined {
    const short = this.scalar(node)
    if (short !== undefined) return { context: short, dockerfile: 'Dockerfile', line }
    const fields = new Map(this.entries(node).map((e) => [e.key, e.value]))
    if (fields.size === 0) return undefined
    const dockerfile = fields.has('dockerfile_inline') ? undefined : (this.scalar(fields.get('dockerfile') ?? null) ?? 'Dockerfile')
    return { context: this.scalar(fields.get('context') ?? null) ?? '.', ...(dockerfile ? { dockerfile } : {}), line }
  }

  service(name: string, node: Node | null, line: number): ComposeService {
    const fields = new Map(this.entries(node).map((e) => [e.key, e]))
    const scalarField = (key: string): ComposeScalar<string> | undefined => {
      const entry = fields.get(key)
      const value = entry ? this.scalar(entry.value) : undefined
      return entry && value !== undefined ? { value, line: entry.line } : undefined
    }
    const build = fields.get('build')
    const buildModel = build ? this.build(build.value, build.line) : undefined
    const privileged = scalarField('privileged')
    const image = scalarField('image')
    const user = scalarField('user')
    return {
      name,
      line,
      ...(image ? { image } : {}),
      ...(buildModel ? { build: buildModel } : {}),
      ...(user ? { user } : {}),
      ...(privileged ? { privileged: { value: privileged.value === 'true', line: privileged.line } } : {}),
      environment: this.keyValues(fields.get('environment')?.value ?? null),
      buildArgs: this.keyValues(this.entries(build?.value ?? null).find((e) => e.key === 'args')?.value ?? null),
      envFiles: this.list(fields.get('env_file')?.value ?? null)
    }
  }
}

/** The services of a Compose file with the lines of their keys; YAML errors give `ok: false`. */
export function parseCompose(text: string): ComposeParse {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, merge: false, prettyErrors: false })
  if (doc.errors.length > 0) return { ok: false, error: doc.errors[0]?.message.split('\n')[0] ?? 'invalid YAML' }
  const reader = new Reader(doc, lines)
  try {
    const services = reader.entries(reader.entries(doc.contents).find((e) => e.key === 'services')?.value ?? null)
    return { ok: true, model: { services: services.map((s) => reader.service(s.key, s.value, s.line)) } }
  } catch (error) {
    // Too many aliases, or a stack overflow: an anchor merged into itself, or nesting deeper than the readers follow.
    if (error instanceof RangeError) return { ok: false, error: 'an anchor refers to itself, or the YAML nests too deeply to follow' }
    return { ok: false, error: describeErrorFully(error) }
  }
}

/** The Dockerfile a service builds, relative to the scan root; undefined for remote or inline builds. */
export function buildDockerfilePath(composePath: string, build: ComposeBuild): string | undefined {
  if (!build.dockerfile || /^[a-z]+:\/\/|^git@|\.git(?:#.*)?$/i.test(build.context) || build.dockerfile.startsWith('/')) return undefined
  const path = posix.normalize(posix.join(posix.dirname(composePath), build.context, build.dockerfile))
  return path.startsWith('../') ? undefined : path
}
