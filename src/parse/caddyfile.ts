import { ConfigSyntaxError, MAX_BLOCK_DEPTH, MAX_EXPANDED_DIRECTIVES, type ConfigDirective } from './directive.js'
import { TextCursor } from './text-cursor.js'

interface Token {
  text: string
  line: number
  /** The line the token ends on (quoted strings and heredocs may span lines). */
  endLine: number
  quoted: boolean
}

export interface CaddySite {
  /** As written, e.g. `example.com`, `http://api.example.com`, `:8080`, `{$SITE_ADDRESS}`. */
  addresses: string[]
  line: number
  /** The site's directives, with `import`s of snippets in this file expanded. */
  directives: ConfigDirective[]
}

export interface CaddyfileModel {
  /** The global options block (`{ ... }` first in the file), empty when there is none. */
  globalOptions: ConfigDirective[]
  sites: CaddySite[]
}

const MAX_IMPORT_DEPTH = 10

/** Splits a Caddyfile into tokens the way Caddy's lexer does: whitespace, `#` comments, "quotes", `backticks`, heredocs. */
class Lexer extends TextCursor {
  tokens(): Token[] {
    const tokens: Token[] = []
    for (let token = this.next(); token; token = this.next()) tokens.push(token)
    return tokens
  }

  private next(): Token | undefined {
    this.skipSpaceAndComments()
    const ch = this.text[this.pos]
    if (ch === undefined) return undefined
    const line = this.line
    if (ch === '"' || ch === '`') {
      const text = this.readQuoted(ch)
      return { text, line, endLine: this.line, quoted: true }
    }
    if (this.text.startsWith('<<', this.pos) && /^<<[A-Za-z0-9_]+\r?\n/.test(this.text.slice(this.pos, this.pos + 64))) {
      return { text: this.readHeredoc(), line, endLine: this.line, quoted: true }
    }
    return { text: this.readWord(), line, endLine: line, quoted: false }
  }

  /** Inside double quotes `\"` is a quote; backquoted strings are raw. */
  private readQuoted(quote: string): string {
    return this.readQuotedWith(quote, (at) => (quote === '"' && this.text[at] === '\\' && this.text[at + 1] === '"' ? '"' : undefined))
  }

  /** `<<MARKER` ... `MARKER`: the closing marker may be indented and followed by more arguments. */
  private readHeredoc(): string {
    const start = this.line
    const newline = this.text.indexOf('\n', this.pos)
    const marker = this.text.slice(this.pos + 2, newline).trim()
    const lines = this.text.slice(newline + 1).split('\n')
    const end = lines.findIndex((l) => new RegExp(`^\\s*${marker}(?:\\s|$)`).test(l))
    if (end < 0) throw new ConfigSyntaxError(`heredoc <<${marker} is never closed`, start)
    const body = lines.slice(0, end)
    const closing = lines[end] ?? ''
    this.pos = newline + 1 + body.map((l) => l.length + 1).reduce((a, b) => a + b, 0) + closing.indexOf(marker) + marker.length
    this.line += end + 1
    return body.join('\n')
  }

  private readWord(): string {
    const start = this.pos
    while (this.pos < this.text.length && !/\s/.test(this.text[this.pos] ?? '')) this.pos += 1
    return this.text.slice(start, this.pos)
  }
}

function isBrace(token: Token | undefined, brace: '{' | '}'): boolean {
  return token !== undefined && !token.quoted && token.text === brace
}

/** Groups tokens into lines: a token starts a new line when it begins below where the previous one ended. */
function linesOf(tokens: Token[]): Token[][] {
  const lines: Token[][] = []
  let previous: Token | undefined
  for (const token of tokens) {
    if (!previous || token.line > previous.endLine) lines.push([token])
    else lines.at(-1)?.push(token)
    previous = token
  }
  return lines
}

/** Builds the directive tree: a line ending in `{` opens a block, a line that is `}` closes it. */
function buildTree(tokens: Token[]): ConfigDirective[] {
  const top: ConfigDirective[] = []
  const stack: ConfigDirective[][] = [top]
  for (const line of linesOf(tokens)) {
    const current = stack.at(-1) ?? top
    const first = line[0] as Token
    if (line.length === 1 && isBrace(first, '}')) {
      if (stack.length === 1) throw new ConfigSyntaxError('unexpected "}"', first.line)
      stack.pop()
      continue
    }
    const opens = isBrace(line.at(-1), '{')
    const words = (opens ? line.slice(0, -1) : line).map((t) => t.text)
    const directive: ConfigDirective = { name: words[0] ?? '', args: words.slice(1), line: first.line }
    current.push(directive)
    if (opens) {
      if (stack.length > MAX_BLOCK_DEPTH) throw new ConfigSyntaxError(`blocks nested more than ${MAX_BLOCK_DEPTH} deep`, first.line)
      directive.block = []
      stack.push(directive.block)
    }
  }
  if (stack.length > 1) throw new ConfigSyntaxError('unexpected end of file, expecting "}"', tokens.at(-1)?.endLine ?? 1)
  return top
}

function snippetName(directive: ConfigDirective): string | undefined {
  return directive.block && directive.args.length === 0 ? /^\((.+)\)$/.exec(directive.name)?.[1] : undefined
}

/** Replaces `import <snippet>` by the snippet's directives, at any depth; file imports stay as they are. */
function expandImports(
  directives: ConfigDirective[],
  snippets: Map<string, ConfigDirective[]>,
  budget: { left: number },
  depth = 0
): ConfigDirective[] {
  return directives.flatMap((d) => {
    // Snippets that import each other many times over multiply: a small file could expand forever.
    budget.left -= 1
    if (budget.left < 0) throw new ConfigSyntaxError(`snippet imports expand to more than ${MAX_EXPANDED_DIRECTIVES} directives`, d.line)
    const snippet = d.name === 'import' && depth < MAX_IMPORT_DEPTH ? snippets.get(d.args[0] ?? '') : undefined
    if (snippet) return expandImports(snippet, snippets, budget, depth + 1)
    return [d.block ? { ...d, block: expandImports(d.block, snippets, budget, depth) } : d]
  })
}

function siteOf(
  head: ConfigDirective,
  directives: ConfigDirective[],
  snippets: Map<string, ConfigDirective[]>,
  budget: { left: number }
): CaddySite {
  const addresses = [head.name, ...head.args]
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean)
  return { addresses, line: head.line, directives: expandImports(directives, snippets, budget) }
}

/**
 * Parses a Caddyfile into its global options and site blocks. A Caddyfile with a single site may
 * leave out the braces: its first line is then the address and the rest its directives.
 * Throws ConfigSyntaxError on unbalanced braces or unterminated strings.
 */
export function parseCaddyfile(text: string): CaddyfileModel {
  const entries = buildTree(new Lexer(text).tokens())
  const first = entries[0]
  const hasGlobalOptions = first?.name === '' && first.block !== undefined
  const globalOptions = hasGlobalOptions ? (first.block ?? []) : []
  const snippets = new Map<string, ConfigDirective[]>()
  const rest: ConfigDirective[] = []
  for (const entry of entries.slice(hasGlobalOptions ? 1 : 0)) {
    const name = snippetName(entry)
    if (name !== undefined) snippets.set(name, entry.block ?? [])
    else if (entry.name !== 'import' && !entry.name.startsWith('&(')) rest.push(entry)
  }
  const head = rest[0]
  if (!head) return { globalOptions, sites: [] }
  const budget = { left: MAX_EXPANDED_DIRECTIVES }
  const sites = head.block
    ? rest.filter((e) => e.block).map((e) => siteOf(e, e.block ?? [], snippets, budget))
    : [siteOf(head, rest.slice(1), snippets, budget)]
  return { globalOptions, sites }
}
