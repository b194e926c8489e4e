// A hostile repository cannot make the gate run its code: every file that some tool would load
// (sources, tool configs, package entry points, babel plugins, tsconfig extends, a node_modules
// stand-in) writes a marker when loaded. The scan (in-process and the bundled CLI as a child) only
// parses them: no marker, the usual findings. Then node runs a few of them, proving the markers work.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { EMPTY_CONFIG, loadConfig } from '../../src/config/config-file.js'
import { parseConfig } from '../../src/config/config-schema.js'
import { UsageError } from '../../src/config/errors.js'
import { todayUtc } from '../../src/config/options.js'
import { resolveOutputFile } from '../../src/config/paths.js'
import type { Finding } from '../../src/findings/finding.js'
import type { Report } from '../../src/report.js'
import { KNOWN_RULE_IDS } from '../../src/rules/registry.js'
import { runScan } from '../../src/scan/run.js'
import { actionServers } from '../helpers/action-servers.js'
import { startFakeRegistry, type FakeRegistry } from '../helpers/npm-registry-server.js'
import { commands, makeWorkspace } from '../helpers/run-action.js'
import { hermeticNpmEnv } from '../helpers/npm-env.js'
import { cjsPayload, cleanEnv, esmPayload, lockfile, markers, removeMadeDirs, runCli, shellMarkers, tempDir, writeTree } from './harness.js'

/** The CLI scans as of today (end-of-life tables): the in-process scan does too. */
const TODAY = todayUtc()

/** The Express app of both hostile trees: no helmet, no limiter, a hardcoded session secret. */
const APP = `
const express = require('express')
const session = require('express-session')
const app = express()
app.use(session({ secret: 'keyboard-cat-0042', resave: false, saveUninitialized: false }))
app.get('/users/:id', (req, res) => res.send(String(req.params.id)))
module.exports = app
`

function hostileTree(root: string, mark: string): void {
  const cjs = (name: string) => cjsPayload(mark, name)
  const esm = (name: string) => esmPayload(mark, name)
  writeTree(root, {
    'src/app.js': `${cjs('src-app.js')}require('./util.cjs')\nrequire(require('path').join(__dirname, 'routes'))\nimport('./server.mjs')\n${APP}`,
    'src/util.cjs': cjs('src-util.cjs'),
    'src/server.mjs': `${esm('src-server.mjs')}import app from './app.js'\napp.listen(3000)\n`,
    'src/typed.ts': `${esm('src-typed.ts')}const port: number = Number(process.env.PORT ?? 3000)\nexport default port\n`,
    'src/view.tsx': `${esm('src-view.tsx')}export const View = (): JSX.Element => <div>hi</div>\n`,
    'src/routes/index.js': `${cjs('src-routes')}module.exports = require('express').Router()\n`,
    'index.js': `${cjs('main.js')}module.exports = require('./src/app')\n`,
    'lib/exports.mjs': esm('exports.mjs'),
    'lib/exports.cjs': cjs('exports.cjs'),
    'bin/cli.js': `#!/usr/bin/env node\n${cjs('bin.js')}`,
    'pwn.cjs': cjs('pwn.cjs'),
    'pwn-plugin.cjs': `${cjs('babel-plugin')}module.exports = () => ({ visitor: {} })\n`,
    // Config files that eslint, jest, babel, bundlers, test runners and process managers would load.
    'eslint.config.js': cjs('eslint.config.js'),
    'eslint.config.mjs': esm('eslint.config.mjs'),
    '.eslintrc.js': cjs('.eslintrc.js'),
    '.eslintrc.cjs': cjs('.eslintrc.cjs'),
    'jest.config.js': cjs('jest.config.js'),
    'jest.config.ts': esm('jest.config.ts'),
    'babel.config.js': cjs('babel.config.js'),
    'babel.config.cjs': cjs('babel.config.cjs'),
    '.babelrc.js': cjs('.babelrc.js'),
    '.babelrc': JSON.stringify({ plugins: ['./pwn-plugin.cjs'], presets: ['./pwn.cjs'] }),
    'webpack.config.js': cjs('webpack.config.js'),
    'vite.config.ts': esm('vite.config.ts'),
    'next.config.js': cjs('next.config.js'),
    'rollup.config.mjs': esm('rollup.config.mjs'),
    '.prettierrc.js': cjs('.prettierrc.js'),
    '.mocharc.js': cjs('.mocharc.js'),
    'ecosystem.config.js': cjs('ecosystem.config.js'),
    'knexfile.js': cjs('knexfile.js'),
    'gulpfile.js': cjs('gulpfile.js'),
    'tsconfig.json': JSON.stringify({ extends: './pwn.cjs', compilerOptions: { plugins: [{ name: './pwn-plugin.cjs' }] } }),
    'package.json': JSON.stringify(
      {
        name: 'hostile-app',
        version: '1.0.0',
        main: 'index.js',
        exports: { '.': { import: './lib/exports.mjs', require: './lib/exports.cjs' } },
        bin: { hostile: 'bin/cli.js' },
        scripts: Object.fromEntries(
          ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'test', 'start'].map((s) => [
            s,
            `node -e "${cjs(`script-${s}`).trim().replace(/"/g, '\\"')}"`
          ])
        ),
        babel: { plugins: ['./pwn-plugin.cjs'] },
        jest: { setupFiles: ['./pwn.cjs'] },
        eslintConfig: { plugins: ['./pwn-plugin.cjs'] },
        dependencies: { express: '4.21.2', 'express-session': '1.18.1' }
      },
      null,
      2
    ),
    'package-lock.json': lockfile('hostile-app', { express: '4.21.2', 'express-session': '1.18.1' }),
    // A stand-in for an installed dependency: resolving `express` from the repository would run it.
    'node_modules/express/package.json': JSON.stringify({ name: 'express', version: '4.21.2', main: 'index.js' }),
    'node_modules/express/index.js': cjs('node_modules-express'),
    'node_modules/@babel/parser/package.json': JSON.stringify({ name: '@babel/parser', version: '7.0.0', main: 'index.js' }),
    'node_modules/@babel/parser/index.js': cjs('node_modules-babel-parser'),
    '.github/hardening.yml': 'suppressions:\n  - rule: session-memory-store\n    reason: the store is swapped in at deploy time\n',
    Dockerfile: 'FROM node:22-slim\nRUN node pwn.cjs\nCMD ["node", "index.js"]\n'
  })
}

/** What identifies a finding across runs. */
const key = (f: Finding) => `${f.rule} ${f.file}:${f.line ?? '-'} ${f.fingerprint} ${f.suppressed}`

let mark: string
let root: string

beforeAll(() => {
  const base = tempDir('ehg-sec-exec-')
  mark = join(base, 'markers')
  root = join(base, 'repo')
  mkdirSync(mark)
  hostileTree(root, mark)
})

afterAll(removeMadeDirs)

describe('a hostile repository cannot run code through the scan', () => {
  let inProcess: Finding[]

  it('runScan (in-process) parses every file and loads none', async () => {
    const config = await loadConfig(join(root, '.github/hardening.yml'), false, '.github/hardening.yml', KNOWN_RULE_IDS)
    const result = runScan(root, config, TODAY)
    inProcess = result.findings
    expect(markers(mark)).toEqual([])
    const rules = new Set(result.findings.filter((f) => f.file === 'src/app.js').map((f) => f.rule))
    for (const rule of ['helmet-missing', 'rate-limit-missing', 'session-secret-hardcoded']) expect(rules).toContain(rule)
    // The config file was read (as YAML data): its suppression applies.
    expect(result.findings.find((f) => f.rule === 'session-memory-store')?.suppressed).toBe(true)
    // The sources were parsed, not skipped: the ESM and TSX files are in the scan without a parse note.
    expect(result.notes.filter((n) => /src\/(server\.mjs|typed\.ts|view\.tsx)/.test(n.file))).toEqual([])
  })

  it('the bundled CLI run inside the repository loads none of it and reports the same findings', async () => {
    const run = await runCli(['.', '--no-install', '--no-audit', '--no-sbom', '--format', 'json'], { cwd: root, env: cleanEnv() })
    expect(markers(mark)).toEqual([])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as Report
    expect(report.findings.map(key).sort()).toEqual(inProcess.map(key).sort())
  })

  it('the markers do work: node running the files leaves one for each', () => {
    for (const file of ['src/util.cjs', 'src/server.mjs', 'eslint.config.js', 'lib/exports.mjs', 'pwn-plugin.cjs']) {
      try {
        execFileSync(process.execPath, [join(root, file)], { cwd: root, env: cleanEnv(), stdio: 'ignore', timeout: 20_000 })
      } catch {
        // src/server.mjs imports app.js, which requires the repository's `express` stand-in and then fails calling it.
      }
    }
    expect(markers(mark)).toEqual(
      expect.arrayContaining([
        'src-util.cjs',
        'src-app.js',
        'src-routes',
        'node_modules-express',
        'eslint.config.js',
        'exports.mjs',
        'babel-plugin'
      ])
    )
  })
})

describe('shell metacharacters in repository data execute nothing', () => {
  let registry: FakeRegistry
  beforeAll(async () => {
    registry = await startFakeRegistry()
  })
  afterAll(() => registry.close())

  // Each would create a file named exactly `pwned-<what>` (in the shell's working directory) if any
  // part of the gate ever handed it to a shell.
  const sh = (what: string) => `$(touch pwned-${what})`
  const tick = (what: string) => `\`touch pwned-${what}\``
  const hostileNames = [
    `src/a;touch pwned-semi;.js`,
    `src/${sh('dollar')}.js`,
    `src/${tick('tick')}.js`,
    'src/with space & ampersand.js',
    'src/new\nline.js',
    `src/|touch pwned-pipe|.js`,
    `src/>pwned-redirect.js`
  ]

  it('file names, a working directory and package.json fields with $(...), backticks, ; and newlines', async () => {
    const base = tempDir('ehg-sec-shell-')
    const project = join(base, `proj ;${sh('dir')} ${tick('dirtick')}\nline`)
    const files: Record<string, string> = Object.fromEntries(hostileNames.map((name) => [name, APP]))
    const name = 'shell-app'
    writeTree(project, {
      ...files,
      'package.json': JSON.stringify(
        {
          name,
          version: '1.0.0',
          description: `${sh('desc')} ${tick('desctick')}`,
          main: `${sh('main')}.js`,
          bin: { [`x;touch pwned-bin`]: `bin/${sh('binpath')}.js` },
          scripts: {
            preinstall: 'touch pwned-preinstall',
            install: 'touch pwned-install',
            postinstall: 'touch pwned-postinstall',
            prepare: 'touch pwned-prepare',
            test: 'touch pwned-test',
            audit: 'touch pwned-audit',
            ls: 'touch pwned-ls'
          },
          engines: { node: `>=22 ${sh('engines')}` },
          repository: `git+ssh://x;touch pwned-repo`,
          config: { port: `${sh('config')}` }
        },
        null,
        2
      ),
      'package-lock.json': lockfile(name, {}),
      // One npm never reads (it would refuse the version), for the scan's own package.json parser.
      'packages/sub/package.json': JSON.stringify({
        name: `sub;${sh('subname')}`,
        version: `1.0.0${sh('version')}`,
        bin: `${tick('subbin')}.js`,
        scripts: { postinstall: `${sh('subscript')}` },
        engines: { node: `${tick('subengines')} >=16` }
      })
    })
    const env = cleanEnv(hermeticNpmEnv(registry.url, tempDir('ehg-sec-npm-')) as Record<string, string>)
    // npm ci (scripts off), npm audit and cyclonedx-npm all run, with the project as working directory.
    const run = await runCli([project, '--install', '--format', 'json', '--audit-level', 'none', '--fail-on', 'none'], {
      cwd: project,
      env
    })

    expect(shellMarkers(base)).toEqual([])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as Report
    expect(report.steps.map((s) => `${s.name} ${s.status}`)).toEqual(['npm ci ok', 'npm audit ok', 'sbom ok', 'scan ok'])
    const scanned = new Set(report.findings.filter((f) => f.rule === 'helmet-missing').map((f) => f.file))
    for (const file of hostileNames) expect(scanned).toContain(file)
    // The same findings as the in-process scan of the same tree.
    const inProcess = runScan(project, EMPTY_CONFIG, TODAY)
    expect(report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`).sort()).toEqual(
      inProcess.findings.map((f) => `${f.rule} ${f.file}:${f.line}`).sort()
    )
  })

  it('the markers do work: a shell given one of those names leaves the file', () => {
    const dir = tempDir('ehg-sec-shell-proof-')
    execFileSync('/bin/sh', ['-c', `echo ${hostileNames[1]}`], { cwd: dir, stdio: 'ignore' })
    expect(shellMarkers(dir)).toHaveLength(1)
  })
})

describe('the config file is YAML data, nothing more', () => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  for (let i = 1; i < 10; i += 1)
    laughs.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`
    )

  it.each([
    [
      'a !!js/function tag',
      (m: string) =>
        `rules:\n  helmet-missing: !!js/function 'function () { require("fs").writeFileSync(${JSON.stringify(join(m, 'yaml-fn'))}, "x") }'\n`
    ],
    [
      'a !!js/undefined and a custom tag',
      (m: string) =>
        `rules:\n  helmet-missing: !!js/undefined ''\nsuppressions: !<tag:yaml.org,2002:js/function> 'require(${JSON.stringify(join(m, 'yaml-tag'))})'\n`
    ],
    [
      '__proto__ and constructor keys',
      () => 'rules:\n  __proto__:\n    polluted: off\n  constructor:\n    prototype:\n      polluted: off\n__proto__:\n  polluted: yes\n'
    ],
    ['merge keys onto __proto__', () => 'base: &b\n  polluted: yes\nrules:\n  <<: *b\n  __proto__: *b\n'],
    ['an alias bomb', () => `${laughs.join('\n')}\nrules: *j\n`]
  ])('%s: an error or plain data, never code, never a polluted prototype', async (_name, text) => {
    const dir = tempDir('ehg-sec-yaml-')
    const file = join(dir, 'hardening.yml')
    writeFileSync(file, text(mark))
    try {
      await loadConfig(file, true, '.github/hardening.yml', KNOWN_RULE_IDS)
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      expect((error as Error).message).not.toContain('\n')
    }
    expect(markers(mark).filter((m) => m.startsWith('yaml-'))).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('the checks above see a parse: a valid config still loads', () => {
    expect(parseConfig('rules:\n  helmet-missing: off\n', 'x.yml', KNOWN_RULE_IDS).severity.get('helmet-missing')).toBe('off')
  })
})

describe('output files the repository planted as symbolic links', () => {
  const servers = actionServers()

  it('are not written through: a file outside the workspace keeps its content', async () => {
    const { run } = await servers()
    const workspace = await makeWorkspace()
    writeTree(workspace, { 'package.json': JSON.stringify({ name: 'links', version: '1.0.0' }), 'src/app.js': APP })
    const outside = tempDir('ehg-sec-victim-')
    const victims = ['hardening-report.json', 'hardening.sarif', 'sbom.cdx.json'].map((name) => {
      const victim = join(outside, `${name}.victim`)
      writeFileSync(victim, 'precious\n')
      symlinkSync(victim, join(workspace, name))
      return victim
    })
    const result = await run({ workspace, inputs: { install: 'false', 'fail-on': 'none' } })

    for (const victim of victims) expect(readFileSync(victim, 'utf8')).toBe('precious\n')
    expect(commands(result.stdout, 'error')).toEqual([
      expect.stringMatching(/is a symbolic link in the repository; the gate does not write through one/)
    ])
    for (const [name, file] of [
      ['report-file', 'hardening-report.json'],
      ['sarif-file', 'hardening.sarif'],
      ['sbom-file', 'sbom.cdx.json']
    ] as const) {
      expect(() => resolveOutputFile(name, workspace, workspace, file)).toThrow(`${name} '${file}' is a symbolic link`)
    }

    // The CLI writes the SBOM (cyclonedx-npm's --output-file) into the scanned folder too.
    const cli = await runCli(['.', '--no-install', '--no-audit'], { cwd: workspace, env: cleanEnv() })
    expect(cli.code).toBe(2)
    expect(cli.stderr).toMatch(/--sbom-file 'sbom\.cdx\.json' is a symbolic link/)
    for (const victim of victims) expect(readFileSync(victim, 'utf8')).toBe('precious\n')
  }, 60_000)

  it('nor into a folder of the repository that leads outside it', async () => {
    const { run } = await servers()
    const workspace = await makeWorkspace()
    writeTree(workspace, { 'package.json': JSON.stringify({ name: 'links', version: '1.0.0' }), 'src/app.js': APP })
    const outside = tempDir('ehg-sec-victim-dir-')
    symlinkSync(outside, join(workspace, 'reports'))
    const result = await run({ workspace, inputs: { install: 'false', sbom: 'false', 'report-file': 'reports/hardening-report.json' } })
    expect(commands(result.stdout, 'error')).toEqual([expect.stringMatching(/inside a symbolic link that leads outside the workspace/)])
    expect(markers(outside)).toEqual([])
  }, 60_000)
})
