/** Templates meant to be committed: `.env.example`, `.env.sample`, `.env.default`, `.env.dist`, `example.env`. */
const TEMPLATE = /(?:^|[.-])(?:example|sample|template|tmpl|tpl|dist|defaults?)(?:[.-]|$)/i

/**
 * `.env`, `.env.production`, `prod.env`; not `.envrc` (direnv), `.environment`, or a REUSE licence
 * sidecar (`.env.license` holds the licence of `.env`, not variables).
 */
export function isEnvFileName(name: string): boolean {
  return (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) && !/\.license$/i.test(name)
}

/** An env file that documents the variables rather than setting them: `.env.example`, `.env.default`, `sample.env`. */
export function isEnvTemplateName(name: string): boolean {
  return TEMPLATE.test(name.replace(/^\.env/, ''))
}

export interface DotenvEntry {
  key: string
  /** Unquoted; an unquoted value ends at ` #` (an inline comment). */
  value: string
  /** 1-based. */
  line: number
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*(.*)$/

function readValue(raw: string): string {
  const quoted = /^(["'`])([\s\S]*?)\1/.exec(raw)
  if (quoted) return quoted[2] ?? ''
  // A search, not `/\s+#.*$/`: that backtracks over every run of spaces, quadratic on a long line.
  const comment = raw.search(/\s#/)
  return (comment < 0 ? raw : raw.slice(0, comment)).trim()
}

/**
 * Reads `KEY=value` lines as dotenv does: `export` prefixes, quotes, `#` comments (whole-line, or
 * after a space in an unquoted value). Multi-line quoted values keep only their first line, which
 * is enough to tell a value from an empty one. Never throws.
 */
export function parseDotenv(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*(?:#|$)/.test(raw)) return
    const match = ASSIGNMENT.exec(raw)
    if (!match?.[1]) return
    entries.push({ key: match[1], value: readValue((match[2] ?? '').trim()), line: index + 1 })
  })
  return entries
}
