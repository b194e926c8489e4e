import { readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import picomatch from 'picomatch'

/**
 * A `.gitignore`'s plain patterns as a test of paths relative to its folder. Negations are left out
 * (they only ever make fewer files ignored, and the caller uses this to stay quiet), so the test
 * can say "ignored" where git would not only for patterns re-included with `!`.
 */
export function gitignoreMatcher(text: string): (path: string) => boolean {
  const tests = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => {
      const pattern = line.replace(/\/+$/, '')
      const anchored = pattern.includes('/')
      let match: (path: string) => boolean
      try {
        match = picomatch(pattern.replace(/^\//, ''), { dot: true })
      } catch {
        return () => false // picomatch refuses patterns over 64 KiB: such a line ignores nothing
      }
      return (path: string): boolean => (anchored ? match(path) : path.split('/').some((part) => match(part)))
    })
  return (path) => tests.some((test) => test(path))
}

function readOptional(path: string): string | undefined {
  try {
    // A FIFO or device under that name would block the read forever.
    if (!statSync(path).isFile()) return undefined
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** Whether the root `.gitignore` or one in the file's folder ignores a path of the scanned tree. */
export function isGitignored(root: string, path: string): boolean {
  const dirs = [...new Set(['.', posix.dirname(path)])]
  return dirs.some((dir) => {
    const text = readOptional(join(root, dir, '.gitignore'))
    const relative = dir === '.' ? path : path.slice(dir.length + 1)
    return text !== undefined && gitignoreMatcher(text)(relative)
  })
}
