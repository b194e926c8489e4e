/**
 * What a tool prints can reach the report, and from there a public PR comment. A repository's
 * `.npmrc` may expand `${ENV}` into a registry URL, so npm's error text can carry any variable of
 * its environment: tool output is redacted before anything reads it.
 */

/** Variable names whose values are credentials: `GITHUB_TOKEN`, `INPUT_GITHUB-TOKEN`, `NODE_AUTH_TOKEN`, `npm_config__auth`. */
const SECRET_NAME = /token|secret|passw|passphrase|credential|_auth|api_?key|private_?key|access_?key/i
/** Shorter values (`true`, `1`, `off`) are settings, and replacing them would garble the text. */
const MIN_SECRET_LENGTH = 8
export const REDACTED = '***'

/** Credentials that look the same wherever they are printed. */
const TOKEN_FORMATS: readonly RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bnpm_[A-Za-z0-9]{20,}/g,
  /\b(?:sk|rk)_live_[A-Za-z0-9]{10,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bxox[baprs]-[A-Za-z0-9-]{10,}/g
]

/** Values of the credential-named variables of the environments given, longest first. */
export function secretValues(...envs: Array<NodeJS.ProcessEnv | undefined>): string[] {
  const values = new Set<string>()
  for (const env of envs) {
    for (const [name, value] of Object.entries(env ?? {})) {
      if (value !== undefined && value.trim().length >= MIN_SECRET_LENGTH && SECRET_NAME.test(name)) values.add(value.trim())
    }
  }
  return [...values].sort((a, b) => b.length - a.length)
}

/** The text with known secret values, URL passwords, `.npmrc` auth values and token formats replaced. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
  for (const secret of secrets) {
    out = out.split(secret).join(REDACTED)
    // npm prints URLs percent-encoded.
    const encoded = encodeURIComponent(secret)
    if (encoded !== secret) out = out.split(encoded).join(REDACTED)
  }
  out = out
    // A scheme of at most 32 characters: unbounded, `[a-z0-9+.-]*` backtracks quadratically over a long `a.b.c...` run.
    .replace(/\b([a-z][a-z0-9+.-]{0,31}:\/\/[^\s/:@]*):[^\s/@]+@/gi, `$1:${REDACTED}@`)
    .replace(/(_authToken|_auth|_password)(["']?\s*[=:]\s*["']?)[^\s"',;]+/gi, `$1$2${REDACTED}`)
  for (const format of TOKEN_FORMATS) out = out.replace(format, REDACTED)
  return out
}
