/**
 * Escapes text from the scanned repository (paths, names, messages that quote code) for Markdown
 * and HTML: everything but plain word characters becomes a numeric character reference, which
 * GitHub shows as the character and never reads as syntax (no links, tables, HTML or emphasis).
 * `@` also gets a zero-width space so no one is mentioned, and lines collapse into one.
 */
export function escapeMarkdown(text: string, maxLength = 500): string {
  const flat = text.replace(/\s+/g, ' ')
  const clipped = [...flat].length > maxLength ? `${[...flat].slice(0, maxLength - 1).join('')}…` : flat
  let out = ''
  for (const ch of clipped) {
    if (/[A-Za-z0-9 ,.;:'()/=-]/.test(ch)) out += ch
    else if (ch === '@') out += '&#64;&#8203;'
    else out += `&#${ch.codePointAt(0)};`
  }
  return out
}

/** Message text with `code` spans shown as code; every part escaped. */
export function escapeMessage(text: string): string {
  return text
    .trim()
    .split('`')
    .map((part, i) => (i % 2 === 1 && part !== '' ? `<code>${escapeMarkdown(part, 200)}</code>` : escapeMarkdown(part, 500)))
    .join('')
}

/** A URL from outside (an advisory link) is only used when it is a plain https URL. */
export function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' ? parsed.href.replace(/[()<>"'\s]/g, encodeURIComponent) : undefined
  } catch {
    return undefined
  }
}

export function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text
}
