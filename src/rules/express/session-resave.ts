import { defineRule, type RuleFinding } from '../rule.js'
import { always, isLiteral, isUnset, option, optionLocation, sessionMiddlewares } from './session-options.js'

/** express-session only: `resave` written as `true`, or left out (its default is true). */
export default defineRule({
  meta: {
    id: 'session-resave',
    severity: 'low',
    category: 'express',
    description: 'express-session with `resave` true or unset (it defaults to true): every request writes the session back, racing concurrent requests.',
    fix: '`resave: false` in the express-session options',
    cwe: 'CWE-362'
  },
  check({ express }) {
    return sessionMiddlewares(express, 'express-session').flatMap((session): RuleFinding[] => {
      const resave = option(express, session.options, 'resave')
      if (!always(resave, (v) => isUnset(v) || isLiteral(v, true))) return []
      const state = isUnset(resave) ? 'is unset, so it defaults to true' : 'is true'
      return [{
        ...optionLocation(resave, session),
        message: `express-session \`resave\` ${state}: unchanged sessions are written back on every request, and concurrent requests overwrite each other's changes: set \`resave: false\``
      }]
    })
  }
})
