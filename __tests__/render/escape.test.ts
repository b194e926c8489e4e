import { describe, expect, it } from '@jest/globals'
import { escapeMarkdown, escapeMessage, fencedCode, link, safeUrl } from '../../src/render/escape.js'
import { decodeEntities, HOSTILE } from './sample-report.js'

/** What is left once the numeric character references are taken out: must be plain text. */
const bare = (escaped: string): string => escaped.replace(/&#\d+;/g, '')

describe('escapeMarkdown', () => {
  it('leaves paths and plain words readable', () => {
    expect(escapeMarkdown('src/routes/users.js:14')).toBe('src/routes/users.js:14')
    expect(escapeMarkdown("session secret is 'keyboard cat' (line 3)")).toBe("session secret is 'keyboard cat' (line 3)")
  })

  it.each(HOSTILE.map((text) => [text.slice(0, 40), text]))('makes %p inert', (_label, text) => {
    const escaped = escapeMarkdown(text)
    expect(bare(escaped)).toMatch(/^[A-Za-z0-9 ,.;:'()/=-]*$/)
  })

  it('shows the same text once GitHub decodes it, on one line', () => {
    const text = 'a|b <c> [d](e) `f` *g* _h_ ~i~ #j !k \\l &m; "n" {o} $p$'
    expect(decodeEntities(escapeMarkdown(text))).toBe(text)
    expect(decodeEntities(escapeMarkdown('one\ntwo\r\n\tthree'))).toBe('one two three')
  })

  it('breaks every mention with a zero-width space', () => {
    const decoded = decodeEntities(escapeMarkdown('@everyone @acme/team mail@example.com'))
    expect(decoded).not.toMatch(/@[^\u200b]/)
    expect(decoded.replace(/\u200b/g, '')).toBe('@everyone @acme/team mail@example.com')
  })

  it('clips long text to maxLength characters with an ellipsis', () => {
    const decoded = decodeEntities(escapeMarkdown('a'.repeat(10_000), 500))
    expect([...decoded]).toHaveLength(500)
    expect(decoded.endsWith('…')).toBe(true)
    expect(decodeEntities(escapeMarkdown('short', 500))).toBe('short')
  })

  it('never splits a character outside the BMP when clipping', () => {
    const escaped = escapeMarkdown('😀'.repeat(600), 100)
    const references = [...escaped.matchAll(/&#(\d+);/g)].map((m) => Number(m[1]))
    expect(references.some((n) => n >= 0xd800 && n <= 0xdfff)).toBe(false)
    expect([...decodeEntities(escaped)]).toHaveLength(100)
  })
})

describe('escapeMessage', () => {
  it('shows backticked parts as code, escaped', () => {
    expect(escapeMessage('set `app.disable(x)` first')).toBe('set <code>app.disable(x)</code> first')
    const hostile = escapeMessage('see `</code><script>alert(1)</script>` and `a|b`')
    expect(hostile.replace(/<\/?code>/g, '')).not.toMatch(/[<>|]/)
    expect(hostile.match(/<code>/g)).toHaveLength(2)
  })

  it('leaves no raw backtick when they do not pair up', () => {
    expect(escapeMessage('one ` two ` three ` four')).not.toContain('`')
  })
})

describe('safeUrl', () => {
  it('keeps plain https URLs', () => {
    expect(safeUrl('https://github.com/advisories/GHSA-35jh-r3h4-6jhm')).toBe('https://github.com/advisories/GHSA-35jh-r3h4-6jhm')
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>',
    'http://example.com/',
    '//evil.example/x',
    '/relative',
    'not a url',
    ''
  ])('drops %p', (url) => {
    expect(safeUrl(url)).toBeUndefined()
  })

  it('encodes everything that could end the Markdown link or the table cell early', () => {
    const url = safeUrl('https://github.com/advisories/GHSA-x)[click](https://evil.example)?q=\'a"|b`c\\d <e>')
    expect(url).toBeDefined()
    expect(url).not.toMatch(/[()<>"'|`\\\s]/)
    expect(decodeURI(url ?? '')).toContain('GHSA-x)[click](https://evil.example)')
  })
})

describe('link', () => {
  it('links only when there is a URL', () => {
    expect(link('text', 'https://example.com/')).toBe('[text](https://example.com/)')
    expect(link('text', undefined)).toBe('text')
  })
})

describe('fencedCode', () => {
  it('fences with three backticks and the language', () => {
    expect(fencedCode('js', 'app.use(helmet())')).toBe('```js\napp.use(helmet())\n```')
  })

  it.each(['a ``` b', '````', 'x `` y ````` z'])('uses a fence longer than any backtick run in %p', (text) => {
    const block = fencedCode('js', text)
    const fence = block.split('\n')[0]?.replace('js', '') ?? ''
    const longest = Math.max(...[...text.matchAll(/`+/g)].map((m) => m[0].length))
    expect(fence.length).toBeGreaterThan(longest)
    expect(block.endsWith(`\n${fence}`)).toBe(true)
    // No line inside is a fence of that length or longer, so GitHub cannot close the block early.
    for (const line of text.split('\n')) expect(line.trim().startsWith(fence)).toBe(false)
  })

  it('keeps the info string to a language name', () => {
    expect(fencedCode('js onclick=x\n```', 'x').split('\n')[0]).toBe('```jsonclickx')
  })
})
