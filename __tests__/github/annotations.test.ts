import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/findings/finding.js'
import type { Severity } from '../../src/common/severity.js'
import {
  annotateFindings,
  annotationLimits,
  annotationMessage,
  fetchPullFiles,
  moreFindingsLine,
  planAnnotations,
  type Annotation,
  type AnnotationOutput
} from '../../src/github/annotations.js'
import {
  changedLinesOf,
  isChanged,
  listPullFiles,
  parseAddedLines,
  pullFilesSource,
  type PullFile,
  type PullFilesSource
} from '../../src/github/changed-lines.js'
import type { Report } from '../../src/report.js'
import { startFakeGitHub, type FakeGitHub, type FakePullFile } from '../helpers/github-server.js'
import { loopbackActionOctokit } from '../helpers/octokit.js'
import { joinRepositoryPath } from '../../src/common/repository-path.js'

const octokit = loopbackActionOctokit()

function finding(file: string, line: number | null, severity: Severity = 'high', extra: Partial<Finding> = {}): Finding {
  return {
    rule: 'helmet-missing',
    severity,
    file,
    line,
    column: line === null ? null : 1,
    message: 'no helmet',
    fingerprint: `fp-${file}-${line}`,
    suppressed: false,
    ...extra
  }
}

function makeReport(findings: Finding[], root = '.'): Report {
  return {
    version: 1,
    tool: { name: 'express-hardening-gate', version: '0.1.0' },
    root,
    passed: false,
    reasons: [],
    warnings: [],
    thresholds: { audit: 'high', findings: 'high' },
    findings,
    audit: { status: 'skipped', counts: { low: 0, moderate: 0, high: 0, critical: 0 }, advisories: [] },
    sbom: { status: 'skipped' },
    steps: [],
    notes: []
  }
}

/** A patch that adds the given new-side lines as one-line hunks. */
function patchAdding(lines: number[]): string {
  return lines.map((n) => `@@ -${n},0 +${n} @@\n+added line ${n}`).join('\n')
}

interface Recorded {
  kind: string
  message: string
  properties?: Annotation['properties']
}

function recorder(): { out: AnnotationOutput; calls: Recorded[] } {
  const calls: Recorded[] = []
  return {
    calls,
    out: {
      error: (message, properties) => calls.push({ kind: 'error', message, properties }),
      warning: (message, properties) => calls.push({ kind: 'warning', message, properties }),
      notice: (message) => calls.push({ kind: 'notice', message }),
      info: (message) => calls.push({ kind: 'info', message })
    }
  }
}

const NO_RESERVE = { reportPath: 'hardening-report.json', reserved: { error: 0, warning: 0 } }
const LIMITS = { error: 10, warning: 10 }
const filesSource = (files: PullFile[]): PullFilesSource => ({ listFiles: async () => files })

describe('parseAddedLines', () => {
  it('reads added lines on the new side and skips context and removed lines', () => {
    const patch = [
      "@@ -8,6 +8,8 @@ const usersRouter = require('./routes/users')",
      ' ',
      ' // No helmet: no security headers at all.',
      '-const app = express()',
      '+const app = express()',
      "+app.set('trust proxy', true)",
      ' ',
      '+// sessions',
      " app.use(session({ secret: 'keyboard cat' }))",
      ' '
    ].join('\n')
    expect([...parseAddedLines(patch)]).toEqual([10, 11, 13])
  })

  it('follows several hunks, each from its own start line', () => {
    const patch = '@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -40,3 +41,2 @@ function f() {\n x\n-y\n z\n@@ -90 +89 @@\n-old\n+new'
    expect([...parseAddedLines(patch)]).toEqual([2, 89])
  })

  it('reads a new file (`@@ -0,0 +1,n @@`) and a hunk without counts', () => {
    expect([...parseAddedLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c')]).toEqual([1, 2, 3])
    expect([...parseAddedLines('@@ -5 +5 @@\n-a\n+b')]).toEqual([5])
  })

  it('finds nothing in a hunk that only removes lines', () => {
    expect(parseAddedLines('@@ -5,2 +4,0 @@\n-a\n-b').size).toBe(0)
  })

  it('ignores file headers and "\\ No newline at end of file"', () => {
    const patch =
      'diff --git a/x.js b/x.js\n--- a/x.js\n+++ b/x.js\n@@ -1,1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n\\ No newline at end of file'
    expect([...parseAddedLines(patch)]).toEqual([1, 2])
  })

  it('counts an added line that itself starts with "++" or "@@" as content', () => {
    expect([...parseAddedLines('@@ -1,1 +1,3 @@\n a\n+++x\n+@@ -9 +9 @@')]).toEqual([2, 3])
  })

  it('treats an empty line inside a hunk as context (a stripped trailing space)', () => {
    expect([...parseAddedLines('@@ -1,3 +1,4 @@\n a\n\n+b\n c\n')]).toEqual([3])
  })

  it('gives nothing for an empty patch', () => {
    expect(parseAddedLines('').size).toBe(0)
  })
})

describe('changedLinesOf and isChanged', () => {
  const changed = changedLinesOf([
    { filename: 'src/app.js', status: 'modified', patch: patchAdding([10, 12]) },
    { filename: 'logo.png', status: 'added' },
    { filename: 'src/big.js', status: 'modified', patch: null },
    { filename: 'src/old.js', status: 'removed', patch: '@@ -1,1 +0,0 @@\n-a' }
  ])

  it('counts a line only when it was added or modified', () => {
    expect(isChanged(changed, 'src/app.js', 10)).toBe(true)
    expect(isChanged(changed, 'src/app.js', 11)).toBe(false)
    expect(isChanged(changed, 'src/other.js', 10)).toBe(false)
  })

  it('counts a project-wide finding (no line) when its file changed', () => {
    expect(isChanged(changed, 'src/app.js', null)).toBe(true)
    expect(isChanged(changed, 'package.json', null)).toBe(false)
  })

  it('counts every line of a file without a patch (binary, too large)', () => {
    expect(isChanged(changed, 'src/big.js', 4000)).toBe(true)
    expect(isChanged(changed, 'logo.png', 1)).toBe(true)
  })

  it('leaves removed files out', () => {
    expect(changed.has('src/old.js')).toBe(false)
  })
})

describe('joinRepositoryPath', () => {
  it('prefixes the working directory unless it is the root', () => {
    expect(joinRepositoryPath('.', 'src/app.js')).toBe('src/app.js')
    expect(joinRepositoryPath('services/api', 'src/app.js')).toBe('services/api/src/app.js')
  })
})

describe('annotationMessage', () => {
  it('keeps a message on one line', () => {
    expect(annotationMessage('first line\r\n   second line\n\nthird ')).toBe('first line second line third')
  })

  it('cuts a long message to 1,000 characters, never inside a surrogate pair', () => {
    const cut = annotationMessage('x'.repeat(2000))
    expect(cut).toHaveLength(1000)
    expect(cut.endsWith('…')).toBe(true)
    const emoji = annotationMessage(`${'x'.repeat(998)}😀${'y'.repeat(10)}`)
    expect(emoji.length).toBeLessThanOrEqual(1000)
    expect(emoji).toBe(`${'x'.repeat(998)}…`)
    expect(annotationMessage('x'.repeat(1000))).toBe('x'.repeat(1000))
  })

  it('leaves escaping to @actions/core', () => {
    expect(annotationMessage('100% sure: a,b')).toBe('100% sure: a,b')
  })
})

describe('planAnnotations', () => {
  it('annotates findings on changed lines: high and critical as errors, moderate and low as warnings', () => {
    const report = makeReport([
      finding('src/app.js', 10, 'high'),
      finding('src/app.js', 11, 'critical', { rule: 'hardcoded-secret' }),
      finding('src/app.js', 12, 'moderate', { rule: 'cors-permissive' }),
      finding('src/app.js', 13, 'low', { rule: 'x-powered-by' }),
      finding('src/app.js', 20, 'high', { rule: 'error-leak' })
    ])
    const plan = planAnnotations(report, changedLinesOf([{ filename: 'src/app.js', patch: patchAdding([10, 11, 12, 13]) }]), LIMITS)
    expect(plan.annotations.map((a) => [a.level, a.properties.title, a.properties.startLine])).toEqual([
      ['error', 'hardcoded-secret', 11],
      ['error', 'helmet-missing', 10],
      ['warning', 'cors-permissive', 12],
      ['warning', 'x-powered-by', 13]
    ])
    expect(plan).toMatchObject({ omitted: 0, changed: 4 })
  })

  it('uses repository-root paths and leaves the line out for project-wide findings', () => {
    const report = makeReport(
      [finding('src/app.js', 10), finding('src/app.js', null, 'moderate', { rule: 'rate-limit-missing', message: 'no limiter' })],
      'services/api'
    )
    const plan = planAnnotations(report, changedLinesOf([{ filename: 'services/api/src/app.js', patch: patchAdding([10]) }]), LIMITS)
    expect(plan.annotations).toEqual([
      { level: 'error', message: 'no helmet', properties: { title: 'helmet-missing', file: 'services/api/src/app.js', startLine: 10 } },
      { level: 'warning', message: 'no limiter', properties: { title: 'rate-limit-missing', file: 'services/api/src/app.js' } }
    ])
  })

  it('never annotates a suppressed finding', () => {
    const report = makeReport([finding('src/app.js', 10, 'high', { suppressed: true, suppression: { source: 'inline', reason: 'ok' } })])
    const plan = planAnnotations(report, changedLinesOf([{ filename: 'src/app.js' }]), LIMITS)
    expect(plan).toEqual({ annotations: [], omitted: 0, changed: 0 })
  })

  it('keeps the most severe within each limit and counts the rest', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('a.js', i + 1, i < 3 ? 'critical' : 'high')),
      ...Array.from({ length: 4 }, (_, i) => finding('b.js', i + 1, i === 3 ? 'moderate' : 'low', { rule: 'x-powered-by' }))
    ]
    const plan = planAnnotations(makeReport(findings.reverse()), changedLinesOf([{ filename: 'a.js' }, { filename: 'b.js' }]), {
      error: 9,
      warning: 2
    })
    const errors = plan.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(9)
    expect(errors.slice(0, 3).map((a) => a.properties.startLine)).toEqual([1, 2, 3])
    expect(errors.map((a) => a.properties.startLine)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(plan.annotations.filter((a) => a.level === 'warning').map((a) => a.properties.startLine)).toEqual([4, 1])
    expect(plan).toMatchObject({ omitted: 5, changed: 16 })
  })
})

describe('annotationLimits and moreFindingsLine', () => {
  it('leaves the step its own slots, never below zero', () => {
    expect(annotationLimits({ error: 1, warning: 0 })).toEqual({ error: 9, warning: 10 })
    expect(annotationLimits({ error: 0, warning: 14 })).toEqual({ error: 10, warning: 0 })
  })

  it('says how many more there are and where to read them', () => {
    expect(moreFindingsLine(5, 'services/api/hardening-report.json')).toBe(
      '5 more findings on changed lines are not annotated (GitHub shows about 10 annotations of each level per step): see the job summary and the JSON report (services/api/hardening-report.json)'
    )
    expect(moreFindingsLine(1, '')).toMatch(/^1 more finding on changed lines is not annotated .*: see the job summary$/)
  })
})

describe('annotateFindings', () => {
  const report = makeReport([
    finding('src/app.js', 10),
    finding('Dockerfile', 1, 'moderate', { rule: 'docker-node-env', message: 'no NODE_ENV\nset' })
  ])

  it('emits the annotations through core-like calls and an info line', async () => {
    const { out, calls } = recorder()
    await annotateFindings(
      report,
      filesSource([{ filename: 'src/app.js', patch: patchAdding([10]) }, { filename: 'Dockerfile' }]),
      NO_RESERVE,
      out
    )
    expect(calls).toEqual([
      { kind: 'error', message: 'no helmet', properties: { title: 'helmet-missing', file: 'src/app.js', startLine: 10 } },
      { kind: 'warning', message: 'no NODE_ENV set', properties: { title: 'docker-node-env', file: 'Dockerfile', startLine: 1 } },
      { kind: 'info', message: 'annotated 2 of 2 findings on changed lines (2 findings in all)' }
    ])
  })

  it('adds one notice when more findings exist than fit', async () => {
    const many = makeReport(Array.from({ length: 14 }, (_, i) => finding('src/app.js', i + 1)))
    const { out, calls } = recorder()
    await annotateFindings(
      many,
      filesSource([{ filename: 'src/app.js' }]),
      { reportPath: 'hardening-report.json', reserved: { error: 1, warning: 1 } },
      out
    )
    expect(calls.filter((c) => c.kind === 'error')).toHaveLength(9)
    expect(calls.filter((c) => c.kind === 'notice').map((c) => c.message)).toEqual([moreFindingsLine(5, 'hardening-report.json')])
  })

  it('says in one notice why nothing was annotated, and annotates nothing', async () => {
    const { out, calls } = recorder()
    await annotateFindings(report, { unavailable: 'not a pull_request event' }, NO_RESERVE, out)
    expect(calls).toEqual([
      {
        kind: 'notice',
        message: 'no annotations on changed lines: not a pull_request event; every finding is in the job summary and the JSON report'
      }
    ])
  })

  it('turns an API failure into one notice instead of an error', async () => {
    const { out, calls } = recorder()
    const failing: PullFilesSource = { listFiles: async () => Promise.reject(Object.assign(new Error('Not Found\nmore'), { status: 404 })) }
    await expect(annotateFindings(report, failing, { reportPath: '', reserved: { error: 0, warning: 0 } }, out)).resolves.toBeUndefined()
    expect(calls).toEqual([
      {
        kind: 'notice',
        message:
          "no annotations on changed lines: could not list the pull request's files (HTTP 404: Not Found); every finding is in the job summary"
      }
    ])
  })

  it('annotates from files listed once beforehand, and fetchPullFiles turns a failure into the same notice', async () => {
    const fetched = await fetchPullFiles(filesSource([{ filename: 'src/app.js', patch: patchAdding([10]) }]))
    const { out, calls } = recorder()
    await annotateFindings(report, fetched, NO_RESERVE, out)
    expect(calls.map((c) => c.kind)).toEqual(['error', 'info'])

    const failing: PullFilesSource = { listFiles: async () => Promise.reject(Object.assign(new Error('Forbidden'), { status: 403 })) }
    const failed = await fetchPullFiles(failing)
    expect(failed).toEqual({ unavailable: "could not list the pull request's files (HTTP 403: Forbidden)" })
    const notice = recorder()
    await annotateFindings(report, failed, NO_RESERVE, notice.out)
    expect(notice.calls).toEqual([
      {
        kind: 'notice',
        message:
          "no annotations on changed lines: could not list the pull request's files (HTTP 403: Forbidden); every finding is in the job summary and the JSON report"
      }
    ])
  })

  it('asks nothing and says nothing when there are no open findings', async () => {
    const { out, calls } = recorder()
    let asked = 0
    const source: PullFilesSource = {
      listFiles: async () => {
        asked += 1
        return []
      }
    }
    await annotateFindings(makeReport([finding('a.js', 1, 'high', { suppressed: true })]), source, NO_RESERVE, out)
    expect(asked).toBe(0)
    expect(calls).toEqual([])
  })
})

describe("listing a pull request's files against a fake GitHub", () => {
  let server: FakeGitHub
  beforeEach(async () => {
    server = await startFakeGitHub({ readOnlyTokens: ['ro-token'] })
  })
  afterEach(async () => {
    await server.close()
  })

  const pr = { owner: 'acme', repo: 'shop', number: 7 }
  const source = (token = 'rw-token'): PullFilesSource => pullFilesSource(octokit(token, server.url), pr)
  const files = (count: number): FakePullFile[] =>
    Array.from({ length: count }, (_, i) => ({ filename: `src/f${i}.js`, status: 'modified', patch: patchAdding([i + 1]) }))
  const gets = () => server.requests.filter((r) => r.path === '/repos/acme/shop/pulls/7/files')

  it('reads every page, 100 files at a time, with a read-only token too', async () => {
    server.seedPullFiles('acme', 'shop', 7, [...files(249), { filename: 'logo.png', status: 'added' }])
    const listed = await listPullFiles(source('ro-token'))
    expect(listed).toHaveLength(250)
    expect(listed[0]).toEqual({ filename: 'src/f0.js', status: 'modified', patch: patchAdding([1]) })
    expect(listed[249]).toEqual({ filename: 'logo.png', status: 'added' })
    expect(gets().map((r) => [r.query.page, r.query.per_page])).toEqual([
      ['1', '100'],
      ['2', '100'],
      ['3', '100']
    ])
    expect(isChanged(changedLinesOf(listed), 'src/f200.js', 201)).toBe(true)
  })

  it("stops at GitHub's 3,000 files", async () => {
    server.seedPullFiles('acme', 'shop', 7, files(3100))
    expect(await listPullFiles(source())).toHaveLength(3000)
    expect(gets()).toHaveLength(30)
  })

  it('stops at a full last page that links to no next one', async () => {
    server.seedPullFiles('acme', 'shop', 7, files(100))
    expect(await listPullFiles(source())).toHaveLength(100)
    expect(gets().map((r) => r.query.page)).toEqual(['1'])
  })

  it('retries a passing 502', async () => {
    server.seedPullFiles('acme', 'shop', 7, files(3))
    server.failNext(1, 502)
    expect(await listPullFiles(source())).toHaveLength(3)
    expect(gets()).toHaveLength(2)
  })

  it('annotates from the listed files end to end, and falls back to a notice on 403 or 404', async () => {
    server.seedPullFiles('acme', 'shop', 7, [{ filename: 'src/app.js', status: 'modified', patch: patchAdding([10]) }])
    const report = makeReport([finding('src/app.js', 10), finding('src/other.js', 3)])
    const ok = recorder()
    await annotateFindings(report, source(), NO_RESERVE, ok.out)
    expect(ok.calls.filter((c) => c.kind === 'error').map((c) => c.properties)).toEqual([
      { title: 'helmet-missing', file: 'src/app.js', startLine: 10 }
    ])

    server.failNext(1, 403)
    const forbidden = recorder()
    await annotateFindings(report, source('ro-token'), NO_RESERVE, forbidden.out)
    expect(forbidden.calls.map((c) => c.kind)).toEqual(['notice'])
    expect(forbidden.calls[0]?.message).toContain('HTTP 403')

    const missing = recorder()
    await annotateFindings(report, pullFilesSource(octokit('rw-token', server.url), { ...pr, number: 8 }), NO_RESERVE, missing.out)
    expect(missing.calls.map((c) => c.kind)).toEqual(['notice'])
    expect(missing.calls[0]?.message).toContain('HTTP 404')
  })
})

describe('annotateFindings with a baseline', () => {
  const BASELINE: NonNullable<Report['baseline']> = {
    source: 'base-commit',
    ref: 'a'.repeat(40),
    status: 'ok',
    fixed: [],
    advisoriesFixed: []
  }

  it('annotates the findings the baseline lacks, wherever they are, and lists no files', async () => {
    const report: Report = {
      ...makeReport([
        finding('src/app.js', 3, 'high', { new: true }),
        finding('src/app.js', 9, 'high', { new: false }),
        finding('src/app.js', 12, 'moderate', { new: true, suppressed: true })
      ]),
      baseline: BASELINE
    }
    const { out, calls } = recorder()
    const listFiles = async (): Promise<PullFile[]> => {
      throw new Error('no listing with a baseline')
    }
    await annotateFindings(report, { listFiles }, NO_RESERVE, out)
    expect(calls.filter((c) => c.kind === 'error' || c.kind === 'warning').map((c) => c.properties?.startLine)).toEqual([3])
    expect(calls.find((c) => c.kind === 'info')?.message).toBe('annotated 1 of 1 findings not in the baseline (2 findings in all)')
  })

  it('annotates on changed lines as before when the baseline could not be had', async () => {
    const report: Report = {
      ...makeReport([finding('src/app.js', 3, 'high'), finding('src/app.js', 9, 'high')]),
      baseline: { ...BASELINE, status: 'error' as const, error: 'no base' }
    }
    const { out, calls } = recorder()
    await annotateFindings(report, filesSource([{ filename: 'src/app.js', patch: patchAdding([9]) }]), NO_RESERVE, out)
    expect(calls.filter((c) => c.kind === 'error').map((c) => c.properties?.startLine)).toEqual([9])
  })
})
