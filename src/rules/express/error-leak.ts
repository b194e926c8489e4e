import { defineRule, type RuleFinding } from '../rule.js'
import { locate } from '../../model/express.js'
import { errorLeaks, errorScopes, type ErrorLeak } from '../../model/error-flow.js'
import { debugErrorMiddleware } from '../../model/debug-error-pages.js'
import { handlerFunctions } from '../../model/handlers.js'

// The reason's key per leak kind, for the rule tests.
const MESSAGE_ID: Record<ErrorLeak['kind'], string> = { stack: 'stack', object: 'error-object', message: 'error-message' }

const WHAT: Record<ErrorLeak['kind'], string> = {
  stack: 'the stack trace',
  object: 'the error object',
  message: 'the raw error message'
}

function describe(leak: ErrorLeak): RuleFinding {
  const where = locate({ module: leak.scope.handler.module, node: leak.node })
  const place = leak.scope.handler.errorHandler ? 'error handler' : 'route catch block'
  const name = leak.scope.name
  const fix =
    leak.kind === 'stack'
      ? `log \`${name}.stack\` server-side and send a generic message; show stacks only under \`if (process.env.NODE_ENV !== 'production')\``
      : `send a generic message (\`res.status(500).json({ error: 'Internal Server Error' })\`) and log \`${name}\` server-side, or guard it with \`process.env.NODE_ENV !== 'production'\``
  return {
    file: where.file,
    line: where.line,
    column: where.column,
    messageId: MESSAGE_ID[leak.kind],
    message: `${place} sends ${WHAT[leak.kind]} to the client with \`res.${leak.send.method}()\`, leaking internals (paths, queries, library versions): ${fix}`
  }
}

function describeDebugMiddleware({ site, package: name }: ReturnType<typeof debugErrorMiddleware>[number]): RuleFinding {
  const where = locate(site)
  return {
    file: where.file,
    line: where.line,
    column: where.column,
    messageId: 'debug-middleware',
    message: `\`${name}\` is mounted for every environment, so every error answers with its stack trace and message: mount it only under \`if (process.env.NODE_ENV === 'development')\` and end production with a handler that sends a generic message`
  }
}

/**
 * Error handlers (four parameters) and route catch blocks (`catch (err)`, `.catch(err => ...)`) whose
 * response carries the error's stack, the error object or its message, outside a `NODE_ENV` test.
 * Messages of errors checked to be a known kind (`err.status`, `instanceof`) are meant for clients.
 * Also `errorhandler()` (a development error page) mounted outside a development-only test.
 */
export default defineRule({
  meta: {
    id: 'error-leak',
    severity: 'high',
    category: 'express',
    description: 'An error handler (or route catch) sends `err.stack`, or `err.message`/the error object, without a production guard.',
    fix: "log the error, send a generic message; details only when `NODE_ENV !== 'production'`",
    cwe: 'CWE-209',
    messages: {
      stack: 'a response sends the error stack trace',
      'error-object': 'a response sends the error object',
      'error-message': 'a response sends the raw error message',
      'debug-middleware': '`errorhandler()` (a stack-trace error page) mounted outside a development-only test'
    }
  },
  needs: 'source',
  check({ express }) {
    const seen = new Set<unknown>()
    return handlerFunctions(express)
      .flatMap(errorScopes)
      .flatMap(errorLeaks)
      .filter((leak) => !seen.has(leak.send.call) && seen.add(leak.send.call))
      .map(describe)
      .concat(debugErrorMiddleware(express).map(describeDebugMiddleware))
  }
})
