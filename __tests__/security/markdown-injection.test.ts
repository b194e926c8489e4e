// Markdown, HTML, mentions, issue references, links, images, bidi and invisible characters,
// workflow commands: a repository whose file names and code feed hostile text into every rule
// message that quotes repository data, and a registry (and lockfile) that feed it into the audit,
// cannot make any output live. In-process through every renderer, then once through
// dist/index.js: the comment posted, the summary, the annotations and the log.
// (__tests__/render covers the renderers on a hand-made hostile report; this feeds real scans.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { todayUtc, type GateOptions } from '../../src/config/options.js'
import { annotationLimits, planAnnotations } from '../../src/github/annotations.js'
import { changedLinesOf } from '../../src/github/changed-lines.js'
import { runGate } from '../../src/pipeline.js'
import { commentMarker, renderComment } from '../../src/render/comment.js'
import { code, escapeMarkdown } from '../../src/render/escape.js'
import { renderMarkdown } from '../../src/render/markdown.js'
import { renderSarif } from '../../src/render/sarif.js'
import { renderText } from '../../src/render/text.js'
import type { Report } from '../../src/report.js'
import { parseAuditOutput } from '../../src/tools/audit-report.js'
import { actionServers } from '../helpers/action-servers.js'
import type { AdvisoryFixture } from '../helpers/npm-registry-server.js'
import { commands, makeWorkspace, OWNER, PR_NUMBER, REPO } from '../helpers/run-action.js'
import { expectInert, withoutExampleFences } from '../render/inert.js'
import { decodeEntities, linkDestinations, LINKS, makeReport, pipes, tableRows, withoutOwnHtml } from '../render/sample-report.js'
import { lockfile, removeMadeDirs, tempDir, writeTree } from './harness.js'

const servers = actionServers()
afterAll(removeMadeDirs)

const XSS = '<img src=x onerror=alert(1)>'
const MIXED = `${XSS} @octocat #12 [x](javascript:alert(1)) ![t](https://attacker.example/t.png) --> </details>`

/** File names an attacker can commit (each holds an Express app, so each is named in findings). */
const HOSTILE_FILES = [
  'src/x|y|z.js',
  'src/`tick`.js',
  `src/${XSS}.js`,
  'src/<!-- open.js',
  'src/--> close.js',
  'src/@octocat @everyone.js',
  'src/#123 GH-7.js',
  'src/[link](javascript:alert(1)).js',
  'src/![img](http:/attacker.example/track.png).js',
  'src/</details></summary>.js',
  'src/new\nline.js',
  `src/${'L'.repeat(200)}.js`,
  'src/\u202Egnp.js',
  'src/ad\u200Bmin.js',
  'src/tag\u{E0041}\u{E0042}.js',
  'src/**bold** _em_ ~~s~~.js',
  'src/&lt;amp&gt; &#64;x.js',
  'src/##[error]fake.js',
  '::error::fake.js',
  ' ::warning file=x::indented.js'
]

const APP = "const express = require('express')\nconst app = express()\napp.get('/', (req, res) => res.send('ok'))\nmodule.exports = app\n"

/** Code whose rule messages quote repository strings: route paths, CSP sources, header names, images, services, upstreams. */
function hostileRepository(root: string): void {
  writeTree(root, {
    ...Object.fromEntries(HOSTILE_FILES.map((file) => [file, APP])),
    'src/server.js': [
      "const express = require('express')",
      "const helmet = require('helmet')",
      "const cors = require('cors')",
      "const session = require('express-session')",
      "const { rateLimit } = require('express-rate-limit')",
      'const app = express()',
      `app.get(${JSON.stringify(`/early${MIXED}`)}, (req, res) => res.send('x'))`,
      `app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", "'unsafe-inline'", ${JSON.stringify(`https://cdn.example/${MIXED}`)}] } } }))`,
      'app.use(cors({ origin: true, credentials: true }))',
      `app.use(session({ secret: process.env.S, name: ${JSON.stringify(MIXED)} }))`,
      `app.use('/api', rateLimit({ windowMs: 60000, limit: 5, keyGenerator: (req) => req.headers[${JSON.stringify(`x-${MIXED}`)}] }))`,
      `app.post(${JSON.stringify(`/login/${MIXED}`)}, (req, res) => res.send('ok'))`,
      `// hardening-ignore body-limit-large -- ${MIXED}`,
      `app.use(express.json({ limit: ${JSON.stringify('50mb')} }))`,
      "app.get('/health', (req, res) => res.send('ok'))",
      'module.exports = app',
      ''
    ].join('\n'),
    Dockerfile: `FROM node:22-slim AS build\nFROM evil.example/octocat/${encodeURIComponent('<img>')}:latest\nENV NODE_ENV=${JSON.stringify(MIXED)}\nCMD ["node", "src/server.js"]\n`,
    'docker-compose.yml': `services:\n  ${JSON.stringify(`${XSS} @octocat #5 -->`)}:\n    image: node:22-slim\n    user: root\n    environment:\n      NODE_ENV: ${JSON.stringify(`development ${MIXED}`)}\n`,
    'deploy/nginx.conf': `server {\n  listen 80;\n  server_name example.com;\n  location / {\n    proxy_pass http://backend/${MIXED.replace(/[;{}\s]/g, '_')};\n  }\n}\n`,
    '.github/hardening.yml': `suppressions:\n  - rule: docker-node-env\n    path: ${JSON.stringify(`src/${XSS}/**`)}\n    reason: ${JSON.stringify(MIXED)}\n  - rule: session-memory-store\n    reason: ${JSON.stringify(`${MIXED} expired`)}\n    expires: 2020-01-01\n`,
    'package.json': JSON.stringify({ name: 'hostile-md', version: '1.0.0', dependencies: { ms: '2.1.3' } }),
    'package-lock.json': lockfile(
      'hostile-md',
      { ms: '2.1.3' },
      {
        'node_modules/ms': {
          version: '2.1.3',
          resolved: 'https://registry.npmjs.org/ms/-/ms-2.1.3.tgz',
          integrity: 'sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=='
        }
      }
    )
  })
}

/** A malicious registry's advisories for `ms`: titles and URLs as hostile as JSON allows. */
const HOSTILE_ADVISORIES: AdvisoryFixture[] = [
  {
    id: 1,
    url: 'javascript:alert(1)',
    title: MIXED,
    severity: 'critical',
    vulnerable_versions: '*',
    cwe: [],
    cvss: { score: 9.8, vectorString: null }
  },
  {
    id: 2,
    url: `https://github.com/advisories/GHSA-aaaa-bbbb-cccc)[click](https://attacker.example) ${XSS}`,
    title: `| cell | ${XSS}\n## heading`,
    severity: 'high',
    vulnerable_versions: '<3.0.0',
    cwe: [],
    cvss: { score: 7.5, vectorString: null }
  }
]

/** `npm audit --json` as npm prints it for a hostile lockfile name and a malicious registry. */
function hostileAuditJson(): string {
  const via = (a: AdvisoryFixture, name: string) => ({
    source: a.id,
    name,
    dependency: name,
    title: a.title,
    url: a.url,
    severity: a.severity,
    range: `${a.vulnerable_versions} ${XSS}`
  })
  const names = [`@octocat/${XSS}`, 'ms']
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      names.map((name) => [
        name,
        {
          name,
          severity: 'critical',
          isDirect: name === 'ms',
          via: HOSTILE_ADVISORIES.map((a) => via(a, name)),
          effects: name === 'ms' ? [] : ['ms'],
          range: '*',
          nodes: [`node_modules/${name}`],
          fixAvailable: { name: `ms ${MIXED}`, version: `3.0.0 ${XSS}`, isSemVerMajor: true }
        }
      ])
    ),
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 2, total: 2 } }
  })
}

/** npm's own error when the lockfile names a package it cannot use: it quotes the name. */
const NPM_ERROR_JSON = JSON.stringify({
  error: {
    code: 'EINVALIDTAGNAME',
    summary: `Invalid tag name "${XSS}" of package "${MIXED}": Tags may not have any characters that encodeURIComponent encodes.`,
    detail: ''
  }
})

/** Invisible and bidi characters must reach no reader: only our own zero-width space, after `@` or `#`. */
function expectNoInvisible(text: string): void {
  const decoded = decodeEntities(text)
  expect(decoded.replace(/[@#]\u200b/g, '')).not.toMatch(/\p{Cf}/u)
}

/**
 * The checks of a rendered comment or summary beyond __tests__/render/inert.ts's: one marker (for a
 * comment), nothing that closes it, no issue reference, no image, only allowed links.
 */
function expectLiveNothing(markdown: string, allowedLinks: readonly string[], comment: string | undefined): void {
  const body = withoutExampleFences(markdown)
  if (comment !== undefined) {
    expect(markdown.startsWith(`${comment}\n`)).toBe(true)
    expect(markdown.split('<!--')).toHaveLength(2)
    expect(markdown.split('-->')).toHaveLength(2)
  } else {
    expect(markdown).not.toMatch(/<!--|-->/)
  }
  expect(withoutOwnHtml(body)).not.toContain('<')
  expect(body).not.toContain('![')
  for (const { header, row } of tableRows(body)) expect(pipes(row)).toBe(pipes(header))
  const prose = decodeEntities(body.replace(/<code>.*?<\/code>/g, ''))
  expect(prose).not.toMatch(/@[^\u200b]/)
  expect(prose).not.toMatch(/#\d/)
  for (const destination of linkDestinations(body)) {
    expect({ destination, allowed: allowedLinks.some((prefix) => destination.startsWith(prefix)) }).toEqual({ destination, allowed: true })
  }
  expect(body).not.toMatch(/\]\(\s*javascript:/i)
  expectNoInvisible(body)
}

interface SarifRuleShape {
  id: string
  help: { markdown: string }
}

/**
 * SARIF is JSON for code scanning, which shows `text` fields as plain text and renders `markdown`:
 * results carry repository text as text only; a hardening rule's help is our own documentation;
 * an advisory rule's help (registry text) is escaped like the comment.
 */
function expectSarifInert(sarif: string): void {
  const parsed = JSON.parse(sarif) as {
    runs: Array<{
      tool: { driver: { rules: SarifRuleShape[] } }
      results: Array<{ message: Record<string, unknown>; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>
    }>
  }
  const [run] = parsed.runs
  expect(run).toBeDefined()
  for (const result of run?.results ?? []) {
    expect(Object.keys(result.message)).toEqual(['text'])
    expect(result.locations[0]?.physicalLocation.artifactLocation.uri).not.toMatch(/[\s<>"`|#?]/)
  }
  const rules = run?.tool.driver.rules ?? []
  for (const rule of rules.filter((r) => !r.id.startsWith('npm-audit/'))) {
    for (const hostile of [XSS, '@octocat', 'attacker.example']) expect(JSON.stringify(rule)).not.toContain(hostile)
  }
  for (const rule of rules.filter((r) => r.id.startsWith('npm-audit/'))) {
    expectLiveNothing(rule.help.markdown, ['https://github.com/advisories/'], undefined)
  }
  expect(sarif).not.toContain('##[')
}

/** Text for a terminal and a CI log: no control or invisible characters, no workflow command. */
function expectTextInert(text: string): void {
  // eslint-disable-next-line no-control-regex
  for (const line of text.split('\n')) expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\p{Cf}/u)
  for (const line of text.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false)
  expect(text).not.toContain('##[')
}

describe('hostile repository text through every renderer (in-process)', () => {
  let report: Report

  beforeAll(async () => {
    const root = join(tempDir('ehg-sec-md-'), 'repo')
    mkdirSync(root)
    hostileRepository(root)
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
      sbomFile: '',
      sarifFile: '',
      reportFile: '',
      configFile: join(root, '.github/hardening.yml'),
      configRequired: true,
      today: todayUtc()
    }
    const gated = await runGate(options, { exec: () => Promise.reject(new Error('no tools in this test')), log: () => undefined })
    report = { ...gated, audit: parseAuditOutput(hostileAuditJson(), 1) }
  })

  it('the hostile text does reach the report, raw, from every kind of source', () => {
    const json = JSON.stringify(report)
    for (const file of HOSTILE_FILES) expect(report.findings.some((f) => f.file === file)).toBe(true)
    const messages = report.findings.map((f) => f.message).join('\n')
    expect(messages).toContain(XSS)
    expect(messages).toContain('@octocat')
    for (const rule of [
      'helmet-missing',
      'rate-limit-auth-missing',
      'rate-limit-bypassable',
      'docker-unpinned-base',
      'docker-root-user',
      'proxy-no-tls'
    ]) {
      expect({ rule, quotes: report.findings.some((f) => f.rule === rule && /octocat|onerror|%3Cimg/.test(f.message)) }).toEqual({
        rule,
        quotes: true
      })
    }
    expect(report.findings.some((f) => f.suppressed && f.suppression?.reason.includes(XSS))).toBe(true)
    expect(report.expiredSuppressions?.length).toBe(1)
    expect(report.audit.advisories.map((a) => a.package)).toContain(`@octocat/${XSS}`)
    expect(json).toContain('javascript:alert(1)')
  })

  it('the comment: one marker at the start, nothing live', () => {
    const body = renderComment(report, { links: LINKS })
    expectInert(body)
    expectLiveNothing(
      body,
      [`https://github.com/acme/shop/blob/${LINKS.sha}/`, 'https://github.com/express-hardening-gate/', 'https://github.com/advisories/'],
      commentMarker(report.root)
    )
    // Rendered, escaped: not dropped.
    expect(body).toContain('&#60;img src=x onerror=alert(1)&#62;')
  })

  it('the job summary (and the comment cut to fit) is inert too', () => {
    const summary = renderMarkdown(report, { links: LINKS })
    expectInert(summary)
    expectLiveNothing(
      summary,
      [`https://github.com/acme/shop/blob/${LINKS.sha}/`, 'https://github.com/express-hardening-gate/', 'https://github.com/advisories/'],
      undefined
    )
    const cut = renderComment(report, { links: LINKS, maxRows: 3, details: 'brief' })
    expectLiveNothing(
      cut,
      [`https://github.com/acme/shop/blob/${LINKS.sha}/`, 'https://github.com/express-hardening-gate/', 'https://github.com/advisories/'],
      commentMarker(report.root)
    )
  })

  it('an npm error that quotes a hostile lockfile name is inert in every format', () => {
    const failed: Report = { ...report, audit: parseAuditOutput(NPM_ERROR_JSON, 1) }
    expect(failed.audit.error).toContain(XSS)
    expectLiveNothing(
      renderComment(failed, { links: LINKS }),
      [`https://github.com/acme/shop/blob/${LINKS.sha}/`, 'https://github.com/express-hardening-gate/', 'https://github.com/advisories/'],
      commentMarker(failed.root)
    )
    expectSarifInert(renderSarif(failed))
    expectTextInert(renderText(failed))
  })

  it('SARIF keeps repository text in plain-text fields only', () => {
    expectSarifInert(renderSarif(report))
  })

  it('the text report prints no control character, invisible character or workflow command', () => {
    const text = renderText(report)
    expectTextInert(text)
    expect(text).toContain('  ./::error::fake.js:2  ')
    expect(text).toContain('  ./ ::warning file=x::indented.js:2  ')
  })

  it('annotations: one line each, no invisible characters', () => {
    const changed = changedLinesOf(HOSTILE_FILES.concat('src/server.js', 'Dockerfile').map((filename) => ({ filename, status: 'added' })))
    const plan = planAnnotations(report, changed, annotationLimits({ error: 0, warning: 0 }))
    expect(plan.annotations.length).toBeGreaterThan(5)
    for (const a of plan.annotations) {
      expect(a.message).not.toMatch(/[\r\n]/)
      expect(a.message).not.toMatch(/\p{Cf}/u)
    }
  })
})

describe('hostile repository through dist/index.js', () => {
  it('the comment posted, the summary, the annotations and the log are inert', async () => {
    const { github, run } = await servers({ registry: { advisories: { ms: HOSTILE_ADVISORIES } } })
    const workspace = await makeWorkspace()
    hostileRepository(workspace)
    github.seedPullFiles(
      OWNER,
      REPO,
      PR_NUMBER,
      HOSTILE_FILES.concat('src/server.js').map((filename) => ({ filename, status: 'added' as const }))
    )
    const result = await run({ workspace, inputs: { install: 'false', sbom: 'false' } })

    expect(result.code).toBe(1)
    expect(result.reportJson?.audit.advisories.some((a) => a.title.includes(XSS))).toBe(true)
    const comments = github.comments(OWNER, REPO, PR_NUMBER)
    expect(comments).toHaveLength(1)
    const body = comments[0]?.body ?? ''
    const allowed = [
      `https://github.com/${OWNER}/${REPO}/blob/`,
      'https://github.com/express-hardening-gate/',
      'https://github.com/advisories/'
    ]
    expectLiveNothing(body, allowed, '<!-- express-hardening-gate:. -->')
    expect(body).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expectLiveNothing(result.summary, allowed, undefined)

    // The log: workflow commands only where the action writes them, each on one line.
    const lines = result.stdout.split('\n')
    const commandLines = lines.filter((l) => l.trimStart().startsWith('::') || l.includes('##['))
    expect(commands(result.stdout, 'error').length + lines.filter((l) => l.startsWith('::error ')).length).toBeGreaterThan(1)
    for (const line of commandLines) expect(line).toMatch(/^::(?:error|warning|notice|debug|group|endgroup)(?: [^:]*)?::/)
    expect(result.stdout).not.toMatch(/^::(?:set-output|add-mask|stop-commands|save-state|add-path|set-env)/m)
    // Messages show no invisible character (a `file=` property keeps the real path, or GitHub cannot place it).
    for (const line of commandLines) expectNoInvisible(line.replace(/^::[a-z]+(?: [^:]*)?::/, ''))
    expect(result.stderr).not.toContain('##[')
  }, 90_000)
})

describe('escapeMarkdown on what GitHub would still act on after decoding entities', () => {
  it('breaks issue references like mentions, outside code only', () => {
    expect(decodeEntities(escapeMarkdown('fixes #123 and owner/repo#7, not #tag'))).toBe(
      'fixes #\u200b123 and owner/repo#\u200b7, not #tag'
    )
    expect(decodeEntities(code('#123'))).toBe('<code>#123</code>')
  })

  it.each([
    ['U+202E', '\u202E'],
    ['U+200B', '\u200B'],
    ['U+2066', '\u2066'],
    ['U+FEFF', '\uFEFF'],
    ['a Unicode tag', '\u{E0041}'],
    ['U+00AD', '\u00AD']
  ])('shows %s as U+FFFD', (_name, ch) => {
    const decoded = decodeEntities(escapeMarkdown(`src/a${ch}b.js`))
    expect(decoded).not.toContain(ch)
    expect(decoded).toMatch(/^src\/a[\uFFFD ]b\.js$/)
  })

  it('renderText neither', () => {
    const text = renderText(
      makeReport({
        passed: false,
        reasons: ['##[error]x'],
        findings: [
          {
            rule: 'helmet-missing',
            severity: 'high',
            file: 'src/\u202Egnp.js',
            line: 1,
            column: 1,
            message: 'x ##[error]y \u200B',
            fingerprint: 'f',
            suppressed: false
          }
        ]
      })
    )
    expectTextInert(text)
  })
})
