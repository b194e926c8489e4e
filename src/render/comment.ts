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

/** Our own link destinations into this repository: a file at a commit, or a workflow run (and its attempt). */
const VOLATILE_LINK = /\]\((https:\/\/[^)\s]*?)\/(?:blob\/[0-9a-f]{40,64}\/|actions\/runs\/\d+(?:\/attempts?\/\d+)?(?=[)/#?]))/g
/** The footer (`<sub>`), where the steps' durations are. */
const FOOTER = /^<sub>.*<\/sub>$/gm
const DURATION = /\b\d+(?:\.\d+)? ?(?:ms|s|min)\b/g
/** The SBOM artifact's name carries the run attempt (or the job's backend id after a name clash). */
const ARTIFACT = / · artifact <code>[^<]*<\/code>/g

/**
 * The comment as it reads, without what changes on every run though nothing changed: the commit
 * and run our links point at, the steps' durations, the per-attempt SBOM artifact name. Repository
 * text cannot produce these spots: escaped, it holds no `](`, `<sub>` or `<code>`.
 */
export function comparableComment(body: string): string {
  return body
    .replace(/\r\n/g, '\n')
    .replace(VOLATILE_LINK, (_m, base: string) => `](${base}/…/`)
    .replace(FOOTER, (line) => line.replace(DURATION, '… s'))
    .replace(ARTIFACT, ' · artifact')
}

/** Whether a comment already says what `next` would: then a rerun leaves it alone. */
export function sameComment(existing: string, next: string): boolean {
  return existing === next || comparableComment(existing) === comparableComment(next)
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
