import type { Report } from '../../src/report.js'
import { auditError } from '../../src/tools/audit-report.js'
import { advisory, finding, makeReport } from './sample-report.js'

/**
 * Reports shaped like real runs, for the rendering snapshots: what a reviewer sees on a pull request.
 * Messages are the rules' own wording, shortened.
 */

/** A failing gate: findings in every category, live and expired suppressions, advisories (two allowed). */
export function failingReport(): Report {
  const findings = [
    finding('src/app.js', 4, {
      message: 'app has no helmet (or equivalent header middleware) before its routes: add `app.use(helmet())` right after `express()`'
    }),
    finding('src/app.js', 9, {
      rule: 'session-secret-hardcoded',
      severity: 'critical',
      message: 'session secret is a string literal in the source: read it from `process.env.SESSION_SECRET`'
    }),
    finding('src/app.js', 4, {
      rule: 'rate-limit-missing',
      severity: 'moderate',
      message: 'no rate limiter in front of any route of this app'
    }),
    finding('src/routes/auth.js', 12, { rule: 'rate-limit-auth-missing', message: 'POST /api/login has no rate limiter before it' }),
    finding('src/routes/auth.js', 30, {
      rule: 'rate-limit-auth-missing',
      message: 'POST /api/password-reset has no rate limiter before it'
    }),
    finding('src/config.js', 3, {
      rule: 'hardcoded-secret',
      severity: 'critical',
      message: 'Stripe live secret key `sk_live_…4242` in the source: rotate it and read it from the environment'
    }),
    finding('.env', null, {
      rule: 'env-file-committed',
      message: '`.env` is committed and not in .gitignore (3 values, 2 look like secrets)'
    }),
    finding('Dockerfile', 1, {
      rule: 'docker-unpinned-base',
      severity: 'moderate',
      message: 'base image `node:latest` moves: pin a version tag or digest'
    }),
    finding('Dockerfile', null, { rule: 'docker-root-user', message: 'the final stage runs as root: add `USER node` before CMD' }),
    finding('deploy/nginx.conf', 14, {
      rule: 'proxy-no-tls',
      message: 'server listens on port 80 and proxies to the app without redirecting to HTTPS'
    }),
    finding('package.json', null, {
      rule: 'lockfile-missing',
      message: 'package.json has no package-lock.json beside it: run `npm install` and commit package-lock.json'
    }),
    finding('src/legacy.js', 7, {
      rule: 'suppression-without-reason',
      severity: 'low',
      message: '`hardening-ignore x-powered-by` has no reason, so x-powered-by is still reported'
    }),
    finding('src/legacy.js', 7, {
      rule: 'x-powered-by',
      severity: 'low',
      message: "X-Powered-By is sent: `app.disable('x-powered-by')` or use helmet"
    }),
    finding('test/fixtures/keys.js', 2, {
      rule: 'hardcoded-secret',
      severity: 'critical',
      message: 'private key in the source',
      suppressed: true,
      suppression: { source: 'config', reason: 'throwaway keys for the test suite', expires: '2026-12-31' }
    }),
    finding('src/admin.js', 5, {
      rule: 'cors-permissive',
      severity: 'moderate',
      message: 'cors() with no origin list',
      suppressed: true,
      suppression: { source: 'inline', reason: 'internal admin API, reachable from the VPN only' }
    })
  ]
  // Worst first, as the audit parser sorts them.
  const advisories = [
    advisory('GHSA-HRPP-H998-J3PP', 'qs', 'high', {
      title: 'qs vulnerable to Prototype Pollution',
      range: '<6.10.3',
      direct: false,
      via: ['express', 'body-parser'],
      fix: 'express@4.21.2'
    }),
    advisory('GHSA-35JH-R3H4-6JHM', 'lodash', 'high', { title: 'Command Injection in lodash', range: '<4.17.21', fixAvailable: false }),
    advisory('GHSA-P6MC-M468-83GW', 'lodash', 'high', {
      title: 'Prototype Pollution in lodash',
      range: '<4.17.20',
      fixAvailable: false,
      allowed: { reason: 'zipObjectDeep is never called with user input', expires: '2027-01-31' }
    }),
    advisory('GHSA-RV95-896H-C2VC', 'express', 'moderate', {
      title: 'Express.js Open Redirect in malformed URLs',
      range: '<4.19.2',
      fix: 'express@4.21.2'
    }),
    advisory('GHSA-C2QF-RXJJ-QQGW', 'semver', 'moderate', {
      title: 'semver vulnerable to Regular Expression Denial of Service',
      range: '<7.5.2',
      direct: false,
      via: ['nodemon'],
      allowed: { reason: 'dev tool only, never parses user input' }
    })
  ]
  return makeReport(
    {
      passed: false,
      reasons: ['7 hardening findings at or above high', '2 dependency advisories at or above high'],
      warnings: [
        '.github/hardening.yml: suppression of helmet-missing for src/** expired on 2026-05-31 and no longer applies: fix the finding or renew the entry'
      ],
      findings,
      expiredSuppressions: [
        { source: '.github/hardening.yml', rule: 'helmet-missing', path: 'src/**', expires: '2026-05-31' },
        { source: '.github/hardening.yml', id: 'GHSA-WF5P-G6VW-RHXX', expires: '2026-04-30' }
      ],
      steps: [
        { name: 'npm ci', status: 'ok', ms: 8400 },
        { name: 'npm audit', status: 'ok', ms: 1900 },
        { name: 'sbom', status: 'ok', ms: 3100 },
        { name: 'scan', status: 'ok', ms: 640 }
      ],
      notes: [{ file: 'src/vendor/jquery.min.js', message: 'skipped: looks minified or generated' }]
    },
    advisories
  )
}

/** npm audit failed; under on-audit-error: warn the gate passes on the findings alone, and says so. */
export function auditErrorReport(): Report {
  const error = 'ENOLOCK: This command requires an existing lockfile. Try creating one first with: npm i --package-lock-only'
  return makeReport({
    passed: true,
    warnings: [`npm audit could not produce a report: ${error} (on-audit-error: warn, so the gate does not fail on it)`],
    findings: [finding('src/server.js', 21, { rule: 'x-powered-by', severity: 'low', message: 'X-Powered-By is sent' })],
    audit: auditError(error),
    sbom: { status: 'error', error: 'cyclonedx-npm exited 1: missing package-lock.json' },
    steps: [
      { name: 'npm ci', status: 'skipped', ms: 0, detail: 'no lockfile' },
      { name: 'npm audit', status: 'error', ms: 700, detail: error }
    ]
  })
}

/** Nothing to report. */
export function allClearReport(): Report {
  return makeReport({
    steps: [
      { name: 'npm ci', status: 'ok', ms: 6100 },
      { name: 'npm audit', status: 'ok', ms: 1500 },
      { name: 'sbom', status: 'ok', ms: 2800 },
      { name: 'scan', status: 'ok', ms: 410 }
    ]
  })
}
