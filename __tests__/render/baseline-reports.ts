import type { Report } from '../../src/report.js'
import { advisory, finding, makeReport } from './sample-report.js'

// Reports compared with a baseline, as SPEC has them: `new` flags and the baseline section.

export const BASE = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'

export type Baseline = NonNullable<Report['baseline']>

/** A report compared with the base commit: `new` flags on findings and advisories, as SPEC has them with status ok. */
export function compared(partial: Partial<Report>, baseline: Partial<Baseline> = {}, advisories = partial.audit?.advisories ?? []): Report {
  return makeReport(
    { ...partial, baseline: { source: 'base-commit', ref: BASE, status: 'ok', fixed: [], advisoriesFixed: [], ...baseline } },
    advisories
  )
}

/** 2 new gaps (one blocking), 14 old ones, 2 fixed gaps and a fixed advisory; a new and an old advisory. */
export function newOldFixedReport(): Report {
  const old = Array.from({ length: 14 }, (_, i) =>
    finding(`src/legacy/module-${i}.js`, i + 1, {
      rule: i % 2 ? 'validation-missing' : 'helmet-missing',
      severity: i % 2 ? 'moderate' : 'high',
      new: false,
      message: 'old gap'
    })
  )
  return compared(
    {
      passed: false,
      reasons: ['1 new hardening finding at or above high'],
      findings: [
        finding('src/routes/login.js', 12, { rule: 'rate-limit-auth-missing', message: 'POST /login has no rate limiter', new: true }),
        finding('src/app.js', 30, { rule: 'x-powered-by', severity: 'low', message: 'X-Powered-By is still sent', new: true }),
        ...old,
        finding('src/old.js', 3, { new: false, suppressed: true, suppression: { source: 'inline', reason: 'legacy admin' } })
      ]
    },
    {
      fixed: [
        { rule: 'session-secret-hardcoded', file: 'src/session.js', fingerprint: 'f1' },
        { rule: 'cors-permissive', file: 'src/app.js', fingerprint: 'f2' }
      ],
      advisoriesFixed: [{ id: 'GHSA-35jh-r3h4-6jhm', package: 'lodash' }]
    },
    [
      advisory('GHSA-hrpp-h998-j3pp', 'qs', 'moderate', { new: true, direct: false, via: ['express'] }),
      advisory('GHSA-rv95-896h-c2vc', 'express', 'low', { new: false })
    ]
  )
}

/** Nothing new: old gaps and an old advisory remain, one gap was fixed. */
export function nothingNewReport(): Report {
  return compared(
    {
      passed: true,
      findings: [
        finding('src/app.js', 4, { new: false }),
        finding('Dockerfile', null, { rule: 'docker-root-user', new: false, message: 'the final stage runs as root' }),
        finding('src/server.js', 9, { rule: 'body-limit-missing', severity: 'low', new: false, message: 'express.json() without a limit' })
      ]
    },
    { fixed: [{ rule: 'error-leak', file: 'src/errors.js', fingerprint: 'f3' }] },
    [advisory('GHSA-rv95-896h-c2vc', 'express', 'high', { new: false })]
  )
}
