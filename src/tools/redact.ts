/**
 * What a tool prints can reach the report, and from there a public PR comment. A repository's
 * `.npmrc` may expand `${ENV}` into a registry URL, so npm's error text can carry any variable of
 * its environment: tool output is redacted before anything reads it.
 */

import { isCredentialVariable, TOKEN_FORMATS } from '../common/secret-names.js'

/** Shorter values (`true`, `1`, `off`) are settings, and replacing them would garble the text. */
const MIN_SECRET_LENGTH = 8
export const REDACTED = '***'

/** Values of the credential-named variables of the environments given, longest first. */
export function secretValues(...envs: Array<NodeJS.ProcessEnv | undefined>): string[] {
  const values = new Set<string>()
  for (const env of envs) {
    for (const [name, value] of Object.entries(env ?? {})) {
      if (value !== undefined && value.trim().length >= MIN_SECRET_LENGTH && isCredentialVariable(name)) values.add(value.trim())
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
  for (const { redactPattern } of TOKEN_FORMATS) if (redactPattern) out = out.replace(redactPattern, REDACTED)
  return out
}
