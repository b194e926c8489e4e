// The action (node dist/index.js) on a pull request of a pnpm project: its lockfile is installed by
// pnpm's frozen install, audited and described as the npm lockfile of the same dependencies, and the
// comment reads as it does for npm (issue 14).
import { describe, expect, it } from '@jest/globals'
import { cp, rm } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { actionServers } from '../helpers/action-servers.js'
import { copyApp, OWNER, PR_NUMBER, REPO, REPO_ROOT } from '../helpers/run-action.js'

const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
const FIXTURES = join(REPO_ROOT, '__tests__/fixtures/package-managers')
const WITH_PNPM = `${join(REPO_ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`

const servers = actionServers()

describe('action e2e: pnpm projects', () => {
  it('a pnpm-locked app gets the advisories, SBOM and comment the npm-locked one gets', async () => {
    const { github, run } = await servers()
    const npmSide = await copyApp(VULNERABLE_APP)
    const pnpmSide = await copyApp(VULNERABLE_APP)
    await rm(join(pnpmSide, 'package-lock.json'))
    await cp(join(FIXTURES, 'pnpm'), pnpmSide, { recursive: true })

    const npm = await run({ workspace: npmSide, inputs: { install: 'false', comment: 'never' } })
    const pnpm = await run({ workspace: pnpmSide, inputs: { install: 'false' } })

    expect(pnpm.code).toBe(1)
    expect(pnpm.outputs.vulnerabilities).toBe(npm.outputs.vulnerabilities)
    expect(JSON.parse(pnpm.outputs.vulnerabilities ?? '{}')).toMatchObject({ high: 6 })
    expect(pnpm.reportJson?.audit).toEqual(npm.reportJson?.audit)
    expect(pnpm.reportJson?.findings.map((f) => f.rule)).toEqual(npm.reportJson?.findings.map((f) => f.rule))
    expect(pnpm.reportJson?.findings.map((f) => f.rule)).not.toContain('lockfile-missing')
    const bom = (dir: string) => JSON.parse(readFileSync(join(dir, 'sbom.cdx.json'), 'utf8')) as { components: Array<{ purl: string }> }
    expect(
      bom(pnpmSide)
        .components.map((c) => c.purl)
        .sort()
    ).toEqual(
      bom(npmSide)
        .components.map((c) => c.purl)
        .sort()
    )
    const [comment] = github.comments(OWNER, REPO, PR_NUMBER)
    expect(comment?.body).toMatch(/GHSA-/)
    expect(comment?.body).not.toMatch(/lockfile-missing|npm audit could not/)
    // No temporary npm view is left in the workspace.
    expect(existsSync(join(pnpmSide, 'package-lock.json'))).toBe(false)
  }, 180_000)

  it("install: true runs pnpm's frozen install with scripts off; without pnpm the step fails naming the setup step", async () => {
    const { run } = await servers()
    const installed = await copyApp(join(FIXTURES, 'pnpm-install'))
    const ok = await run({ workspace: installed, inputs: { install: 'true', comment: 'never' }, env: { PATH: WITH_PNPM } })
    expect(ok.reportJson?.steps.find((s) => s.name === 'pnpm install')).toMatchObject({ status: 'ok' })
    expect(existsSync(join(installed, 'node_modules', 'tiny-greeting', 'index.js'))).toBe(true)
    expect(existsSync(join(installed, 'postinstall-ran'))).toBe(false)
    // The SBOM of a tree whose one dependency is a local tarball: npm reads it without a missing dependency.
    expect(ok.reportJson?.reasons).toEqual([])
    expect(ok.reportJson?.sbom).toMatchObject({ status: 'ok', components: 0 })
    expect(ok.code).toBe(0)

    const bare = (process.env.PATH ?? '').split(delimiter).filter((p) => !existsSync(join(p, 'pnpm')))
    const missing = await copyApp(join(FIXTURES, 'pnpm-install'))
    const failed = await run({ workspace: missing, inputs: { install: 'true', comment: 'never' }, env: { PATH: bare.join(delimiter) } })
    expect(failed.code).toBe(1)
    expect(failed.reportJson?.reasons).toContain(
      'pnpm install failed: pnpm is not on PATH: add `pnpm/action-setup` (or `corepack enable`) before this step'
    )
    expect(failed.summary).toContain('pnpm/action-setup')
    expect(existsSync(join(missing, 'node_modules'))).toBe(false)
  }, 180_000)
})
