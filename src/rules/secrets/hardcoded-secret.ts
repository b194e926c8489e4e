import type { NpmrcEntry } from '../../parse/npmrc.js'
import { defineRule, type RuleFinding } from '../rule.js'
import type { ScanContext } from '../../scan/context.js'
import { redact } from '../../common/secret-names.js'
import { findProviderSecrets, lineAt } from '../../model/secrets/provider-formats.js'
import { findSourceSecrets } from '../../model/secrets/source-secrets.js'

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

/** Private keys and provider-format credentials in key files (`server.key`, `*.pem`, `id_rsa`). */
const keyFileSecrets: SecretChecker = ({ keyFiles }) =>
  keyFiles.flatMap(({ path, text }) =>
    findProviderSecrets(text).map((m) => ({ file: path, line: lineAt(text, m.index), messageId: m.messageId, message: m.message }))
  )

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
