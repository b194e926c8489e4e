// Packages behind an expression, and the app's data layer: models and collections of a database
// package, and DAOs the app constructs. Shared by request data (what a query returns is not request
// data), request sinks (what a query takes) and validators (which library a call belongs to).
import type { ExpressModel } from './express.js'
import type { ModuleInfo } from './graph.js'
import { branches, type Value } from './values.js'
import type { Node } from '../parse/javascript.js'
import { propertyName, unwrapExpression } from '../parse/syntax.js'

/** Packages whose models and collections run queries. */
export const DATA_PACKAGES = new Set([
  'mongoose',
  'mongodb',
  'typeorm',
  'sequelize',
  '@prisma/client',
  'knex',
  'mysql',
  'mysql2',
  'pg',
  'sqlite3',
  'better-sqlite3',
  'monk',
  'mongojs',
  'mssql',
  'tedious',
  'oracledb',
  'postgres',
  'pg-promise',
  'objection',
  'bookshelf',
  'drizzle-orm',
  '@mikro-orm/core',
  'redbean-node',
  'nedb',
  'lowdb',
  'dynamoose',
  'cassandra-driver',
  'nano'
])

/** Reads of an ODM or ORM: what they return comes from the database, whatever the filter was. */
const READ_METHODS = new Set([
  'find',
  'findOne',
  'findById',
  'findByPk',
  'findAll',
  'findAndCountAll',
  'findOrCreate',
  'findUnique',
  'findFirst',
  'findMany',
  'findOneBy',
  'findBy',
  'findOneAndUpdate',
  'findByIdAndUpdate',
  'countDocuments'
])

/** The identifier a member chain or call chain starts from: `Joi` in `Joi.object({}).validate(x)`. */
export function rootIdentifier(node: Node): Extract<Node, { type: 'Identifier' }> | undefined {
  let n = unwrapExpression(node)
  for (;;) {
    if (n.type === 'Identifier') return n
    if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') n = unwrapExpression(n.object)
    else if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression' || n.type === 'NewExpression')
      n = unwrapExpression(n.callee as Node)
    else return undefined
  }
}

/** The package a value comes from through calls and `new`: `Joi.object({...})` → `joi`. */
export function packageOf(value: Value, depth = 0): string | undefined {
  if (depth > 8) return undefined
  for (const branch of branches(value)) {
    if (branch.kind === 'package') return branch.name
    if (branch.kind === 'call' || branch.kind === 'new') {
      const found = packageOf(branch.callee, depth + 1)
      if (found) return found
    }
  }
  return undefined
}

/** The package the expression's call or member chain starts from, if any. */
export function rootPackage(express: ExpressModel, node: Node, module: ModuleInfo): string | undefined {
  const root = rootIdentifier(node)
  return root ? packageOf(express.evaluate(root, module)) : undefined
}

/** A DAO the app constructs (`new MemosDAO(db)`) or a model or collection of a database package. */
export function isDataLayer(express: ExpressModel, receiver: Node, module: ModuleInfo): boolean {
  const value = express.evaluate(receiver, module)
  if (branches(value).some((b) => b.kind === 'new' && b.callee.kind === 'function')) return true
  const pkg = rootPackage(express, receiver, module)
  return pkg !== undefined && DATA_PACKAGES.has(pkg)
}

/** The method names along a call chain: `User.findById(id).lean()` → findById, lean. */
function chainMethods(node: Node): string[] {
  const names: string[] = []
  let n = unwrapExpression(node)
  for (;;) {
    if (n.type === 'CallExpression' || n.type === 'OptionalCallExpression') n = unwrapExpression(n.callee as Node)
    else if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
      names.push(propertyName(n) ?? '')
      n = unwrapExpression(n.object)
    } else return names
  }
}

/** A fixed `SELECT ...` text, its values bound apart (`db.all('SELECT id FROM t WHERE page = ?', [slug])`). */
function isSelectQuery(node: Node | undefined): boolean {
  const n = node && unwrapExpression(node)
  const text =
    n?.type === 'StringLiteral'
      ? n.value
      : n?.type === 'TemplateLiteral' && n.expressions.length === 0
        ? n.quasis[0]?.value.cooked
        : undefined
  return text !== undefined && /^\s*select\s/i.test(text)
}

/**
 * A call that reads from the database: `User.findById(id)`, `repo.findOne({ where })`, a query
 * of a database package. Its result is a stored record, not the request data in its filter.
 */
export function isDatabaseRead(express: ExpressModel, call: Node, module: ModuleInfo): boolean {
  if (call.type !== 'CallExpression' && call.type !== 'OptionalCallExpression') return false
  const callee = unwrapExpression(call.callee as Node)
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return false
  if (chainMethods(call).some((m) => READ_METHODS.has(m))) return true
  if (isSelectQuery(call.arguments[0] as Node | undefined)) return true
  const pkg = rootPackage(express, callee, module)
  return pkg !== undefined && DATA_PACKAGES.has(pkg)
}
