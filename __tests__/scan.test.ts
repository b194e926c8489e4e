import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { EMPTY_CONFIG } from '../src/config/config-file.js'
import type { GateOptions } from '../src/config/options.js'
import type { SourceFile } from '../src/discovery/find-files.js'
import { groupByPackage } from '../src/discovery/packages.js'
import { runGate } from '../src/pipeline.js'
import { runScan } from '../src/scan/run.js'
import type { Report } from '../src/report.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ehg-scan-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

function file(path: string): SourceFile {
  return { path, absPath: `/r/${path}`, size: 1, kind: path.endsWith('package.json') ? 'package-json' : 'js', test: false }
}

const manifest = (name: string) => JSON.stringify({ name, version: '1.0.0', dependencies: { express: '^5.1.0' } })
const APP_WITHOUT_HELMET =
  "const express = require('express')\nconst app = express()\napp.disable('x-powered-by')\napp.use((err, req, res, next) => res.status(500).end())\napp.listen(3000)\n"

describe('groupByPackage', () => {
  it('puts each file in the package of the nearest package.json above it, the rest in the root', () => {
    const manifests = ['package.json', 'packages/a/package.json', 'packages/a/nested/package.json', 'packages/b/package.json'].map(file)
    const files = [
      'scripts/x.js',
      'packages/a/src/app.js',
      'packages/a/nested/deep/y.ts',
      'packages/b/index.js',
      'packages/c/z.js',
      'w.js'
    ].map(file)
    const groups = groupByPackage(files, manifests)
    expect(groups.map((g) => [g.folder, g.files.map((f) => f.path)])).toEqual([
      ['', ['scripts/x.js', 'packages/c/z.js', 'w.js']],
      ['packages/a', ['packages/a/src/app.js']],
      ['packages/a/nested', ['packages/a/nested/deep/y.ts']],
      ['packages/b', ['packages/b/index.js']]
    ])
  })
})

describe('runScan on a monorepo', () => {
  const root = project({
    'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
    Dockerfile: 'FROM node:22-slim\nCOPY . .\nCMD ["node", "packages/api/src/app.js"]\n',
    'packages/api/package.json': manifest('api'),
    'packages/api/src/app.js': APP_WITHOUT_HELMET,
    'packages/web/package.json': manifest('web'),
    // helmet comes from a setup module of another workspace, reached by a relative import
    'packages/web/src/app.js': APP_WITHOUT_HELMET.replace("app.disable('x-powered-by')\n", "require('../../shared/src/security')(app)\n"),
    'packages/shared/package.json': manifest('shared'),
    'packages/shared/src/security.js': "const helmet = require('helmet')\nmodule.exports = (app) => { app.use(helmet()) }\n"
  })
  const { findings } = runScan(root, EMPTY_CONFIG, '2026-11-26')
  const of = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line ?? '-'}`)

  it('models each workspace with the modules it imports from other workspaces', () => {
    expect(of('helmet-missing')).toEqual(['packages/api/src/app.js:2'])
  })

  it('reports a finding of the whole tree once, not once per workspace', () => {
    expect(of('docker-root-user')).toEqual(['Dockerfile:1'])
  })
})

describe('the scan in a worker thread', () => {
  const root = project({
    'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
    'packages/api/package.json': manifest('api'),
    'packages/api/src/app.js': APP_WITHOUT_HELMET,
    'packages/web/package.json': manifest('web'),
    'packages/web/src/app.js': "const express = require('express')\nconst app = express()\napp.use(express.json())\napp.listen(3000)\n"
  })
  const key = (f: { rule: string; file: string; line: number | null; message: string }) =>
    `${f.rule} ${f.file}:${f.line ?? '-'} ${f.message}`
  const inProcess = runScan(root, EMPTY_CONFIG, '2026-11-26')

  it('finds what the scan in this thread finds (the bundled CLI scans in its worker)', () => {
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'dist/cli.js'), root, '--no-install', '--no-audit', '--no-sbom', '--format', 'json'],
      { encoding: 'utf8' }
    )
    const report = JSON.parse(cli.stdout) as Report
    expect(report.findings.length).toBeGreaterThan(3)
    expect(report.findings.map(key).sort()).toEqual(inProcess.findings.map(key).sort())
    expect(report.notes).toEqual(inProcess.notes)
  })

  it('scans in this thread, with a note, when the worker cannot run', async () => {
    const options: GateOptions = {
      workspace: root,
      workingDirectory: root,
      install: false,
      ignoreScripts: true,
      audit: false,
      auditLevel: 'high',
      omitDev: false,
      onAuditError: 'fail',
      failOn: 'high',
      sbom: false,
      sbomFile: join(root, 'sbom.cdx.json'),
      sarifFile: '',
      reportFile: '',
      configFile: join(root, '.github/hardening.yml'),
      configRequired: false,
      today: '2026-11-26'
    }
    const report = await runGate(options, {
      exec: () => Promise.reject(new Error('no tools here')),
      log: () => undefined,
      scanWorker: join(root, 'missing-worker.js')
    })
    expect(report.notes[0]?.message).toMatch(/^the scan's worker thread failed \(.+\); scanned again in the main thread$/)
    expect(report.findings.map(key).sort()).toEqual(inProcess.findings.map(key).sort())
  })
})
