import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError } from '../src/config/errors.js'
import {
  parseReport,
  pullRequestOfEvent,
  readReportFile,
  resolveCommentTarget,
  type PullsApi,
  type ReportFile,
  type RunEvent
} from '../src/report-file.js'
import { advisory, hostileReport, makeReport } from './render/sample-report.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const OTHER = '89abcdef0123456789abcdef0123456789abcdef'
const REPO = { owner: 'acme', repo: 'shop' }
const dir = mkdtempSync(join(tmpdir(), 'ehg-report-file-'))

afterAll(() => rmSync(dir, { recursive: true, force: true }))

function reportWith(extra: Partial<ReportFile> = {}): ReportFile {
  return { ...makeReport(), ...extra }
}

function write(name: string, content: string): string {
  const file = join(dir, name)
  writeFileSync(file, content)
  return file
}

function pulls(heads: Record<number, string>): PullsApi & { calls: number[] } {
  const calls: number[] = []
  return {
    calls,
    get({ pull_number }) {
      calls.push(pull_number)
      const sha = heads[pull_number]
      return sha ? Promise.resolve({ data: { head: { sha } } }) : Promise.reject(Object.assign(new Error('Not Found'), { status: 404 }))
    }
  }
}

const workflowRun = (headSha: string, listed: number[] = []): RunEvent => ({
  eventName: 'workflow_run',
  payload: { workflow_run: { head_sha: headSha, pull_requests: listed.map((number) => ({ number })) } },
  repo: REPO
})
const pullRequest = (number: number, sha: string): RunEvent => ({
  eventName: 'pull_request',
  payload: { pull_request: { number, head: { sha } } },
  repo: REPO
})

describe('parseReport / readReportFile: the report is untrusted data', () => {
  it('round-trips a report with hostile strings and keeps the pull request', () => {
    const hostile = hostileReport()
    const report = { ...hostile, tool: { ...hostile.tool, name: 'express-hardening-gate' }, pullRequest: { number: 7, headSha: SHA } }
    expect(parseReport(JSON.stringify(report), 'r.json')).toEqual(report)
  })

  it('keeps whether each finding is new in the pull request, and refuses a non-boolean', () => {
    const base = makeReport()
    const finding = {
      rule: 'helmet-missing',
      severity: 'high' as const,
      file: 'src/app.js',
      line: 10,
      column: 1,
      message: 'no helmet',
      fingerprint: 'fp',
      suppressed: false
    }
    const report = {
      ...base,
      findings: [
        { ...finding, new: true },
        { ...finding, line: 11, new: false },
        { ...finding, line: 12 }
      ]
    }
    expect(parseReport(JSON.stringify(report), 'r.json').findings.map((f) => f.new)).toEqual([true, false, undefined])
    expect(() => parseReport(JSON.stringify({ ...base, findings: [{ ...finding, new: 'yes' }] }), 'r.json')).toThrow()
  })

  it('keeps the baseline section and whether each advisory is new, and refuses an unknown baseline source', () => {
    const baseline = {
      source: 'base-commit' as const,
      ref: SHA,
      status: 'ok' as const,
      fixed: [{ rule: 'helmet-missing', file: 'src/app.js', fingerprint: 'fp' }],
      advisoriesFixed: [{ id: 'GHSA-1', package: 'lodash' }]
    }
    const report = makeReport({ baseline }, [advisory('GHSA-2', 'qs', 'high', { new: true })])
    const parsed = parseReport(JSON.stringify(report), 'r.json')
    expect(parsed.baseline).toEqual(baseline)
    expect(parsed.audit.advisories[0]?.new).toBe(true)
    expect(parseReport(JSON.stringify(makeReport()), 'r.json').baseline).toBeUndefined()
    expect(() => parseReport(JSON.stringify({ ...report, baseline: { ...baseline, source: 'elsewhere' } }), 'r.json')).toThrow(
      /baseline\.source/
    )
  })

  it('drops unknown fields instead of passing them on', () => {
    const parsed = parseReport(JSON.stringify({ ...reportWith(), extra: 'x', __proto__: { polluted: true } }), 'r.json')
    expect(parsed).not.toHaveProperty('extra')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each([
    ['root climbing out', { root: '../x' }, 'root'],
    ['absolute root', { root: '/etc' }, 'root'],
    ['another tool', { tool: { name: 'other', version: '1' } }, 'tool.name'],
    ['a short sha', { pullRequest: { number: 7, headSha: 'abc123' } }, 'pullRequest.headSha'],
    ['PR number zero', { pullRequest: { number: 0, headSha: SHA } }, 'pullRequest.number'],
    ['PR number as a string', { pullRequest: { number: '7', headSha: SHA } }, 'pullRequest.number'],
    ['a rule id with markup', { findings: [{ ...hostileReport().findings[0], rule: '<b>x</b>' }] }, 'findings.0.rule']
  ])('rejects %s, naming the field and nothing of the value', (_name, extra, where) => {
    const json = JSON.stringify({ ...reportWith(), ...extra })
    let message = ''
    try {
      parseReport(json, 'r.json')
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      message = (error as Error).message
    }
    expect(message).toContain(`(${where}: `)
    expect(message).not.toMatch(/\n|<b>|\.\.\/x|\/etc|abc123/)
  })

  it('refuses a symbolic link, something that is not a file, and a file over the size limit', () => {
    const real = write('real.json', JSON.stringify(reportWith()))
    symlinkSync(real, join(dir, 'link.json'))
    expect(() => readReportFile(join(dir, 'link.json'))).toThrow(/is a symbolic link/)
    expect(() => readReportFile(dir)).toThrow(/is not a regular file/)
    expect(() => readReportFile(real, 100)).toThrow(/over the 100-byte limit/)
    expect(readReportFile(real).root).toBe('.')
  })
})

describe('pullRequestOfEvent', () => {
  it('records the pull request of a pull_request event only', () => {
    expect(pullRequestOfEvent(pullRequest(7, SHA))).toEqual({ number: 7, headSha: SHA })
    expect(pullRequestOfEvent({ eventName: 'push', payload: { after: SHA }, repo: REPO })).toBeUndefined()
    expect(pullRequestOfEvent(pullRequest(7, 'not-a-sha'))).toBeUndefined()
  })
})

describe('resolveCommentTarget', () => {
  it("on workflow_run, accepts the report's PR when its sha is the run's and the API confirms the head", async () => {
    const api = pulls({ 7: SHA })
    await expect(resolveCommentTarget(reportWith({ pullRequest: { number: 7, headSha: SHA } }), workflowRun(SHA), api)).resolves.toEqual({
      kind: 'pull-request',
      ...REPO,
      issueNumber: 7,
      headSha: SHA
    })
    expect(api.calls).toEqual([7])
  })

  it('falls back to workflow_run.pull_requests, and still asks the API', async () => {
    const api = pulls({ 5: SHA })
    await expect(resolveCommentTarget(reportWith(), workflowRun(SHA, [5]), api)).resolves.toMatchObject({ issueNumber: 5 })
    expect(api.calls).toEqual([5])
  })

  it('refuses a report for another commit before calling the API', async () => {
    const api = pulls({ 7: OTHER })
    await expect(resolveCommentTarget(reportWith({ pullRequest: { number: 7, headSha: OTHER } }), workflowRun(SHA), api)).rejects.toThrow(
      /made for commit 89abcdef0123, but the workflow run .* is for 0123456789ab/
    )
    expect(api.calls).toEqual([])
  })

  it('refuses a PR whose head is not the scanned commit, or that does not exist', async () => {
    const api = pulls({ 8: OTHER })
    await expect(resolveCommentTarget(reportWith({ pullRequest: { number: 8, headSha: SHA } }), workflowRun(SHA), api)).rejects.toThrow(
      /#8 has head 89abcdef0123, not the scanned commit 0123456789ab/
    )
    await expect(resolveCommentTarget(reportWith({ pullRequest: { number: 9, headSha: SHA } }), workflowRun(SHA), api)).rejects.toThrow(
      /#9 does not exist in acme\/shop/
    )
  })

  it('says so when the API cannot be read, and when there is no token', async () => {
    const failing: PullsApi = { get: () => Promise.reject(Object.assign(new Error('boom'), { status: 503 })) }
    const report = reportWith({ pullRequest: { number: 7, headSha: SHA } })
    await expect(resolveCommentTarget(report, workflowRun(SHA), failing)).rejects.toThrow(
      'could not read pull request #7 to confirm its head commit (HTTP 503); not commenting'
    )
    await expect(resolveCommentTarget(report, workflowRun(SHA), undefined)).rejects.toThrow(/github-token is empty/)
  })

  it('needs a head_sha in the workflow_run payload', async () => {
    await expect(
      resolveCommentTarget(reportWith(), { eventName: 'workflow_run', payload: { workflow_run: {} }, repo: REPO }, pulls({}))
    ).rejects.toThrow(/no head_sha/)
  })

  it('has nothing to do for a run without a pull request, or an event of another kind', async () => {
    await expect(resolveCommentTarget(reportWith(), workflowRun(SHA), pulls({}))).resolves.toMatchObject({ kind: 'none' })
    await expect(resolveCommentTarget(reportWith(), { eventName: 'push', payload: {}, repo: REPO }, pulls({}))).resolves.toMatchObject({
      kind: 'none'
    })
  })

  it('on pull_request, trusts the event and refuses a report made for another pull request or commit', async () => {
    const claimed = (number: number, headSha: string) => reportWith({ pullRequest: { number, headSha } })
    await expect(resolveCommentTarget(claimed(7, SHA), pullRequest(7, SHA), undefined)).resolves.toMatchObject({
      issueNumber: 7,
      headSha: SHA
    })
    await expect(resolveCommentTarget(claimed(8, SHA), pullRequest(7, SHA), undefined)).rejects.toThrow(/made for pull request #8/)
    await expect(resolveCommentTarget(claimed(7, OTHER), pullRequest(7, SHA), undefined)).rejects.toThrow(
      /made for pull request #7 at 89abcdef0123/
    )
  })
})
