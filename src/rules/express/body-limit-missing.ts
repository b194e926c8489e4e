import { defineRule, type RuleFinding } from '../rule.js'
import { locate, type ExpressModel } from '../../model/express.js'
import { bodyParsers, type BodyParser } from '../../model/body-parsers.js'

function listed(labels: string[]): string {
  return labels.length < 2 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`
}

/** The parser's position, to report a group at its first parser. */
function position(parser: BodyParser): [string, number, number] {
  const { file, line, column } = locate(parser.call.site)
  return [file, line, column]
}

function byPosition(a: BodyParser, b: BodyParser): number {
  const [fa, la, ca] = position(a)
  const [fb, lb, cb] = position(b)
  return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb
}

/**
 * Parsers left at the 100kb default, grouped by the app that uses them (its own and its routers'
 * middleware), the app's own file's first; a parser no app is seen using is grouped with the
 * others created in its file.
 */
function groupsByApp(express: ExpressModel, parsers: BodyParser[]): BodyParser[][] {
  const used = new Set<BodyParser>()
  const byNode = new Map(parsers.map((p) => [p.call.site.node, p]))
  const groups: BodyParser[][] = []
  // Apps mounted into another are part of it: their parsers are named with the app that serves them.
  for (const app of express.apps) {
    const own = new Set<BodyParser>()
    for (const { handler } of express.middlewareOf(app)) {
      const parser = byNode.get(handler.site.node)
      if (parser) own.add(parser)
    }
    const inAppFile = (p: BodyParser): number => (locate(p.call.site).file === app.file ? 0 : 1)
    if (own.size > 0) groups.push([...own].sort((a, b) => inAppFile(a) - inAppFile(b) || byPosition(a, b)))
    for (const parser of own) used.add(parser)
  }
  const byFile = new Map<string, BodyParser[]>()
  for (const parser of parsers.filter((p) => !used.has(p))) {
    const file = locate(parser.call.site).file
    byFile.set(file, [...(byFile.get(file) ?? []), parser])
  }
  return [...groups, ...[...byFile.values()].map((group) => group.sort(byPosition))]
}

function defaultLimitFinding(group: BodyParser[]): RuleFinding | undefined {
  const first = group[0]
  if (!first) return undefined
  const labels = [...new Set(group.map((p) => p.label))]
  const verb = labels.length === 1 && group.length === 1 ? 'uses' : 'use'
  return {
    ...locate(first.call.site),
    messageId: 'no-limit',
    message: `${listed(labels)} ${verb} the default 100kb limit implicitly: state it, e.g. \`${labels[0]?.replace(/\(\)$/, '')}({ limit: '100kb' })\`, so a later change is a visible decision`
  }
}

/**
 * Body parsers (express.json/urlencoded/raw/text, body-parser) created without a `limit`: one
 * finding per app, at its first such parser, naming them all (the gap is the app's implicit
 * default, not each call). Each upload middleware (express-fileupload, multer) without
 * `limits.fileSize` is unbounded, and reported where it is created.
 */
export default defineRule({
  meta: {
    id: 'body-limit-missing',
    severity: 'low',
    category: 'express',
    description: 'A body parser without an explicit `limit` (or an upload middleware without `limits.fileSize`).',
    fix: "`express.json({ limit: '100kb' })`; uploads: `limits: { fileSize }`",
    cwe: 'CWE-770',
    messages: {
      'no-limit': "an app's body parsers without an explicit limit (they rely on the 100kb default), one finding per app",
      'upload-no-limit': 'an upload middleware without limits.fileSize'
    }
  },
  needs: 'source',
  check({ express }) {
    const absent = bodyParsers(express).filter((parser) => parser.limit.kind === 'absent')
    const uploads = absent
      .filter((parser) => parser.upload)
      .map((parser) => ({
        ...locate(parser.call.site),
        messageId: 'upload-no-limit',
        message: `${parser.label} accepts uploads of any size, buffered in memory or on disk: set \`limits: { fileSize: 5 * 1024 * 1024 }\` to what the app needs`
      }))
    const parsers = groupsByApp(
      express,
      absent.filter((parser) => !parser.upload)
    ).flatMap((group) => defaultLimitFinding(group) ?? [])
    return [...parsers, ...uploads]
  }
})
