import { expect } from '@jest/globals'
import { REPOSITORY_URL } from '../../src/version.js'
import { decodeEntities, linkDestinations, pipes, SHA, tableRows, withoutOwnHtml } from './sample-report.js'

const ALLOWED_LINKS = [
  `https://github.com/acme/shop/blob/${SHA}/`,
  `${REPOSITORY_URL}/blob/main/docs/rules/`,
  'https://github.com/advisories/'
]

/**
 * Asserts that repository text in rendered Markdown is inert: no HTML but the renderer's own, no
 * table cell split, no mention, no link but the renderer's own (file at the head commit, rule docs,
 * advisory), no text clipped by a stray `)`.
 */
export function expectInert(markdown: string): void {
  expect(withoutOwnHtml(markdown)).not.toContain('<')
  for (const { header, row } of tableRows(markdown)) expect({ row: row.slice(0, 300), pipes: pipes(row) }).toEqual({ row: row.slice(0, 300), pipes: pipes(header) })
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
