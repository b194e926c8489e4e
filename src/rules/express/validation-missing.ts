import { locate, type ExpressModel, type Handler, type RouterEvent } from '../../model/express.js'
import { readRequestData, routeHandlers, type RouteHandler } from '../../model/request-data.js'
import { positionOf } from '../../model/scope.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { pollutionAt } from '../../model/pollution.js'
import { findSink } from '../../model/request-sinks.js'
import { handlerValidation, isValidatorHandler } from '../../model/validators.js'

interface Resolution {
  fullPath: string
  before: Handler[]
}

/** Per route event, how each app reaches it: full path and the handlers that run before its last one. */
function resolveRoutes(express: ExpressModel): Map<RouterEvent, Resolution[]> {
  const byEvent = new Map<RouterEvent, Resolution[]>()
  for (const app of express.apps) {
    for (const route of express.routesOf(app)) {
      const list = byEvent.get(route.event) ?? []
      list.push({ fullPath: route.fullPath, before: route.before.map((b) => b.handler) })
      byEvent.set(route.event, list)
    }
  }
  return byEvent
}

/** The chain of a route no app mounts: its router's earlier uses and its own handlers before the last. */
function localChain({ router, event }: RouteHandler): Handler[] {
  const earlier = router.events
    .slice(0, router.events.indexOf(event))
    .filter((e) => e.type === 'use')
    .flatMap((e) => e.handlers)
  return [...earlier, ...event.handlers.slice(0, -1)]
}

function checkRoute(express: ExpressModel, route: RouteHandler, resolutions: Resolution[] | undefined): RuleFinding | undefined {
  const data = readRequestData(express, route.handler)
  if (!data || data.reads.length === 0) return undefined
  const chains = resolutions?.map((r) => r.before) ?? [localChain(route)]
  if (chains.some((chain) => chain.some((h) => isValidatorHandler(express, h)))) return undefined
  const validation = handlerValidation(express, data)
  if (validation.all) return undefined
  // Merges are prototype-pollution's finding; the same line is not reported twice.
  const sink = findSink(
    express,
    data,
    (call) => pollutionAt(express, data, call) !== undefined,
    (origin, at) => validation.covers(origin, at)
  )
  const origin = sink?.origins[0]
  if (!sink || !origin) return undefined
  const { read } = origin
  const { file, line, column } = locate({ module: data.module, node: read })
  const parent = data.module.index.parents.get(read)
  // `req.body` read by `const { password } = req.body` is shown as the field that reaches the sink: `req.body.password`.
  const shown =
    read.type === 'MemberExpression'
      ? `${data.text(read)}${origin.path.slice(origin.path.indexOf('.') < 0 ? origin.path.length : origin.path.indexOf('.'))}`
      : data.text(parent?.type === 'MemberExpression' && parent.object === read && !parent.computed ? parent : read)
  const where = `${(route.event.method ?? 'all').toUpperCase()} ${resolutions?.[0]?.fullPath ?? route.event.path ?? '(route)'}`
  const sinkModule = express.graph.moduleOf(sink.node)
  const sinkLine = sinkModule && positionOf(sink.node, sinkModule).line
  return {
    file,
    line,
    column,
    messageId: 'unvalidated-input',
    message: `${where} uses \`${shown}\` without validation and passes request data to ${sink.what}${sinkLine !== undefined && sinkLine !== line ? ` (line ${sinkLine})` : ''}: validate it in the route's chain first, e.g. express-validator \`body('email').isEmail()\`, celebrate/Joi or zod \`schema.parse(req.body)\``
  }
}

/**
 * Per route, the handler that answers it: when request data reaches a sink (code or shell execution,
 * a redirect, a file path, an outbound request, raw SQL, a NoSQL filter or operator, the data layer,
 * a privileged field, all of the input handed to a function) and neither the chain nor the handler
 * validates the fields that reach it, one finding at the read of the first such field. Validation
 * in the handler is per field: `ObjectId.isValid(id)` validates `id`, not `req.body`.
 */
export default defineRule({
  meta: {
    id: 'validation-missing',
    severity: 'moderate',
    category: 'express',
    description:
      'A route uses req.body/req.query/req.params fields with no validation (express-validator, joi, celebrate, zod, yup, ajv...) in its chain or handler.',
    fix: "validate the input in the route's chain (express-validator, celebrate/Joi, zod) before using it",
    cwe: 'CWE-20',
    messages: {
      'unvalidated-input': 'a route passes request data to a sink with no validator in its chain or handler'
    }
  },
  needs: 'source',
  check({ express }) {
    const resolved = resolveRoutes(express)
    const seen = new Set<string>()
    return routeHandlers(express).flatMap((route) => {
      const finding = checkRoute(express, route, resolved.get(route.event))
      if (!finding) return []
      const key = `${finding.file}:${finding.line}`
      return seen.has(key) ? [] : (seen.add(key), [finding])
    })
  }
})
