import { describe, expect, it } from '@jest/globals'
import { renderComment } from '../../src/render/comment.js'
import { renderMarkdown } from '../../src/render/markdown.js'
import { expectInert } from './inert.js'
import { newOldFixedReport, nothingNewReport } from './baseline-reports.js'
import { allClearReport, auditErrorReport, failingReport } from './realistic-reports.js'
import { hostileReport, LINKS } from './sample-report.js'

// What reviewers see, pinned: a change to wording or layout shows up here as a diff to review.
// Update deliberately with `npm test -- __tests__/render/snapshots.test.ts -u`.
const REPORTS = [
  ['a failing gate with findings in every category, suppressions and allowed advisories', failingReport],
  ['an audit that could not run', auditErrorReport],
  ['an all-clear', allClearReport],
  ['a pull request compared with its base: new, fixed and old gaps', newOldFixedReport],
  ['a pull request compared with its base that adds nothing', nothingNewReport]
] as const

describe.each(REPORTS)('rendering %s', (_name, make) => {
  it('as the pull request comment', () => {
    const body = renderComment(make(), { links: LINKS, sbomArtifact: 'sbom' })
    expectInert(body)
    expect(body).toMatchSnapshot()
  })

  it('as the job summary', () => {
    const markdown = renderMarkdown(make())
    expectInert(markdown)
    expect(markdown).toMatchSnapshot()
  })
})

describe('rendering hostile repository text', () => {
  it('keeps every new section inert too: categories, examples, expired entries', () => {
    const body = renderComment(hostileReport(), { links: LINKS })
    for (const section of ['Express (', 'Secrets (', 'Docker (', 'Proxy (', 'Project (', '2 expired']) expect(body).toContain(section)
    expectInert(body)
  })
})
