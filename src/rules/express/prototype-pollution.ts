import type { ExpressModel } from '../../model/express.js'
import { locate } from '../../model/express.js'
import { allHandlerFunctions, readRequestData, type RequestData } from '../../model/request-data.js'
import { pollutionAt } from '../../model/pollution.js'
import { walk } from '../../parse/javascript.js'
import { defineRule, uniqueByPlace, type RuleFinding } from '../rule.js'

function checkHandler(express: ExpressModel, data: RequestData): RuleFinding[] {
  const findings: RuleFinding[] = []
  walk(data.fn, (node) => {
    const pollution = pollutionAt(express, data, node)
    if (!pollution) return
    const { file, line, column } = locate({ module: data.module, node })
    findings.push(
      pollution.kind === 'merged'
        ? {
            file,
            line,
            column,
            messageId: 'request-data-merged',
            message: `${pollution.what}, so a \`__proto__\` or \`constructor.prototype\` key in the request can pollute object prototypes: copy only known fields (\`const { name, email } = req.body\`) or validate against a schema that rejects unknown keys first; leaving keys out (\`omit\`, \`delete\`) is no fix`
          }
        : {
            file,
            line,
            column,
            messageId: 'view-options-injected',
            message: `${pollution.what}, where keys such as \`settings\`, \`layout\` or a template engine's options (ejs \`outputFunctionName\`, \`escapeFunction\`) are view options, not data: a client sending them can run code on the server; pass only known fields (\`res.render(view, { name, email })\`)`
          }
    )
  })
  return findings
}

/**
 * In every app function Express calls (routes and middleware), request data merged into an object:
 * `Object.assign`, lodash `merge`/`defaultsDeep`/`set`..., deep-extend and friends, `x = { ...x, ...req.body }`,
 * or `obj[req.body.key] = value`, also with keys left out first (`_.omit(req.body, 'role')`); and request
 * data as the locals of `res.render()`, whose keys are view options. Request data is the handler's own
 * `req.body/query/params` and local aliases.
 */
export default defineRule({
  meta: {
    id: 'prototype-pollution',
    severity: 'high',
    category: 'express',
    description:
      'Request data is merged into an object (Object.assign, spread, lodash merge/defaultsDeep/set, deep-extend...), used as a computed key, or handed to res.render() as the view locals.',
    fix: 'copy known fields only, or validate with a schema that rejects unknown keys, before merging',
    cwe: 'CWE-1321',
    messages: {
      'request-data-merged': 'request data is merged into an object, or used as a computed key, unfiltered',
      'view-options-injected': 'request data is handed to res.render() as the view locals, where keys are view options'
    }
  },
  needs: 'source',
  check({ express }) {
    return uniqueByPlace(
      allHandlerFunctions(express).flatMap((handler) => {
        const data = readRequestData(express, handler)
        return data && data.reads.length > 0 ? checkHandler(express, data) : []
      })
    )
  }
})
