// `mode: comment` reads a report an untrusted pull request's job may have written. What
// __tests__/report-file.test.ts and __tests__/e2e/two-phase.test.ts leave out: a huge file, deep
// nesting, prototype-pollution keys (as JSON text, where `__proto__` is an own key), and a forged
// report full of Markdown through the real comment job.
import { afterAll, describe, expect, it } from '@jest/globals'
import { truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UsageError } from '../../src/config/errors.js'
import { commentMarker, renderComment } from '../../src/render/comment.js'
import { MAX_REPORT_BYTES, parseReport, readReportFile } from '../../src/report-file.js'
import { actionServers } from '../helpers/action-servers.js'
import { HEAD_SHA, makeWorkspace, OWNER, PR_NUMBER, REPO, TOKEN, workflowRunPayload } from '../helpers/run-action.js'
import { expectInert } from '../render/inert.js'
import { HOSTILE, hostileReport, LINKS, makeReport } from '../render/sample-report.js'
import { removeMadeDirs, tempDir } from './harness.js'

const servers = actionServers()
afterAll(removeMadeDirs)

/** A valid report as JSON text, with `extra` spliced in as raw JSON members (so `__proto__` stays a key). */
function reportText(extra: Record<string, string> = {}, base: object = makeReport()): string {
  const json = JSON.stringify(base)
  const members = Object.entries(extra).map(([key, raw]) => `${JSON.stringify(key)}:${raw}`)
  return members.length === 0 ? json : `{${members.join(',')},${json.slice(1)}`
}

function failure(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('expected a UsageError')
}

const POLLUTION = '{"polluted":"yes","passed":true,"isAdmin":true}'

describe('a forged report file', () => {
  it('over the size limit is refused from its size alone, without reading it', () => {
    const file = join(tempDir('ehg-sec-report-'), 'huge.json')
    writeFileSync(file, '')
    truncateSync(file, MAX_REPORT_BYTES + 1) // sparse: 64 MiB on paper, nothing on disk
    const started = Date.now()
    expect(failure(() => readReportFile(file))).toMatch(/over the 67108864-byte limit/)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it.each([
    ['under an unknown key', (deep: string) => reportText({ extra: deep })],
    [
      'in a known field',
      (deep: string) => JSON.stringify({ ...makeReport(), findings: [] }).replace('"findings":[]', `"findings":${deep}`)
    ],
    [
      'as nested objects in a known field',
      (_deep: string) =>
        JSON.stringify(makeReport()).replace(/"tool":\{[^}]*\}/, `"tool":${'{"name":'.repeat(200_000)}"x"${'}'.repeat(200_000)}`)
    ]
  ])('nested 200,000 deep %s is refused or dropped with one line, no crash', (_where, build) => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`
    const text = build(deep)
    expect(text.length).toBeGreaterThan(400_000)
    let message = ''
    try {
      const parsed = parseReport(text, 'r.json')
      expect(parsed).not.toHaveProperty('extra')
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      message = (error as Error).message
    }
    expect(message).not.toMatch(/\n|\[\[\[/)
  })

  it.each([
    ['at the top', { __proto__: POLLUTION }],
    ['constructor.prototype at the top', { constructor: `{"prototype":${POLLUTION}}` }]
  ])('with __proto__ keys (%s) pollutes no prototype', (_where, extra) => {
    const parsed = parseReport(reportText(extra), 'r.json')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect((parsed as unknown as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(parsed)).not.toContain('__proto__')
  })

  it('with __proto__ keys inside findings, advisories, steps, tool and audit pollutes nothing and keeps its data', () => {
    const base = hostileReport()
    const proto = (value: object) => `{"__proto__":${POLLUTION},${JSON.stringify(value).slice(1)}`
    const f0 = base.findings[0] as object
    const a0 = base.audit.advisories[0] as object
    const text = JSON.stringify({ ...base, tool: { name: 'express-hardening-gate', version: '1' } })
      .replace(JSON.stringify(f0), proto(f0))
      .replace(JSON.stringify(a0), proto(a0))
      .replace('"steps":[{', `"steps":[{"__proto__":${POLLUTION},`)
      .replace('"audit":{', `"audit":{"__proto__":${POLLUTION},`)
      .replace('"tool":{', `"tool":{"__proto__":${POLLUTION},`)
    expect(text.match(/"__proto__"/g)).toHaveLength(5)
    const parsed = parseReport(text, 'r.json')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    for (const part of [parsed.findings[0], parsed.audit.advisories[0], parsed.steps[0], parsed.audit, parsed.tool]) {
      expect(Object.getPrototypeOf(part)).toBe(Object.prototype)
      expect((part as unknown as Record<string, unknown>).polluted).toBeUndefined()
      expect((part as unknown as Record<string, unknown>).isAdmin).toBeUndefined()
    }
    expect(parsed.findings).toHaveLength(base.findings.length)
    expectInert(renderComment(parsed, { links: LINKS }))
  })

  it('with a hostile baseline section (ref, error, fixed entries) renders it inert, in every layout', () => {
    const hostile = hostileReport()
    const texts = [HOSTILE[0], HOSTILE[1], HOSTILE[4], HOSTILE[5], HOSTILE[8]] as string[]
    const fixed = texts.map((t) => ({ rule: t.slice(0, 100), file: t, fingerprint: t.slice(0, 100) }))
    const advisoriesFixed = texts.map((t) => ({ id: t.slice(0, 200), package: t.slice(0, 300) }))
    for (const status of ['ok', 'error'] as const) {
      for (const source of ['base-commit', 'file'] as const) {
        const findings = hostile.findings.map((f, i) => ({ ...f, new: i % 2 === 0 }))
        const advisories = hostile.audit.advisories.map((a, i) => ({ ...a, new: i % 2 === 1 }))
        const forged = {
          ...hostile,
          findings,
          audit: { ...hostile.audit, advisories },
          baseline: { source, ref: texts[0], status, error: texts[1], fixed, advisoriesFixed }
        }
        const parsed = parseReport(JSON.stringify({ ...forged, tool: { name: 'express-hardening-gate', version: '1' } }), 'r.json')
        expect(parsed.baseline?.fixed).toHaveLength(texts.length)
        const body = renderComment(parsed, { links: LINKS })
        expectInert(body)
        expect(body.split('<!--')).toHaveLength(2)
        expect(body).toContain(status === 'ok' ? 'not blocking' : 'Compared with nothing')
      }
    }
  })

  it('cannot supply a missing field through __proto__', () => {
    const withoutPassed: Record<string, unknown> = { ...makeReport() }
    delete withoutPassed.passed
    const message = failure(() => parseReport(reportText({ __proto__: POLLUTION }, withoutPassed), 'r.json'))
    expect(message).toMatch(/\(passed: /)
  })
})

describe('a forged report through the comment job (dist/index.js, mode: comment)', () => {
  it('posts a comment whose every field from the report is inert, under one marker', async () => {
    const { github, run } = await servers()
    github.seedPullRequest(OWNER, REPO, PR_NUMBER, HEAD_SHA)
    const hostile = hostileReport()
    const forged = {
      ...hostile,
      tool: { ...hostile.tool, name: 'express-hardening-gate' },
      pullRequest: { number: PR_NUMBER, headSha: HEAD_SHA }
    }
    const workspace = await makeWorkspace()
    writeFileSync(join(workspace, 'report.json'), reportText({ __proto__: POLLUTION }, forged))
    const result = await run({
      workspace,
      eventName: 'workflow_run',
      payload: workflowRunPayload(),
      inputs: { mode: 'comment', 'report-file': 'report.json', 'github-token': TOKEN }
    })

    expect(result.code).toBe(0)
    const comments = github.comments(OWNER, REPO, PR_NUMBER)
    expect(comments).toHaveLength(1)
    const body = comments[0]?.body ?? ''
    const marker = commentMarker(forged.root)
    expect(marker).toBe('<!-- express-hardening-gate:apps/%3Capi%3E%20%2D%2D%3E%20%40team -->')
    expect(body.startsWith(`${marker}\n`)).toBe(true)
    expect(body.split('<!--')).toHaveLength(2)
    expect(body.split('-->')).toHaveLength(2)
    // The same checks as the renderers' own tests, with this run's links.
    expectInert(body.replaceAll(`https://github.com/${OWNER}/${REPO}/blob/${HEAD_SHA}/`, `https://github.com/acme/shop/blob/${LINKS.sha}/`))
    expect(body).toContain('&#60;script&#62;')
    expect(body).not.toContain('polluted')
  }, 60_000)
})
