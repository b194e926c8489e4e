// Whole-scan property: a project of mutated real files of every kind never makes runScan throw;
// each file that does not parse is a note, and every finding points at a real line of its file.
import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../src/config/config-file.js'
import { parseCompose } from '../../src/parse/compose.js'
import { parseDockerfile } from '../../src/parse/dockerfile.js'
import { looksMinified, parseJavaScript } from '../../src/parse/javascript.js'
import { parsePackageJson } from '../../src/parse/package-json.js'
import { parseProxyConfigs } from '../../src/parse/proxy-config.js'
import { runScan } from '../../src/scan/run.js'
import { corpus, lineCount, mutatedSample, removeProject, runs, writeProject, type SampleKind } from './corpus.js'

const TODAY = '2026-11-26'

/** Where each kind of file goes in a generated project. */
const LAYOUT: Array<[string, SampleKind]> = [
  ['src/app.js', 'js'],
  ['src/routes/users.ts', 'js'],
  ['Dockerfile', 'dockerfile'],
  ['docker-compose.yml', 'compose'],
  ['nginx/nginx.conf', 'nginx'],
  ['nginx/conf.d/default.conf', 'nginx'],
  ['Caddyfile', 'caddy'],
  ['.npmrc', 'npmrc'],
  ['.dockerignore', 'dockerignore'],
  ['.env', 'dotenv'],
  ['package.json', 'package-json'],
  ['package-lock.json', 'lockfile']
]

/** A file of the layout: a real one as it is, a mutated one, or left out. */
function fileArb(kind: SampleKind): fc.Arbitrary<Buffer | undefined> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...corpus()[kind]).map((s) => s.bytes) },
    { weight: 4, arbitrary: mutatedSample(kind).map(({ bytes }) => bytes) }
  )
}

const projectArb = fc.tuple(...LAYOUT.map(([, kind]) => fileArb(kind))).map((contents) => {
  const files: Record<string, Buffer> = {}
  LAYOUT.forEach(([path], i) => {
    const content = contents[i]
    if (content) files[path] = content
  })
  return files
})

/** The files of a project that cannot be parsed on their own: the scan must name each in a note. */
function unparsable(files: Record<string, Buffer>): string[] {
  const text = (path: string): string => (files[path] as Buffer).toString('utf8').replace(/^\uFEFF/, '')
  const failed: string[] = []
  for (const path of Object.keys(files)) {
    if (path.endsWith('.js') || path.endsWith('.ts')) {
      if (!looksMinified(text(path)) && !parseJavaScript(text(path)).ok) failed.push(path)
    } else if (path === 'Dockerfile') {
      try {
        parseDockerfile(text(path))
      } catch {
        failed.push(path)
      }
    } else if (path === 'docker-compose.yml') {
      if (!parseCompose(text(path)).ok) failed.push(path)
    } else if (path === 'package.json') {
      if (!parsePackageJson(text(path)).ok) failed.push(path)
    }
  }
  const proxies = Object.keys(files)
    .filter((p) => p.endsWith('.conf') || p === 'Caddyfile')
    .map((path) => ({ path, text: text(path) }))
  failed.push(...parseProxyConfigs(proxies).errors.map((e) => e.path))
  return failed
}

const roots: string[] = []
afterAll(() => {
  for (const root of roots.splice(0)) removeProject(root)
})

describe('runScan on projects of mutated files', () => {
  it('never throws, notes every unparsable file and points findings at real lines', () => {
    fc.assert(
      fc.property(projectArb, (files) => {
        const root = writeProject(files)
        roots.push(root)
        const result = runScan(root, EMPTY_CONFIG, TODAY)

        const noted = new Set(result.notes.map((n) => n.file))
        for (const path of unparsable(files)) expect(noted.has(path)).toBe(true)
        for (const note of result.notes) {
          expect(typeof note.file).toBe('string')
          expect(note.message).not.toMatch(/[\r\n]/)
        }
        for (const finding of result.findings) {
          expect(finding.file in files || finding.file === '.').toBe(true)
          if (finding.line === null) continue
          const text = readFileSync(join(root, finding.file), 'utf8').replace(/^\uFEFF/, '')
          expect(finding.line).toBeGreaterThanOrEqual(1)
          expect(finding.line).toBeLessThanOrEqual(lineCount(text))
        }
        removeProject(roots.pop() as string)
      }),
      runs(100)
    )
  })
})
