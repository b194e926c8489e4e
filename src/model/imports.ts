import type { Node } from '../parse/javascript.js'
import { walk } from '../parse/javascript.js'

/** What a local name stands for: an export of a module (`default`, `*` or a named export). */
export interface ImportBinding {
  source: string
  imported: string
}

/** `require('x')` → 'x'; anything else → undefined. */
export function requiredModule(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined
  const [arg] = node.arguments
  return arg?.type === 'StringLiteral' ? arg.value : undefined
}

/**
 * Local names bound to modules: `import x from`, `import * as x`, `import { a as b }`,
 * `const x = require()`, `const { a: b } = require()`, and `const x = require().a`.
 */
export function collectImports(ast: Node): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>()
  walk(ast, (node) => {
    if (node.type === 'ImportDeclaration') {
      for (const spec of node.specifiers) {
        const imported = spec.type === 'ImportDefaultSpecifier' ? 'default'
          : spec.type === 'ImportNamespaceSpecifier' ? '*'
            : spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value
        bindings.set(spec.local.name, { source: node.source.value, imported })
      }
      return
    }
    if (node.type !== 'VariableDeclarator') return
    let init = node.init
    let member: string | undefined
    if (init?.type === 'MemberExpression' && init.property.type === 'Identifier' && !init.computed) {
      member = init.property.name
      init = init.object
    }
    const source = requiredModule(init)
    if (source === undefined) return
    if (node.id.type === 'Identifier') {
      bindings.set(node.id.name, { source, imported: member ?? 'default' })
    } else if (node.id.type === 'ObjectPattern' && member === undefined) {
      for (const prop of node.id.properties) {
        if (prop.type === 'ObjectProperty' && prop.key.type === 'Identifier' && prop.value.type === 'Identifier') {
          bindings.set(prop.value.name, { source, imported: prop.key.name })
        }
      }
    }
  })
  return bindings
}
