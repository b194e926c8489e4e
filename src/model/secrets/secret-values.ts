/**
 * Whether a literal assigned to a secret-looking name is a secret rather than a placeholder, a
 * label or a reference to one. Kept narrow on purpose: njsscan's `.*pass.*` rules flagged every
 * `password: 'Password is required'`; these checks keep such values quiet.
 */

import { isSecretName } from '../../common/secret-names.js'

/** Values that stand for a secret in docs, templates and forms rather than being one. */
const PLACEHOLDER = new RegExp(
  '^(?:' +
    [
      '<[^>]*>',
      '\\[[^\\]]*\\]',
      '\\{\\{[^}]*\\}\\}',
      '\\$\\{[^}]*\\}',
      '\\$[A-Za-z_][A-Za-z0-9_]*',
      '%[A-Za-z_]+%',
      'x+',
      '\\*+',
      '\\.+',
      '-+',
      '_+',
      '#+',
      '0+',
      '1234(?:5(?:6(?:78?)?)?)?',
      'your[-_ ]?\\w*',
      'my[-_]?(?:secret|password|token|key)\\w*',
      'change[-_ ]?(?:me|it|this)\\w*',
      'replace[-_ ]?me\\w*',
      'placeholder',
      'example',
      'sample',
      'dummy',
      'fake',
      'test',
      'testing',
      'todo',
      'tbd',
      'none',
      'null',
      'undefined',
      'nil',
      'secret',
      'password',
      'passwd',
      'pass',
      'pwd',
      'token',
      'key',
      'apikey',
      'api[-_]key',
      'default',
      'required',
      'optional',
      'string',
      'hidden',
      'text',
      'current-password',
      'new-password',
      'bearer',
      'basic',
      'true',
      'false'
    ].join('|') +
    ')$',
  'i'
)

/**
 * A value a program uses to refer to a secret, not the secret: `'JWT_SECRET'`, `'auth.password'`,
 * `'db:password'` (nconf), `'x-api-key'`, a column or field named like one (`'api_token'`), a path.
 */
function isReference(value: string): boolean {
  return (
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) || // an environment variable's name
    /^[a-z][a-zA-Z_]*(?:[.:][a-zA-Z_]+)+$/.test(value) || // an i18n or config key path
    (/^[a-z]+(?:_[a-z]+)+$/.test(value) && isSecretName(value)) || // a snake_case column, table or field name
    /^[A-Za-z]+(?:-[A-Za-z]+)+$/.test(value) || // a header or field name
    /^(?:\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(value) ||
    /\.(?:pem|key|crt|json|txt|p12)$/i.test(value)
  ) // a path or URL
}

/** Password hashes (bcrypt, argon2, scrypt, PBKDF2, crypt's SHA): what a seed stores instead of a password. */
const PASSWORD_HASH = /^\$(?:2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|argon2(?:id|i|d)\$|scrypt\$|pbkdf2[-\w]*\$|[56]\$)/

export function isPasswordHash(value: string): boolean {
  return PASSWORD_HASH.test(value.trim())
}

/** Bits per character; random keys are high, words and repeats low. */
export function entropy(value: string): number {
  const counts = new Map<string, number>()
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let bits = 0
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length)
  return bits
}

export type Strength = 'sink' | 'account' | 'name'

/**
 * `sink`: the value is used as a key or password by a known API (`jwt.sign`, a DB connection), so
 * any non-placeholder counts, `'root'` included. `account`: the password of a login record (`{ user:
 * 'admin', password: '123456' }`), where a weak digit run is the password, not a placeholder. `name`: only a secret-looking name says it is one,
 * so the value must also look like a secret: no spaces, not a capitalised word (a form label), at
 * least 6 characters with some variety.
 */
export function looksLikeSecret(value: string, strength: Strength, name?: string): boolean {
  const v = value.trim()
  if (strength === 'account' && /^\d{4,}$/.test(v) && !/^0+$/.test(v)) return true
  if (v.length < 3 || /\s/.test(v) || PLACEHOLDER.test(v) || isReference(v) || isPasswordHash(v)) return false
  // An enum of names: `RESET_PASSWORD: 'resetPassword'`, `token: 'TOKEN'`.
  const bare = (text: string): string => text.replace(/[^A-Za-z0-9]/g, '').toLowerCase()
  if (name !== undefined && bare(v) === bare(name)) return false
  if (strength !== 'name') return true
  return v.length >= 6 && !/^[A-Z]?[a-z]+$/.test(v) && entropy(v) >= 2.5
}
