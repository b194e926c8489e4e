/**
 * Escapes text from the scanned repository (paths, names, messages that quote code) for Markdown
 * and HTML: everything but plain word characters becomes a numeric character reference, which
 * GitHub shows as the character and never reads as syntax (no links, tables, HTML or emphasis).
 * `@` (and `#` before a digit) also gets a zero-width space so no one is mentioned and no issue
 * referenced, and lines collapse into one. Invisible format characters (bidi overrides such as
 * U+202E, zero-width characters, Unicode tags) show as U+FFFD, so a name cannot read as another.
 */
export function escapeMarkdown(text: string, maxLength = 500, inCode = false): string {
  const flat = text.replace(/\s+/g, ' ')
  const clipped = [...flat].length > maxLength ? `${[...flat].slice(0, maxLength - 1).join('')}…` : flat
  const chars = [...clipped]
  let out = ''
  chars.forEach((ch, i) => {
    if (/[A-Za-z0-9 ,.;:'()/=-]/.test(ch)) out += ch
    else if (ch === '@') out += inCode ? '&#64;' : '&#64;&#8203;'
    // `#123` would link (and notify) issue 123, as `@name` mentions: a zero-width space after `#` too.
    else if (ch === '#' && !inCode && /\d/.test(chars[i + 1] ?? '')) out += '&#35;&#8203;'
    else if (/\p{Cf}/u.test(ch)) out += '&#65533;'
    else out += `&#${ch.codePointAt(0)};`
  })
  return out
}

/** Repository text as inline code; GitHub links no mentions inside code, so `@` stays copyable. */
export function code(text: string, maxLength = 200): string {
  return `<code>${escapeMarkdown(text, maxLength, true)}</code>`
}

/** Message text with `code` spans shown as code; every part escaped. */
export function escapeMessage(text: string): string {
  return text
    .trim()
    .split('`')
    .map((part, i) => (i % 2 === 1 && part !== '' ? code(part) : escapeMarkdown(part, 500)))
    .join('')
}

/** `%XX` for one ASCII character; encodeURIComponent leaves `(`, `)` and `'` as they are. */
function percentEncode(ch: string): string {
  return `%${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')}`
}

/**
 * A URL from outside (an advisory link) is only used when it is a plain https URL, with every
 * character that could end the Markdown link (`)`, `\`), start a code span or split a table cell
 * percent-encoded.
 */
export function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' ? parsed.href.replace(/[()<>"'`|\\\s]/g, percentEncode) : undefined
  } catch {
    return undefined
  }
}

export function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text
}

/**
 * A fenced code block whose fence is longer than any backtick run in the code, so nothing inside
 * can close it early. Code inside is shown verbatim (no escaping is possible there): only for text
 * we wrote, such as the example fixes of our rule docs, never for repository text.
 */
export function fencedCode(lang: string, text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${lang.replace(/[^A-Za-z0-9+-]/g, '')}\n${text}\n${fence}`
}
