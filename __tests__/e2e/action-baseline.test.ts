// The `baseline` input and the `new-findings` output through dist/index.js: a baseline file passes
// what it holds on any event; `auto` on a pull request compares with the base commit, and when that
// cannot be had warns once and judges everything; `none` judges everything without a word.
import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { actionServers } from '../helpers/action-servers.js'
import { hermeticNpmEnv } from '../helpers/npm-env.js'
import { commands, copyApp, REPO_ROOT } from '../helpers/run-action.js'

const VULNERABLE_APP = join(REPO_ROOT, 'examples/vulnerable-app')
const CLI = join(REPO_ROOT, 'dist', 'cli.js')
const OFFLINE = { install: 'false', sbom: 'false' }
const servers = actionServers()

const baselineWarnings = (stdout: string): string[] => commands(stdout, 'warning').filter((w) => /baseline|base commit/.test(w))

describe('dist/index.js with a baseline', () => {
  it.concurrent('passes on a push with a baseline file that holds every finding and advisory: new-findings 0', async () => {
    const { registry, run } = await servers()
    const workspace = await copyApp(VULNERABLE_APP)
    // The ratchet as a team makes it: the CLI writes the file, against the same registry.
    // Asynchronously: the fake registry answers from this process.
    await new Promise<void>((resolve) => {
      execFile(
        process.execPath,
        [CLI, workspace, '--no-install', '--no-sbom', '--write-baseline', join(workspace, 'hardening-baseline.json')],
        { env: hermeticNpmEnv(registry.url) },
        () => resolve()
      )
    })
    const result = await run({ workspace, eventName: 'push', inputs: { ...OFFLINE, baseline: 'hardening-baseline.json' } })
    expect(result.outputs.passed).toBe('true')
    expect(result.code).toBe(0)
    expect(Number(result.outputs.findings)).toBeGreaterThan(3)
    expect(result.outputs['new-findings']).toBe('0')
    expect(result.reportJson?.baseline).toMatchObject({ source: 'file', ref: 'hardening-baseline.json', status: 'ok' })
    expect(result.reportJson?.audit.advisories.length).toBeGreaterThan(0)
    expect(result.reportJson?.audit.advisories.every((a) => a.new === false)).toBe(true)
    expect(baselineWarnings(result.stdout)).toEqual([])
  })

  it.concurrent(
    'on a pull request, auto asks for the base commit; when it cannot be had one warning, and every finding counts',
    async () => {
      const { run } = await servers()
      const result = await run({ workspace: await copyApp(VULNERABLE_APP), inputs: OFFLINE })
      expect(result.code).toBe(1)
      expect(result.reportJson?.baseline).toMatchObject({
        source: 'base-commit',
        ref: 'fedcba9876543210fedcba9876543210fedcba98',
        status: 'error'
      })
      const warnings = baselineWarnings(result.stdout)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/the base commit fedcba987654 could not be scanned \(.+\), so every finding counts: .*fetch-depth: 0/)
      expect(result.outputs['new-findings']).toBe(result.outputs.findings)
    }
  )

  it.concurrent('baseline: none judges everything, with no baseline warning, on a pull request too', async () => {
    const { run } = await servers()
    const result = await run({ workspace: await copyApp(VULNERABLE_APP), inputs: { ...OFFLINE, baseline: 'none' } })
    expect(result.code).toBe(1)
    expect(result.reportJson?.baseline).toMatchObject({ source: 'none', status: 'skipped' })
    expect(result.reportJson?.findings.every((f) => f.new === undefined)).toBe(true)
    expect(baselineWarnings(result.stdout)).toEqual([])
    expect(result.outputs['new-findings']).toBe(result.outputs.findings)
  })

  it.concurrent('a baseline input outside the workspace is one clear error line', async () => {
    const { run } = await servers()
    const result = await run({ workspace: await copyApp(VULNERABLE_APP), inputs: { ...OFFLINE, baseline: '../../etc/passwd' } })
    expect(result.code).toBe(1)
    expect(commands(result.stdout, 'error')).toEqual([
      "baseline '../../etc/passwd' is outside the workspace; give auto, none or a baseline file relative to working-directory"
    ])
  })
})
