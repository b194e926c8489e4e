import { ConfigSyntaxError, MAX_BLOCK_DEPTH, type ConfigDirective } from './directive.js'
import { TextCursor } from './text-cursor.js'

interface Token {
  text: string
  line: number
  /** Quoted tokens are never `;`, `{` or `}` syntax. */
  quoted: boolean
}

export interface NginxParse {
  directives: ConfigDirective[]
  /** The first syntax error; the directives read before it are kept, so callers can tell what the file was. */
  error?: ConfigSyntaxError
}

const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', t: '\t', r: '\r', n: '\n' }

/** nginx keeps a backslash before other characters (regular expressions rely on it). */
function unescape(pair: string): string {
  return ESCAPES[pair[1] ?? ''] ?? pair
}

/** Lua and njs `*_block` bodies are code, not directives: skip to the matching brace. */
const OPAQUE_BLOCK = /_by_(?:lua|njs)_block$/

/** Splits nginx config text into words, quoted strings, `;`, `{` and `}`, as nginx's ngx_conf_read_token does. */
class Lexer extends TextCursor {
  next(): Token | undefined {
    this.skipSpaceAndComments()
    const ch = this.text[this.pos]
    if (ch === undefined) return undefined
    const line = this.line
    if (ch === ';' || ch === '{' || ch === '}') {
      this.pos += 1
      return { text: ch, line, quoted: false }
    }
    if (ch === '"' || ch === "'") return { text: this.readQuoted(ch), line, quoted: true }
    return { text: this.readWord(), line, quoted: false }
  }

  /** Skips to the `}` matching an already consumed `{`, for opaque (Lua) blocks; braces in strings do not count. */
  skipBlock(): void {
    let depth = 1
    while (depth > 0) {
      const ch = this.text[this.pos]
      if (ch === undefined) throw new ConfigSyntaxError('unexpected end of file, expecting "}"', this.line)
      if (ch === '"' || ch === "'") {
        this.readQuoted(ch)
        continue
      }
      if (ch === '\n') this.line += 1
      if (ch === '{') depth += 1
      if (ch === '}') depth -= 1
      this.pos += 1
    }
  }

  private readQuoted(quote: string): string {
    return this.readQuotedWith(quote, (at) =>
      this.text[at] === '\\' && at + 1 < this.text.length ? unescape(this.text.slice(at, at + 2)) : undefined
    )
  }

  private readWord(): string {
    let value = ''
    for (;;) {
      const ch = this.text[this.pos]
      if (ch === undefined || /\s/.test(ch) || ch === ';' || ch === '}') return value
      if (ch === '{' && !value.endsWith('$')) return value
      if (ch === '\\' && this.pos + 1 < this.text.length) {
        value += unescape(this.text.slice(this.pos, this.pos + 2))
        this.pos += 2
        continue
      }
      if (ch === '{') {
        // `${name}`: a variable, not the start of a block.
        const end = this.text.indexOf('}', this.pos)
        if (end < 0) throw new ConfigSyntaxError('unterminated "${"', this.line)
        value += this.text.slice(this.pos, end + 1)
        this.pos = end + 1
        continue
      }
      value += ch
      this.pos += 1
    }
  }
}

function isSyntax(token: Token | undefined, ch: string): boolean {
  return token !== undefined && !token.quoted && token.text === ch
}

/** Reads directives into `into` until the `}` closing this block (depth > 0) or the end of the file. */
function readBlock(lexer: Lexer, into: ConfigDirective[], depth: number): void {
  for (;;) {
    const first = lexer.next()
    if (first === undefined) {
      if (depth > 0) throw new ConfigSyntaxError('unexpected end of file, expecting "}"', lexer.line)
      return
    }
    if (isSyntax(first, '}')) {
      if (depth === 0) throw new ConfigSyntaxError('unexpected "}"', first.line)
      return
    }
    if (isSyntax(first, ';')) continue
    if (isSyntax(first, '{')) throw new ConfigSyntaxError('unexpected "{"', first.line)
    readDirective(lexer, { name: first.text, args: [], line: first.line }, into, depth)
  }
}

function readDirective(lexer: Lexer, directive: ConfigDirective, into: ConfigDirective[], depth: number): void {
  for (;;) {
    const token = lexer.next()
    if (token === undefined)
      throw new ConfigSyntaxError(`unexpected end of file, expecting ";" or "}" after "${directive.name}"`, directive.line)
    if (isSyntax(token, ';')) {
      into.push(directive)
      return
    }
    if (isSyntax(token, '}')) throw new ConfigSyntaxError(`unexpected "}" after "${directive.name}", expecting ";"`, token.line)
    if (isSyntax(token, '{')) {
      if (depth >= MAX_BLOCK_DEPTH) throw new ConfigSyntaxError(`blocks nested more than ${MAX_BLOCK_DEPTH} deep`, token.line)
      directive.block = []
      into.push(directive)
      if (OPAQUE_BLOCK.test(directive.name)) lexer.skipBlock()
      else readBlock(lexer, directive.block, depth + 1)
      return
    }
    directive.args.push(token.text)
  }
}

/**
 * Parses nginx configuration text into directives with line numbers. Never throws: a syntax error
 * is returned with the directives read before it (an open block keeps what it had so far).
 * `include` is kept as a directive; included files are not read here.
 */
export function parseNginx(text: string): NginxParse {
  const directives: ConfigDirective[] = []
  try {
    readBlock(new Lexer(text), directives, 0)
    return { directives }
  } catch (error) {
    if (!(error instanceof ConfigSyntaxError)) throw error
    return { directives, error }
  }
}

/** Block and directive names that only nginx configs have at their top level. */
const NGINX_TOP_LEVEL = new Set([
  'http',
  'server',
  'events',
  'upstream',
  'stream',
  'mail',
  'location',
  'map',
  'geo',
  'split_clients',
  'worker_processes',
  'worker_rlimit_nofile',
  'pid',
  'load_module',
  'listen',
  'server_name',
  'proxy_pass',
  'proxy_set_header',
  'add_header',
  'client_max_body_size',
  'server_tokens'
])

/**
 * Whether parsed `*.conf` directives are an nginx config (or a snippet of one), judged by structure:
 * supervisord, redis, fluentd or logrotate files either do not parse or use none of these names.
 */
export function isNginxConfig(directives: readonly ConfigDirective[]): boolean {
  return directives.some((d) => NGINX_TOP_LEVEL.has(d.name))
}
