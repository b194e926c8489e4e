import type { Finding } from '../../src/findings/finding.js'
import type { Severity } from '../../src/common/severity.js'
import type { Report } from '../../src/report.js'
import { withCounts, type Advisory } from '../../src/tools/audit-report.js'

export const SHA = '0123456789abcdef0123456789abcdef01234567'
export const LINKS = { serverUrl: 'https://github.com', owner: 'acme', repo: 'shop', sha: SHA }

export function finding(file: string, line: number | null, extra: Partial<Finding> = {}): Finding {
  return {
    rule: 'helmet-missing',
    severity: 'high',
    file,
    line,
    column: line === null ? null : 1,
    message: 'no helmet',
    fingerprint: `fp-${file}-${line}`,
    suppressed: false,
    ...extra
  }
}

export function advisory(id: string, pkg: string, severity: Severity, extra: Partial<Advisory> = {}): Advisory {
  return {
    id,
    package: pkg,
    severity,
    title: `${pkg} is vulnerable`,
    url: `https://github.com/advisories/${id}`,
    range: '<1.0.0',
    fixAvailable: true,
    direct: true,
    via: [],
    ...extra
  }
}

export function makeReport(partial: Partial<Report> = {}, advisories: Advisory[] = []): Report {
  return {
    version: 1,
    tool: { name: 'express-hardening-gate', version: '0.1.0' },
    root: '.',
    passed: true,
    reasons: [],
    warnings: [],
    thresholds: { audit: 'high', findings: 'high' },
    findings: [],
    audit: withCounts({ status: 'ok', counts: { low: 0, moderate: 0, high: 0, critical: 0 }, advisories }),
    sbom: { status: 'ok', path: 'sbom.cdx.json', components: 57, specVersion: '1.6' },
    steps: [
      { name: 'npm ci', status: 'ok', ms: 1200 },
      { name: 'npm audit', status: 'ok', ms: 800 }
    ],
    notes: [],
    ...partial
  }
}

/** Text an attacker can put in a repository or a forged report: Markdown, HTML, mentions, links. */
export const HOSTILE = [
  'x`y` | <script>alert(1)</script> @octocat [link](javascript:alert(1)) **bold** <img src=x onerror=alert(1)>',
  'first line\n| injected | row |\n\n## Fake heading\r\n> [!NOTE]',
  `${'A'.repeat(10_000)}`,
  'close --> the <!-- comment --!> early',
  '![pixel](https://evil.example/p.png) <https://evil.example> [ref]: https://evil.example',
  '@everyone @acme/security-team mail@example.com',
  '&#64;octocat &lt;b&gt; \\| escaped pipe',
  '<details open><summary>click</summary>',
  '</code></sub></details></summary> ~~~ ``` $$x$$'
]

/** A failing report whose every repository-controlled string is hostile. */
export function hostileReport(): Report {
  const files = [
    'src/<script>alert(1)</script>.js',
    'src/a|b|c.js',
    'src/@admin/index.js',
    'src/[x](javascript:alert(1)).js',
    'src/a(b)c).js',
    'src/new\nline.js',
    'src/`tick`.js'
  ]
  const findings: Finding[] = [
    ...files.map((file, i) => finding(file, i + 1, { message: HOSTILE[i % HOSTILE.length] as string })),
    ...HOSTILE.map((message, i) => finding('src/app.js', 100 + i, { rule: 'session-secret-hardcoded', message })),
    finding('src/legacy.js', 3, {
      suppressed: true,
      suppression: { source: 'inline', reason: HOSTILE[0] as string, expires: '2026-12-31' }
    }),
    finding('Dockerfile', null, { rule: 'docker-root-user', message: HOSTILE[1] as string }),
    // One in every other category, so each collapsible section carries hostile text too.
    finding('deploy/<nginx>|`.conf', 3, { rule: 'proxy-no-tls', message: HOSTILE[8] as string }),
    finding('config/@secrets.js', 1, { rule: 'hardcoded-secret', message: HOSTILE[3] as string }),
    finding('package.json', null, { rule: 'lockfile-missing', message: HOSTILE[7] as string }),
    finding('src/x.js', 2, { rule: 'suppression-without-reason', severity: 'low', message: HOSTILE[6] as string })
  ]
  const advisories = [
    advisory('GHSA-aaaa-bbbb-cccc', '<script>pkg</script>', 'critical', { title: HOSTILE[0] as string, url: 'javascript:alert(1)' }),
    advisory('GHSA-dddd-eeee-ffff', 'qs', 'high', {
      title: HOSTILE[1] as string,
      url: 'https://github.com/advisories/GHSA-x)[click me](https://evil.example)',
      direct: false,
      via: ['@evil/pkg', 'a|b', '<img>'],
      fix: 'express@4.22.3 | <b>',
      allowed: { reason: HOSTILE[5] as string }
    }),
    advisory('GHSA-gggg-hhhh-jjjj', 'lodash', 'high', { title: '', url: 'https://github.com/advisories/GHSA-q\'w"e|r`t\\y <z>' }),
    advisory('1234', '[x](javascript:alert(1))', 'moderate', { title: HOSTILE[2] as string, url: 'http://insecure.example/a' })
  ]
  return makeReport(
    {
      root: 'apps/<api> --> @team',
      passed: false,
      // A name no real report carries (the schema allows only ours): the renderers escape it anyway.
      tool: { name: '<img src=x> @octocat' as 'express-hardening-gate', version: '[v](javascript:alert(1)) |' },
      reasons: [`2 hardening findings at or above high: ${HOSTILE[0]}`],
      warnings: [HOSTILE[1] as string, HOSTILE[4] as string],
      findings,
      sbom: { status: 'ok', path: 'out/<sbom>|@x.json', components: 3, specVersion: '1.6<' },
      steps: [{ name: 'npm ci', status: 'error', ms: 1, detail: HOSTILE[0] }],
      expiredSuppressions: [
        { source: HOSTILE[0] as string, rule: '<b>rule</b>', path: HOSTILE[1] as string, expires: '2026-01-01 | <i>' },
        { source: '.github/hardening.yml', id: HOSTILE[5] as string, expires: '``` @octocat' }
      ],
      notes: [{ file: HOSTILE[0] as string, message: HOSTILE[1] as string }]
    },
    advisories
  )
}

/** The HTML the renderers write themselves; anything else with `<` came from outside. */
const OWN_TAGS = /<\/?(?:code|details|summary|sub)>/g
const MARKER = /^<!-- express-hardening-gate:[A-Za-z0-9._/%]* -->$/m

export function withoutOwnHtml(markdown: string): string {
  return markdown.replace(MARKER, '').replace(OWN_TAGS, '')
}

/** Numeric character references decoded, as GitHub shows them. */
export function decodeEntities(markdown: string): string {
  return markdown.replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
}

/** Lines of every table block, each with the number of cell separators its header has. */
export function tableRows(markdown: string): Array<{ header: string; row: string }> {
  const rows: Array<{ header: string; row: string }> = []
  let header: string | undefined
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined
      continue
    }
    header ??= line
    rows.push({ header, row: line })
  }
  return rows
}

export const pipes = (line: string): number => [...line].filter((c) => c === '|').length

/** Destinations of Markdown inline links, up to the first `)` as GitHub reads them. */
export function linkDestinations(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]*)/g)].map((m) => m[1] as string)
}
