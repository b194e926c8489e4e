import type { NpmrcEntry } from '../../parse/npmrc.js'
import { defineRule, type RuleFinding } from '../rule.js'
import type { ScanContext } from '../../scan/context.js'
import { redact } from '../../common/secret-names.js'
import { findProviderSecrets, lineAt } from '../../model/secrets/provider-formats.js'
import { findSourceSecrets } from '../../model/secrets/source-secrets.js'
import { entropy, looksLikeSecret } from '../../model/secrets/secret-values.js'
import { posix } from 'node:path'

/** One place secrets hide; the rule runs every checker. */
type SecretChecker = (context: ScanContext) => RuleFinding[]

/** `_authToken`, `_auth` (base64 user:password) and `_password`, bare or scoped to a registry (`//host/:_authToken`). */
const NPMRC_CREDENTIAL = /^(?:(\/\/.*):)?(_authToken|_auth|_password)$/
/** Values that stand for a secret in docs and templates rather than being one. */
const PLACEHOLDER = /^(?:<[^>]*>|x+|\*+|\.+|your[-_ ]?\w*|changeme|placeholder|token|secret)$/i

/** A literal value, not a `${NPM_TOKEN}` reference that npm expands from the environment. */
function isLiteral(value: string): boolean {
  return value !== '' && !value.includes('${') && !PLACEHOLDER.test(value)
}

function npmrcFinding(path: string, entry: NpmrcEntry): RuleFinding | undefined {
  const match = NPMRC_CREDENTIAL.exec(entry.key)
  if (!match || !isLiteral(entry.value)) return undefined
  const [, registry = '', field = ''] = match
  const scope = registry ? ` for ${registry}` : ''
  return {
    file: path,
    line: entry.line,
    messageId: 'npmrc-credential',
    message: `\`.npmrc\` holds a literal \`${field}\`${scope} (${redact(entry.value)}): revoke it, and read it from the environment instead, e.g. \`${registry || '//registry.npmjs.org/'}:_authToken=\${NPM_TOKEN}\``
  }
}

const npmrcCredentials: SecretChecker = ({ npmrcs }) =>
  npmrcs.flatMap(({ path, entries }) => entries.flatMap((entry) => npmrcFinding(path, entry) ?? []))

/**
 * A key-named file (`jwt.key`, `master.key`, `id_ed25519`) holding one random-looking value rather
 * than a PEM block: a raw symmetric key or token. Certificates and public keys carry a `-----BEGIN`
 * header and are left to the PEM check; `*.pem` files are always PEM.
 */
function rawKeyFinding(path: string, text: string): RuleFinding | undefined {
  // PEM blocks, and OpenSSH public keys (`ssh-ed25519 AAAA... user@host`) under a private key's name.
  if (path.endsWith('.pem') || text.includes('-----BEGIN') || /^\s*(?:ssh|ecdsa|sk)-[\w@.-]+\s+AAAA/m.test(text)) return undefined
  const lines = text.split(/\r?\n/)
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  const compact = lines
    .filter((l) => !l.trim().startsWith('#'))
    .join('')
    .replace(/\s+/g, '')
  if (compact.length < 16 || compact.length > 8192 || !/^[A-Za-z0-9+/=_.:-]+$/.test(compact)) return undefined
  if (entropy(compact) < 3 || !looksLikeSecret(compact, 'name')) return undefined
  return {
    file: path,
    line: first + 1,
    messageId: 'key-file',
    message: `\`${posix.basename(path)}\` holds a random-looking key (${redact(compact)}) in the repository: rotate it, remove the file from the repository and its history, and mount the key from a secret store at run time`
  }
}

/** Private keys and provider-format credentials in key files (`server.key`, `*.pem`, `id_rsa`), or a raw random key. */
const keyFileSecrets: SecretChecker = ({ keyFiles }) =>
  keyFiles.flatMap(({ path, text }): RuleFinding[] => {
    const found: RuleFinding[] = findProviderSecrets(text).map((m) => ({
      file: path,
      line: lineAt(text, m.index),
      messageId: m.messageId,
      message: m.message
    }))
    const raw = found.length > 0 ? undefined : rawKeyFinding(path, text)
    return raw ? [raw] : found
  })

/** Source code: provider formats, URLs with passwords, `jwt.sign` keys, secret-looking names (session secrets excepted). */
const sourceSecrets: SecretChecker = ({ express }) => findSourceSecrets(express)

const CHECKERS: readonly SecretChecker[] = [npmrcCredentials, keyFileSecrets, sourceSecrets]

/** One finding per line: a provider key assigned to `API_KEY` is one secret, not two. */
function onePerLine(findings: RuleFinding[]): RuleFinding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = `${f.file}:${f.line ?? ''}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
}

export default defineRule({
  meta: {
    id: 'hardcoded-secret',
    severity: 'high',
    category: 'secrets',
    description:
      'A secret-looking literal (password, token, key, private key, provider key format) is committed in source or config; it is reported redacted.',
    fix: 'revoke the secret and read it from the environment or a secret manager',
    cwe: 'CWE-798',
    messages: {
      'npmrc-credential': 'an .npmrc holds a literal _authToken, _auth or _password',
      'provider-format': 'a string or key file holds a credential in a known provider format (AWS, GitHub, Stripe...)',
      'private-key': 'a string or key file holds a PEM private key',
      'key-file': 'a key-named file (`*.key`, `id_ed25519`) holds a random-looking raw key rather than a PEM block',
      'url-password': 'a connection URL in a string holds a literal password',
      'sink-key': 'a literal key or password is passed to jwt.sign/verify, crypto.createHmac/Cipheriv or new Sequelize',
      'secret-name':
        'a secret-looking name (variable, property, assignment) or a key option such as secretOrKey is given a secret-looking literal',
      'env-fallback': 'a secret-looking name falls back to a literal when its process.env variable is unset'
    }
  },
  needs: 'source',
  check(context) {
    return onePerLine(CHECKERS.flatMap((checker) => checker(context)))
  }
})
