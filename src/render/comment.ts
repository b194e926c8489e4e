import type { Report } from '../report.js'
import { renderMarkdown, type DetailLevel, type MarkdownOptions } from './markdown.js'

/** GitHub rejects issue comments longer than this many characters. */
export const COMMENT_LIMIT = 65_536
const MARGIN = 1_000
/** The comment lists the worst advisories; the job summary and the JSON report list them all. */
export const COMMENT_ADVISORIES = 10

/** The hidden marker that finds our comment again; one per working directory (monorepos). */
export function commentMarker(root: string): string {
  // Percent-encoding keeps distinct roots distinct and leaves no `-` to close the HTML comment.
  const safe = root.replace(/[^A-Za-z0-9._/]/g, (ch) => encodeURIComponent(ch).replace(/-/g, '%2D'))
  return `<!-- express-hardening-gate:${safe} -->`
}

/**
 * The sticky comment: marker first, then the report's Markdown. When it would not fit, the
 * per-category details list fewer findings, then go; only then do tables keep fewer rows, and
 * say that the job summary holds everything.
 */
export function renderComment(report: Report, options: MarkdownOptions = {}): string {
  const marker = commentMarker(report.root)
  const hint = options.fullListHint ?? 'see the job summary or the JSON report for the full list'
  const render = (details: DetailLevel, maxRows: number | undefined): string =>
    `${marker}\n${renderMarkdown(report, { maxAdvisories: COMMENT_ADVISORIES, ...options, details, maxRows, fullListHint: hint })}\n`
  const fits = (body: string): boolean => [...body].length <= COMMENT_LIMIT - MARGIN
  const levels: DetailLevel[] =
    options.details === undefined || options.details === 'full' ? ['full', 'brief', 'none'] : [options.details, 'none']
  for (const details of levels) {
    const body = render(details, options.maxRows)
    if (fits(body)) return body
  }
  let maxRows: number | undefined = options.maxRows
  for (;;) {
    const rows = Math.max(report.findings.length, report.audit.advisories.length, report.expiredSuppressions?.length ?? 0)
    maxRows = maxRows === undefined ? Math.min(rows, 200) : Math.floor(maxRows / 2)
    if (maxRows < 1) {
      return `${marker}\n## ${report.passed ? '✅ Hardening gate passed' : '❌ Hardening gate failed'}\n\nThe details are too long for a comment: see the job summary or the JSON report.\n`
    }
    const body = render('none', maxRows)
    if (fits(body)) return body
  }
}
