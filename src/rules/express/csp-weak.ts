import semver from 'semver'
import { defineRule, type RuleFinding } from '../rule.js'
import type { PackageJsonDoc } from '../../scan/context.js'
import type { ExpressModel } from '../../model/express.js'
import { locate } from '../../model/express.js'
import { cspConfigs, directiveSources, scriptDirective, weakSources, type CspConfig, type CspSource } from '../../model/csp.js'
import { cspHeaders, type CspHeader } from '../../model/csp-header.js'
import type { Site } from '../../model/values.js'
import { envSideOf } from '../../model/env-guard.js'

/** The helmet major every package.json agrees on (lowest version its range admits), if any. */
export function helmetMajor(packageJsons: PackageJsonDoc[]): number | undefined {
  const majors = new Set<number>()
  for (const { manifest } of packageJsons) {
    for (const field of ['dependencies', 'devDependencies']) {
      const range = (manifest.data[field] as Record<string, unknown> | undefined)?.helmet
      if (typeof range !== 'string') continue
      const version = semver.validRange(range) ? semver.minVersion(range) : null
      if (version) majors.add(version.major)
    }
  }
  return majors.size === 1 ? [...majors][0] : undefined
}

function disabledFinding(config: CspConfig): RuleFinding[] {
  if (!config.disabled) return []
  const where = locate(config.disabled.site)
  const message =
    config.disabled.how === 'disabled'
      ? `${config.label} turns the Content-Security-Policy off, so injected scripts run unhindered: remove \`contentSecurityPolicy: false\` and tune \`directives\` instead`
      : `${config.label} sends the Content-Security-Policy as report-only, so nothing is blocked: drop \`reportOnly: true\` once the reports are clean`
  const messageId = config.disabled.how === 'disabled' ? 'csp-disabled' : 'csp-report-only'
  return [{ file: where.file, line: where.line, column: where.column, messageId, message }]
}

/** One finding per policy: scripts from anywhere, or the weak sources of the directive that governs scripts. */
function scriptFinding(where: Site, what: string, directive: { name: string; sources: CspSource[] } | 'none'): RuleFinding[] {
  if (directive === 'none') {
    const at = locate(where)
    return [
      {
        file: at.file,
        line: at.line,
        column: at.column,
        messageId: 'no-script-policy',
        message: `${what} sets neither \`script-src\` nor \`default-src\`, so scripts load from anywhere: add \`default-src 'self'\` (and a \`script-src\` of \`'self'\` and trusted hosts)`
      }
    ]
  }
  const weak = weakSources(directive.sources)
  const [first] = weak
  if (!first) return []
  const at = locate(first.site)
  const list = [...new Set(weak.map((s) => s.text))].join(' ')
  const governs = /default/i.test(directive.name) ? ` (it governs scripts as there is no script-src)` : ''
  return [
    {
      file: at.file,
      line: at.line,
      column: at.column,
      messageId: 'unsafe-script-source',
      message: `CSP \`${directive.name}\` allows \`${list}\`${governs}, so an injected script can run: list only \`'self'\` and trusted hosts, and use nonces or hashes for inline scripts`
    }
  ]
}

function directiveFinding(express: ExpressModel, config: CspConfig): RuleFinding[] {
  const directive = scriptDirective(express, config)
  if (directive === 'none') return scriptFinding(config.directives?.at ?? config.call.site, config.label, 'none')
  const sources = directive && directiveSources(express, directive.value)
  return directive && sources ? scriptFinding(config.call.site, config.label, { name: directive.name, sources }) : []
}

/** A policy set by hand with `res.setHeader('Content-Security-Policy', '...')`: judged as helmet's directives are. */
function headerFindings(header: CspHeader): RuleFinding[] {
  if (header.reportOnly) {
    const at = locate(header.site)
    return [
      {
        file: at.file,
        line: at.line,
        column: at.column,
        messageId: 'csp-report-only',
        message: `${header.label} sends the policy as report-only, so nothing is blocked: send it as \`Content-Security-Policy\` once the reports are clean`
      }
    ]
  }
  // A computed part may add a script-src that the default-src would give way to.
  if (header.partial && !header.directives.has('script-src')) return []
  const name = header.directives.has('script-src') ? 'script-src' : 'default-src'
  const sources = header.directives.get(name)
  if (!sources) return header.partial ? [] : scriptFinding(header.site, header.label, 'none')
  return scriptFinding(header.site, header.label, { name, sources })
}

/**
 * Each CSP the app configures (helmet, helmet-csp, lusca, or a `Content-Security-Policy` header set by
 * hand in a handler): turned off or report-only, no script-src nor default-src where helmet adds no
 * defaults, or a script-src (or, with no script-src and no helmet defaults, a default-src) that
 * admits inline script, eval, any host or a whole scheme.
 * Options that cannot be read, and policies set only outside production, give no finding.
 */
export default defineRule({
  meta: {
    id: 'csp-weak',
    severity: 'moderate',
    category: 'express',
    description: "CSP disabled, or 'unsafe-inline'/'unsafe-eval'/*/a bare scheme in script-src (or default-src without script-src).",
    fix: "keep helmet's CSP on; script-src of `'self'`, trusted hosts and nonces only",
    cwe: 'CWE-693',
    messages: {
      'csp-disabled': 'helmet is configured with the Content-Security-Policy turned off',
      'csp-report-only': 'the Content-Security-Policy is report-only, so it blocks nothing',
      'unsafe-script-source': "script-src (or default-src without script-src) allows 'unsafe-inline', 'unsafe-eval', * or a bare scheme",
      'no-script-policy': 'a policy (without helmet defaults) that sets neither script-src nor default-src'
    }
  },
  needs: 'source',
  check({ express, packageJsons }) {
    const seen = new Set<string>()
    const inProduction = (site: Site): boolean => envSideOf(site.node, site.module) !== 'development'
    const configured = cspConfigs(express, helmetMajor(packageJsons))
      .filter((config) => inProduction(config.call.site))
      .flatMap((config) => [...disabledFinding(config), ...directiveFinding(express, config)])
    const byHand = cspHeaders(express)
      .filter((header) => inProduction(header.call))
      .flatMap(headerFindings)
    return [...configured, ...byHand].filter(
      (f) => !seen.has(`${f.file}:${f.line}:${f.column}`) && seen.add(`${f.file}:${f.line}:${f.column}`)
    )
  }
})
