import type { Value } from '../../model/values.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { always, isLiteral, isUnset, option, optionLocation, sessionMiddlewares } from '../../model/session-options.js'

const DEFAULT_NAME = 'connect.sid'

const isDefault = (v: Value): boolean => isUnset(v) || isLiteral(v, DEFAULT_NAME)

/**
 * express-session only: `name` (or its old alias `key`) unset or `connect.sid`. cookie-session's
 * default name `session` does not name the framework and is left alone.
 */
export default defineRule({
  meta: {
    id: 'session-cookie-name-default',
    severity: 'low',
    category: 'express',
    description:
      'express-session cookie name left at the default `connect.sid`, which tells every visitor the app runs on Express/Connect.',
    fix: "`name: 'sid'` (any neutral name) in the express-session options",
    cwe: 'CWE-200',
    messages: {
      'default-name': 'the express-session cookie name is unset or connect.sid'
    }
  },
  needs: 'source',
  check({ express }) {
    return sessionMiddlewares(express, 'express-session').flatMap((session): RuleFinding[] => {
      const name = option(express, session.options, 'name')
      const key = option(express, session.options, 'key')
      if (!always(name, isDefault) || !always(key, isDefault)) return []
      const written = isUnset(name) ? key : name
      const state = isUnset(written) ? `is unset, so it is \`${DEFAULT_NAME}\`` : `is \`${DEFAULT_NAME}\``
      return [
        {
          ...optionLocation(written, session),
          messageId: 'default-name',
          message: `express-session cookie name ${state}, which fingerprints the app as Express: set a neutral name, e.g. \`name: 'sid'\``
        }
      ]
    })
  }
})
