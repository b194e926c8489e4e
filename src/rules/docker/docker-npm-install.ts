import type { ShellCommand } from '../../parse/shell.js'
import { substitute } from '../../parse/dockerfile.js'
import { frozenInstallCommand, LOCKFILE_OF, type PackageManager } from '../../discovery/package-manager.js'
import { defineRule, type RuleFinding } from '../rule.js'

/** A package manager call: options, the subcommand and its operands (package specs). */
interface CliCall {
  tool: string
  subcommand?: string
  options: string[]
  operands: string[]
}

/** Commands that run the command after them: `sudo npm i`, `env CI=1 npm i`, `su-exec node npm i`. */
const PREFIXES: Record<string, { valueOptions: string[]; operands: number }> = {
  sudo: { valueOptions: ['-u', '-g', '-C', '-D'], operands: 0 },
  env: { valueOptions: ['-u', '-C'], operands: 0 },
  exec: { valueOptions: ['-a'], operands: 0 },
  nohup: { valueOptions: [], operands: 0 },
  time: { valueOptions: [], operands: 0 },
  command: { valueOptions: [], operands: 0 },
  'su-exec': { valueOptions: [], operands: 1 },
  gosu: { valueOptions: [], operands: 1 }
}
/** Options that take the next word as their value when written without `=`. */
const VALUE_OPTIONS: Record<string, Set<string>> = {
  npm: new Set([
    '--prefix',
    '-C',
    '--omit',
    '--include',
    '--only',
    '--also',
    '--registry',
    '--cache',
    '--userconfig',
    '--globalconfig',
    '--workspace',
    '-w',
    '--loglevel',
    '--location',
    '--tag',
    '--install-strategy'
  ]),
  yarn: new Set(['--cwd', '--modules-folder', '--cache-folder', '--network-timeout', '--mutex', '--registry']),
  pnpm: new Set(['--dir', '-C', '--filter', '-F', '--store-dir', '--reporter', '--registry']),
  bun: new Set(['--cwd', '--registry', '--backend'])
}
const INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add'])
const UPDATE = new Set(['update', 'up', 'upgrade', 'udpate'])
const FROZEN: Record<string, string[]> = {
  yarn: ['--frozen-lockfile', '--immutable'],
  pnpm: ['--frozen-lockfile', '--offline'],
  bun: ['--frozen-lockfile']
}
const FROZEN_FIX: Record<string, string> = {
  yarn: '`yarn install --frozen-lockfile` (Yarn 1) or `yarn install --immutable` (Yarn 2+)',
  pnpm: '`pnpm install --frozen-lockfile`',
  bun: '`bun install --frozen-lockfile`'
}

function dropPrefixes(words: string[]): string[] {
  let rest = words
  for (let prefix = PREFIXES[rest[0] ?? '']; prefix; prefix = PREFIXES[rest[0] ?? '']) {
    let i = 1
    while (rest[i]?.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[i] ?? ''))
      i += prefix.valueOptions.includes(rest[i] ?? '') ? 2 : 1
    rest = rest.slice(i + prefix.operands)
  }
  return rest
}

function readCall(command: ShellCommand, vars: ReadonlyMap<string, string>): CliCall | undefined {
  const [program, ...args] = dropPrefixes(command.words)
  const tool = program?.split('/').at(-1) ?? ''
  const valueOptions = VALUE_OPTIONS[tool]
  if (!valueOptions) return undefined
  const call: CliCall = { tool, options: [], operands: [] }
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i] as string
    if (word.startsWith('-')) {
      call.options.push(word)
      if (valueOptions.has(word) && !word.includes('=')) i += 1
    } else if (call.subcommand === undefined) call.subcommand = word
    // `pm2@$PM2_VERSION` with `ARG PM2_VERSION=5.4.2`: the version the build pins; an unset one stays as written.
    else call.operands.push(substitute(word, vars, []))
  }
  if (call.tool === 'yarn' && call.subcommand === 'global') {
    // `yarn global add pm2@5` is `add` with a global flag, as in the other tools.
    call.subcommand = call.operands.shift()
    call.options.push('--global')
  }
  return call
}

/**
 * `pm2@5`, `@scope/pkg@^1.2`, a path, a tarball or a URL: a version is chosen by the Dockerfile, not
 * by the registry's newest. Build arguments are substituted before (`pkg@$PKG_VERSION` with a pinned
 * `ARG` default); one left unset stays as written and is not pinned.
 */
export function isPinnedSpec(spec: string): boolean {
  if (/^[./~]/.test(spec) || spec.includes(':')) return true
  const at = spec.indexOf('@', 1)
  return at > 0 && /^[v=~^]?\d/.test(spec.slice(at + 1))
}

/** The package a spec names, without its tag or range: `pnpm@latest` → `pnpm`, `@scope/pkg@next` → `@scope/pkg`. */
export function packageNameOf(spec: string): string {
  const at = spec.indexOf('@', 1)
  return at > 0 ? spec.slice(0, at) : spec
}

function isGlobal(call: CliCall): boolean {
  return call.options.some((o) => o === '-g' || o === '--global' || o === '--location=global')
}

/** The frozen install to suggest for a call of `tool`: the project's own flavour of yarn when it is a yarn project. */
function frozenFix(tool: string, project: PackageManager | undefined): string {
  if (tool === 'npm') return '`npm ci`'
  if (tool === 'yarn' && project?.name === 'yarn') return frozenInstallCommand(project)
  return FROZEN_FIX[tool] ?? '`npm ci`'
}

/**
 * What is wrong with a package manager call, or undefined when it installs from the lockfile or a pinned tool.
 * `project` is the project's manager (from its lockfile or `packageManager`): its frozen install is the one suggested.
 */
function problem(call: CliCall, project: PackageManager | undefined): Pick<RuleFinding, 'messageId' | 'message'> | undefined {
  const shown = [call.tool, call.subcommand].filter(Boolean).join(' ')
  const sub = call.subcommand
  if (sub !== undefined && UPDATE.has(sub)) {
    return {
      messageId: 'update',
      message: `\`${shown}\` re-resolves dependencies and rewrites the lockfile at build time: build from the committed lockfile with ${frozenFix(call.tool, project)}`
    }
  }
  // A bare `yarn` installs; a bare npm, pnpm or bun prints help.
  const installs = sub === undefined ? call.tool === 'yarn' : INSTALL.has(sub)
  if (!installs) return undefined
  if (call.operands.length > 0) {
    const loose = call.operands.filter((spec) => !isPinnedSpec(spec))
    if (loose.length === 0) return undefined
    const global = isGlobal(call)
    const where = global ? 'installs whatever version is newest at build time' : 'adds packages outside the lockfile'
    return {
      messageId: global ? 'unpinned-global' : 'unpinned-package',
      message: `\`${shown}${global ? ' -g' : ''} ${loose.join(' ')}\` ${where}: pin each one (\`${packageNameOf(loose[0] as string)}@<version>\`)${global ? '' : ', or add it to package.json and install from the lockfile'}`
    }
  }
  if (call.tool === 'npm' && project && project.name !== 'npm') {
    // A pnpm or yarn project: npm reads neither lockfile, so `npm install` resolves everything anew.
    return {
      messageId: 'npm-install',
      message: `\`${shown}\` ignores ${LOCKFILE_OF[project.name]} and resolves versions again: install from it with ${frozenInstallCommand(project)}`
    }
  }
  if (call.tool === 'npm') {
    return {
      messageId: 'npm-install',
      message: `\`${shown}\` resolves versions again instead of installing exactly what package-lock.json says: use \`npm ci\` (\`npm ci --omit=dev\` for production), committing package-lock.json if it is missing`
    }
  }
  if (call.options.some((o) => FROZEN[call.tool]?.includes(o))) return undefined
  const pure = call.options.includes('--pure-lockfile') ? ' (`--pure-lockfile` only skips writing it; it does not fail on drift)' : ''
  return {
    messageId: 'not-frozen',
    message: `\`${call.tool} install\` without a frozen lockfile may resolve new versions at build time${pure}: use ${frozenFix(call.tool, project)}`
  }
}

export default defineRule({
  meta: {
    id: 'docker-npm-install',
    severity: 'low',
    category: 'docker',
    description:
      "A Dockerfile installs the app's dependencies with `npm install` (or a non-frozen yarn/pnpm/bun install, or an update) instead of from the lockfile.",
    fix: "install from the project's lockfile: `npm ci`, `pnpm install --frozen-lockfile`, `yarn install --frozen-lockfile` (Yarn 1) or `yarn install --immutable` (Yarn 2+); pin global tools (`npm install -g pm2@5`)",
    cwe: 'CWE-1357',
    messages: {
      update: 'an update command (npm update, yarn upgrade...) re-resolves dependencies at build time',
      'unpinned-global': 'a global install of a package without a pinned version',
      'unpinned-package': 'an install adds named packages without pinned versions, outside the lockfile',
      'npm-install': '`npm install` of the app instead of `npm ci`',
      'not-frozen': 'a yarn, pnpm or bun install without a frozen lockfile'
    }
  },
  needs: 'project',
  check({ dockerfiles, packageManager }) {
    const findings: RuleFinding[] = []
    for (const { path, model } of dockerfiles) {
      for (const instruction of model.stages.flatMap((s) => s.instructions)) {
        if (instruction.keyword !== 'RUN') continue
        for (const command of instruction.commands) {
          const call = readCall(command, instruction.vars ?? new Map())
          const found = call && problem(call, packageManager.detected)
          if (found) findings.push({ file: path, line: command.line, ...found })
        }
      }
    }
    return findings
  }
})
