import { defineRule, type RuleFinding } from '../rule.js'
import { always, isUnset, option, sessionMiddlewares } from '../../model/session-options.js'

/** express-session only (cookie-session keeps the session in the cookie and has no store). */
export default defineRule({
  meta: {
    id: 'session-memory-store',
    severity: 'high',
    category: 'express',
    description:
      'express-session without a `store`: the default MemoryStore leaks memory, loses every session on restart and is not shared between processes.',
    fix: '`store: new RedisStore({ client })` (or another production store) in the express-session options',
    cwe: 'CWE-400',
    messages: {
      'no-store': 'express-session has no store, so it uses the default MemoryStore'
    }
  },
  needs: 'source',
  check({ express }) {
    return sessionMiddlewares(express, 'express-session').flatMap((session): RuleFinding[] => {
      if (!always(option(express, session.options, 'store'), isUnset)) return []
      return [
        {
          ...session.location,
          messageId: 'no-store',
          message:
            'express-session has no `store`, so it uses the default MemoryStore, which leaks memory, loses sessions on restart and is not shared across instances (its docs say it is not for production): pass a production store, e.g. `store: new RedisStore({ client })` from connect-redis'
        }
      ]
    })
  }
})
