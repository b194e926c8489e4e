// End-to-end: the bundled action (`node dist/index.js`) run as a GitHub runner runs it, against a
// loopback GitHub REST API and a loopback npm registry. Only scenario 10 reaches the network (npm ci
// downloads tarballs from registry.npmjs.org); set EHG_E2E_OFFLINE=1 to skip it.
import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startFakeArtifactService, type FakeArtifactService } from '../helpers/artifact-server.js'
import { type FakeGitHub } from '../helpers/github-server.js'
import { commands, copyApp, HEAD_SHA, OWNER, PR_NUMBER, REPO, REPO_ROOT, TOKEN, type ActionRun } from '../helpers/run-action.js'
import { actionServers } from '../helpers/action-servers.js'
import { readZipEntries } from '../helpers/zip-reader.js'

const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
const CLEAN_APP = join(REPO_ROOT, '__tests__/fixtures/apps/clean-app')
const OTHER_SHA = '89abcdef0123456789abcdef0123456789abcdef'
const ONLINE = process.env.EHG_E2E_OFFLINE !== '1'

/**
 * npm audit of examples/vulnerable-app against __tests__/fixtures/registry/advisories.json, counted
 * as distinct GHSA ids per severity (src/tools/audit-report.ts withCounts):
 *   high     body-parser 1.19.0 (qwcr, <1.20.3), lodash 4.17.15 (35jh <4.17.21, p6mc <4.17.19),
 *            path-to-regexp 0.1.7 (9wv6 <0.1.10, rhx6 <0.1.12), qs 6.7.0 (hrpp >=6.7.0 <6.7.3)   = 6
 *   moderate express 4.17.1 (rv95 <4.19.2), lodash (29mw <4.17.21, xxjr <=4.17.22)              = 3
 *   low      cookie 0.4.0 (pxg6 <0.7.0), express (qw6h <4.20.0), on-headers 1.0.2 (76c9 <1.1.0),
 *            send 0.17.1 (m6fv <0.19.0), serve-static 1.14.1 (cm22 <1.16.0)                      = 5
 * (npm's own metadata says 5 high + 5 low: it counts vulnerable packages, not advisories.)
 */
const VULNERABLE_APP_COUNTS = { low: 5, moderate: 3, high: 6, critical: 0 }
const ZERO_COUNTS = { low: 0, moderate: 0, high: 0, critical: 0 }

const MARKER = /^<!-- express-hardening-gate:[^\n]*? -->/
const STACK_FRAME = /^\s+at /m

const servers = actionServers()

/** The SBOM line's mention of the artifact, as inline code (Markdown or HTML). */
const artifactNamed = (name: string): RegExp => new RegExp(`· artifact (?:\`|<code>)${name}(?:\`|</code>)`)

const artifactServices: FakeArtifactService[] = []
afterAll(() => Promise.all(artifactServices.splice(0).map((service) => service.close())))

/** A loopback results service and blob store, and the variables a runner gives the action for it. */
async function artifactService(): Promise<{ service: FakeArtifactService; env: Record<string, string> }> {
  const service = await startFakeArtifactService()
  artifactServices.push(service)
  return { service, env: { ACTIONS_RUNTIME_TOKEN: service.token, ACTIONS_RESULTS_URL: `${service.url}/` } }
}

const prComments = (github: FakeGitHub) => github.comments(OWNER, REPO, PR_NUMBER)
const writes = (github: FakeGitHub) => github.requests.filter((r) => r.method !== 'GET')
const open = (run: ActionRun) => (run.reportJson?.findings ?? []).filter((f) => !f.suppressed)

function blobLink(sha: string, path: string, line: number): string {
  return `https://github.com/${OWNER}/${REPO}/blob/${sha}/${path}#L${line}`
}

function expectNoStackTrace(run: ActionRun): void {
  expect(run.stdout).not.toMatch(STACK_FRAME)
  expect(run.stderr).not.toMatch(STACK_FRAME)
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
}

interface Bom {
  components?: Bom[]
  name?: string
}

function countComponents(list: Bom[] | undefined): number {
  return (list ?? []).reduce((n, c) => n + 1 + countComponents(c.components), 0)
}

/** One memoised run shared by several tests of a scenario. */
function once<T>(work: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined
  return () => (result ??= work())
}

describe('action e2e (node dist/index.js)', () => {
  it.concurrent('1. fails a vulnerable app on a pull request: outputs, reports, one sticky comment, summary', async () => {
    const { github, run } = await servers()
    const workspace = await copyApp(VULNERABLE_APP)
    const result = await run({ workspace, inputs: { install: 'false' } })
    const report = result.reportJson

    expect(result.code).toBe(1)
    expect(report).toBeDefined()
    expect(report?.passed).toBe(false)
    const errors = commands(result.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(report?.reasons.length).toBeGreaterThan(0)
    for (const reason of report?.reasons ?? []) expect(errors[0]).toContain(reason)

    expect(result.outputs.passed).toBe('false')
    expect(Number(result.outputs.findings)).toBe(open(result).length)
    expect(open(result).length).toBeGreaterThan(0)
    expect(JSON.parse(result.outputs.vulnerabilities ?? '')).toEqual(VULNERABLE_APP_COUNTS)
    expect(report?.audit.status).toBe('ok')
    expect(report?.audit.counts).toEqual(VULNERABLE_APP_COUNTS)

    expect(result.outputs['report-path']).toBe('hardening-report.json')
    expect(readJson(join(workspace, result.outputs['report-path'] ?? '')).version).toBe(1)
    expect(result.outputs['sbom-path']).toBe('sbom.cdx.json')
    const sbom = readJson(join(workspace, result.outputs['sbom-path'] ?? ''))
    expect(sbom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' })
    expect(report?.sbom).toMatchObject({ status: 'ok', specVersion: '1.6' })
    expect(result.outputs['sarif-path']).toBe('hardening.sarif')
    expect(readJson(join(workspace, 'hardening.sarif')).version).toBe('2.1.0')

    const comments = prComments(github)
    expect(comments).toHaveLength(1)
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    const body = comments[0]?.body ?? ''
    expect(body).toMatch(MARKER)
    expect(body.startsWith('<!-- express-hardening-gate:. -->')).toBe(true)
    expect(result.outputs['comment-url']).toBe(comments[0]?.html_url)
    const located = open(result).filter((f) => f.line !== null)
    expect(located.length).toBeGreaterThan(0)
    for (const f of located) expect(body).toContain(blobLink(HEAD_SHA, f.file, f.line as number))
    expect(body).toMatch(/gate failed/i)
    expect(result.summary).toMatch(/gate failed/i)
    for (const f of open(result)) expect(result.summary).toContain(f.file)
    expectNoStackTrace(result)
  })

  it.concurrent(
    '2. a rerun edits the one sticky comment in place when what it says changed, and writes nothing when it did not',
    async () => {
      const { github, run } = await servers()
      const quote = github.seedComment(
        OWNER,
        REPO,
        PR_NUMBER,
        '> <!-- express-hardening-gate:. -->\n> ## ❌ Hardening gate failed\n\nWhy does the bot say this?',
        'octocat'
      )
      const workspace = await copyApp(VULNERABLE_APP)

      const first = await run({ workspace, inputs: { install: 'false' } })
      expect(first.code).toBe(1)
      expect(prComments(github)).toHaveLength(2)
      const ours = prComments(github).find((c) => c.id !== quote.id)
      expect(ours?.body).toMatch(MARKER)

      // A new commit on the pull request that adds a gap, then the workflow runs again.
      await writeFile(join(workspace, '.env'), 'DATABASE_PASSWORD=hunter2-but-longer\n')
      const second = await run({ workspace, inputs: { install: 'false' }, headSha: OTHER_SHA })
      expect(second.code).toBe(1)
      expect(open(second).length).toBeGreaterThan(open(first).length)
      const after = prComments(github)
      expect(after).toHaveLength(2)
      expect(after.find((c) => c.id === quote.id)).toEqual(quote)
      const edited = after.find((c) => c.id === ours?.id)
      expect(edited?.body).toContain('.env')
      expect(edited?.body).toContain(`/blob/${OTHER_SHA}/`)
      expect(edited?.body).not.toContain(`/blob/${HEAD_SHA}/`)
      expect(writes(github).map((r) => `${r.method} ${r.path}`)).toEqual([
        `POST /repos/${OWNER}/${REPO}/issues/${PR_NUMBER}/comments`,
        `PATCH /repos/${OWNER}/${REPO}/issues/comments/${ours?.id}`
      ])
      expect(second.outputs['comment-url']).toBe(ours?.html_url)

      // Rerun, and a later commit that changes nothing the comment says: other timings and links, no write at all.
      const third = await run({ workspace, inputs: { install: 'false' }, headSha: OTHER_SHA })
      const fourth = await run({ workspace, inputs: { install: 'false' }, headSha: HEAD_SHA })
      for (const again of [third, fourth]) {
        expect(again.code).toBe(1)
        expect(again.outputs['comment-url']).toBe(ours?.html_url)
        expect(again.stdout).toContain('PR comment unchanged')
      }
      expect(prComments(github)).toHaveLength(2)
      expect(writes(github)).toHaveLength(2)
      expect(prComments(github).find((c) => c.id === ours?.id)).toEqual(edited)
    }
  )

  it.concurrent('3. passes a clean app', async () => {
    const { github, run } = await servers()
    const workspace = await copyApp(CLEAN_APP)
    const result = await run({ workspace, inputs: { install: 'false' } })

    expect(result.code).toBe(0)
    expect(result.outputs.passed).toBe('true')
    expect(commands(result.stdout, 'error')).toEqual([])
    expect(result.reportJson?.passed).toBe(true)
    expect(result.reportJson?.audit.status).toBe('ok')
    expect(JSON.parse(result.outputs.vulnerabilities ?? '')).toEqual(ZERO_COUNTS)
    expect(Number(result.outputs.findings)).toBe(open(result).length)
    const comments = prComments(github)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toMatch(MARKER)
    expect(comments[0]?.body).toMatch(/gate passed/i)
    expect(comments[0]?.body).not.toMatch(/gate failed/i)
    expect(result.summary).toMatch(/gate passed/i)
  })

  describe('4. a read-only token', () => {
    for (const [app, code] of [
      [VULNERABLE_APP, 1],
      [CLEAN_APP, 0]
    ] as const) {
      it.concurrent(`warns about pull-requests: write and keeps the verdict (exit ${code})`, async () => {
        const { github, run } = await servers({ github: { readOnlyTokens: [TOKEN] } })
        const workspace = await copyApp(app)
        const result = await run({ workspace, inputs: { install: 'false', sbom: 'false' } })

        expect(result.code).toBe(code)
        expect(result.outputs.passed).toBe(String(code === 0))
        const warnings = commands(result.stdout, 'warning')
        expect(warnings.some((w) => w.includes('pull-requests: write'))).toBe(true)
        expect(result.outputs['comment-url']).toBe('')
        expect(prComments(github)).toEqual([])
        expect(writes(github).map((r) => r.method)).toEqual(['POST'])
        expect(commands(result.stdout, 'error')).toHaveLength(code)
        expectNoStackTrace(result)
      })
    }
  })

  describe('5. the advisory endpoint is down', () => {
    const failRun = once(async () => {
      const { run } = await servers({ registry: { bulkStatus: 500 } })
      return run({ workspace: await copyApp(CLEAN_APP), inputs: { install: 'false', sbom: 'false' } })
    })

    it.concurrent('fails a clean app by default, saying npm audit could not produce a report', async () => {
      const result = await failRun()
      expect(result.code).toBe(1)
      expect(result.outputs.passed).toBe('false')
      const errors = commands(result.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/npm audit could not produce a report/)
      expect(result.reportJson?.audit.status).toBe('error')
      expect(result.reportJson?.audit.error).toBeTruthy()
      expect(result.summary).toMatch(/npm audit could not produce a report/)
      expect(result.summary).not.toMatch(/\b0 advisories\b/)
    })

    it.concurrent('passes it with on-audit-error: warn, with a warning, never as a clean audit', async () => {
      const { github, run } = await servers({ registry: { bulkStatus: 500 } })
      const result = await run({
        workspace: await copyApp(CLEAN_APP),
        inputs: { install: 'false', sbom: 'false', 'on-audit-error': 'warn' }
      })
      expect(result.code).toBe(0)
      expect(result.outputs.passed).toBe('true')
      expect(commands(result.stdout, 'error')).toEqual([])
      expect(commands(result.stdout, 'warning').some((w) => /npm audit could not produce a report/.test(w))).toBe(true)
      expect(result.reportJson?.audit.status).toBe('error')
      const body = prComments(github)[0]?.body ?? ''
      for (const text of [body, result.summary]) {
        expect(text).toMatch(/npm audit could not produce a report/)
        expect(text).not.toMatch(/\b0 advisories\b/)
      }
    })

    it('outputs unknown vulnerability counts as {} when there was no audit report, never all zeros', async () => {
      const result = await failRun()
      expect(result.outputs.vulnerabilities).toBe('{}')
    })
  })

  it.concurrent('6. on a push event writes the summary, calls no GitHub API and exits per verdict', async () => {
    const { github, run } = await servers()
    const workspace = await copyApp(VULNERABLE_APP)
    const result = await run({ workspace, eventName: 'push', inputs: { install: 'false', sbom: 'false' } })

    expect(result.code).toBe(1)
    expect(result.outputs.passed).toBe('false')
    expect(result.summary).toMatch(/gate failed/i)
    expect(result.outputs['comment-url']).toBe('')
    expect(github.requests).toEqual([])
    expect(commands(result.stdout, 'warning').filter((w) => /comment|token/i.test(w))).toEqual([])
  })

  describe('7. bad inputs give one clear error line and no stack trace', () => {
    it.concurrent('audit-level: hgih', async () => {
      const { github, run } = await servers()
      const result = await run({ workspace: await copyApp(CLEAN_APP), inputs: { install: 'false', 'audit-level': 'hgih' } })
      expect(result.code).toBe(1)
      expect(result.stdout.split('\n')).toContain("::error::audit-level must be one of low, moderate, high, critical, none; got 'hgih'")
      expect(commands(result.stdout, 'error')).toHaveLength(1)
      expectNoStackTrace(result)
      expect(github.requests).toEqual([])
    })

    it.concurrent('a working-directory that does not exist', async () => {
      const { github, run } = await servers()
      const result = await run({ workspace: await copyApp(CLEAN_APP), inputs: { install: 'false', 'working-directory': 'services/nope' } })
      expect(result.code).toBe(1)
      const errors = commands(result.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/working-directory/)
      expect(errors[0]).toContain('services/nope')
      expectNoStackTrace(result)
      expect(github.requests).toEqual([])
    })

    it.concurrent('a config file with an unknown rule id', async () => {
      const { github, run } = await servers()
      const workspace = await copyApp(CLEAN_APP)
      await mkdir(join(workspace, '.github'))
      await writeFile(join(workspace, '.github/hardening.yml'), 'rules:\n  helmet-misssing: off\n')
      const result = await run({ workspace, inputs: { install: 'false' } })
      expect(result.code).toBe(1)
      const errors = commands(result.stdout, 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('helmet-misssing')
      expect(errors[0]).toContain('.github/hardening.yml')
      expectNoStackTrace(result)
      expect(github.requests).toEqual([])
    })
  })

  it.concurrent('8. a monorepo: two working directories on one pull request keep two comments', async () => {
    const { github, run } = await servers()
    const workspace = await copyApp(VULNERABLE_APP, { subdir: 'services/api' })
    await copyApp(CLEAN_APP, { workspace, subdir: 'services/web' })

    const api = await run({ workspace, inputs: { install: 'false', sbom: 'false', 'working-directory': 'services/api' } })
    const web = await run({ workspace, inputs: { install: 'false', sbom: 'false', 'working-directory': 'services/web' } })
    expect(api.code).toBe(1)
    expect(web.code).toBe(0)
    expect(api.outputs['report-path']).toBe('services/api/hardening-report.json')
    expect(web.outputs['report-path']).toBe('services/web/hardening-report.json')

    const comments = prComments(github)
    expect(comments).toHaveLength(2)
    const [apiComment, webComment] = comments
    expect(apiComment?.body.startsWith('<!-- express-hardening-gate:services/api -->')).toBe(true)
    expect(webComment?.body.startsWith('<!-- express-hardening-gate:services/web -->')).toBe(true)
    expect(apiComment?.body).toMatch(/gate failed/i)
    expect(webComment?.body).toMatch(/gate passed/i)
    const helmet = open(api).find((f) => f.rule === 'helmet-missing')
    expect(helmet?.file).toBe('src/app.js')
    expect(apiComment?.body).toContain(blobLink(HEAD_SHA, `services/api/${helmet?.file}`, helmet?.line as number))

    // A new commit that adds a gap to the api: its gate reruns and edits its own comment only.
    await writeFile(join(workspace, 'services/api/.env'), 'DATABASE_PASSWORD=hunter2-but-longer\n')
    const again = await run({
      workspace,
      headSha: OTHER_SHA,
      inputs: { install: 'false', sbom: 'false', 'working-directory': 'services/api' }
    })
    expect(again.code).toBe(1)
    const after = prComments(github)
    expect(after).toHaveLength(2)
    expect(after[1]).toEqual(webComment)
    expect(after[0]?.body).toContain(`/blob/${OTHER_SHA}/services/api/`)
    expect(writes(github).map((r) => r.method)).toEqual(['POST', 'POST', 'PATCH'])
  })

  it.concurrent(
    '9. a comment over the size limit is cut visibly while the summary keeps every finding',
    async () => {
      const { github, run } = await servers()
      const workspace = await copyApp(CLEAN_APP)
      // Otherwise-tidy Dockerfiles that only lack USER: one docker-root-user finding each.
      const dockerfile =
        'FROM node:22-slim\nENV NODE_ENV=production\nWORKDIR /app\nCOPY --chown=node:node package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --chown=node:node src ./src\nCMD ["node", "src/app.js"]\n'
      const services = Array.from({ length: 1500 }, (_, i) => `services/svc-${String(i).padStart(4, '0')}`)
      await Promise.all(
        services.map(async (dir) => {
          await mkdir(join(workspace, dir), { recursive: true })
          await writeFile(join(workspace, dir, 'Dockerfile'), dockerfile)
        })
      )
      const result = await run({ workspace, inputs: { install: 'false', sbom: 'false' } })

      expect(result.code).toBe(1)
      const findings = open(result)
      expect(findings.filter((f) => f.rule === 'docker-root-user' && f.file.startsWith('services/'))).toHaveLength(services.length)
      expect(Number(result.outputs.findings)).toBe(findings.length)

      const posts = github.requests.filter((r) => r.method === 'POST')
      expect(posts).toHaveLength(1)
      const comments = prComments(github)
      expect(comments).toHaveLength(1)
      const body = comments[0]?.body ?? ''
      expect([...body].length).toBeLessThanOrEqual(65_536)
      expect(result.outputs['comment-url']).toBe(comments[0]?.html_url)
      const shown = (body.match(/^\| \S+ (critical|high|moderate|low) \| /gm) ?? []).length
      const note = /and (\d+) more gaps?[^\n]*summary/i.exec(body)
      expect(note).not.toBeNull()
      expect(shown + Number(note?.[1])).toBe(findings.length)
      expect(shown).toBeGreaterThan(0)

      for (const f of findings) expect(result.summary).toContain(f.line === null ? f.file : `${f.file}:${f.line}`)
      expect(result.summary).not.toMatch(/and \d+ more gaps?/)
    },
    90_000
  )

  ;(ONLINE ? it : it.skip)(
    '10. install: true runs npm ci for real and the SBOM lists every installed package',
    async () => {
      const { run } = await servers()
      const workspace = await copyApp(CLEAN_APP)
      const result = await run({
        workspace,
        inputs: { install: 'true' },
        // lockfile tarball URLs (registry.npmjs.org) for npm ci; the fake registry for npm audit
        env: { npm_config_replace_registry_host: 'never' }
      })

      expect(result.code).toBe(0)
      const steps = result.reportJson?.steps ?? []
      expect(steps.find((s) => s.name === 'npm ci')).toMatchObject({ status: 'ok' })
      expect(existsSync(join(workspace, 'node_modules/express/package.json'))).toBe(true)
      expect(result.reportJson?.audit.status).toBe('ok')
      // Every package of the lockfile except the root, all installed (no dev or optional ones).
      const lock = readJson(join(workspace, 'package-lock.json')) as { packages: Record<string, unknown> }
      const packages = Object.keys(lock.packages).filter((k) => k !== '').length
      expect(result.reportJson?.sbom).toMatchObject({ status: 'ok', specVersion: '1.6', components: packages })
      // nested packages (send/node_modules/ms) are nested components in the SBOM
      const sbom = readJson(join(workspace, result.outputs['sbom-path'] ?? '')) as Bom
      expect(countComponents(sbom.components)).toBe(packages)
      expect(sbom.components?.map((c) => c.name)).toEqual(expect.arrayContaining(['express', 'helmet', 'ms']))
    },
    180_000
  )

  it.concurrent('11. upload-sbom: true uploads the SBOM as an artifact that the comment and the summary name', async () => {
    const { github, run } = await servers()
    const { service, env } = await artifactService()
    const workspace = await copyApp(CLEAN_APP)
    // baseline: none, as a pull request without its base commit in the checkout warns (see action-baseline.test.ts)
    const result = await run({ workspace, inputs: { install: 'false', 'upload-sbom': 'true', baseline: 'none' }, env })

    expect(result.code).toBe(0)
    expect(result.outputs['sbom-path']).toBe('sbom.cdx.json')
    const artifacts = service.artifacts()
    expect(artifacts.map((a) => [a.name, a.finalized])).toEqual([['sbom-gate', true]])
    const entries = readZipEntries(artifacts[0]?.blob ?? Buffer.alloc(0))
    expect(entries.map((e) => e.name)).toEqual(['sbom.cdx.json'])
    expect(Buffer.compare(entries[0]?.data ?? Buffer.alloc(0), readFileSync(join(workspace, 'sbom.cdx.json')))).toBe(0)
    expect(result.stdout).toMatch(/^SBOM uploaded as artifact sbom-gate \(id \d+, [\d.]+ KiB\)$/m)
    expect(commands(result.stdout, 'warning')).toEqual([])
    expect(prComments(github)[0]?.body).toMatch(artifactNamed('sbom-gate'))
    expect(result.summary).toMatch(artifactNamed('sbom-gate'))
  })

  describe('12. upload-sbom: true while the artifact service answers 5xx every time', () => {
    for (const [app, code] of [
      [VULNERABLE_APP, 1],
      [CLEAN_APP, 0]
    ] as const) {
      it.concurrent(
        `warns once and keeps outputs, reports, summary, comment and the verdict (exit ${code})`,
        async () => {
          const { github, run } = await servers()
          const { service, env } = await artifactService()
          service.failNext(Infinity, 503)
          const workspace = await copyApp(app)
          const result = await run({ workspace, inputs: { install: 'false', 'upload-sbom': 'true' }, env })

          expect(result.code).toBe(code)
          expect(result.outputs.passed).toBe(String(code === 0))
          expect(commands(result.stdout, 'error')).toHaveLength(code)
          const warnings = commands(result.stdout, 'warning').filter((w) => /artifact/i.test(w))
          expect(warnings).toEqual([expect.stringMatching(/^The SBOM was not uploaded as an artifact: CreateArtifact answered HTTP 503/)])
          // @actions/artifact tries five times, backing off about 30 s in all.
          expect(service.requests.map((r) => r.status)).toEqual([503, 503, 503, 503, 503])
          expect(service.artifacts()).toEqual([])
          expect(result.reportJson?.passed).toBe(code === 0)
          expect(result.reportJson?.sbom.status).toBe('ok')
          expect(existsSync(join(workspace, result.outputs['sbom-path'] ?? 'missing'))).toBe(true)
          expect(result.outputs['sarif-path']).toBe('hardening.sarif')
          expect(result.summary).toMatch(code === 0 ? /gate passed/i : /gate failed/i)
          expect(result.summary).not.toMatch(artifactNamed('.+'))
          expect(prComments(github)).toHaveLength(1)
          expect(prComments(github)[0]?.body).not.toMatch(artifactNamed('.+'))
          expectNoStackTrace(result)
        },
        180_000
      )
    }
  })
})
