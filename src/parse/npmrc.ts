export interface NpmrcEntry {
  key: string
  /** Unquoted, inline comment removed; `${VAR}` references are left as written (npm expands them from the environment). */
  value: string
  /** 1-based. */
  line: number
}

/**
 * A value as npm's ini reader sees it: a quoted value loses its quotes; an unquoted one ends at
 * the first `;` or `#` (an inline comment) unless that is escaped with a backslash.
 */
function readValue(raw: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(raw)
  if (quoted) return quoted[2] ?? ''
  const value = withoutComment(raw)
  // npm keeps the quotes of `"value" ; comment`; without them the redacted form reads better.
  return /^(["'])(.*)\1$/.exec(value)?.[2] ?? value
}

function withoutComment(raw: string): string {
  let value = ''
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i] ?? ''
    if (ch === ';' || ch === '#') break
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1] ?? ''
      value += ';#\\'.includes(next) ? next : ch + next
      i += 1
    } else {
      value += ch
    }
  }
  return value.trim()
}

/**
 * Reads `key=value` lines of an `.npmrc` (ini format: `;` and `#` comment lines, `[section]`
 * headers, spaces around `=`). Lines without `=` are not settings and are left out. Never throws.
 */
export function parseNpmrc(text: string): NpmrcEntry[] {
  const entries: NpmrcEntry[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith(';') || line.startsWith('#') || line.startsWith('[')) return
    const eq = line.indexOf('=')
    if (eq <= 0) return
    entries.push({ key: line.slice(0, eq).trim(), value: readValue(line.slice(eq + 1).trim()), line: index + 1 })
  })
  return entries
}
