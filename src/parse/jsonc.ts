// JSON with comments and trailing commas, as tsconfig.json, jsconfig.json and .babelrc are written.
// A tokenizer, not a regex: `//` or `/*` inside a string is text, and so is a comma before `}` in one.

/** The value of a JSONC text; undefined when it is not JSON once comments and trailing commas are gone. */
export function parseJsonc(text: string): unknown {
  const json = stripJsonc(text.replace(/^\uFEFF/, ''))
  if (json === undefined) return undefined
  try {
    return JSON.parse(json) as unknown
  } catch {
    return undefined
  }
}

/** The text as plain JSON: comments become white space, and commas before `}` or `]` go. */
export function stripJsonc(text: string): string | undefined {
  let out = ''
  /** Where in `out` a comma waits to learn whether a value or a closing bracket follows it. */
  let pendingComma = -1
  /** The last character of `out` that is no white space. */
  let last = ''
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (c === '"') {
      const end = stringEnd(text, i)
      if (end === undefined) return undefined
      pendingComma = -1
      out += text.slice(i, end)
      last = '"'
      i = end
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i)
      i = end < 0 ? text.length : end
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      if (end < 0) return undefined
      out += ' '
      i = end + 2
    } else if (c === ',') {
      // Only a comma after a value may trail: `[,]` stays invalid.
      pendingComma = last === '[' || last === '{' || last === ',' ? -1 : out.length
      out += c
      last = c
      i += 1
    } else if (c === '}' || c === ']') {
      if (pendingComma >= 0) out = `${out.slice(0, pendingComma)} ${out.slice(pendingComma + 1)}`
      pendingComma = -1
      out += c
      last = c
      i += 1
    } else {
      if (!/\s/.test(c)) {
        pendingComma = -1
        last = c
      }
      out += c
      i += 1
    }
  }
  return out
}

/** The index just past the string that opens at `start`, or undefined when it never closes. */
function stringEnd(text: string, start: number): number | undefined {
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text[i]
    if (c === '\\') i += 1
    else if (c === '"') return i + 1
    else if (c === '\n') return undefined
  }
  return undefined
}
