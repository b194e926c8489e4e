import { createHash } from 'node:crypto'

/** Files whose `//` and `/* *\/` are comments, so a comment added to the flagged line is no change of it. */
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i

/** What a formatter changes without changing the code: skipped between tokens. */
const INSIGNIFICANT = new Set([' ', '\t', '\r', '\n', '\f', '\v', ';', ','])

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** Reads a quoted string from `start` (its opening quote); returns its text, unescaped quotes, and where it ends. */
function readString(line: string, start: number): { text: string; end: number } {
  const quote = line[start]
  let text = ''
  let i = start + 1
  while (i < line.length && line[i] !== quote) {
    const c = line[i] as string
    if (c === '\\' && i + 1 < line.length) {
      const next = line[i + 1] as string
      // An escaped quote reads the same whichever quote the string uses.
      text += next === '"' || next === "'" || next === '`' ? next : `\\${next}`
      i += 2
    } else {
      text += c
      i += 1
    }
  }
  return { text, end: i + 1 }
}

/**
 * The flagged line as its tokens, without what formatting changes: whitespace and indentation,
 * semicolons and commas, the quote style of strings (`'x'` and `"x"` are one), quotes around an
 * object key that needs none, and in scripts the comments. The text inside strings, names and operators stay: an edit of those is an edit of the code.
 */
export function normalizeSnippet(line: string, file: string): string {
  const script = SCRIPT_FILE.test(file)
  let out = ''
  let i = 0
  while (i < line.length) {
    const c = line[i] as string
    if (INSIGNIFICANT.has(c)) {
      i += 1
    } else if (script && c === '/' && line[i + 1] === '/') {
      break
    } else if (script && c === '/' && line[i + 1] === '*') {
      const close = line.indexOf('*/', i + 2)
      i = close === -1 ? line.length : close + 2
    } else if (c === '"' || c === "'" || (script && c === '`')) {
      const { text, end } = readString(line, i)
      // One quote for '' and "": a template literal stays a template (its `${}` would read differently).
      // A quoted key that needs no quotes (`"password": 1`) reads as the bare key a formatter leaves.
      if (c !== '`' && IDENTIFIER.test(text) && line.slice(end).trimStart().startsWith(':')) out += text
      else out += c === '`' ? `\`${text}\`` : JSON.stringify(text)
      i = end
    } else {
      out += c
      i += 1
    }
  }
  return out
}

/** What identifies a finding's place: its flagged line, normalised; no line (a project-wide absence) reads as ''. */
export interface FingerprintInput {
  rule: string
  file: string
  line: number | null
  column: number | null
  /** The finding's line as it is in the file, or '' when it has none. */
  code: string
}

/**
 * The flagged code: the line from the finding's column on, so what a formatter moves off the line
 * before it (`app.use(` left on the line above `session({`, `const x =` joined in front) changes
 * nothing. Without a column, or one past the code, the whole line.
 */
function flaggedCode(input: FingerprintInput): string {
  const from = (input.column ?? 0) - 1
  if (from <= 0) return input.code
  const rest = input.code.slice(from)
  return rest.trim() === '' ? input.code : rest
}

function hash(rule: string, file: string, snippet: string, occurrence: number): string {
  return createHash('sha256').update(`${rule}\u0000${file}\u0000${snippet}\u0000${occurrence}`).digest('hex').slice(0, 32)
}

/**
 * Fingerprints for findings, in the order given: rule, file and the normalised flagged line, plus the
 * finding's rank among those equal in all three, counted from the top of the file (by line, then
 * column). Line numbers are left out, so lines shifting, code added above or changed elsewhere in the
 * file, and reformatting of the flagged line keep a fingerprint; two identical findings in one file
 * still get two.
 */
export function computeFingerprints(inputs: readonly FingerprintInput[]): string[] {
  const keyed = inputs.map((input, index) => {
    const snippet = normalizeSnippet(flaggedCode(input), input.file)
    return { input, index, snippet, key: `${input.rule}\u0000${input.file}\u0000${snippet}` }
  })
  const groups = new Map<string, typeof keyed>()
  for (const k of keyed) {
    const group = groups.get(k.key)
    if (group) group.push(k)
    else groups.set(k.key, [k])
  }
  const out: string[] = new Array<string>(inputs.length)
  for (const group of groups.values()) {
    group.sort((a, b) => (a.input.line ?? 0) - (b.input.line ?? 0) || (a.input.column ?? 0) - (b.input.column ?? 0) || a.index - b.index)
    group.forEach((k, rank) => {
      out[k.index] = hash(k.input.rule, k.input.file, k.snippet, rank + 1)
    })
  }
  return out
}
