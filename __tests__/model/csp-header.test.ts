import { describe, expect, it } from '@jest/globals'
import { parsePolicy } from '../../src/model/csp-header.js'
import type { Site } from '../../src/model/values.js'

const SITE = {} as Site

function texts(policy: string): Record<string, Array<string | undefined>> {
  return Object.fromEntries([...parsePolicy(policy, SITE)].map(([name, sources]) => [name, sources.map((s) => s.text)]))
}

describe('parsePolicy', () => {
  it('splits directives and sources, lower-casing directive names', () => {
    expect(texts("Default-Src 'self';  script-src 'self' cdn.example.com ;img-src *")).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", 'cdn.example.com'],
      'img-src': ['*']
    })
  })

  it('keeps the first of a repeated directive, as browsers do', () => {
    expect(texts("script-src 'self'; script-src *")).toEqual({ 'script-src': ["'self'"] })
  })

  it('takes a computed source for a possible nonce', () => {
    const [source] = parsePolicy("script-src 'nonce-<computed>'", SITE).get('script-src') ?? []
    expect(source?.nonce).toBe(true)
    expect(parsePolicy("script-src 'self'", SITE).get('script-src')?.[0]?.nonce).toBe(false)
  })
})
