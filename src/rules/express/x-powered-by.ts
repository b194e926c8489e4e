import { defineRule, type RuleFinding } from '../rule.js'
import { servesNothing } from '../../model/app-uses.js'
import type { ExpressModel, Handler, RouterNode } from '../../model/express.js'
import { functionsOf, headerWrites } from '../../model/handlers.js'
import { literalOf, type Value } from '../../model/values.js'

/** A middleware written in the app that removes or overwrites the header: `res.removeHeader('X-Powered-By')`, `res.set('X-Powered-By', 'PHP')`. */
function functionRemovesHeader(express: ExpressModel, handler: Handler): boolean {
  return functionsOf(express, handler).some((fn) =>
    headerWrites(express, fn).some((write) => write.name.toLowerCase() === 'x-powered-by' && write.method !== 'append')
  )
}

/**
 * helmet's main middleware (unless told `hidePoweredBy: false` / `xPoweredBy: false`) or its `hidePoweredBy()`, or
 * a middleware of the app that removes the header.
 */
function removesHeader(express: ExpressModel, handler: Handler): boolean | undefined {
  if (functionRemovesHeader(express, handler)) return true
  if (handler.kind !== 'middleware') return false
  if (handler.package === 'hide-powered-by') return true
  if (handler.package !== 'helmet') return false
  const [name] = handler.export
  if (name === 'hidePoweredBy' || name === 'xPoweredBy') return true
  if (handler.export.length > 0) return false
  const options = handler.options
  if (!options || options.kind === 'absent') return true
  if (options.kind !== 'object') return undefined
  const off = ['hidePoweredBy', 'xPoweredBy'].map((k) => express.evaluator.property(options, k))
  if (off.some((v) => literalOf(v) === false)) return false
  return off.every((v) => v.kind === 'absent' || v.kind === 'object' || literalOf(v) === true) ? true : undefined
}

/** `false` when the header is off (`disable('x-powered-by')`), `true` when on, undefined when unknown. */
function headerSetting(value: Value): boolean | undefined {
  const literal = literalOf(value)
  return typeof literal === 'boolean' ? literal : undefined
}

function checkApp(express: ExpressModel, app: RouterNode): RuleFinding[] {
  const setting = express.setting(app, 'x-powered-by')
  if (setting) {
    const on = headerSetting(setting.value)
    if (on !== true) return []
  }
  const removals = app.events
    .filter((e) => e.type === 'use')
    .flatMap((e) => e.handlers)
    .map((h) => removesHeader(express, h))
  if (removals.some((r) => r !== false)) return []
  const name = app.variable ? `Express app '${app.variable}'` : 'Express app'
  const how = setting ? `\`x-powered-by\` is enabled at ${setting.event.file}:${setting.event.line}` : 'nothing removes it'
  return [
    {
      file: app.file,
      line: app.line,
      column: app.column,
      messageId: setting ? 'enabled' : 'not-removed',
      message: `${name} sends \`X-Powered-By: Express\` (${how}), telling attackers what to target: add \`app.disable('x-powered-by')\` (helmet() also removes it)`
    }
  ]
}

/**
 * Per app that is not mounted into another: X-Powered-By is sent unless the app disables it or uses
 * helmet (which removes it). Helmet or the setting on something the model cannot tie to an app
 * counts as removing it everywhere: unclear wiring gives fewer findings. An app that serves nothing
 * (no middleware or routes, only made into a server) is left alone.
 */
export default defineRule({
  meta: {
    id: 'x-powered-by',
    severity: 'low',
    category: 'express',
    description: "`X-Powered-By: Express` is still sent: no helmet and no `app.disable('x-powered-by')`.",
    fix: "`app.disable('x-powered-by')` (or `app.use(helmet())`)",
    cwe: 'CWE-200',
    messages: {
      enabled: 'the app enables x-powered-by explicitly (app.enable or app.set true)',
      'not-removed': 'nothing removes the header: no helmet, no app.disable'
    }
  },
  needs: 'source',
  check({ express }) {
    if (express.orphanUses.some((u) => u.handlers.some((h) => removesHeader(express, h) !== false))) return []
    if (express.orphanSettings.some((s) => s.name === 'x-powered-by' && headerSetting(s.value) !== true)) return []
    return express.apps.filter((app) => !servesNothing(express, app)).flatMap((app) => checkApp(express, app))
  }
})
