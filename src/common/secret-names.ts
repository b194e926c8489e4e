/**
 * What names a secret, what a provider's token looks like, and how to print one: shared by the
 * rules that report secrets and by the redaction of tool output, so they agree. Only ever print a
 * detected secret through `redact`.
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

/**
 * Environment variable names whose values are credentials, for redacting tool output: broader than
 * `isSecretName` (`GITHUB_TOKEN`, `INPUT_GITHUB-TOKEN`, `NODE_AUTH_TOKEN`, `npm_config__auth`),
 * since hiding a harmless value costs nothing there.
 */
const CREDENTIAL_VARIABLE = /token|secret|passw|passphrase|credential|_auth|api_?key|private_?key|access_?key/i

export function isCredentialVariable(name: string): boolean {
  return CREDENTIAL_VARIABLE.test(name)
}

/** A credential format a provider issues: recognisable wherever it is written. */
export interface TokenFormat {
  name: string
  /** What a finding reports: strict, so that a match is a real credential. */
  pattern: RegExp
  /** What tool output has replaced: looser, since a false match there costs nothing; none when not redacted. */
  redactPattern?: RegExp
  /** Where to revoke it, for the message. */
  revoke: string
}

/** In the order redaction applies them; findings are sorted by where they stand. */
export const TOKEN_FORMATS: readonly TokenFormat[] = [
  {
    name: 'GitHub token',
    pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g,
    redactPattern: /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
    revoke: 'revoke it in GitHub settings'
  },
  {
    name: 'GitHub fine-grained token',
    pattern: /\bgithub_pat_[A-Za-z0-9_]{50,}\b/g,
    redactPattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
    revoke: 'revoke it in GitHub settings'
  },
  { name: 'npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, redactPattern: /\bnpm_[A-Za-z0-9]{20,}/g, revoke: 'revoke it on npmjs.com' },
  {
    name: 'Stripe live key',
    pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{20,}\b/g,
    redactPattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{10,}/g,
    revoke: 'roll it in the Stripe dashboard'
  },
  {
    name: 'AWS access key id',
    pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
    redactPattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
    revoke: 'deactivate it in AWS IAM'
  },
  {
    name: 'Slack token',
    pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}\b/g,
    redactPattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/g,
    revoke: 'revoke it in the Slack app settings'
  },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, revoke: 'delete it in Google Cloud credentials' }
]
