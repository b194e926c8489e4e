// The baseline through the bundled CLI (dist/cli.js): the ratchet file round-trips, a new finding
// fails while the old ones (moved and reformatted) pass, an unreadable baseline judges everything.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hermeticNpmEnv } from '../helpers/npm-env.js'
import { startFakeRegistry, type FakeRegistry } from '../helpers/npm-registry-server.js'

const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const SAMPLE = join(ROOT, 'examples', 'vulnerable-app')

interface Run {
  code: number
  stdout: string
  stderr: string
}

interface JsonFinding {
  rule: string
  line: number | null
  fingerprint: string
  new?: boolean
  suppressed: boolean
}

let registry: FakeRegistry
let work: string
let env: NodeJS.ProcessEnv

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: work, env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr })
      }
    )
  })
}

const OFFLINE = ['--no-install', '--no-audit', '--no-sbom']

beforeAll(async () => {
  registry = await startFakeRegistry()
  env = hermeticNpmEnv(registry.url)
  work = mkdtempSync(join(tmpdir(), 'ehg-cli-baseline-'))
})

afterAll(async () => {
  await registry.close()
  rmSync(work, { recursive: true, force: true })
})

describe('dist/cli.js --write-baseline / --baseline', () => {
  it('round-trips the ratchet file: written, read back it passes with nothing new, rewritten it is byte-identical', async () => {
    const app = join(work, 'sample')
    cpSync(SAMPLE, app, {
      recursive: true,
      filter: (src) => !/node_modules|sbom\.cdx\.json$|hardening-report\.json$|hardening\.sarif$/.test(src)
    })
    const first = await cli([app, '--no-install', '--no-sbom', '--format', 'json', '--write-baseline', 'sample/hardening-baseline.json'])
    expect(first.code).toBe(1)
    expect(first.stderr).toMatch(/wrote baseline .*hardening-baseline\.json: \d+ findings, \d+ advisories/)
    const written = readFileSync(join(app, 'hardening-baseline.json'), 'utf8')
    const data = JSON.parse(written) as { findings: unknown[]; advisories: unknown[] }
    const before = JSON.parse(first.stdout) as { findings: JsonFinding[]; audit: { advisories: unknown[] } }
    expect(data.findings).toHaveLength(before.findings.filter((f) => !f.suppressed).length)
    expect(data.findings.length).toBeGreaterThan(3)
    expect(data.advisories.length).toBeGreaterThan(0)
    expect(data.findings[0]).toEqual({
      rule: expect.any(String),
      file: expect.any(String),
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/)
    })

    const again = await cli([
      app,
      '--no-install',
      '--no-sbom',
      '--format',
      'json',
      '--baseline',
      'sample/hardening-baseline.json',
      '--write-baseline',
      'sample/rewritten.json'
    ])
    expect(again.code).toBe(0)
    const report = JSON.parse(again.stdout)
    expect(report.passed).toBe(true)
    expect(report.baseline).toEqual({ source: 'file', ref: 'hardening-baseline.json', status: 'ok', fixed: [], advisoriesFixed: [] })
    expect(report.findings.every((f: JsonFinding) => f.new === false)).toBe(true)
    expect(report.audit.advisories.every((a: { new?: boolean }) => a.new === false)).toBe(true)
    expect(readFileSync(join(app, 'rewritten.json'), 'utf8')).toBe(written)
  })

  it('fails on a new finding while the old ones, moved down and reformatted, pass; credits a fixed one', async () => {
    const app = join(work, 'moved')
    mkdirSync(app, { recursive: true })
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'moved', version: '1.0.0', dependencies: { express: '^4.21.0', cors: '^2.8.5' } })
    )
    const original = [
      "const express = require('express')",
      "const cors = require('cors')",
      'function createApp() {',
      '  const app = express()',
      '  app.use(cors())',
      "  app.get('/', (req, res) => res.send('ok'))",
      '  return app',
      '}',
      'createApp().listen(3000)'
    ].join('\n')
    writeFileSync(join(app, 'app.js'), `${original}\n`)
    const written = await cli([app, ...OFFLINE, '--format', 'json', '--write-baseline', 'moved.json'])
    const before = JSON.parse(written.stdout) as { findings: JsonFinding[] }
    expect(before.findings.map((f) => f.rule)).toContain('cors-permissive')

    const edited = [
      '// The API server.',
      "'use strict';",
      'const express = require("express");',
      'const cors = require("cors");',
      'const session = require("express-session");',
      '',
      'function buildServer() {',
      '    const app = express();',
      '    app.use(cors());',
      '    app.use(session({ secret: "keyboard cat", resave: false, saveUninitialized: false, store: new Store() }));',
      '    app.get("/", (req, res) => res.send("ok"));',
      '    return app;',
      '}',
      'buildServer().listen(3000);'
    ].join('\n')
    writeFileSync(join(app, 'app.js'), `${edited}\n`)
    const run = await cli([app, ...OFFLINE, '--format', 'json', '--baseline', 'moved.json'])
    const report = JSON.parse(run.stdout) as { passed: boolean; reasons: string[]; findings: JsonFinding[]; baseline: { status: string } }
    expect(report.baseline.status).toBe('ok')
    const cors = report.findings.find((f) => f.rule === 'cors-permissive')
    expect(cors).toMatchObject({ line: 9, new: false })
    expect(cors?.fingerprint).toBe(before.findings.find((f) => f.rule === 'cors-permissive')?.fingerprint)
    const secret = report.findings.find((f) => f.rule === 'session-secret-hardcoded')
    expect(secret).toMatchObject({ line: 10, new: true })
    const fresh = report.findings.filter((f) => f.new).map((f) => f.rule)
    expect(fresh.every((rule) => rule.startsWith('session-'))).toBe(true)
    expect(run.code).toBe(1)
    expect(report.reasons).toEqual([expect.stringMatching(/^\d+ new hardening findings? at or above high$/)])

    // The same edit without the session line passes: nothing new at or above high.
    writeFileSync(
      join(app, 'app.js'),
      `${edited
        .split('\n')
        .filter((l) => !l.includes('session'))
        .join('\n')}\n`
    )
    const clean = await cli([app, ...OFFLINE, '--format', 'json', '--baseline', 'moved.json'])
    expect(clean.code).toBe(0)

    // Fixing the CORS gap is credited.
    writeFileSync(join(app, 'app.js'), `${original.replace('  app.use(cors())\n', '')}\n`)
    const fixed = JSON.parse((await cli([app, ...OFFLINE, '--format', 'json', '--baseline', 'moved.json'])).stdout)
    expect(fixed.baseline.fixed).toEqual([expect.objectContaining({ rule: 'cors-permissive', file: 'app.js' })])
  })

  it('warns once and judges everything when the baseline file cannot be read', async () => {
    const app = join(work, 'unreadable')
    cpSync(SAMPLE, app, { recursive: true, filter: (src) => !/node_modules/.test(src) })
    writeFileSync(join(app, 'broken.json'), '{"version": 1, "findings": [')
    for (const file of ['broken.json', 'missing.json']) {
      const run = await cli([app, ...OFFLINE, '--format', 'json', '--baseline', join('unreadable', file)])
      expect(run.code).toBe(1)
      const report = JSON.parse(run.stdout)
      expect(report.baseline).toMatchObject({ source: 'file', ref: file, status: 'error' })
      expect(report.warnings.filter((w: string) => w.includes('baseline'))).toEqual([
        expect.stringMatching(
          new RegExp(`^baseline file ${file.replace('.', '\\.')} could not be used \\(.+\\), so every finding counts: `)
        )
      ])
      expect(report.findings.every((f: JsonFinding) => f.new === undefined)).toBe(true)
      expect(report.reasons[0]).toMatch(/^\d+ hardening findings at or above high$/)
    }
    const text = await cli([app, ...OFFLINE, '--baseline', 'unreadable/missing.json'])
    expect(text.stdout).toContain('warning: baseline file missing.json could not be used (it does not exist)')
  })
})
