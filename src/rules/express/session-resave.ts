import { defineRule } from '../rule.js'
import { trueByDefault } from '../../model/session-options.js'

/** express-session only: `resave` written as `true`, or left out (its default is true). */
export default defineRule({
  meta: {
    id: 'session-resave',
    severity: 'low',
    category: 'express',
    description:
      'express-session with `resave` true or unset (it defaults to true): every request writes the session back, racing concurrent requests.',
    fix: '`resave: false` in the express-session options',
    cwe: 'CWE-362',
    messages: {
      unset: 'resave is unset, so it defaults to true',
      'set-true': 'resave is set to true'
    }
  },
  needs: 'source',
  check({ express }) {
    return trueByDefault(
      express,
      'resave',
      "unchanged sessions are written back on every request, and concurrent requests overwrite each other's changes"
    )
  }
})
