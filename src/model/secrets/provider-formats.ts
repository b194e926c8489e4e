import { redact, TOKEN_FORMATS } from '../../common/secret-names.js'

/** The header of a PEM private key; the body after it must look like base64 for it to be a key. */
const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----/g
const KEY_BODY = /^[\s\\n"'+]*(?:[A-Za-z0-9+/=]{16,}[\s\\n"'+]*){2,}/
/** AWS's own documentation key and other published examples. */
const DOC_EXAMPLE = /EXAMPLE|XXXXXXXX|0{16}/

export interface FormatMatch {
  /** Offset of the match in the text. */
  index: number
  messageId: 'provider-format' | 'private-key'
  message: string
}

/** Provider-format credentials and private keys in a text (a string literal, a key file). */
export function findProviderSecrets(text: string): FormatMatch[] {
  const found: FormatMatch[] = []
  for (const format of TOKEN_FORMATS) {
    for (const match of text.matchAll(format.pattern)) {
      if (DOC_EXAMPLE.test(match[0])) continue
      found.push({
        index: match.index ?? 0,
        messageId: 'provider-format',
        message: `hardcoded ${format.name} (${redact(match[0])}): ${format.revoke}, then load it from the environment or a secret manager`
      })
    }
  }
  for (const match of text.matchAll(PRIVATE_KEY)) {
    const end = (match.index ?? 0) + match[0].length
    if (!KEY_BODY.test(text.slice(end, end + 400))) continue
    const kind = (match[1] ?? '').trim()
    found.push({
      index: match.index ?? 0,
      messageId: 'private-key',
      message: `hardcoded ${kind ? `${kind} ` : ''}private key: replace the key pair (treat it as leaked) and mount the new key from a secret store at run time`
    })
  }
  return found.sort((a, b) => a.index - b.index)
}

/** The 1-based line of an offset in a text. */
export function lineAt(text: string, index: number, firstLine = 1): number {
  let line = firstLine
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1
  return line
}
