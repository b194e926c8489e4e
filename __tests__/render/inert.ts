import { expect } from '@jest/globals'
import { RULE_DOCS } from '../../src/rules/docs.generated.js'
import { REPOSITORY_URL } from '../../src/common/version.js'
import { decodeEntities, linkDestinations, pipes, SHA, tableRows, withoutOwnHtml } from './sample-report.js'

const ALLOWED_LINKS = [
  `https://github.com/acme/shop/blob/${SHA}/`,
  `${REPOSITORY_URL}/blob/main/docs/rules/`,
  'https://github.com/advisories/'
]

const EXAMPLES = new Set(Object.values(RULE_DOCS).flatMap((doc) => (doc.example ? [doc.example.code] : [])))

/**
 * Fenced code blocks, which GitHub shows verbatim (no HTML, links or mentions): the renderers write
 * them only for the example fixes of our own docs. Asserts each one holds exactly such an example,
 * so no repository text sits in one, and returns the Markdown without them.
 */
export function withoutExampleFences(markdown: string): string {
  const out: string[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i += 1) {
    const open = (lines[i] as string).match(/^(`{3,}|~{3,})/)
    if (!open?.[1]) {
      out.push(lines[i] as string)
      continue
    }
    const fence = open[1]
    const end = lines.findIndex(
      (line, j) =>
        j > i &&
        line.startsWith(fence[0] as string) &&
        line.trim() === fence[0]?.repeat(line.trim().length) &&
        line.trim().length >= fence.length
    )
    expect(end).toBeGreaterThan(i)
    expect(EXAMPLES.has(lines.slice(i + 1, end).join('\n'))).toBe(true)
    i = end
  }
  return out.join('\n')
}

/**
 * Asserts that repository text in rendered Markdown is inert: no HTML but the renderer's own, no
 * table cell split, no mention, no link but the renderer's own (file at the head commit, rule docs,
 * advisory), no text clipped by a stray `)`. Code fences may only hold our docs' example fixes.
 */
export function expectInert(rendered: string): void {
  const markdown = withoutExampleFences(rendered)
  expect(withoutOwnHtml(markdown)).not.toContain('<')
  for (const { header, row } of tableRows(markdown))
    expect({ row: row.slice(0, 300), pipes: pipes(row) }).toEqual({ row: row.slice(0, 300), pipes: pipes(header) })
  expect(markdown).not.toMatch(/@[A-Za-z0-9]/)
  // GitHub links no mention inside code; everywhere else an `@` must be followed by a zero-width space.
  const prose = decodeEntities(markdown.replace(/<code>.*?<\/code>/g, ''))
  expect(prose).not.toMatch(/@[^\u200b]/)
  for (const destination of linkDestinations(markdown)) {
    expect(ALLOWED_LINKS.some((prefix) => destination.startsWith(prefix))).toBe(true)
    expect(() => new URL(destination)).not.toThrow()
  }
  expect(markdown).not.toContain('A'.repeat(600))
}
