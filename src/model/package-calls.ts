import type { Node } from '../parse/javascript.js'
import { CacheKey } from './cache.js'
import type { ExpressModel } from './express.js'
import type { Site, Value } from './values.js'

/** A call of a package's export anywhere in the app: `express.json({...})`, `helmet.contentSecurityPolicy(...)`. */
export interface PackageCall {
  package: string
  /** The export called: `[]` for the package itself, `['json']` for `bodyParser.json`. */
  path: string[]
  /** The first argument's value (options), or undefined when there is none. */
  options: Value | undefined
  site: Site
}

const PACKAGE_CALLS = new CacheKey<PackageCall[]>('package calls')

/**
 * Every call of a package export in the scanned modules, found once per model. Options are judged
 * where the middleware is created, whichever app or router it ends up on (or none the model can tell).
 */
export function packageCalls(express: ExpressModel): PackageCall[] {
  return express.cache.once(PACKAGE_CALLS, () => findPackageCalls(express))
}

function findPackageCalls(express: ExpressModel): PackageCall[] {
  const calls: PackageCall[] = []
  for (const module of express.graph.modules.values()) {
    for (const call of module.index.calls) {
      if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') continue
      const callee = express.evaluate(call.callee as Node, module)
      if (callee.kind !== 'package') continue
      const [first] = call.arguments
      const options =
        first && first.type !== 'SpreadElement' && first.type !== 'ArgumentPlaceholder'
          ? express.evaluate(first as Node, module)
          : undefined
      calls.push({ package: callee.name, path: callee.path, options, site: { module, node: call } })
    }
  }
  return calls
}

/** Calls of one package, optionally of one export (`[]` is the package itself). */
export function callsOf(express: ExpressModel, name: string, path?: string[]): PackageCall[] {
  return packageCalls(express).filter(
    (c) => c.package === name && (!path || (c.path.length === path.length && c.path.every((p, i) => p === path[i])))
  )
}
