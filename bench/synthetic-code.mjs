// The synthetic monorepo's source code: a seeded PRNG and the emitters of routers, middleware,
// services, models, utils, controllers and apps, in TypeScript, ES modules or CommonJS.

// ---------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Random {
  constructor(seed) {
    this.next = mulberry32(seed)
  }

  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p) {
    return this.next() < p
  }

  pick(list) {
    return list[Math.floor(this.next() * list.length)]
  }

  /** `count` distinct items of `list`, in list order. */
  sample(list, count) {
    const indexes = new Set()
    while (indexes.size < Math.min(count, list.length)) indexes.add(Math.floor(this.next() * list.length))
    return [...indexes].sort((a, b) => a - b).map((i) => list[i])
  }
}

// ---------------------------------------------------------------------------------------------
// Source code

const NOUNS = [
  'user',
  'order',
  'invoice',
  'product',
  'cart',
  'payment',
  'session',
  'account',
  'report',
  'ticket',
  'comment',
  'review',
  'shipment',
  'coupon',
  'tenant',
  'project',
  'task',
  'message',
  'notification',
  'profile',
  'audit',
  'subscription',
  'plan',
  'device',
  'token',
  'upload',
  'image',
  'category',
  'inventory',
  'warehouse'
]
const VERBS = [
  'get',
  'list',
  'create',
  'update',
  'remove',
  'find',
  'sync',
  'validate',
  'normalize',
  'compute',
  'format',
  'parse',
  'load',
  'save',
  'publish',
  'archive',
  'restore',
  'merge',
  'filter',
  'sort'
]
const FIELDS = [
  'id',
  'name',
  'email',
  'status',
  'createdAt',
  'updatedAt',
  'ownerId',
  'total',
  'currency',
  'tags',
  'title',
  'description',
  'quantity',
  'price',
  'region',
  'priority',
  'version',
  'score'
]

const cap = (s) => s[0].toUpperCase() + s.slice(1)
const plural = (s) => (s.endsWith('y') ? `${s.slice(0, -1)}ies` : s.endsWith('s') ? `${s}es` : `${s}s`)

/** Writes one language flavour: TypeScript, ES modules or CommonJS. */
export class Emitter {
  constructor(random, flavour) {
    this.r = random
    this.ts = flavour === 'ts'
    this.cjs = flavour === 'cjs'
    this.ext = flavour === 'ts' ? 'ts' : flavour === 'esm' ? 'mjs' : 'js'
    this.unique = 0
  }

  t(annotation) {
    return this.ts ? annotation : ''
  }

  exported(declaration) {
    return this.cjs ? declaration : `export ${declaration}`
  }

  importLine(names, from) {
    return this.cjs ? `const { ${names.join(', ')} } = require('${from}')` : `import { ${names.join(', ')} } from '${from}'`
  }

  importDefault(name, from) {
    return this.cjs ? `const ${name} = require('${from}')` : `import ${name} from '${from}'`
  }

  /** A few statements that compute with `noun` values; depth limits nesting. */
  statements(noun, depth = 0) {
    const r = this.r
    this.unique += 1
    const v = `${noun}${cap(r.pick(FIELDS))}${this.unique}`
    const field = r.pick(FIELDS)
    const kinds = depth > 1 ? 5 : 9
    switch (r.int(0, kinds)) {
      case 0:
        return [`const ${v} = ${noun}?.${field} ?? ${r.chance(0.5) ? `'${field}-${r.int(1, 99)}'` : r.int(0, 500)}`]
      case 1:
        return [`const ${v} = items.filter((item) => item.${field} !== undefined).map((item) => item.${r.pick(FIELDS)})`]
      case 2:
        return [`const ${v} = \`\${prefix}/${plural(noun)}/\${${noun}.${field}}?v=\${${r.int(1, 9)}}\``]
      case 3:
        return [
          `const ${v} = items.reduce((acc, item) => {`,
          `  acc[String(item.${field})] = (acc[String(item.${field})] ?? 0) + ${r.int(1, 5)}`,
          '  return acc',
          `}, {}${this.t(' as Record<string, number>')})`
        ]
      case 4:
        return [`const ${v} = Object.entries(${noun} ?? {}).filter(([key]) => !key.startsWith('_')).length`]
      case 5:
        return [`if (!${noun}?.${field}) throw new Error('${noun} ${field} is required')`]
      case 6:
        return [
          `if (${noun}.${field} && ${noun}.${r.pick(FIELDS)} > ${r.int(1, 100)}) {`,
          ...this.statements(noun, depth + 1).map((l) => `  ${l}`),
          `  logger.debug('${noun} over limit', { id: ${noun}.id })`,
          '}'
        ]
      case 7:
        return [
          `for (const item of items.slice(0, ${r.int(5, 50)})) {`,
          `  if (item.${field} === ${noun}.${field}) continue`,
          ...this.statements('item', depth + 1).map((l) => `  ${l}`),
          '}'
        ]
      case 8:
        return [
          'try {',
          ...this.statements(noun, depth + 1).map((l) => `  ${l}`),
          '} catch (err) {',
          `  logger.warn('could not ${r.pick(VERBS)} ${noun}', err)`,
          '}'
        ]
      default:
        return [
          `switch (${noun}.status) {`,
          `  case 'active': return ${r.int(1, 9)}`,
          `  case 'archived': return ${r.int(10, 20)}`,
          '  default:',
          ...this.statements(noun, depth + 1).map((l) => `    ${l}`),
          '}'
        ]
    }
  }

  body(noun, count) {
    const lines = []
    for (let i = 0; i < count; i += 1) lines.push(...this.statements(noun))
    return lines
  }

  interface(noun) {
    const name = cap(noun)
    if (!this.ts) {
      return [`/**`, ` * @typedef {object} ${name}`, ...this.r.sample(FIELDS, 6).map((f) => ` * @property {string} ${f}`), ' */']
    }
    const lines = [`export interface ${name} {`, '  id: string']
    for (const f of this.r.sample(FIELDS.slice(1), this.r.int(4, 9))) {
      lines.push(
        `  ${f}${this.r.chance(0.3) ? '?' : ''}: ${this.r.pick(['string', 'number', 'Date', 'string[]', "'draft' | 'active' | 'archived'", 'Record<string, unknown>'])}`
      )
    }
    lines.push('}', '')
    if (this.r.chance(0.4)) lines.push(`export type ${name}Patch = Partial<Omit<${name}, 'id'>>`, '')
    return lines
  }

  utilFunction(noun, name) {
    const r = this.r
    const lines = [
      this.exported(
        `function ${name}(${noun}${this.t(`: ${cap(noun)}`)}, items${this.t(`: ${cap(noun)}[]`)} = [], prefix = '/${plural(noun)}')${this.t(': unknown')} {`
      ),
      ...this.body(noun, r.int(2, 6)).map((l) => `  ${l}`),
      `  return { ${noun}, count: items.length, prefix }`,
      '}',
      ''
    ]
    return lines
  }

  serviceClass(noun, name) {
    const r = this.r
    const N = cap(noun)
    const lines = [
      this.exported(`class ${name} {`),
      ...(this.ts
        ? [
            `  private readonly cache = new Map<string, ${N}>()`,
            '',
            `  constructor(private readonly db: Database, private readonly ttlMs = ${r.int(1, 60) * 1000}) {}`
          ]
        : ['  constructor(db, ttlMs = 30000) {', '    this.db = db', '    this.ttlMs = ttlMs', '    this.cache = new Map()', '  }']),
      ''
    ]
    for (const verb of r.sample(VERBS, r.int(2, 5))) {
      lines.push(
        `  async ${verb}${N}(id${this.t(': string')}, items${this.t(`: ${N}[]`)} = [], prefix = '/${plural(noun)}')${this.t(`: Promise<${N} | undefined>`)} {`,
        `    if (this.cache.has(id)) return this.cache.get(id)`,
        `    const rows = await this.db.query${this.t(`<${N}>`)}('SELECT * FROM ${plural(noun)} WHERE id = $1 LIMIT ${r.int(1, 100)}', [id])`,
        `    const ${noun} = rows[0]`,
        `    if (!${noun}) return undefined`,
        ...this.body(noun, r.int(1, 4)).map((l) => `    ${l}`),
        `    this.cache.set(id, ${noun})`,
        `    return ${noun}`,
        '  }',
        ''
      )
    }
    lines.push('}', '')
    return lines
  }

  middleware(name) {
    const r = this.r
    const header = r.pick(['authorization', 'x-request-id', 'x-tenant-id', 'x-api-key'])
    return [
      this.exported(
        `function ${name}(req${this.t(': Request')}, res${this.t(': Response')}, next${this.t(': NextFunction')})${this.t(': void')} {`
      ),
      `  const value = req.get('${header}')`,
      '  if (!value) {',
      `    res.status(${r.pick([400, 401, 403])}).json({ error: '${header} is required' })`,
      '    return',
      '  }',
      `  res.locals.${name.replace(/^[a-z]+/, '').toLowerCase() || 'value'} = value.slice(0, ${r.int(16, 128)})`,
      '  next()',
      '}',
      ''
    ]
  }

  routes(noun, service, verbs, count) {
    const r = this.r
    const lines = []
    const P = plural(noun)
    const reqT = this.t(': Request')
    const resT = this.t(': Response')
    const nextT = this.t(': NextFunction')
    for (let i = 0; i < count; i += 1) {
      const method = r.pick(['get', 'get', 'post', 'put', 'delete', 'patch'])
      const path = method === 'get' && r.chance(0.4) ? `/${P}` : `/${P}/:id${r.chance(0.3) ? `/${r.pick(VERBS)}` : ''}`
      const validated = method !== 'get' && r.chance(0.7)
      const chain = validated ? `body('${r.pick(FIELDS)}').isString().isLength({ max: ${r.int(16, 256)} }), ` : ''
      const input = method === 'get' ? `req.params.id ?? String(req.query.${r.pick(FIELDS)})` : 'req.params.id'
      lines.push(
        `router.${method}('${path}', ${chain}async (req${reqT}, res${resT}, next${nextT}) => {`,
        '  try {',
        ...(validated
          ? [
              '    const errors = validationResult(req)',
              '    if (!errors.isEmpty()) {',
              '      res.status(400).json({ errors: errors.array() })',
              '      return',
              '    }'
            ]
          : []),
        `    const ${noun} = await ${service}.${r.pick(verbs)}${cap(noun)}(${input})`,
        `    if (!${noun}) {`,
        `      res.status(404).json({ error: '${noun} not found' })`,
        '      return',
        '    }',
        ...(method === 'get' ? [] : [`    Object.assign(${noun}, { ${r.pick(FIELDS)}: req.body.${r.pick(FIELDS)} })`]),
        `    res.status(${method === 'post' ? 201 : 200}).json(${noun})`,
        '  } catch (err) {',
        '    next(err)',
        '  }',
        '})',
        ''
      )
    }
    return lines
  }
}

/** Lines of a file between 50 and 400, most of them short: 50 + 350 * r^4 (mean ~120). */
function targetLines(r) {
  return 50 + Math.floor(350 * r.next() ** 4)
}

export const ROLES = ['utils', 'models', 'services', 'middleware', 'routes', 'controllers']

function fileImports(emit, self, earlier, lib) {
  const r = emit.r
  const lines = []
  for (const dep of r.sample(earlier, r.int(1, 4))) {
    const from = relativeImport(self.path, dep.path, emit)
    lines.push(emit.importLine(r.sample(dep.exports, r.int(1, Math.min(2, dep.exports.length))), from))
  }
  if (lib && r.chance(0.3)) lines.push(emit.importLine([lib.export], lib.name))
  return lines
}

export function relativeImport(fromPath, toPath, emit) {
  const from = fromPath.split('/').slice(0, -1)
  const to = toPath.split('/')
  let common = 0
  while (common < from.length && from[common] === to[common]) common += 1
  const up = from.length - common
  const rel = [...(up === 0 ? ['.'] : Array(up).fill('..')), ...to.slice(common)].join('/')
  // TypeScript and CommonJS leave the extension out; native ES modules need it.
  return emit.ts || emit.cjs ? rel.replace(/\.[cm]?[jt]s$/, '') : rel
}

/** One source file of a workspace: role decides the shape, the rest is filler of that shape. */
export function sourceFile(emit, role, index, earlier, lib, ext) {
  const r = emit.r
  const noun = r.pick(NOUNS)
  const stem = `${noun}-${role === 'utils' ? 'util' : role.replace(/s$/, '')}-${index}`
  const self = { path: `src/${role}/${stem}.${ext}`, exports: [] }
  const want = targetLines(r)
  const head = [
    `// ${cap(role)}: ${plural(noun)} (${stem})`,
    ...(role === 'routes' || role === 'middleware' || role === 'controllers'
      ? [
          emit.ts
            ? "import { Router, type Request, type Response, type NextFunction } from 'express'"
            : emit.importLine(['Router'], 'express')
        ]
      : []),
    ...(role === 'routes' ? [emit.importLine(['body', 'validationResult'], 'express-validator')] : []),
    ...fileImports(emit, self, earlier, lib),
    ...(emit.ts ? ["import type { Database } from '../db'"] : []),
    emit.importLine(['logger'], relativeImport(self.path, `src/logger.${ext}`, emit)),
    ''
  ]
  const lines = [...head]
  let n = 0
  if (role === 'routes') {
    const service = `${noun}Service`
    const verbs = r.sample(VERBS, r.int(3, 8))
    lines.push(
      `class ${cap(noun)}Store {`,
      ...verbs.map((v) => `  async ${v}${cap(noun)}(id${emit.t(': string')}) { return { id, ${noun}: '${v}' } }`),
      '}',
      ''
    )
    lines.push(`const router = Router()`, `const ${service} = new ${cap(noun)}Store()`, '')
    while (lines.length < want) lines.push(...emit.routes(noun, service, verbs, r.int(1, 3)))
    lines.push(emit.cjs ? 'module.exports = router' : 'export default router')
    self.exports.push(`${noun}Router${index}`)
    lines.push(emit.cjs ? `module.exports.${noun}Router${index} = router` : `export const ${noun}Router${index} = router`)
  } else {
    while (lines.length < want) {
      const name = role === 'services' ? `${cap(noun)}Service${index}x${n}` : `${r.pick(VERBS)}${cap(noun)}${index}x${n}`
      n += 1
      if (role === 'models') lines.push(...(n === 1 ? emit.interface(noun) : []), ...emit.utilFunction(noun, name))
      else if (role === 'services') lines.push(...emit.serviceClass(noun, name))
      else if (role === 'middleware') lines.push(...emit.middleware(name))
      else lines.push(...emit.utilFunction(noun, name))
      self.exports.push(name)
    }
    if (emit.cjs) lines.push(`module.exports = { ${self.exports.join(', ')} }`)
  }
  return { self, text: `${lines.join('\n')}\n` }
}

/** The workspace's Express app, secure or careless by the dice, so the rules have something to say. */
export function appFile(emit, routers) {
  const r = emit.r
  const lines = [
    emit.importDefault('express', 'express'),
    emit.importDefault('helmet', 'helmet'),
    emit.importDefault('cors', 'cors'),
    emit.importDefault('morgan', 'morgan'),
    emit.importLine(['rateLimit'], 'express-rate-limit'),
    ...routers.map((router) => emit.importDefault(router.name, relativeImport('src/app.x', router.path, emit))),
    ''
  ]
  const careless = r.chance(0.3)
  lines.push('const app = express()', "app.disable('x-powered-by')")
  if (!careless) lines.push('app.use(helmet())')
  lines.push(careless ? 'app.use(cors())' : `app.use(cors({ origin: ['https://app.example.com'], credentials: true }))`)
  lines.push(`app.use(express.json({ limit: '${careless ? '50mb' : '100kb'}' }))`, "app.use(morgan('combined'))")
  if (!careless) lines.push(`app.use(rateLimit({ windowMs: 60_000, limit: ${r.int(50, 500)} }))`)
  for (const router of routers) lines.push(`app.use('/api/${router.mount}', ${router.name})`)
  lines.push(
    '',
    `app.use((err${emit.t(': Error')}, req${emit.t(': express.Request')}, res${emit.t(': express.Response')}, _next${emit.t(': express.NextFunction')}) => {`,
    careless ? '  res.status(500).json({ error: err.message, stack: err.stack })' : "  res.status(500).json({ error: 'internal error' })",
    '})',
    '',
    emit.cjs ? 'module.exports = app' : 'export default app',
    ''
  )
  return lines.join('\n')
}
