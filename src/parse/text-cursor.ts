import { ConfigSyntaxError } from './directive.js'

/** A position in config text and its line, shared by the nginx and Caddyfile lexers. */
export class TextCursor {
  protected pos = 0
  /** 1-based. */
  line = 1

  constructor(protected readonly text: string) {}

  /** Skips whitespace and `#` comments (to the end of the line), counting lines. */
  protected skipSpaceAndComments(): void {
    for (;;) {
      const ch = this.text[this.pos]
      if (ch === undefined) return
      if (ch === '#') {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos += 1
      } else if (/\s/.test(ch)) {
        if (ch === '\n') this.line += 1
        this.pos += 1
      } else {
        return
      }
    }
  }

  /**
   * A quoted string from its opening quote at the cursor, counting lines. `escape` reads an escape at
   * a position (the two characters stand for what it returns) or returns undefined for a plain one:
   * nginx and Caddy escape differently.
   */
  protected readQuotedWith(quote: string, escape: (at: number) => string | undefined): string {
    const start = this.line
    this.pos += 1
    let value = ''
    for (;;) {
      const ch = this.text[this.pos]
      if (ch === undefined) throw new ConfigSyntaxError(`unterminated ${quote} string`, start)
      if (ch === '\n') this.line += 1
      const escaped = escape(this.pos)
      if (escaped !== undefined) {
        value += escaped
        this.pos += 2
        continue
      }
      this.pos += 1
      if (ch === quote) return value
      value += ch
    }
  }
}
