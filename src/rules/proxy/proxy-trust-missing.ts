import type { ExpressModel, RouterNode } from '../../model/express.js'
import { literalOf } from '../../model/values.js'
import { hasReverseProxy } from '../../model/proxy/reverse-proxies.js'
import { defineRule, type RuleFinding } from '../rule.js'
import {
  always,
  cookieMiddlewares,
  cookieOptions,
  isLiteral,
  isSecureSometimes,
  isUnset,
  option,
  type CookieMiddleware
} from '../../model/session-options.js'

/** The app and every router or sub-app mounted under it. */
function routersUnder(app: RouterNode): RouterNode[] {
  const found = new Set<RouterNode>()
  const visit = (router: RouterNode): void => {
    if (found.has(router)) return
    found.add(router)
    for (const event of router.events) for (const h of event.handlers) if (h.kind === 'router') visit(h.router)
  }
  visit(app)
  return [...found]
}

/** `app.set('trust proxy', x)` / `app.enable('trust proxy')` on the app or under it, with anything but `false`. */
function trustsProxy(express: ExpressModel, app: RouterNode): boolean {
  return routersUnder(app).some((router) => {
    const setting = express.setting(router, 'trust proxy')
    return setting !== undefined && literalOf(setting.value) !== false
  })
}

/** A `trust proxy` setting on a receiver the model could not tie to an app: it may well be this app's. */
function trustsProxyUnresolved(express: ExpressModel): boolean {
  return express.orphanSettings.some((s) => s.name === 'trust proxy')
}

/** A cookie marked secure (in some environment) whose middleware does not trust `X-Forwarded-Proto` itself. */
function needsTrustProxy(express: ExpressModel, middleware: CookieMiddleware): boolean {
  if (!isSecureSometimes(option(express, cookieOptions(express, middleware), 'secure'))) return false
  // express-session's own `proxy: true` trusts X-Forwarded-Proto whatever the app setting.
  return (
    middleware.package !== 'express-session' ||
    always(option(express, middleware.options, 'proxy'), (v) => isUnset(v) || isLiteral(v, false))
  )
}

/**
 * Per unmounted app that sits behind the repository's reverse proxy (an nginx `proxy_pass` or a
 * Caddy `reverse_proxy`): each session middleware under it with a secure cookie, while neither the
 * app nor its routers set `trust proxy`. Behind a TLS-terminating proxy `req.secure` is then false,
 * so express-session never sets the cookie and cookie-session throws.
 */
export default defineRule({
  meta: {
    id: 'proxy-trust-missing',
    severity: 'moderate',
    category: 'proxy',
    description:
      'The app sits behind a reverse proxy and uses `secure` session cookies but never sets `trust proxy`, so the cookie is never sent.',
    fix: "`app.set('trust proxy', 1)` (the number of proxies in front of the app)",
    cwe: 'CWE-693',
    messages: {
      'secure-cookie-without-trust-proxy': 'behind a reverse proxy, a secure session cookie with no trust proxy setting'
    }
  },
  needs: 'source',
  check(context) {
    const { express } = context
    if (!hasReverseProxy(context) || trustsProxyUnresolved(express)) return []
    const sessions = cookieMiddlewares(express, ['express-session', 'cookie-session'])
    const reported = new Set<unknown>()
    return express.apps.flatMap((app): RuleFinding[] => {
      if (trustsProxy(express, app)) return []
      const under = new Set(express.middlewareOf(app).map((m) => m.handler.site.node))
      return sessions
        .filter((s) => under.has(s.handler.site.node) && !reported.has(s.handler.site.node) && needsTrustProxy(express, s))
        .map((s) => {
          reported.add(s.handler.site.node)
          return {
            ...s.location,
            messageId: 'secure-cookie-without-trust-proxy',
            message: `${s.package} sets a \`secure\` cookie, but the app sits behind a reverse proxy and never sets \`trust proxy\`, so \`req.secure\` is false and the session cookie is never sent: add \`app.set('trust proxy', 1)\` (one trusted proxy hop)`
          }
        })
    })
  }
})
