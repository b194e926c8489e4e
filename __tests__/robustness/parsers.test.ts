// Property tests: every parser entry takes arbitrary text and mutations of real files without
// throwing (or throws only its documented syntax error), and what it returns points at real lines.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { UsageError } from '../../src/config/errors.js'
import { parseConfig } from '../../src/config/config-schema.js'
import { gitignoreMatcher } from '../../src/discovery/gitignore.js'
import { parseCaddyfile } from '../../src/parse/caddyfile.js'
import { parseCompose } from '../../src/parse/compose.js'
import { ConfigSyntaxError, type ConfigDirective } from '../../src/parse/directive.js'
import { DockerfileSyntaxError, parseDockerfile } from '../../src/parse/dockerfile.js'
import { isIgnored, parseDockerignore } from '../../src/parse/dockerignore.js'
import { parseDotenv } from '../../src/parse/dotenv.js'
import { looksMinified, parseJavaScript } from '../../src/parse/javascript.js'
import { parseNginx } from '../../src/parse/nginx.js'
import { parseNpmrc } from '../../src/parse/npmrc.js'
import { parsePackageJson } from '../../src/parse/package-json.js'
import { parseProxyConfigs } from '../../src/parse/proxy-config.js'
import { KNOWN_RULE_IDS } from '../../src/rules/registry.js'
import { parseAuditOutput } from '../../src/tools/audit-report.js'
import { corpus, lineCount, mutatedSample, runs, textOf } from './corpus.js'

function expectLine(line: number, text: string): void {
  expect(Number.isInteger(line)).toBe(true)
  expect(line).toBeGreaterThanOrEqual(1)
  expect(line).toBeLessThanOrEqual(lineCount(text))
}

function directiveLines(directives: readonly ConfigDirective[]): number[] {
  return directives.flatMap((d) => [d.line, ...directiveLines(d.block ?? [])])
}

describe('parsers never throw on arbitrary and mutated input', () => {
  it('JS/TS: parseJavaScript returns an AST or a one-line reason', () => {
    fc.assert(
      fc.property(textOf('js'), (text) => {
        const parsed = parseJavaScript(text)
        if (parsed.ok) expect(parsed.ast.type).toBe('File')
        else expect(parsed.error).not.toBe('')
        expect(typeof looksMinified(text)).toBe('boolean')
      }),
      runs(150)
    )
  })

  it('Dockerfile: a model whose lines are in the file, or a DockerfileSyntaxError', () => {
    fc.assert(
      fc.property(textOf('dockerfile'), (text) => {
        let model
        try {
          model = parseDockerfile(text)
        } catch (error) {
          expect(error).toBeInstanceOf(DockerfileSyntaxError)
          return
        }
        for (const stage of model.stages) {
          expectLine(stage.fromLine, text)
          for (const instruction of stage.instructions) expectLine(instruction.line, text)
          if (stage.user) expectLine(stage.user.line, text)
        }
      }),
      runs(300)
    )
  })

  it('compose: services with lines in the file, or ok: false with a reason', () => {
    fc.assert(
      fc.property(textOf('compose'), (text) => {
        const parsed = parseCompose(text)
        if (!parsed.ok) {
          expect(parsed.error).not.toBe('')
          return
        }
        for (const service of parsed.model.services) {
          // 0 is the reader's "no position" for keys it synthesised (none in real files)
          if (service.line !== 0) expectLine(service.line, text)
          for (const entry of [...service.environment, ...service.buildArgs]) if (entry.line !== 0) expectLine(entry.line, text)
        }
      }),
      runs(300)
    )
  })

  it('nginx: parseNginx never throws; directives before an error are kept', () => {
    fc.assert(
      fc.property(textOf('nginx'), (text) => {
        const parsed = parseNginx(text)
        for (const line of directiveLines(parsed.directives)) expectLine(line, text)
        if (parsed.error) expect(parsed.error).toBeInstanceOf(ConfigSyntaxError)
      }),
      runs(300)
    )
  })

  it('Caddyfile: a model, or a ConfigSyntaxError', () => {
    fc.assert(
      fc.property(textOf('caddy'), (text) => {
        try {
          const model = parseCaddyfile(text)
          for (const site of model.sites) expectLine(site.line, text)
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigSyntaxError)
        }
      }),
      runs(300)
    )
  })

  it('proxy configs together: configs or per-file errors, never a throw', () => {
    const file = fc.oneof(
      textOf('nginx').map((text) => ({ name: 'nginx.conf', text })),
      textOf('nginx').map((text) => ({ name: 'conf.d/default.conf', text })),
      textOf('nginx').map((text) => ({ name: 'snippets/common.conf', text })),
      textOf('caddy').map((text) => ({ name: 'Caddyfile', text }))
    )
    fc.assert(
      fc.property(fc.uniqueArray(file, { minLength: 1, maxLength: 4, selector: (f) => f.name }), (files) => {
        const input = files.map(({ name, text }) => ({ path: name, text }))
        const { configs, errors } = parseProxyConfigs(input)
        const paths = new Set(input.map((f) => f.path))
        for (const config of configs) expect(paths.has(config.path)).toBe(true)
        for (const error of errors) {
          expect(paths.has(error.path)).toBe(true)
          expect(error.error).not.toBe('')
        }
      }),
      runs(200)
    )
  })

  it('.npmrc, .dockerignore, dotenv and .gitignore readers never throw and keep line numbers', () => {
    fc.assert(
      fc.property(textOf('npmrc'), textOf('dockerignore'), textOf('dotenv'), (npmrc, dockerignore, dotenv) => {
        for (const entry of parseNpmrc(npmrc)) expectLine(entry.line, npmrc)
        const patterns = parseDockerignore(dockerignore)
        for (const pattern of patterns) expectLine(pattern.line, dockerignore)
        expect(typeof isIgnored(patterns, '.env')).toBe('boolean')
        for (const entry of parseDotenv(dotenv)) expectLine(entry.line, dotenv)
        expect(typeof gitignoreMatcher(dockerignore)('src/.env')).toBe('boolean')
      }),
      runs(300)
    )
  })

  it('package.json and lockfiles: a manifest whose key lines are in the file, or ok: false', () => {
    const text = fc.oneof(
      textOf('package-json'),
      textOf('lockfile'),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v, null, 2))
    )
    fc.assert(
      fc.property(text, (json) => {
        const parsed = parsePackageJson(json)
        if (!parsed.ok) {
          expect(parsed.error).not.toBe('')
          return
        }
        for (const path of [['name'], ['engines', 'node'], ['dependencies'], ['packages', '']]) {
          const line = parsed.manifest.keyLine(path)
          if (line !== null) expectLine(line, json)
        }
      }),
      runs(300)
    )
  })

  it('the config file: a config, or a one-line UsageError that names the file', () => {
    fc.assert(
      fc.property(textOf('config'), (text) => {
        try {
          parseConfig(text, '.github/hardening.yml', KNOWN_RULE_IDS)
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError)
          const message = (error as Error).message
          expect(message).toContain('.github/hardening.yml')
          expect(message).not.toMatch(/[\r\n]/)
        }
      }),
      runs(300)
    )
  })
})

describe('npm audit output: anything but a version 2 report is an error, never clean', () => {
  const isReport = (stdout: string): boolean => {
    try {
      const data = JSON.parse(stdout) as { auditReportVersion?: unknown; vulnerabilities?: unknown; error?: unknown }
      const v = data?.vulnerabilities
      return (
        data?.auditReportVersion === 2 &&
        (data.error === undefined || data.error === null) &&
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v)
      )
    } catch {
      return false
    }
  }

  it('arbitrary text, arbitrary JSON and mutated recorded output', () => {
    const stdout = fc.oneof(
      textOf('audit'),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v))
    )
    fc.assert(
      fc.property(stdout, fc.constantFrom(0, 1, null), fc.string({ maxLength: 80 }), (out, code, stderr) => {
        const result = parseAuditOutput(out, code, stderr)
        expect(['ok', 'error']).toContain(result.status)
        if (result.status === 'error') {
          expect(result.error).toBeTruthy()
          expect(result.advisories).toEqual([])
        }
        if (result.status === 'ok') expect(isReport(out)).toBe(true)
        for (const count of Object.values(result.counts)) expect(Number.isInteger(count) && count >= 0).toBe(true)
        for (const a of result.advisories) {
          for (const field of [a.id, a.package, a.title, a.url, a.range]) expect(typeof field).toBe('string')
          expect(['low', 'moderate', 'high', 'critical']).toContain(a.severity)
        }
      }),
      runs(400)
    )
  })

  it('a report whose fields have the wrong types never throws (advisories keep string fields)', () => {
    const junk = fc.oneof(fc.jsonValue(), fc.constant(null), fc.constant([]), fc.constant({}))
    const vulnerability = fc.record(
      {
        name: junk,
        isDirect: junk,
        effects: fc.oneof(junk, fc.array(fc.oneof(fc.string(), junk))),
        fixAvailable: junk,
        via: fc.oneof(
          junk,
          fc.array(
            fc.oneof(
              fc.string(),
              junk,
              fc.record({
                source: junk,
                name: junk,
                title: junk,
                url: junk,
                severity: fc.oneof(junk, fc.constantFrom('low', 'high')),
                range: junk
              })
            )
          )
        )
      },
      { requiredKeys: [] }
    )
    const report = fc.record({
      auditReportVersion: fc.constant(2),
      vulnerabilities: fc.dictionary(fc.string(), fc.oneof(vulnerability, junk))
    })
    fc.assert(
      fc.property(report, (data) => {
        const result = parseAuditOutput(JSON.stringify(data), 1)
        expect(result.status).toBe('ok')
        for (const a of result.advisories)
          for (const field of [a.id, a.package, a.title, a.url, a.range]) expect(typeof field).toBe('string')
      }),
      runs(300)
    )
  })

  it('every truncation of a recorded report is an error', () => {
    const reports = corpus().audit.filter((s) => isReport(s.bytes.toString('utf8')))
    expect(reports.length).toBeGreaterThan(0)
    const cut = fc.record({ sample: fc.constantFrom(...reports), at: fc.nat() }).map(({ sample, at }) => {
      const text = sample.bytes.toString('utf8').trimEnd()
      return text.slice(0, at % text.length)
    })
    fc.assert(
      fc.property(cut, (stdout) => {
        expect(parseAuditOutput(stdout, 1).status).toBe('error')
      }),
      runs(200)
    )
  })

  it('mutated recorded reports are either still a report or an error, never a throw', () => {
    fc.assert(
      fc.property(mutatedSample('audit'), ({ bytes }) => {
        const stdout = bytes.toString('utf8')
        const result = parseAuditOutput(stdout, 1)
        expect(result.status === 'ok' ? isReport(stdout) : result.status === 'error').toBe(true)
      }),
      runs(300)
    )
  })
})
