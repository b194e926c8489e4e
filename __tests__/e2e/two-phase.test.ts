// End-to-end: the fork-safe two-phase workflow through the bundled action (`node dist/index.js`).
// Phase 1, `scan`, runs on the pull_request event with a read-only token and writes the report;
// phase 2, `mode: comment`, runs on workflow_run with a write token in a workspace that holds the
// downloaded report and nothing of the pull request, and posts the sticky comment.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type FakeGitHub } from '../helpers/github-server.js'
import {
  commands,
  copyApp,
  HEAD_SHA,
  makeWorkspace,
  OWNER,
  PR_NUMBER,
  REPO,
  REPO_ROOT,
  TOKEN,
  workflowRunPayload,
  type ActionRun
} from '../helpers/run-action.js'
import { actionServers, type ActionServers } from '../helpers/action-servers.js'

const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
const READ_ONLY_TOKEN = 'ghs_e2eReadOnlyToken0000000000000000000'
const OTHER_SHA = '89abcdef0123456789abcdef0123456789abcdef'
/** The default branch's tip: GITHUB_SHA of a workflow_run job, never the pull request's commit. */
const MAIN_SHA = 'fedcba9876543210fedcba9876543210fedcba98'
const STACK_FRAME = /^\s+at /m
const SCAN_INPUTS = { install: 'false', sbom: 'false', 'github-token': READ_ONLY_TOKEN }

type Servers = ActionServers
const startServers = actionServers()
const servers = (): Promise<Servers> => startServers({ github: { readOnlyTokens: [READ_ONLY_TOKEN] } })

/** Phase 1: the scan on the pull request's event, with the read-only token a fork gets. */
function scan(s: Servers, headSha = HEAD_SHA, files: Record<string, string> = {}): Promise<ActionRun> {
  return copyApp(VULNERABLE_APP).then(async (workspace) => {
    for (const [file, content] of Object.entries(files)) await writeFile(join(workspace, file), content)
    return s.run({ workspace, headSha, inputs: SCAN_INPUTS })
  })
}

/** What actions/download-artifact leaves in the comment job's empty workspace: the report alone. */
async function downloadedReport(content: string): Promise<string> {
  const workspace = await makeWorkspace()
  await mkdir(join(workspace, 'hardening-report'))
  await writeFile(join(workspace, 'hardening-report', 'hardening-report.json'), content)
  return workspace
}

/** Phase 2: mode: comment on the workflow_run event, with the write token of the base repository. */
function comment(s: Servers, workspace: string, run: { headSha?: string; pullRequests?: number[] } = {}): Promise<ActionRun> {
  return s.run({
    workspace,
    eventName: 'workflow_run',
    payload: workflowRunPayload(run),
    headSha: MAIN_SHA,
    inputs: { mode: 'comment', 'report-file': 'hardening-report/hardening-report.json', 'github-token': TOKEN }
  })
}

function reportText(run: ActionRun): string {
  return readFileSync(join(run.workspace, run.outputs['report-path'] ?? ''), 'utf8')
}

const writes = (github: FakeGitHub) => github.requests.filter((r) => r.method !== 'GET')

function expectOneErrorLine(run: ActionRun, pattern: RegExp): void {
  expect(run.code).toBe(1)
  const errors = commands(run.stdout, 'error')
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatch(pattern)
  expect(run.stdout).not.toMatch(STACK_FRAME)
  expect(run.stderr).not.toMatch(STACK_FRAME)
}

describe('two-phase workflow e2e (node dist/index.js)', () => {
  it.concurrent(
    'scan with a read-only token writes the report; comment mode posts it on the right PR; a rerun edits it',
    async () => {
      const s = await servers()
      s.github.seedPullRequest(OWNER, REPO, PR_NUMBER, HEAD_SHA)

      const scanned = await scan(s)
      expect(scanned.code).toBe(1)
      expect(scanned.outputs['report-path']).toBe('hardening-report.json')
      expect(scanned.reportJson).toMatchObject({ passed: false, pullRequest: { number: PR_NUMBER, headSha: HEAD_SHA } })
      expect(commands(scanned.stdout, 'warning').some((w) => w.includes('pull-requests: write'))).toBe(true)
      expect(s.github.comments(OWNER, REPO, PR_NUMBER)).toEqual([])

      // A fork pull request: workflow_run.pull_requests is empty, so the number comes from the report.
      const workspace = await downloadedReport(reportText(scanned))
      const first = await comment(s, workspace)
      expect(first.code).toBe(0)
      expect(commands(first.stdout, 'error')).toEqual([])
      const comments = s.github.comments(OWNER, REPO, PR_NUMBER)
      expect(comments).toHaveLength(1)
      const body = comments[0]?.body ?? ''
      expect(body.startsWith('<!-- express-hardening-gate:. -->')).toBe(true)
      expect(body).toMatch(/gate failed/i)
      expect(body).toContain(`https://github.com/${OWNER}/${REPO}/blob/${HEAD_SHA}/src/app.js#L`)
      expect(body).not.toContain(MAIN_SHA)
      expect(first.outputs).toMatchObject({
        passed: 'false',
        'comment-url': comments[0]?.html_url,
        'report-path': 'hardening-report/hardening-report.json'
      })
      const confirm = s.github.requests.find((r) => r.path === `/repos/${OWNER}/${REPO}/pulls/${PR_NUMBER}`)
      expect(confirm?.headers.authorization).toBe(`token ${TOKEN}`)

      // A new commit that adds a gap: scan and comment again; the same comment is edited, never a second one.
      s.github.seedPullRequest(OWNER, REPO, PR_NUMBER, OTHER_SHA)
      const rescanned = await scan(s, OTHER_SHA, { '.env': 'DATABASE_PASSWORD=hunter2-but-longer\n' })
      const second = await comment(s, await downloadedReport(reportText(rescanned)), { headSha: OTHER_SHA })
      expect(second.code).toBe(0)
      const after = s.github.comments(OWNER, REPO, PR_NUMBER)
      expect(after).toHaveLength(1)
      expect(after[0]?.id).toBe(comments[0]?.id)
      expect(after[0]?.body).toContain(`/blob/${OTHER_SHA}/src/app.js#L`)
      expect(second.outputs['comment-url']).toBe(comments[0]?.html_url)
      expect(writes(s.github).map((r) => `${r.method} ${r.path}`)).toEqual([
        `POST /repos/${OWNER}/${REPO}/issues/${PR_NUMBER}/comments`, // the scan's attempt, refused to the read-only token
        `POST /repos/${OWNER}/${REPO}/issues/${PR_NUMBER}/comments`,
        `PATCH /repos/${OWNER}/${REPO}/issues/comments/${comments[0]?.id}`, // the rescan's attempt, refused
        `PATCH /repos/${OWNER}/${REPO}/issues/comments/${comments[0]?.id}`
      ])

      // A commit that changes nothing the comment says: neither phase writes, the output names the comment.
      const THIRD_SHA = 'abababababababababababababababababababab'
      s.github.seedPullRequest(OWNER, REPO, PR_NUMBER, THIRD_SHA)
      const unchanged = await scan(s, THIRD_SHA, { '.env': 'DATABASE_PASSWORD=hunter2-but-longer\n' })
      const third = await comment(s, await downloadedReport(reportText(unchanged)), { headSha: THIRD_SHA })
      expect(third.code).toBe(0)
      expect(third.outputs['comment-url']).toBe(comments[0]?.html_url)
      expect(writes(s.github)).toHaveLength(4)
      expect(s.github.comments(OWNER, REPO, PR_NUMBER)).toEqual(after)
    },
    120_000
  )

  describe('a tampered report posts nothing and fails with one line', () => {
    const VICTIM = 8
    const VICTIM_SHA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
    const cases: Array<[string, (report: Record<string, unknown>) => void, RegExp]> = [
      [
        'the PR number changed to another pull request',
        (r) => {
          r.pullRequest = { number: VICTIM, headSha: HEAD_SHA }
        },
        /pull request #8 has head aaaaaaaaaaaa, not the scanned commit 0123456789ab/
      ],
      [
        'the PR number and head sha changed to another pull request',
        (r) => {
          r.pullRequest = { number: VICTIM, headSha: VICTIM_SHA }
        },
        /made for commit aaaaaaaaaaaa, but the workflow run .* is for 0123456789ab/
      ],
      [
        'a PR number that does not exist',
        (r) => {
          r.pullRequest = { number: 999, headSha: HEAD_SHA }
        },
        /pull request #999 does not exist in owner\/repo/
      ]
    ]
    for (const [name, tamper, message] of cases) {
      it.concurrent(
        name,
        async () => {
          const s = await servers()
          s.github.seedPullRequest(OWNER, REPO, PR_NUMBER, HEAD_SHA)
          s.github.seedPullRequest(OWNER, REPO, VICTIM, VICTIM_SHA)
          const report = JSON.parse(reportText(await scan(s))) as Record<string, unknown>
          tamper(report)
          const result = await comment(s, await downloadedReport(JSON.stringify(report)))

          expectOneErrorLine(result, message)
          expect(result.outputs.passed).toBe('false')
          expect(result.outputs['comment-url'] ?? '').toBe('')
          for (const pr of [PR_NUMBER, VICTIM, 999]) expect(s.github.comments(OWNER, REPO, pr)).toEqual([])
          expect(writes(s.github).filter((r) => r.headers.authorization === `token ${TOKEN}`)).toEqual([])
        },
        60_000
      )
    }
  })

  describe('a malformed report fails with one line and calls no API', () => {
    const cases: Array<[string, string | undefined, RegExp]> = [
      ['not JSON', '{"version": 1, "passed": tru', /^report-file \S+hardening-report\.json is not JSON/],
      ['a wrong shape', JSON.stringify({ version: 1, passed: 'yes' }), /is not a version 1 hardening report \(tool: /],
      [
        'a root that climbs out of the workspace',
        undefined,
        /is not a version 1 hardening report \(root: expected '\.' or a relative path/
      ],
      ['a PR number that is not a positive integer', undefined, /\(pullRequest\.number: /],
      [
        'no file at all (the artifact was not downloaded)',
        '',
        /does not exist; in mode: comment, download the scan job's report artifact first/
      ]
    ]
    const base = (): Record<string, unknown> => ({
      version: 1,
      tool: { name: 'express-hardening-gate', version: '0.1.0' },
      root: '.',
      passed: true,
      reasons: [],
      warnings: [],
      thresholds: { audit: 'high', findings: 'high' },
      findings: [],
      audit: { status: 'ok', counts: { low: 0, moderate: 0, high: 0, critical: 0 }, advisories: [] },
      sbom: { status: 'skipped' },
      steps: [],
      notes: [],
      pullRequest: { number: PR_NUMBER, headSha: HEAD_SHA }
    })
    for (const [name, content, message] of cases) {
      it.concurrent(name, async () => {
        const s = await servers()
        s.github.seedPullRequest(OWNER, REPO, PR_NUMBER, HEAD_SHA)
        let text = content
        if (name.startsWith('a root')) text = JSON.stringify({ ...base(), root: '../../other' })
        if (name.startsWith('a PR number')) text = JSON.stringify({ ...base(), pullRequest: { number: -7, headSha: HEAD_SHA } })
        const workspace = text === '' ? await makeWorkspace() : await downloadedReport(text ?? '')
        const result = await comment(s, workspace)

        expectOneErrorLine(result, message)
        expect(result.outputs.passed).toBe('false')
        expect(s.github.requests).toEqual([])
      })
    }
  })

  it.concurrent('a scan that ran for no pull request (a push) leaves no comment and succeeds', async () => {
    const s = await servers()
    const workspace = await copyApp(VULNERABLE_APP)
    const pushed = await s.run({ workspace, eventName: 'push', inputs: SCAN_INPUTS })
    expect(pushed.reportJson).not.toHaveProperty('pullRequest')
    const result = await comment(s, await downloadedReport(reportText(pushed)))
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/the scanned run was not for a pull request/)
    expect(result.outputs).toMatchObject({ passed: 'false', 'comment-url': '' })
    expect(s.github.requests).toEqual([])
  })
})
