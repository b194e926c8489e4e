/** One simple command of a shell script: `NAME=value ... word word ...`. */
export interface ShellCommand {
  /** Leading `NAME=value` assignments, in order. */
  assignments: Array<{ name: string; value: string }>
  /** The command and its arguments, quotes removed; redirections left out. */
  words: string[]
  /** 1-based line of the command's first word (or assignment). */
  line: number
}

interface Token {
  kind: 'word' | 'operator'
  text: string
  line: number
}

const OPERATORS = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '<&', '&>', ';', '|', '&', '(', ')', '<', '>', '\n']
const SEPARATORS = new Set(['&&', '||', ';;', ';', '|', '&', '(', ')', '\n'])
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/
/** Reserved words that open or close a compound command; the simple command follows them. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}'])

/** Reads a quoted string starting at `i` (on the quote); returns the text and the index after it. */
function readQuoted(text: string, i: number): { value: string; end: number; newlines: number } {
  const quote = text[i]
  let value = ''
  let newlines = 0
  let j = i + 1
  while (j < text.length && text[j] !== quote) {
    const ch = text[j] as string
    if (ch === '\n') newlines += 1
    if (quote === '"' && ch === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1] as string)) {
      if (text[j + 1] === '\n') newlines += 1
      else value += text[j + 1]
      j += 2
      continue
    }
    value += ch
    j += 1
  }
  return { value, end: j + 1, newlines }
}

function isWordBreak(ch: string): boolean {
  return /\s/.test(ch) || OPERATORS.some((op) => op.startsWith(ch))
}

/** Splits shell text into words and operators, following quotes, escapes, continuations and comments. */
function tokenize(text: string, firstLine: number): Token[] {
  const tokens: Token[] = []
  let line = firstLine
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    if (ch === '\\' && text[i + 1] === '\n') {
      line += 1
      i += 2
      continue
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i += 1
      continue
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i))
    if (op) {
      tokens.push({ kind: 'operator', text: op, line })
      if (op === '\n') line += 1
      i += op.length
      continue
    }
    if (/\s/.test(ch)) {
      i += 1
      continue
    }
    const start = line
    let word = ''
    while (i < text.length && !isWordBreak(text[i] as string)) {
      const c = text[i] as string
      if (c === '\\' && i + 1 < text.length) {
        if (text[i + 1] === '\n') line += 1
        else word += text[i + 1]
        i += 2
      } else if (c === "'" || c === '"') {
        const quoted = readQuoted(text, i)
        word += quoted.value
        line += quoted.newlines
        i = quoted.end
      } else {
        word += c
        i += 1
      }
    }
    const fileDescriptor = /^\d+$/.test(word) && (text[i] === '<' || text[i] === '>')
    if (!fileDescriptor) tokens.push({ kind: 'word', text: word, line: start })
  }
  return tokens
}

/**
 * The simple commands of a POSIX shell script, split at `&&`, `||`, `;`, `|`, `&`, parentheses
 * and newlines. Enough to read what a Dockerfile `RUN` runs; not a full shell (no expansion).
 */
export function parseShellScript(text: string, firstLine = 1): ShellCommand[] {
  const commands: ShellCommand[] = []
  let current: ShellCommand | undefined
  let skipNext = false
  for (const token of tokenize(text, firstLine)) {
    if (token.kind === 'operator') {
      if (SEPARATORS.has(token.text)) current = undefined
      else skipNext = true // a redirection: its target is not an argument
      continue
    }
    if (skipNext) {
      skipNext = false
      continue
    }
    if (!current && RESERVED.has(token.text)) continue
    if (!current) {
      current = { assignments: [], words: [], line: token.line }
      commands.push(current)
    }
    const assignment = current.words.length === 0 ? token.text.match(ASSIGNMENT) : null
    if (assignment?.[1] !== undefined) current.assignments.push({ name: assignment[1], value: assignment[2] ?? '' })
    else current.words.push(token.text)
  }
  return commands.filter((c) => c.words.length > 0 || c.assignments.length > 0)
}
