import picomatch from 'picomatch'

export interface DockerignorePattern {
  /** The pattern, cleaned as Docker cleans it (no leading `/` or `./`). */
  pattern: string
  /** `!pattern`: re-includes what earlier patterns excluded. */
  exception: boolean
  line: number
}

/** The patterns of a `.dockerignore`, in order; comments and blank lines dropped. */
export function parseDockerignore(text: string): DockerignorePattern[] {
  return text.split(/\r?\n/).flatMap((raw, i) => {
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return []
    const exception = trimmed.startsWith('!')
    const pattern = (exception ? trimmed.slice(1).trim() : trimmed).replace(/^(?:\.?\/)+/, '').replace(/\/+$/, '')
    return pattern === '' ? [] : [{ pattern, exception, line: i + 1 }]
  })
}

/** The path and each folder above it: excluding a folder excludes what is inside. */
function pathAndParents(path: string): string[] {
  const parts = path.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

/**
 * Whether the build context leaves `path` (relative to the context) out, as Docker decides it:
 * patterns match from the context root (`**` for any depth), a match on a folder covers its
 * contents, and the last matching pattern wins, so a later `!pattern` re-includes.
 */
export function isIgnored(patterns: DockerignorePattern[], path: string): boolean {
  const candidates = pathAndParents(path)
  let ignored = false
  for (const { pattern, exception } of patterns) {
    let matches: (path: string) => boolean
    try {
      matches = picomatch(pattern, { dot: true })
    } catch {
      continue // picomatch refuses patterns over 64 KiB: Docker would not match anything with one either
    }
    if (candidates.some((candidate) => matches(candidate))) ignored = !exception
  }
  return ignored
}
