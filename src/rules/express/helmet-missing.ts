import { defineRule } from '../rule.js'
import type { ExpressApp, ModuleModel, UseCall } from '../../model/express.js'

/** Header middleware that does helmet's job. */
const HEADER_PACKAGES = new Set(['helmet', 'lusca'])

function isHeaderMiddleware(use: UseCall): boolean {
  return use.middleware.some((m) => HEADER_PACKAGES.has(m.package))
}

function describe(app: ExpressApp): string {
  return app.variable ? `Express app '${app.variable}'` : 'Express app'
}

/**
 * Per app: helmet on the app itself in its own module, before its first route. When the app's
 * module never registers helmet but another module does (an app passed to a setup function), the
 * app counts as covered: unclear wiring gives fewer findings, never wrong ones.
 */
export default defineRule({
  meta: {
    id: 'helmet-missing',
    severity: 'high',
    category: 'express',
    description: 'An Express app with no helmet (or equivalent header middleware) in front of its routes.',
    fix: 'app.use(helmet()) right after creating the app, before any route',
    cwe: 'CWE-693'
  },
  check({ express }) {
    // Helmet registered on something that is not an app of its own module (a setup function's
    // `app` parameter, say) may be for any app.
    const helmetElsewhere = express.modules.some((m) => {
      const apps = new Set(m.apps.map((a) => a.variable))
      return m.uses.some((u) => isHeaderMiddleware(u) && !apps.has(u.receiver))
    })
    return express.modules.flatMap((mod: ModuleModel) =>
      mod.apps.filter((app) => !app.mounted).flatMap((app) => {
        const onApp = (r: { receiver?: string }) => app.variable !== undefined && r.receiver === app.variable
        const helmet = mod.uses.find((u) => onApp(u) && isHeaderMiddleware(u))
        if (!helmet) {
          if (helmetElsewhere) return []
          return [{
            file: app.file,
            line: app.line,
            column: app.column,
            message: `${describe(app)} has no helmet, so responses lack security headers (CSP, HSTS, X-Content-Type-Options, frameguard): add \`app.use(helmet())\` before the routes`
          }]
        }
        const earlier = mod.routes.find((r) => onApp(r) && r.line < helmet.line)
        if (!earlier) return []
        return [{
          file: helmet.file,
          line: helmet.line,
          column: helmet.column,
          message: `helmet is registered after the route ${earlier.method.toUpperCase()} ${earlier.path} (line ${earlier.line}), which is served without its headers: move \`app.use(helmet())\` above the first route`
        }]
      })
    )
  }
})
