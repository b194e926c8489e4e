// The GitHub API failing in the ways it does, through the bundled action (`node dist/index.js`):
// the step still writes its outputs, the summary and the JSON report, and its verdict is the gate's.
// Covered elsewhere: a 502 then success on comments (__tests__/github/comment.test.ts), a passing
// 502 on the files list (__tests__/github/annotations.test.ts), a read-only token's 403 on the
// comment (__tests__/e2e/action.test.ts 4) and a 403 on the files list (__tests__/e2e/annotations.test.ts).
// A 5xx on every call, with the retries counted, is in report-survives.test.ts.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionServers } from '../helpers/action-servers.js'
import { commands, copyApp, OWNER, PR_NUMBER, REPO, REPO_ROOT, type ActionRun } from '../helpers/run-action.js'

const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
const CLEAN_APP = join(REPO_ROOT, '__tests__/fixtures/apps/clean-app')
const INPUTS = { install: 'false', sbom: 'false' }
const OUTPUTS = ['passed', 'findings', 'vulnerabilities', 'sbom-path', 'sarif-path', 'report-path', 'comment-url']
const STACK_FRAME = /^\s+at /m

const servers = actionServers()

/** Outputs, summary and report are all there, whatever happened to the API. */
function expectReportsWritten(run: ActionRun): void {
  for (const name of OUTPUTS) expect(run.outputs).toHaveProperty(name)
  expect(run.summary.trim()).not.toBe('')
  expect(run.outputs['report-path']).toBe('hardening-report.json')
  expect(run.reportJson?.version).toBe(1)
  expect(existsSync(join(run.workspace, 'hardening.sarif'))).toBe(true)
  expect(run.stdout).not.toMatch(STACK_FRAME)
  expect(run.stderr).not.toMatch(STACK_FRAME)
}

describe('GitHub API failures (node dist/index.js)', () => {
  it.concurrent('the PR files API answering 503 through its retries: a notice, no annotations, the comment still written', async () => {
    const { github, run } = await servers()
    github.seedPullFiles(OWNER, REPO, PR_NUMBER, [{ filename: 'src/app.js', status: 'modified' }])
    github.failNext(3, 503) // the files list and both of its retries; the comment calls come after
    const result = await run({ workspace: await copyApp(VULNERABLE_APP), inputs: INPUTS })

    expect(github.requests.slice(0, 3).map((r) => r.path)).toEqual(Array(3).fill(`/repos/${OWNER}/${REPO}/pulls/${PR_NUMBER}/files`))
    expect(commands(result.stdout, 'notice')).toEqual([
      expect.stringMatching(/^no annotations on changed lines: could not list the pull request's files \(HTTP 503: /)
    ])
    expect(result.stdout).not.toMatch(/^::(?:error|warning) [^:]*file=/m)
    expect(github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(1)
    expect(result.code).toBe(1)
    expect(result.outputs.passed).toBe('false')
    expect(commands(result.stdout, 'error')).toHaveLength(1)
    expectReportsWritten(result)
  })

  it.concurrent('a 422 "body is too long" from a GitHub that counts more strictly: cut further and retried', async () => {
    const { github, run } = await servers({ github: { maxBodyChars: 3_000 } })
    const result = await run({ workspace: await copyApp(VULNERABLE_APP), inputs: INPUTS })

    const posts = github.requests.filter((r) => r.method === 'POST')
    expect(posts.length).toBeGreaterThan(1)
    const lengths = posts.map((p) => [...String((p.body as { body?: unknown }).body)].length)
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a))
    expect(lengths[0]).toBeGreaterThan(3_000)
    const comments = github.comments(OWNER, REPO, PR_NUMBER)
    expect(comments).toHaveLength(1)
    expect([...(comments[0]?.body ?? '')].length).toBeLessThanOrEqual(3_000)
    expect(comments[0]?.body).toMatch(/gate failed/i)
    expect(result.outputs['comment-url']).toBe(comments[0]?.html_url)
    expect(commands(result.stdout, 'warning').filter((w) => /comment/i.test(w))).toEqual([])
    expect(result.stdout).toMatch(/GitHub found the PR comment too long \(\d+ characters\); trying a shorter one/)
    expect(result.summary).toContain('src/app.js')
    expect(result.code).toBe(1)
    expectReportsWritten(result)
  })

  it.concurrent('a 422 "too long" that persists through the shorter forms: three tries, then one warning; the verdict stands', async () => {
    const { github, run } = await servers({ github: { maxBodyChars: 0 } })
    const result = await run({ workspace: await copyApp(CLEAN_APP), inputs: INPUTS })
    // maxBodyChars 0 answers every body "too long": three tries, then the warning names the 422
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(3)
    expect(commands(result.stdout, 'warning')).toContainEqual(
      expect.stringMatching(/^could not write the PR comment \(HTTP 422\): Validation Failed/)
    )
    expect(result.code).toBe(0)
    expectReportsWritten(result)
  })

  it.concurrent(
    "a job summary that cannot be written is a warning; outputs, report and comment are there and the exit is the gate's",
    async () => {
      const { github, run } = await servers()
      const workspace = await copyApp(CLEAN_APP)
      const result = await run({ workspace, inputs: INPUTS, env: { GITHUB_STEP_SUMMARY: join(workspace, 'no-such-dir', 'summary.md') } })

      expect(commands(result.stdout, 'warning')).toContainEqual(
        expect.stringMatching(/^could not write the job summary: Unable to access summary file/)
      )
      expect(result.code).toBe(0)
      expect(result.outputs.passed).toBe('true')
      for (const name of OUTPUTS) expect(result.outputs).toHaveProperty(name)
      expect(JSON.parse(readFileSync(join(workspace, 'hardening-report.json'), 'utf8')).passed).toBe(true)
      expect(github.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(1)
      expect(result.outputs['comment-url']).toBe(github.comments(OWNER, REPO, PR_NUMBER)[0]?.html_url)
    }
  )
})
