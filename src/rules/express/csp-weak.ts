import semver from 'semver'
import { defineRule, type RuleFinding } from '../rule.js'
import type { PackageJsonDoc } from '../../scan/context.js'
import type { ExpressModel } from '../../model/express.js'
import { locate } from '../../model/express.js'
import { cspConfigs, directiveSources, scriptDirective, weakSources, type CspConfig } from '../../model/csp.js'
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

function directiveFinding(express: ExpressModel, config: CspConfig): RuleFinding[] {
  const directive = scriptDirective(express, config)
  const sources = directive && directiveSources(express, directive.value)
  const weak = sources ? weakSources(sources) : []
  const [first] = weak
  if (!directive || !first) return []
  const where = locate(first.site)
  const list = [...new Set(weak.map((s) => s.text))].join(' ')
  const governs = /default/i.test(directive.name) ? ` (it governs scripts as there is no script-src)` : ''
  return [
    {
      file: where.file,
      line: where.line,
      column: where.column,
      messageId: 'unsafe-script-source',
      message: `CSP \`${directive.name}\` allows \`${list}\`${governs}, so an injected script can run: list only \`'self'\` and trusted hosts, and use nonces or hashes for inline scripts`
    }
  ]
}

/**
 * Each CSP the app configures: turned off or report-only, or a script-src (or, with no script-src
 * and no helmet defaults, a default-src) that admits inline script, eval, any host or a whole scheme.
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
      'unsafe-script-source': "script-src (or default-src without script-src) allows 'unsafe-inline', 'unsafe-eval', * or a bare scheme"
    }
  },
  needs: 'source',
  check({ express, packageJsons }) {
    const seen = new Set<string>()
    return cspConfigs(express, helmetMajor(packageJsons))
      .filter((config) => envSideOf(config.call.site.node, config.call.site.module) !== 'development')
      .flatMap((config) => [...disabledFinding(config), ...directiveFinding(express, config)])
      .filter((f) => !seen.has(`${f.file}:${f.line}:${f.column}`) && seen.add(`${f.file}:${f.line}:${f.column}`))
  }
})
