import { defineRule, type RuleFinding } from '../rule.js'
import { always, isLiteral, isUnset, option, optionLocation, sessionMiddlewares } from './session-options.js'

/** express-session only: `saveUninitialized` written as `true`, or left out (its default is true). */
export default defineRule({
  meta: {
    id: 'session-save-uninitialized',
    severity: 'low',
    category: 'express',
    description: 'express-session with `saveUninitialized` true or unset (it defaults to true): a session and cookie for every anonymous visitor.',
    fix: '`saveUninitialized: false` in the express-session options',
    cwe: 'CWE-384'
  },
  check({ express }) {
    return sessionMiddlewares(express, 'express-session').flatMap((session): RuleFinding[] => {
      const save = option(express, session.options, 'saveUninitialized')
      if (!always(save, (v) => isUnset(v) || isLiteral(v, true))) return []
      const state = isUnset(save) ? 'is unset, so it defaults to true' : 'is true'
      return [{
        ...optionLocation(save, session),
        message: `express-session \`saveUninitialized\` ${state}: every anonymous visitor gets a stored session and a cookie before logging in, which fills the store and eases session fixation: set \`saveUninitialized: false\``
      }]
    })
  }
})
