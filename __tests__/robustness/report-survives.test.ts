// "None loses the report": several things go wrong in one run of the bundled action, and the step
// still writes every output, the job summary and the JSON report before it ends with the gate's verdict.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Report } from '../../src/report.js'
import { actionServers } from '../helpers/action-servers.js'
import { commands, copyApp, REPO_ROOT } from '../helpers/run-action.js'

const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
const CLEAN_APP = join(REPO_ROOT, '__tests__/fixtures/apps/clean-app')
const OUTPUTS = ['passed', 'findings', 'vulnerabilities', 'sbom-path', 'sarif-path', 'report-path', 'comment-url']
const STACK_FRAME = /^\s+at /m

const servers = actionServers()

/** Files that each go wrong in their own way. */
async function addTrouble(workspace: string): Promise<void> {
  await mkdir(join(workspace, 'nginx'), { recursive: true })
  await writeFile(join(workspace, 'src', 'broken.js'), 'const app = express(\n  // never closed\n')
  await writeFile(join(workspace, 'src', 'deep.js'), `const x = ${'[\n'.repeat(5_000)}${']\n'.repeat(5_000)}`)
  await writeFile(join(workspace, 'nginx', 'nginx.conf'), `http {\n${'location / {\n'.repeat(500)}${'}\n'.repeat(500)}}\n`)
  await writeFile(join(workspace, 'docker-compose.yml'), 'services: &s\n  <<: *s\n')
  await writeFile(join(workspace, 'Dockerfile.dev'), 'FROM node:22\u0000\n')
}

describe('the report survives everything going wrong at once (node dist/index.js)', () => {
  it.concurrent(
    'audit endpoint down, GitHub 5xx on every call, unparsable files: outputs, summary, report; the audit error fails the gate',
    async () => {
      const { github, run } = await servers({ registry: { bulkStatus: 500 } })
      github.failNext(1_000, 503)
      const workspace = await copyApp(VULNERABLE_APP)
      await addTrouble(workspace)
      const result = await run({ workspace, inputs: { install: 'false', sbom: 'false' } })

      for (const name of OUTPUTS) expect(result.outputs).toHaveProperty(name)
      expect(result.outputs.passed).toBe('false')
      expect(result.outputs.vulnerabilities).toBe('{}')
      expect(result.outputs['comment-url']).toBe('')
      expect(result.summary).toMatch(/gate failed/i)
      expect(result.summary).toMatch(/npm audit could not produce a report/)

      const report = JSON.parse(readFileSync(join(workspace, result.outputs['report-path'] ?? ''), 'utf8')) as Report
      expect(report.passed).toBe(false)
      expect(report.audit.status).toBe('error')
      expect(report.reasons).toContainEqual(expect.stringMatching(/^npm audit could not produce a report/))
      const noted = report.notes.map((n) => n.file)
      expect(noted).toEqual(
        expect.arrayContaining(['src/broken.js', 'src/deep.js', 'nginx/nginx.conf', 'docker-compose.yml', 'Dockerfile.dev'])
      )
      expect(report.findings.some((f) => f.rule === 'helmet-missing' && f.file === 'src/app.js')).toBe(true)
      expect(JSON.parse(readFileSync(join(workspace, 'hardening.sarif'), 'utf8')).version).toBe('2.1.0')

      expect(result.code).toBe(1)
      const errors = commands(result.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/^Hardening gate failed: .*npm audit could not produce a report/)
      expect(commands(result.stdout, 'warning')).toContainEqual(expect.stringMatching(/^could not write the PR comment \(HTTP 503\)/))
      // every call was tried three times (the first and two retries): the files list, then the comment list
      expect(github.requests.map((r) => r.path.split('/').at(-1))).toEqual(['files', 'files', 'files', 'comments', 'comments', 'comments'])
      expect(result.stdout).not.toMatch(STACK_FRAME)
      expect(result.stderr).not.toMatch(STACK_FRAME)
    },
    60_000
  )

  it.concurrent(
    'GitHub 5xx, an unwritable job summary and unparsable files on a passing gate (on-audit-error: warn): it still passes',
    async () => {
      const { github, run } = await servers({ registry: { bulkStatus: 500 } })
      github.failNext(1_000, 502)
      const workspace = await copyApp(CLEAN_APP)
      await addTrouble(workspace)
      const result = await run({
        workspace,
        inputs: { install: 'false', sbom: 'false', 'on-audit-error': 'warn' },
        env: { GITHUB_STEP_SUMMARY: join(workspace, 'hardening-report.json', 'summary.md') }
      })

      for (const name of OUTPUTS) expect(result.outputs).toHaveProperty(name)
      const report = JSON.parse(readFileSync(join(workspace, 'hardening-report.json'), 'utf8')) as Report
      expect(report.passed).toBe(true)
      expect(report.notes.length).toBeGreaterThanOrEqual(5)
      const warnings = commands(result.stdout, 'warning')
      expect(warnings).toContainEqual(expect.stringMatching(/^could not write the job summary: /))
      expect(warnings).toContainEqual(expect.stringMatching(/on-audit-error: warn/))
      expect(warnings).toContainEqual(expect.stringMatching(/^could not write the PR comment \(HTTP 502\)/))
      expect(result.outputs['comment-url']).toBe('')
      expect(result.code).toBe(0)
      expect(result.outputs.passed).toBe('true')
      expect(commands(result.stdout, 'error')).toEqual([])
    },
    60_000
  )
})
