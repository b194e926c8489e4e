import { describe, expect, it } from '@jest/globals'
import { findProviderSecrets, lineAt } from '../../../src/model/secrets/provider-formats.js'
import { looksLikeSecret } from '../../../src/model/secrets/secret-values.js'

// Built at run time so that no credential-shaped string is committed in this repository.
const fake = (prefix: string, length: number, alphabet = 'A1b2C3d4E5f6G7h8J9k0'): string =>
  prefix + Array.from({ length }, (_, i) => alphabet[(i * 7) % alphabet.length]).join('')

describe('findProviderSecrets', () => {
  it.each([
    ['AWS access key id', fake('AKIA', 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')],
    ['GitHub token', fake('ghp_', 36)],
    ['GitHub fine-grained token', fake('github_pat_', 60)],
    ['Stripe live key', fake('sk_live_', 24)],
    ['Slack token', fake('xoxb-', 24)],
    ['Google API key', fake('AIza', 35)]
  ])('recognises a %s and prints it redacted', (name, token) => {
    const [match] = findProviderSecrets(`const key = "${token}"`)
    expect(match?.message).toContain(name)
    expect(match?.message).not.toContain(token.slice(4))
  })

  it('recognises a PEM private key with a body, not a certificate or a bare header', () => {
    const body = Array.from({ length: 4 }, () => fake('', 64, 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY')).join('\n')
    const key = `-----BEGIN ${'EC'} PRIVATE KEY-----\n${body}\n-----END EC PRIVATE KEY-----`
    expect(findProviderSecrets(`x\n${key}`).map((m) => lineAt(`x\n${key}`, m.index))).toEqual([2])
    expect(findProviderSecrets(`-----BEGIN CERTIFICATE-----\n${body}`)).toEqual([])
    expect(findProviderSecrets('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----')).toEqual([])
  })

  it("leaves AWS's documentation example alone", () => {
    expect(findProviderSecrets('AKIAIOSFODNN7EXAMPLE')).toEqual([])
  })
})

describe('looksLikeSecret', () => {
  it.each([
    'changeme',
    '<your-secret>',
    '${JWT_SECRET}',
    'Password is required',
    'JWT_SECRET',
    'auth.password',
    'x-api-key',
    'Passwort',
    'xxxx',
    './keys/private.pem'
  ])('keeps %p quiet', (value) => expect(looksLikeSecret(value, 'name')).toBe(false))

  it('takes short passwords at a sink and generated-looking values by name', () => {
    expect(looksLikeSecret('root', 'sink')).toBe(true)
    expect(looksLikeSecret('root', 'name')).toBe(false)
    expect(looksLikeSecret('superSecret', 'name')).toBe(true)
    expect(looksLikeSecret('resetPassword', 'name', 'RESET_PASSWORD')).toBe(false)
  })
})
