import { describe, expect, it } from '@jest/globals'
import { parseJsonc } from '../../src/parse/jsonc.js'

describe('parseJsonc', () => {
  it('reads comments and trailing commas as tsconfig.json is written', () => {
    const text = `\uFEFF{
  // the app's aliases
  "compilerOptions": {
    /* where imports start */ "baseUrl": "./src",
    "paths": { "@/*": ["./src/*",], },
  },
}`
    expect(parseJsonc(text)).toEqual({ compilerOptions: { baseUrl: './src', paths: { '@/*': ['./src/*'] } } })
  })

  it('keeps comment markers, commas and brackets that are inside strings', () => {
    const text = '{ "url": "http://example.com/*x*/", "list": "a,}", "quote": "say \\"hi\\", // not a comment" }'
    expect(parseJsonc(text)).toEqual({ url: 'http://example.com/*x*/', list: 'a,}', quote: 'say "hi", // not a comment' })
  })

  it('drops a trailing comma that a comment separates from the bracket', () => {
    expect(parseJsonc('[1, 2, // last\n]')).toEqual([1, 2])
    expect(parseJsonc('{"a": 1, /* b */ }')).toEqual({ a: 1 })
  })

  it('is undefined for what is not JSONC: an unclosed comment or string, a lone comma, plain garbage', () => {
    expect(parseJsonc('{ "a": 1 /* open')).toBeUndefined()
    expect(parseJsonc('{ "a": "open }')).toBeUndefined()
    expect(parseJsonc('[,]')).toBeUndefined()
    expect(parseJsonc('module.exports = {}')).toBeUndefined()
  })
})
