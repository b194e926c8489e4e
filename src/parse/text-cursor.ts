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
}
