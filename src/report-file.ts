import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { UsageError } from './config/errors.js'
import { SEVERITIES, THRESHOLDS } from './findings/severity.js'
import type { Report } from './report.js'

const severity = z.enum(SEVERITIES)
const counts = z.object({ low: z.number().int().min(0), moderate: z.number().int().min(0), high: z.number().int().min(0), critical: z.number().int().min(0) })
const status = z.enum(['ok', 'error', 'skipped'])
const text = z.string().max(10_000)

/**
 * A report read back in `mode: comment` may come from an untrusted pull request's job, so it is
 * validated as data: known shapes and sizes only; the renderers escape every string anyway.
 */
const REPORT_SCHEMA = z.object({
  version: z.literal(1),
  tool: z.object({ name: text, version: text }),
  root: text,
  passed: z.boolean(),
  reasons: z.array(text).max(100).default([]),
  warnings: z.array(text).max(100).default([]),
  thresholds: z.object({ audit: z.enum(THRESHOLDS), findings: z.enum(THRESHOLDS) }),
  findings: z.array(z.object({
    rule: z.string().max(100),
    severity,
    file: text,
    line: z.number().int().min(1).nullable(),
    column: z.number().int().min(0).nullable(),
    message: text,
    fingerprint: z.string().max(200),
    suppressed: z.boolean(),
    suppression: z.object({ source: z.enum(['config', 'inline']), reason: text, expires: z.string().max(20).optional() }).optional()
  })).max(100_000),
  audit: z.object({
    status,
    error: text.optional(),
    counts,
    advisories: z.array(z.object({
      id: z.string().max(200),
      package: z.string().max(300),
      severity,
      title: text,
      url: z.string().max(2000),
      range: z.string().max(2000),
      fixAvailable: z.boolean(),
      fix: z.string().max(500).optional(),
      direct: z.boolean(),
      via: z.array(z.string().max(300)).max(1000),
      allowed: z.object({ reason: text, expires: z.string().max(20).optional() }).optional()
    })).max(100_000)
  }),
  sbom: z.object({ status, error: text.optional(), path: text.optional(), components: z.number().int().min(0).optional(), specVersion: z.string().max(20).optional() }),
  steps: z.array(z.object({ name: z.string().max(100), status, ms: z.number().min(0), detail: text.optional() })).max(100),
  notes: z.array(z.object({ file: text, message: text })).max(100_000).default([])
})

export function parseReport(json: string, source: string): Report {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    throw new UsageError(`report-file ${source} is not JSON; give the hardening-report.json written by a scan run`)
  }
  const parsed = REPORT_SCHEMA.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'top level'
    throw new UsageError(`report-file ${source} is not a version 1 hardening report (${where}: ${issue?.message ?? 'invalid'}); give the file written by a scan run`)
  }
  return parsed.data as Report
}

export function readReportFile(file: string): Report {
  if (!existsSync(file)) {
    throw new UsageError(`report-file ${file} does not exist; in mode: comment, download the scan job's report artifact first`)
  }
  return parseReport(readFileSync(file, 'utf8'), file)
}
