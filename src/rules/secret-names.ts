/**
 * What names a secret and how to print one: shared by every rule that reports secrets, so they
 * agree on both. Only ever print a detected secret through `redact`.
 */

/** Head words that name a secret wherever they stand last: `DB_PASSWORD`, `jwtSecret`, `NPM_TOKEN`. */
const SECRET_HEADS = new Set(['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials'])
/** Head words too short or common to stand alone (`PWD` is the working directory): only after another word. */
const QUALIFIED_HEADS = new Set(['pass', 'pwd'])
/** `<word>_KEY` is a secret for these words: `API_KEY`, `PRIVATE_KEY`, `AWS_SECRET_ACCESS_KEY`. */
const KEY_KINDS = new Set([
  'api',
  'private',
  'secret',
  'access',
  'encryption',
  'signing',
  'master',
  'auth',
  'client',
  'license',
  'session',
  'jwt',
  'hmac',
  'crypto',
  'cipher'
])
/** Single words that end in a secret head: `DBPASSWORD`, `APISECRET`. */
const COMPOUND_SUFFIXES = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'privatekey', 'secretkey', 'accesskey']

/** Splits `AWS_SECRET_ACCESS_KEY`, `jwtSecret`, `api-key.v2` into lower-case words; a trailing version is dropped. */
export function nameWords(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase())
  while (words.length > 1 && /^v?\d+$/.test(words.at(-1) ?? '')) words.pop()
  return words
}

/**
 * Does this variable, key or property name hold a secret value? Judged by its last word, so
 * `TOKEN_URL`, `PASSWORD_MIN_LENGTH`, `PASSWORD_FILE` and `AWS_ACCESS_KEY_ID` are not secrets
 * while `DB_PASSWORD`, `JWT_SECRET`, `API_KEY` and `GITHUB_TOKEN` are.
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name)
  const head = words.at(-1)
  if (head === undefined) return false
  if (SECRET_HEADS.has(head)) return true
  if (QUALIFIED_HEADS.has(head)) return words.length > 1
  if (head === 'key') return KEY_KINDS.has(words.at(-2) ?? '')
  return COMPOUND_SUFFIXES.some((suffix) => head.length > suffix.length && head.endsWith(suffix))
}

/** The password of a `scheme://user:password@host` URL, unless it is a `$VAR`/`${VAR}` reference. */
export function urlPassword(value: string): string | undefined {
  const password = value.match(/^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]+)@/i)?.[1]
  return password === undefined || password.startsWith('$') ? undefined : password
}

/** A secret as it may be printed: its first two characters when it is long enough, never the rest. */
export function redact(value: string): string {
  return value.length >= 8 ? `${value.slice(0, 2)}…` : '…'
}
