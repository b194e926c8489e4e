import { posix } from 'node:path'
import { locate, type ExpressModel } from '../express.js'
import type { ModuleInfo } from '../graph.js'
import { nodesOf } from '../scope.js'
import { branches, type Site, type Value } from '../values.js'
import type { Node } from '../../parse/javascript.js'
import { cookieMiddlewares, option } from '../session-options.js'
import { isSecretName, nameWords, redact, urlPassword } from '../../common/secret-names.js'
import { findProviderSecrets, lineAt } from './provider-formats.js'
import { looksLikeSecret, type Strength } from './secret-values.js'
import { propertyName } from '../../parse/syntax.js'

/** A secret written in the source, where it is and what it is (its value redacted). */
export interface SourceSecret {
  file: string
  line: number
  column?: number | null
  /** Why it is a secret (see the hardcoded-secret rule's messages). */
  messageId: string
  message: string
}

/** Option names known APIs take a secret under, whatever the words: passport-jwt `secretOrKey`. */
const SINK_NAMES = new Set(['secretOrKey', 'secretOrPrivateKey', 'clientSecret', 'consumerSecret', 'privateKey'])
/** Keys that make an object a connection or login config, where `password: 'root'` is the password. */
const ACCOUNT_KEYS = new Set(['user', 'username', 'userName', 'login', 'email', 'host', 'database', 'db'])
const PASSWORD_KEYS = new Set(['password', 'pass', 'passwd', 'pwd'])
/** Names the key-taking calls are written with, checked before evaluating a callee (most calls are not these). */
const SINK_FUNCTIONS = new Set(['sign', 'verify', 'createHmac', 'createCipheriv', 'createDecipheriv', 'Sequelize'])
/** `config.example.js`, `settings.sample.ts`: templates, not the running configuration. */
const TEMPLATE_FILE = /\.(?:example|sample|template|dist)\.[cm]?[jt]sx?$/
/**
 * Code the browser runs (`public/js/app.js`, `static/`, `frontend/src/`): whatever it holds is public,
 * so a secret-looking name there holds a sentinel or a form value (`password: 'password'`), not a
 * server secret. Provider keys and private keys in it are still leaks, and still reported.
 */
const BROWSER_CODE = /(?:^|\/)(?:public|static|assets|www|wwwroot|frontend|client|browser)\//
/** `config/env/test.js`, `config/testing.ts`: the test environment's settings, dummy credentials by design. */
const TEST_CONFIG = /(?:^|\/)(?:test|testing|ci|e2e)\.[cm]?[jt]s$/

interface Literal {
  value: string
  node: Node
  /** `process.env.NAME` this literal is the fallback of. */
  env?: string
}

function envName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' || node.object.type !== 'MemberExpression') return undefined
  const object = node.object
  return object.object.type === 'Identifier' && object.object.name === 'process' && propertyName(object) === 'env'
    ? propertyName(node)
    : undefined
}

/** `'literal'`, a template without expressions, or `process.env.X || 'literal'`. */
function literalIn(node: Node | null | undefined): Literal | undefined {
  if (!node) return undefined
  if (node.type === 'StringLiteral') return { value: node.value, node }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return { value: node.quasis[0]?.value.cooked ?? '', node }
  if (node.type === 'LogicalExpression' && node.operator !== '&&') {
    const env = envName(node.left)
    const fallback = literalIn(node.right)
    return env && fallback && !fallback.env ? { ...fallback, env } : undefined
  }
  return undefined
}

function keyOf(node: Node): string | undefined {
  if (node.type !== 'ObjectProperty' || node.computed) return undefined
  return node.key.type === 'Identifier' ? node.key.name : node.key.type === 'StringLiteral' ? node.key.value : undefined
}

/** A `password` next to a `user`/`host` key: a connection or account record. */
function isAccountPassword(module: ModuleInfo, property: Node, name: string): boolean {
  if (!PASSWORD_KEYS.has(name)) return false
  const object = module.index.parents.get(property)
  return object?.type === 'ObjectExpression' && object.properties.some((p) => ACCOUNT_KEYS.has(keyOf(p) ?? ''))
}

/** Names and values written together: declarations, object properties, assignments. */
function namedValue(node: Node): { name: string; value: Node } | undefined {
  if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) return { name: node.id.name, value: node.init }
  if (node.type === 'ObjectProperty') {
    const name = keyOf(node)
    return name ? { name, value: node.value as Node } : undefined
  }
  if (node.type === 'AssignmentExpression' && node.operator === '=') {
    const name = node.left.type === 'Identifier' ? node.left.name : propertyName(node.left)
    return name ? { name, value: node.right } : undefined
  }
  return undefined
}

function envHint(name: string): string {
  return `process.env.${nameWords(name).join('_').toUpperCase()}`
}

function nameFinding(module: ModuleInfo, name: string, literal: Literal): SourceSecret {
  const { file, line, column } = locate({ module, node: literal.node })
  const message = literal.env
    ? `\`${name}\` falls back to a hardcoded secret (${redact(literal.value)}) when \`${literal.env}\` is unset: remove the fallback so the app refuses to start without \`process.env.${literal.env}\`, and rotate the committed value`
    : `\`${name}\` is a hardcoded secret (${redact(literal.value)}): rotate it and read it from the environment or a secret manager, e.g. \`${envHint(name)}\``
  return { file, line, column, messageId: literal.env ? 'env-fallback' : 'secret-name', message }
}

/** The list an object literal is a record of: `[{ user, password }, { user, password }]`. */
function recordList(module: ModuleInfo, property: Node): Node | undefined {
  const object = module.index.parents.get(property)
  const list = object ? module.index.parents.get(object) : undefined
  return object?.type === 'ObjectExpression' && list?.type === 'ArrayExpression' ? list : undefined
}

/**
 * Secret-looking names with literal values, in one module, as a visitor of its nodes; records of
 * one list count once (a seed script's users).
 */
function namedSecrets(module: ModuleInfo, excluded: Set<Node>): { visit: (node: Node) => void; findings: () => SourceSecret[] } {
  const found: SourceSecret[] = []
  const counts = new Map<Node, { finding: SourceSecret; count: number }>()
  const visit = (node: Node): void => {
    const named = namedValue(node)
    if (!named) return
    const literal = literalIn(named.value)
    if (!literal || excluded.has(literal.node)) return
    const words = nameWords(named.name)
    if (words.includes('session') || words.includes('cookie')) return // session-secret-hardcoded's
    const account = node.type === 'ObjectProperty' && isAccountPassword(module, node, named.name)
    if (!account && !SINK_NAMES.has(named.name) && !isSecretName(named.name)) return
    const strength: Strength = account ? 'account' : SINK_NAMES.has(named.name) ? 'sink' : 'name'
    if (!looksLikeSecret(literal.value, strength, named.name)) return
    const list = recordList(module, node)
    const group = list ? counts.get(list) : undefined
    if (group) {
      group.count += 1
      return
    }
    const finding = nameFinding(module, named.name, literal)
    found.push(finding)
    if (list) counts.set(list, { finding, count: 1 })
  }
  const findings = (): SourceSecret[] => {
    for (const { finding, count } of counts.values()) {
      if (count > 1) finding.message = finding.message.replace(/\): /, `; ${count - 1} more in this list): `)
    }
    return found
  }
  return { visit, findings }
}

/** Literal strings a value can be, with where they are written. */
function literalsOf(value: Value): Array<{ value: string; at: Site }> {
  return branches(value).flatMap((b) => (b.kind === 'literal' && typeof b.value === 'string' && b.at ? [{ value: b.value, at: b.at }] : []))
}

/** Calls that take a key or password as an argument: `jwt.sign(payload, key)`, `new Sequelize(db, user, password)`. */
function sinkArgument(express: ExpressModel, module: ModuleInfo, call: Node): { node: Node; what: string; impact: string } | undefined {
  if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return undefined
  const args = call.arguments as Node[]
  const written = call.callee.type === 'Identifier' ? call.callee.name : propertyName(call.callee as Node)
  if (args.length < 2 || !SINK_FUNCTIONS.has(written ?? '')) return undefined
  const callee = express.evaluate(call.callee as Node, module)
  for (const b of branches(callee)) {
    if (b.kind !== 'package') continue
    const fn = b.path.join('.')
    if (b.name === 'jsonwebtoken' && (fn === 'sign' || fn === 'verify') && args[1]) {
      return { node: args[1], what: `\`jwt.${fn}()\` uses a hardcoded key`, impact: 'anyone with the code can forge tokens' }
    }
    if ((b.name === 'crypto' || b.name === 'node:crypto') && ['createHmac', 'createCipheriv', 'createDecipheriv'].includes(fn) && args[1]) {
      return {
        node: args[1],
        what: `\`crypto.${fn}()\` uses a hardcoded key`,
        impact: 'anyone with the code can forge or decrypt its output'
      }
    }
    if (b.name === 'sequelize' && call.type === 'NewExpression' && (fn === '' || fn === 'Sequelize') && args.length >= 3 && args[2]) {
      return {
        node: args[2],
        what: '`new Sequelize()` connects with a hardcoded password',
        impact: 'anyone with the code can log in to the database'
      }
    }
  }
  return undefined
}

function sinkSecrets(express: ExpressModel, module: ModuleInfo, excluded: Set<Node>): SourceSecret[] {
  return module.index.calls.flatMap((call) => {
    const sink = sinkArgument(express, module, call)
    if (!sink) return []
    return literalsOf(express.evaluate(sink.node, module))
      .filter(
        (l) =>
          looksLikeSecret(l.value, 'sink') &&
          !excluded.has(l.at.node) &&
          !TEMPLATE_FILE.test(posix.basename(l.at.module.path)) &&
          !TEST_CONFIG.test(l.at.module.path)
      )
      .map((l) => {
        const { file, line, column } = locate(l.at)
        return {
          file,
          line,
          column,
          messageId: 'sink-key',
          message: `${sink.what} (${redact(l.value)}), so ${sink.impact}: rotate it and read it from the environment with no literal fallback`
        }
      })
  })
}

/** `mongodb://user:pass@host` in a string; provider formats and private keys in a string. */
function stringSecrets(module: ModuleInfo, node: Node): SourceSecret[] {
  const text =
    node.type === 'StringLiteral' ? node.value : node.type === 'TemplateElement' ? (node.value.cooked ?? node.value.raw) : undefined
  if (text === undefined || text.length < 12) return []
  const start = locate({ module, node })
  const findings: SourceSecret[] = findProviderSecrets(text).map((match) => ({
    file: start.file,
    line: lineAt(text, match.index, start.line),
    messageId: match.messageId,
    message: match.message
  }))
  const password = urlPassword(text)
  if (password && looksLikeSecret(password, 'sink')) {
    const scheme = text.slice(0, text.indexOf('://'))
    findings.push({
      ...start,
      messageId: 'url-password',
      message: `a \`${scheme}://\` URL holds a hardcoded password (${redact(password)}): rotate it and build the URL from the environment, e.g. \`process.env.DATABASE_URL\``
    })
  }
  return findings
}

/** One pass over a module's indexed nodes: strings first (a provider key wins its line), then names. */
function moduleSecrets(module: ModuleInfo, excluded: Set<Node>): { strings: SourceSecret[]; named: SourceSecret[] } {
  const strings: SourceSecret[] = []
  const named = TEST_CONFIG.test(module.path) || BROWSER_CODE.test(module.path) ? undefined : namedSecrets(module, excluded)
  for (const node of nodesOf(module.index)) {
    if (node.type === 'StringLiteral' || node.type === 'TemplateElement') strings.push(...stringSecrets(module, node))
    else named?.visit(node)
  }
  return { strings, named: named?.findings() ?? [] }
}

/** Literal session and cookie secrets: session-secret-hardcoded reports those, this rule does not. */
export function sessionSecretNodes(express: ExpressModel): Set<Node> {
  const nodes = new Set<Node>()
  for (const middleware of cookieMiddlewares(express)) {
    const values =
      middleware.package === 'cookie-parser'
        ? [middleware.options]
        : ['secret', 'keys'].map((name) => option(express, middleware.options, name))
    for (const value of values) {
      for (const b of branches(value)) {
        if (b.at) nodes.add(b.at.node)
        if (b.kind === 'array' && b.at) for (const e of b.elements) nodes.add(e)
      }
    }
  }
  return nodes
}

/** Every secret written in the app's source: provider formats, URLs with passwords, sinks, secret-looking names. */
export function findSourceSecrets(express: ExpressModel): SourceSecret[] {
  const excluded = sessionSecretNodes(express)
  const modules = [...express.graph.modules.values()].filter((m) => !TEMPLATE_FILE.test(posix.basename(m.path)))
  const walked = modules.map((m) => moduleSecrets(m, excluded))
  return [
    ...walked.flatMap((w) => w.strings),
    ...modules.flatMap((m) => sinkSecrets(express, m, excluded)),
    ...walked.flatMap((w) => w.named)
  ]
}
