import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** One expected finding: where, and for which reason when the fixture names one. */
export interface Expected {
  /** `file:line`, or `file:-` for a project-wide absence. */
  where: string
  /** From `<rule-id>/<message-id>`; absent when the fixture names only the rule. */
  messageId?: string
}

export interface Expectations {
  expected: Map<string, Expected[]>
  /** Rule ids a case says must stay silent somewhere. */
  negatives: Set<string>
}

// A rule id, optionally with the reason: `docker-root-user/no-user`.
const ID = '[a-z0-9-]+(?:/[a-z0-9-]+)?'
const MARK = new RegExp(`\\b(expect|ok):\\s*(${ID}(?:\\s*,\\s*${ID})*)`)

/** `rule/message-id` or `rule` as the rule id and the reason, if named. */
function parseId(id: string): { rule: string; messageId?: string } {
  const [rule = '', messageId] = id.split('/')
  return messageId ? { rule, messageId } : { rule }
}

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
 * (Dockerfiles have no trailing comments). `.expect` lists findings in files that cannot hold a
 * comment (package.json): `<rule-id> <file>:<line>`, or `<rule-id> <file>` for a project-wide absence.
 * Either names the reason as `<rule-id>/<message-id>` (the rule tests require it of a rule with several).
 */
export function readExpectations(caseDir: string): Expectations {
  const expected = new Map<string, Expected[]>()
  const negatives = new Set<string>()
  const add = (id: string, where: string) => {
    const { rule, messageId } = parseId(id)
    expected.set(rule, [...(expected.get(rule) ?? []), messageId ? { where, messageId } : { where }])
  }
  for (const abs of filesUnder(caseDir)) {
    const file = relative(caseDir, abs).split(sep).join('/')
    const lines = readFileSync(abs, 'utf8').split(/\r?\n/)
    if (file === '.expect') {
      for (const line of lines) {
        const ok = line.match(/^#\s*ok:\s*([a-z0-9-]+)/)
        if (ok?.[1]) negatives.add(ok[1])
        const [rule, target] = line.trim().split(/\s+/)
        if (rule && target && !line.startsWith('#')) add(rule, /:\d+$/.test(target) ? target : `${target}:-`)
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
        if (match[1] === 'ok') negatives.add(parseId(rule).rule)
        else add(rule, `${file}:${target}`)
      }
    })
  }
  return { expected, negatives }
}
