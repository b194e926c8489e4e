import { closeSync, fstatSync, openSync, readFileSync, constants as fsConstants } from 'node:fs'
import { z } from 'zod'
import type { Finding } from '../findings/finding.js'
import type { AuditResult } from '../tools/audit-report.js'
import { TOOL_NAME } from '../common/version.js'
import { compareBaselineAdvisories, compareEntries } from './compare.js'
import type { BaselineData, BaselineLoad } from './types.js'

/** Far above any real baseline (a JSON line per entry), far below what would hurt the runner. */
export const MAX_BASELINE_BYTES = 32 * 1024 * 1024

const BASELINE_NOTE = `Written by ${TOOL_NAME} --write-baseline: the gate fails only on findings and advisories not listed here. Rewrite it to accept the current state; delete entries to stop accepting them.`

const BASELINE_SCHEMA = z.object({
  version: z.literal(1),
  findings: z
    .array(z.object({ rule: z.string().min(1).max(100), file: z.string().min(1).max(10_000), fingerprint: z.string().min(1).max(200) }))
    .max(1_000_000),
  advisories: z.array(z.object({ id: z.string().min(1).max(200), package: z.string().min(1).max(300) })).max(1_000_000)
})

/** What a baseline file keeps of a run: its open findings and the advisories not allowlisted, sorted, each once. */
export function baselineOf(findings: readonly Finding[], audit: AuditResult): BaselineData {
  const entries = new Map(
    findings
      .filter((f) => !f.suppressed)
      .map((f) => [`${f.rule}\u0000${f.file}\u0000${f.fingerprint}`, { rule: f.rule, file: f.file, fingerprint: f.fingerprint }])
  )
  const advisories = new Map(
    (audit.status === 'ok' ? audit.advisories : [])
      .filter((a) => !a.allowed)
      .map((a) => [`${a.id}\u0000${a.package}`, { id: a.id, package: a.package }])
  )
  return { findings: [...entries.values()].sort(compareEntries), advisories: [...advisories.values()].sort(compareBaselineAdvisories) }
}

/**
 * The baseline file: one entry per line, sorted, no dates or line numbers, so writing it again
 * with nothing changed gives the same bytes and a change reads as a one-line diff.
 */
export function renderBaselineFile(data: BaselineData): string {
  const lines = (items: readonly object[]): string =>
    items.length === 0 ? '[]' : `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`
  return `{\n  "version": 1,\n  "description": ${JSON.stringify(BASELINE_NOTE)},\n  "findings": ${lines(data.findings)},\n  "advisories": ${lines(data.advisories)}\n}\n`
}

/** A baseline file's content, or why it is not one (naming schema keys only, never the file's text). */
export function parseBaselineFile(json: string): { ok: true; data: BaselineData } | { ok: false; error: string } {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return { ok: false, error: 'it is not JSON' }
  }
  const parsed = BASELINE_SCHEMA.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      error: `it is not a version 1 baseline file (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'})`
    }
  }
  return { ok: true, data: { findings: parsed.data.findings, advisories: parsed.data.advisories } }
}

/** Reads a baseline file: a regular file (no symbolic link, no FIFO), of bounded size; any failure is status error. */
export function loadBaselineFile(file: string, ref: string, maxBytes: number = MAX_BASELINE_BYTES): BaselineLoad {
  const fail = (error: string): BaselineLoad => ({ status: 'error', source: 'file', ref, error })
  let fd: number
  try {
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return fail('it does not exist')
    if (code === 'ELOOP') return fail('it is a symbolic link')
    return fail(`it cannot be read (${code ?? 'error'})`)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return fail('it is not a regular file')
    if (stat.size > maxBytes) return fail(`it is ${stat.size} bytes, over the ${maxBytes}-byte limit`)
    const parsed = parseBaselineFile(readFileSync(fd, 'utf8'))
    return parsed.ok ? { status: 'ok', source: 'file', ref, data: parsed.data } : fail(parsed.error)
  } catch (error) {
    return fail(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  } finally {
    closeSync(fd)
  }
}
