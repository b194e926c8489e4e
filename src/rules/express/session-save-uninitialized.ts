import { defineRule } from '../rule.js'
import { trueByDefault } from '../../model/session-options.js'

/** express-session only: `saveUninitialized` written as `true`, or left out (its default is true). */
export default defineRule({
  meta: {
    id: 'session-save-uninitialized',
    severity: 'low',
    category: 'express',
    description:
      'express-session with `saveUninitialized` true or unset (it defaults to true): a session and cookie for every anonymous visitor.',
    fix: '`saveUninitialized: false` in the express-session options',
    cwe: 'CWE-384',
    messages: {
      unset: 'saveUninitialized is unset, so it defaults to true',
      'set-true': 'saveUninitialized is set to true'
    }
  },
  needs: 'source',
  check({ express }) {
    return trueByDefault(
      express,
      'saveUninitialized',
      'every anonymous visitor gets a stored session and a cookie before logging in, which fills the store and eases session fixation'
    )
  }
})
