// The config file's syntax and schema (yaml, zod): loaded by loadConfig (config-file.ts) only when
// there is a file to read, so a run without one never loads either library.
import { parse as parseYaml, YAMLParseError } from 'yaml'
import { z } from 'zod'
import { SEVERITIES } from '../common/severity.js'
import { describeError } from '../common/errors.js'
import type { GateConfig } from './config-file.js'
import { UsageError } from './errors.js'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i

const expires = z
  .string()
  .regex(DATE, 'must be a date written YYYY-MM-DD')
  // Date.parse rolls 2026-02-30 over to March; a real date survives the round trip.
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`)
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d)
  }, 'is not a real date')
  .optional()

const reason = z.string({ error: 'is required: say why this is accepted' }).trim().min(1, 'is required: say why this is accepted')

const CONFIG_SCHEMA = z
  .object({
    rules: z.record(z.string(), z.enum([...SEVERITIES, 'off'], { error: `must be one of ${SEVERITIES.join(', ')}, off` })).optional(),
    suppressions: z
      .array(
        z
          .object({
            rule: z.string().min(1),
            path: z.string().min(1).optional(),
            reason,
            expires
          })
          .strict()
      )
      .optional(),
    audit: z
      .object({
        allow: z
          .array(
            z
              .object({
                id: z.string().min(1, 'is required: a GHSA id or advisory URL'),
                reason,
                expires
              })
              .strict()
          )
          .optional()
      })
      .strict()
      .optional()
  })
  .strict()

/** A bare GHSA id, or GitHub's advisory URL for one; nothing else names an advisory. */
function ghsaOf(id: string): string | undefined {
  const value = id.trim().replace(/\/+$/, '')
  const bare = value.replace(/^https:\/\/github\.com\/advisories\//i, '')
  return GHSA.test(bare) ? bare.toUpperCase() : undefined
}

/** A key or value of the file inside a one-line message: line breaks and control characters escaped. */
function shown(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${shown(String(p))}`))
    .join('')
    .replace(/^\./, '')
  if (issue.code === 'unrecognized_keys') {
    return `${where || 'top level'}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${shown(k)}'`).join(', ')}`
  }
  return `${where || 'top level'} ${issue.message}`
}

/**
 * Reads the optional config file. Unknown rule ids and malformed entries are errors, so that a
 * typo never silently turns a suppression or override off.
 */
export function parseConfig(text: string, source: string, knownRules: ReadonlySet<string>): GateConfig {
  let data: unknown
  try {
    data = parseYaml(text) ?? {}
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` line ${error.linePos[0].line}` : ''
    const what = describeError(error)
    throw new UsageError(`config ${source}${where} is not valid YAML: ${what}`)
  }
  const parsed = CONFIG_SCHEMA.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new UsageError(`config ${source}: ${first ? formatIssue(first) : 'invalid'}; see README "Configuration"`)
  }
  const { rules = {}, suppressions = [], audit } = parsed.data
  const checkRule = (id: string, where: string): void => {
    if (!knownRules.has(id))
      throw new UsageError(`config ${source}: ${where} names unknown rule '${shown(id)}'; rule ids are listed in docs/rules/`)
  }
  for (const id of Object.keys(rules)) checkRule(id, 'rules')
  suppressions.forEach((s, i) => checkRule(s.rule, `suppressions[${i}]`))
  const allow = (audit?.allow ?? []).map((entry, i) => {
    const ghsa = ghsaOf(entry.id)
    if (!ghsa) {
      throw new UsageError(
        `config ${source}: audit.allow[${i}].id '${shown(entry.id)}' is not a GHSA id or https://github.com/advisories/GHSA-... URL`
      )
    }
    return { ghsa, reason: entry.reason, expires: entry.expires }
  })
  return { source, severity: new Map(Object.entries(rules)), suppressions, allow }
}
