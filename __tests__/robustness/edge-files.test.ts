// Files that are odd on disk or in their bytes: line endings, BOMs, encodings, NUL bytes, symlinks,
// deep nesting, huge lines, unreadable files and FIFOs. Each ends as correct findings or a note.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../src/config/config-file.js'
import { MAX_FILE_BYTES } from '../../src/discovery/find-files.js'
import type { Note } from '../../src/discovery/find-files.js'
import { runScan, type ScanResult } from '../../src/scan/run.js'
import { REPO_ROOT, removeProject, writeProject } from './corpus.js'

const TODAY = '2026-11-26'
const CLI = join(REPO_ROOT, 'dist', 'cli.js')
const IS_ROOT = process.getuid?.() === 0

const roots: string[] = []
afterAll(() => {
  for (const root of roots.splice(0)) {
    // chmod 000 files and folders must be made removable first
    execFileSync('chmod', ['-R', 'u+rwX', root])
    removeProject(root)
  }
})

function project(files: Record<string, Buffer | string>): string {
  const root = writeProject(files)
  roots.push(root)
  return root
}

const read = (path: string): Buffer => readFileSync(join(REPO_ROOT, path))

/** The sample app plus a file of every other kind with a finding in it. */
function kitchenSink(): Record<string, Buffer> {
  const app = 'examples/vulnerable-app'
  return {
    'src/app.js': read(`${app}/src/app.js`),
    'src/routes/users.js': read(`${app}/src/routes/users.js`),
    Dockerfile: read(`${app}/Dockerfile`),
    'package.json': read(`${app}/package.json`),
    'package-lock.json': read(`${app}/package-lock.json`),
    'nginx/conf.d/default.conf': read('__tests__/rules/fixtures/proxy/proxy-body-size/unlimited/conf.d/default.conf'),
    '.npmrc': read('__tests__/rules/fixtures/secrets/hardcoded-secret/npmrc-token/.npmrc'),
    '.env': read('__tests__/rules/fixtures/secrets/env-file-committed/committed/.env'),
    'docker-compose.yml': read('__tests__/rules/fixtures/docker/docker-node-env/compose/docker-compose.yml'),
    Caddyfile: read('__tests__/rules/fixtures/proxy/proxy-body-size/caddy-max-size/Caddyfile')
  }
}

function transform(
  files: Record<string, Buffer>,
  change: (text: string, path: string) => Buffer | string
): Record<string, Buffer | string> {
  return Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, change(bytes.toString('utf8'), path)]))
}

function scan(root: string): ScanResult {
  return runScan(root, EMPTY_CONFIG, TODAY)
}

/** Findings as `rule file:line`, sorted. */
function where(result: ScanResult): string[] {
  return result.findings.map((f) => `${f.rule} ${f.file}:${f.line}`).sort()
}

function notesOf(result: ScanResult, file: string): string[] {
  return result.notes.filter((n: Note) => n.file === file).map((n) => n.message)
}

const baseline = (() => {
  let cached: string[] | undefined
  return (): string[] => (cached ??= where(scan(project(kitchenSink()))))
})()

describe('line endings and encodings', () => {
  it('the baseline project has findings in every kind of file', () => {
    const files = new Set(baseline().map((w) => w.split(' ')[1]?.split(':')[0]))
    for (const file of ['src/app.js', 'Dockerfile', 'nginx/conf.d/default.conf', '.npmrc', '.env', 'docker-compose.yml', 'Caddyfile']) {
      expect(files).toContain(file)
    }
  })

  it('CRLF line endings: the same findings on the same lines as LF', () => {
    const result = scan(project(transform(kitchenSink(), (text) => text.replace(/\n/g, '\r\n'))))
    expect(where(result)).toEqual(baseline())
    expect(result.notes).toEqual([])
  })

  it('a UTF-8 BOM: the same findings on the same lines', () => {
    const result = scan(project(transform(kitchenSink(), (text) => `\uFEFF${text}`)))
    expect(where(result)).toEqual(baseline())
    expect(result.notes).toEqual([])
  })

  it('Latin-1 bytes (not UTF-8) in comments: still parsed, the same findings on the same lines', () => {
    const marker = (path: string): string | undefined =>
      path.endsWith('.json') ? undefined : path.endsWith('.js') ? '//' : path.endsWith('.npmrc') ? ';' : '#'
    const withComment = (encoding: 'latin1' | 'utf8', words: string) =>
      transform(kitchenSink(), (text, path) => {
        const mark = marker(path)
        return mark ? Buffer.concat([Buffer.from(`${mark} ${words}\n`, encoding), Buffer.from(text)]) : text
      })
    const latin1 = scan(project(withComment('latin1', 'caf\u00e9 d\u00e9j\u00e0 vu')))
    expect(latin1.notes).toEqual([])
    expect(where(latin1)).toEqual(where(scan(project(withComment('utf8', 'cafe deja vu')))))
    expect(where(latin1)).toContain('helmet-missing src/app.js:11')
  })

  it('NUL bytes: in a JS comment still parsed; in code, a Dockerfile or a compose file a note', () => {
    const sink = kitchenSink()
    const withNul = (text: string, at: string, insert: string) => text.replace(at, `${insert}${at}`)
    const result = scan(
      project({
        ...sink,
        'src/app.js': withNul(sink['src/app.js']?.toString() ?? '', '// No helmet', '// \u0000 nul in a comment\n'),
        'src/bad.js': 'const a = 1\u0000\nmodule.exports = a\n',
        Dockerfile: `${sink.Dockerfile?.toString()}\u0000`,
        'docker-compose.yml': `services:\n  web:\u0000\n    image: node\n`
      })
    )
    expect(notesOf(result, 'src/app.js')).toEqual([])
    expect(where(result)).toContain('helmet-missing src/app.js:11') // one line added above line 10
    expect(notesOf(result, 'src/bad.js')).toEqual([expect.stringMatching(/^not parsed, so not checked: /)])
    expect(notesOf(result, 'Dockerfile')).toEqual([expect.stringMatching(/not parsed.*binary content/)])
    expect(notesOf(result, 'docker-compose.yml')).toEqual([expect.stringMatching(/^not parsed, so not checked: /)])
    expect(where(result).filter((w) => w.includes(' Dockerfile:'))).toEqual([])
  })
})

describe('symbolic links', () => {
  it('a symlink loop (a folder linking to its parent) ends, with the same findings', () => {
    const root = project(kitchenSink())
    symlinkSync('..', join(root, 'src', 'loop'))
    symlinkSync(root, join(root, 'nginx', 'root'))
    expect(where(scan(root))).toEqual(baseline())
  })

  it('a symlink to a folder or file outside the root is not followed', () => {
    const outside = project({
      'app.js': "const express = require('express')\nexpress().listen(80)\n",
      '.env': 'API_TOKEN=abcdefgh12345678\n',
      Dockerfile: 'FROM node:14\n'
    })
    const root = project(kitchenSink())
    symlinkSync(outside, join(root, 'src', 'elsewhere'))
    symlinkSync(join(outside, 'app.js'), join(root, 'src', 'linked.js'))
    symlinkSync(join(outside, '.env'), join(root, '.env.production'))
    symlinkSync(join(outside, 'Dockerfile'), join(root, 'Dockerfile.prod'))
    const result = scan(root)
    expect(where(result)).toEqual(baseline())
    expect(result.findings.filter((f) => /elsewhere|linked|\.env\.production|Dockerfile\.prod/.test(f.file))).toEqual([])
  })
})

/** A small Express app next to the odd file, so the scan is seen to go on around it. */
const APP = "const express = require('express')\nconst app = express()\napp.get('/', (req, res) => res.send('hi'))\napp.listen(3000)\n"
const nested = (open: string, close: string, depth: number, middle = ''): string => `${open.repeat(depth)}${middle}${close.repeat(depth)}`

describe('very deep nesting', () => {
  const depth = 10_000
  const cases: Array<[string, string, string]> = [
    ['JS arrays', 'src/deep.js', `const x = ${nested('[\n', ']\n', depth)}`],
    ['JS objects', 'src/deep.js', `const x = ${nested('{a:\n', '}\n', depth, '1')}`],
    ["TS arrays just past babel's typescript limit", 'src/deep.ts', `const x: unknown = ${nested('[\n', ']\n', 1_000)}`],
    ['parentheses', 'src/deep.js', `const x = ${nested('(\n', ')\n', depth, '1')}`],
    ['binary expressions', 'src/deep.js', `const x = ${Array.from({ length: depth }, () => 'a').join(' +\n')}`],
    ['arrow functions', 'src/deep.js', nested('(() =>\n', ')\n', depth, '1')],
    ['JSON arrays', 'package.json', nested('[\n', ']\n', depth)],
    ['YAML flow sequences', 'docker-compose.yml', `services: ${nested('[\n', ']\n', depth)}`],
    ['nginx blocks', 'nginx.conf', `http {\n${nested('location / {\n', '}\n', depth)}}\n`],
    ['Caddyfile blocks', 'Caddyfile', `example.com {\n${nested('handle {\n', '}\n', depth)}}\n`]
  ]

  it.each(cases)('%s: a note for that file, and the rest of the scan as usual', (_name, path, text) => {
    const result = scan(project({ 'src/app.js': APP, [path]: text }))
    expect(notesOf(result, path)).toEqual([expect.stringMatching(/^not parsed, so not checked: /)])
    expect(where(result)).toContain('helmet-missing src/app.js:2')
  })

  it('binary expressions a few thousand long parse and are checked like any code', () => {
    const result = scan(project({ 'src/app.js': `${APP}const s = ${Array.from({ length: 3_000 }, () => "'a'").join(' +\n')}\n` }))
    expect(result.notes).toEqual([])
    expect(where(result)).toContain('helmet-missing src/app.js:2')
  })

  it('a JSON object 10,000 deep is a manifest; no rule trips over it', () => {
    const result = scan(project({ 'src/app.js': APP, 'package.json': `{"name":"deep","x":${nested('{"a":', '}', depth, '1')}}` }))
    expect(result.notes).toEqual([])
    expect(where(result)).toEqual(expect.arrayContaining(['helmet-missing src/app.js:2', 'lockfile-missing package.json:null']))
  })

  it('code the Express model cannot follow (arrays of arrays through 5,000 variables) is a note; other modules are still checked', () => {
    const chain = [
      'const a0 = [x]',
      ...Array.from({ length: 5_000 }, (_, i) => `const a${i + 1} = [a${i}]`),
      "const express = require('express')",
      'const app = express()',
      'app.use(a5000)'
    ].join('\n')
    const result = scan(project({ 'src/app.js': APP, 'src/deep.js': `${chain}\n` }))
    expect(notesOf(result, 'src/deep.js')).toEqual([expect.stringMatching(/^not checked by the Express rules: /)])
    expect(where(result)).toContain('helmet-missing src/app.js:2')
  })

  it('a chain of 40,000 `.use()` calls on the app is modelled (quadratic before: minutes)', () => {
    const text = `const express = require('express')\nconst x = (req, res, next) => next()\nconst app = express()\napp${'\n.use(x)'.repeat(40_000)}\nmodule.exports = app\n`
    const result = scan(project({ 'src/app.js': text }))
    expect(result.notes).toEqual([])
    expect(where(result)).toEqual(expect.arrayContaining(['helmet-missing src/app.js:3', 'x-powered-by src/app.js:3']))
  })

  it('an options object with 20,000 spreads is read without overflowing', () => {
    const spreads = Array.from({ length: 20_000 }, () => '  ...{},').join('\n')
    const text = `const express = require('express')\nconst session = require('express-session')\nconst app = express()\nconst options = {\n${spreads}\n  secret: 'keyboard cat'\n}\napp.use(session(options))\n`
    const result = scan(project({ 'src/app.js': text }))
    expect(result.notes).toEqual([])
    expect(where(result)).toEqual(
      expect.arrayContaining(['session-memory-store src/app.js:20007', 'session-secret-hardcoded src/app.js:20005'])
    )
  })
})

describe('expansion bombs and slow patterns', () => {
  it('a compose anchor merged into itself, and aliases that double at each level, are notes', () => {
    const laughs = [
      'a0: &a0 [x]',
      ...Array.from({ length: 40 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`),
      'services:',
      '  web:',
      '    image: node:22',
      '    env_file: *a40'
    ].join('\n')
    const result = scan(project({ 'src/app.js': APP, 'docker-compose.yml': 'services: &s\n  <<: *s\n', 'compose.prod.yml': `${laughs}\n` }))
    expect(notesOf(result, 'docker-compose.yml')).toEqual([expect.stringMatching(/anchor refers to itself/)])
    expect(notesOf(result, 'compose.prod.yml')).toEqual([expect.stringMatching(/alias expansions/)])
  })

  it('nginx includes and Caddy snippet imports that multiply are notes, in bounded time', () => {
    const files: Record<string, string> = {
      'src/app.js': APP,
      'nginx/nginx.conf': 'http {\n  server {\n    listen 80;\n    include f1.conf;\n  }\n}\n'
    }
    for (let i = 1; i <= 10; i += 1) files[`nginx/f${i}.conf`] = i === 10 ? 'server_tokens on;\n' : `include f${i + 1}.conf;\n`.repeat(10)
    let caddy = '(s0) {\n  header X 1\n}\n'
    for (let i = 1; i <= 10; i += 1) caddy += `(s${i}) {\n${`  import s${i - 1}\n`.repeat(10)}}\n`
    files.Caddyfile = `${caddy}example.com {\n  import s10\n}\n`
    const result = scan(project(files))
    expect(notesOf(result, 'nginx/nginx.conf')).toEqual([expect.stringMatching(/includes expand to more than/)])
    expect(notesOf(result, 'Caddyfile')).toEqual([expect.stringMatching(/imports expand to more than/)])
  })

  it('a .env line with 200,000 spaces inside a value and 70 KB .gitignore/.dockerignore patterns take no time', () => {
    const result = scan(
      project({
        'src/app.js': APP,
        '.env': `API_TOKEN=abc${' '.repeat(200_000)}def\n`,
        '.gitignore': `${'a'.repeat(70_000)}\n`,
        '.dockerignore': `${'b'.repeat(70_000)}\n`,
        Dockerfile: 'FROM node:22-slim\nUSER node\nCOPY . .\nCMD ["node", "src/app.js"]\n'
      })
    )
    expect(result.notes).toEqual([])
    expect(where(result)).toEqual(expect.arrayContaining(['env-file-committed .env:1', 'docker-dotenv-copied Dockerfile:3']))
  })
})

describe('huge lines', () => {
  it(`a 5 MB single line is over the ${MAX_FILE_BYTES / 1024} KiB cap: a note, not read`, () => {
    const result = scan(
      project({
        'src/app.js': APP,
        'src/huge.js': `const x = '${'a'.repeat(5 * 1024 * 1024)}'\n`,
        '.env': `A=${'b'.repeat(5 * 1024 * 1024)}\n`
      })
    )
    expect(notesOf(result, 'src/huge.js')).toEqual([expect.stringMatching(/^skipped: \d+ KiB is over the 1024 KiB limit/)])
    expect(notesOf(result, '.env')).toEqual([expect.stringMatching(/^skipped: \d+ KiB is over the 1024 KiB limit/)])
    expect(where(result)).toContain('helmet-missing src/app.js:2')
  })

  it('a 900 KB single line just under the cap is minified code: a note', () => {
    const line = `var a=${Array.from({ length: 150_000 }, (_, i) => `${i}`)
      .join(',')
      .slice(0, 900 * 1024)}`
    expect(line.length).toBeLessThan(MAX_FILE_BYTES)
    const result = scan(project({ 'src/app.js': APP, 'src/vendor.js': line.replace(/,\d*$/, '') }))
    expect(notesOf(result, 'src/vendor.js')).toEqual(['skipped: looks minified or generated'])
    expect(where(result)).toContain('helmet-missing src/app.js:2')
  })
})

/** The bundled CLI on a folder, as a child process: a scan that blocks is killed at `timeout`, not the test runner. */
function cliJson(
  dir: string,
  options: { uid?: number; gid?: number } = {}
): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, dir, '--no-install', '--no-audit', '--no-sbom', '--format', 'json'],
      { timeout: 20_000, maxBuffer: 64 * 1024 * 1024, ...options },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr, killed: error?.killed ?? false })
      }
    )
  })
}

describe('files that cannot be read normally', () => {
  it('an unreadable file (chmod 000) is a note, and the rest is scanned', async () => {
    const root = project({
      'src/app.js': APP,
      'src/secret.js': "module.exports = 'x'\n",
      Dockerfile: 'FROM node:14\n',
      '.env': 'API_TOKEN=abcdefgh12345678\n',
      'locked/app.js': APP
    })
    for (const file of ['src/secret.js', 'Dockerfile', '.env']) chmodSync(join(root, file), 0o000)
    chmodSync(join(root, 'locked'), 0o000)
    let notes: Note[]
    let found: string[]
    if (IS_ROOT) {
      // root reads anything: run the bundled CLI as `nobody`, to whom the folders are open and the files not
      for (const dir of [root, join(root, 'src')]) chmodSync(dir, 0o755)
      const run = await cliJson(root, { uid: 65534, gid: 65534 })
      expect(run.killed).toBe(false)
      expect(run.code).toBe(1)
      const report = JSON.parse(run.stdout) as { notes: Note[]; findings: Array<{ rule: string; file: string; line: number | null }> }
      notes = report.notes
      found = report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)
    } else {
      const result = scan(root)
      notes = result.notes
      found = where(result)
    }
    const noteOf = (file: string) => notes.filter((n) => n.file === file).map((n) => n.message)
    expect(noteOf('src/secret.js')).toEqual(['not read: EACCES'])
    expect(noteOf('Dockerfile')).toEqual(['not read: EACCES'])
    expect(noteOf('locked')).toEqual(['not read: EACCES'])
    expect(found).toContain('helmet-missing src/app.js:2')
  })

  it('FIFOs named like scanned files (app.js, Dockerfile, .env, .gitignore, package.json of an imported folder, import configs) never block the scan', async () => {
    const root = project({
      'src/app.js': `${APP}const lib = require('../lib')\nconst auth = require('middleware/auth')\n`,
      '.env': 'API_TOKEN=abcdefgh12345678\n',
      'lib/index.js': 'module.exports = 1\n'
    })
    for (const fifo of [
      'src/server.js',
      'Dockerfile',
      '.env.local',
      '.gitignore',
      'src/.gitignore',
      'lib/package.json',
      'nginx.conf',
      'package.json',
      'tsconfig.json',
      'src/jsconfig.json',
      '.babelrc',
      'babel.config.json'
    ]) {
      execFileSync('mkfifo', [join(root, fifo)])
    }
    expect(statSync(join(root, 'src/server.js')).isFIFO()).toBe(true)
    const run = await cliJson(root)
    expect(run.killed).toBe(false)
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { findings: Array<{ rule: string; file: string; line: number | null }> }
    const found = report.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)
    expect(found).toEqual(expect.arrayContaining(['helmet-missing src/app.js:2', 'env-file-committed .env:1']))
    expect(found.filter((f) => /server\.js|Dockerfile|\.env\.local|nginx\.conf/.test(f))).toEqual([])
  })

  it('a project folder that cannot be listed is a note, not a crash', () => {
    const root = project({ 'src/app.js': APP })
    mkdirSync(join(root, 'private'))
    writeFileSync(join(root, 'private', 'app.js'), APP)
    chmodSync(join(root, 'private'), 0o000)
    const result = scan(root)
    if (!IS_ROOT) expect(notesOf(result, 'private')).toEqual(['not read: EACCES'])
    expect(where(result)).toContain('helmet-missing src/app.js:2')
  })
})
