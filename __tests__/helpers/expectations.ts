import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export interface Expectations {
  /** `file:line` (or `file:-` for project-wide absences) per rule id. */
  expected: Map<string, string[]>
  /** Rule ids a case says must stay silent somewhere. */
  negatives: Set<string>
}

const MARK = /\b(expect|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** In an `.npmrc`, `//registry.npmjs.org/:key=value` is a setting and comments start with `#` or `;`. */
function isCommentOnly(line: string, file: string): boolean {
  return (file.endsWith('.npmrc') ? /^\s*[#;]/ : /^\s*(#|\/\/)/).test(line)
}

/**
 * Reads inline expectations from a fixture project: `expect: <rule-id>` or `ok: <rule-id>` at the
 * end of a line applies to that line; on a comment-only line it applies to the next code line
 * (Dockerfiles have no trailing comments). `.expect` lists project-wide absences: `<rule-id> <file>`.
 */
export function readExpectations(caseDir: string): Expectations {
  const expected = new Map<string, string[]>()
  const negatives = new Set<string>()
  const add = (rule: string, where: string) => expected.set(rule, [...(expected.get(rule) ?? []), where])
  for (const abs of filesUnder(caseDir)) {
    const file = relative(caseDir, abs).split(sep).join('/')
    const lines = readFileSync(abs, 'utf8').split(/\r?\n/)
    if (file === '.expect') {
      for (const line of lines) {
        const ok = line.match(/^#\s*ok:\s*([a-z0-9-]+)/)
        if (ok?.[1]) negatives.add(ok[1])
        const [rule, target] = line.trim().split(/\s+/)
        if (rule && target && !line.startsWith('#')) add(rule, `${target}:-`)
      }
      continue
    }
    lines.forEach((line, i) => {
      const match = line.match(MARK)
      if (!match?.[1] || !match[2]) return
      let target = i + 1
      if (isCommentOnly(line, file)) {
        target = i + 2
        while (target <= lines.length && (isCommentOnly(lines[target - 1] ?? '', file) || (lines[target - 1] ?? '').trim() === ''))
          target += 1
      }
      for (const rule of match[2].split(',').map((r) => r.trim())) {
        if (match[1] === 'ok') negatives.add(rule)
        else add(rule, `${file}:${target}`)
      }
    })
  }
  return { expected, negatives }
}
