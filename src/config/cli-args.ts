import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { describeError } from '../common/errors.js'
import { UsageError } from './errors.js'
import { parseChoice, parseGitRef, parseThreshold, todayUtc, type BaselineChoice, type GateOptions } from './options.js'
import { isInside, refuseLinkedOutput, toPosixRelative } from './paths.js'

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const
export type Format = (typeof FORMATS)[number]

export interface CliOptions extends GateOptions {
  format: Format
  /** Absolute path, or empty for stdout. */
  output: string
  /** Where to write the run's findings and advisories as a baseline file (absolute), or empty. */
  writeBaseline: string
}

export const USAGE = `Usage: express-hardening-gate [path] [options]

Runs the hardening gate on the Node.js/Express project in path (default: .):
npm ci (in CI only, see --install), npm audit, a CycloneDX SBOM, Dockerfile and Express checks.

Options:
  --format text|markdown|json|sarif  report format (default: text)
  --output FILE          write the report to FILE instead of stdout
  --audit-level LEVEL    low, moderate, high, critical or none (default: high)
  --fail-on LEVEL        lowest finding severity that fails: low, moderate, high, critical or none (default: high)
  --install              run npm ci (default in CI, i.e. when CI is set; off locally because npm ci replaces node_modules)
  --no-install           do not run npm ci, even in CI
  --no-audit             do not run npm audit
  --no-sbom              do not write an SBOM
  --sbom-file FILE       SBOM path, relative to path (default: sbom.cdx.json)
  --config FILE          config file (default: .github/hardening.yml in path or the current directory)
  --omit-dev             leave devDependencies out of the audit and the SBOM
  --baseline REF|FILE    fail only on what is new since a git commit or ref of the scanned repository,
                         or since a baseline file (one that exists, or any name ending in .json)
  --write-baseline FILE  write this run's findings and advisories as a baseline file to commit (a ratchet)
  --ignore-scripts=false run lifecycle scripts during npm ci (off by default: untrusted code)
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 passed, 1 gate failed, 2 usage or fatal error.`

export type CliCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: CliOptions }

/**
 * Whether the environment is a CI run: `CI` set to anything but empty, `false` or `0` (GitHub
 * Actions, GitLab, CircleCI and most others set `CI=true`).
 */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}

/**
 * `npm ci` deletes node_modules before it installs, so on a developer's machine it runs only when
 * asked (`--install`); in CI, where the checkout is fresh, it runs unless `--no-install`. The last
 * of the two flags wins, as a later flag overrides an alias's earlier one.
 */
function installs(tokens: Array<{ kind: string; name?: string }>, env: NodeJS.ProcessEnv): boolean {
  const last = tokens.findLast((t) => t.kind === 'option' && (t.name === 'install' || t.name === 'no-install'))
  return last ? last.name === 'install' : isCi(env)
}

/** `--baseline`: an existing file, or a name ending in .json, is a baseline file; `none` is none; anything else a git ref. */
function baselineChoice(value: string | undefined, cwd: string, dir: string): BaselineChoice {
  if (value === undefined || value.trim().toLowerCase() === 'none') return { kind: 'none' }
  if (value.trim() === '') throw new UsageError('--baseline is empty; give a baseline file or a git commit or ref')
  const path = resolve(cwd, value.trim())
  const isFile = existsSync(path) && !statSync(path).isDirectory()
  if (isFile || value.trim().toLowerCase().endsWith('.json')) return { kind: 'file', path, ref: toPosixRelative(dir, path) }
  return { kind: 'base-commit', ref: parseGitRef('--baseline', value) }
}

/** Reads argv (without node and the script) into validated options; the CLI's only reader of flags. */
export function parseCliArgs(argv: string[], cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): CliCommand {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string', default: '' },
        'audit-level': { type: 'string', default: 'high' },
        'fail-on': { type: 'string', default: 'high' },
        install: { type: 'boolean' },
        'no-install': { type: 'boolean' },
        'no-audit': { type: 'boolean', default: false },
        'no-sbom': { type: 'boolean', default: false },
        'sbom-file': { type: 'string', default: 'sbom.cdx.json' },
        config: { type: 'string' },
        'omit-dev': { type: 'boolean', default: false },
        'ignore-scripts': { type: 'string', default: 'true' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string', default: '' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false }
      }
    })
  } catch (error) {
    const message = describeError(error)
    throw new UsageError(`${message}; see --help`)
  }
  const { values, positionals, tokens } = parsed
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  if (positionals.length > 1)
    throw new UsageError(`expected at most one path, got ${positionals.length}: ${positionals.join(' ')}; see --help`)
  const dir = resolve(cwd, positionals[0] ?? '.')
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`${positionals[0] ?? '.'} is not a directory; give the folder that holds package.json`)
  const workspace = isInside(cwd, dir) ? cwd : dir
  const configFlag = values.config
  const configFile = configFlag
    ? resolve(cwd, configFlag)
    : ([join(dir, '.github/hardening.yml'), join(workspace, '.github/hardening.yml')].find((f) => existsSync(f)) ??
      join(dir, '.github/hardening.yml'))
  const sbom = !values['no-sbom']
  if (sbom && values['sbom-file'].trim() === '') throw new UsageError('--sbom-file is empty; give a file name or use --no-sbom')
  const sbomFile = resolve(dir, values['sbom-file'])
  const output = values.output ? resolve(cwd, values.output) : ''
  if (sbom) refuseLinkedOutput('--sbom-file', workspace, sbomFile)
  if (output) refuseLinkedOutput('--output', workspace, output)
  if (values['write-baseline'] !== '' && values['write-baseline'].trim() === '')
    throw new UsageError('--write-baseline is empty; give the file to write the baseline to')
  const writeBaseline = values['write-baseline'] ? resolve(cwd, values['write-baseline']) : ''
  if (writeBaseline) refuseLinkedOutput('--write-baseline', workspace, writeBaseline)
  return {
    kind: 'run',
    options: {
      workspace,
      workingDirectory: dir,
      install: installs(tokens, env),
      ignoreScripts: parseChoice('--ignore-scripts', values['ignore-scripts'], ['true', 'false'] as const) === 'true',
      audit: !values['no-audit'],
      auditLevel: parseThreshold('--audit-level', values['audit-level']),
      omitDev: values['omit-dev'],
      onAuditError: 'fail',
      failOn: parseThreshold('--fail-on', values['fail-on']),
      sbom,
      sbomFile,
      sarifFile: '',
      reportFile: '',
      configFile,
      configRequired: configFlag !== undefined,
      today: todayUtc(),
      baseline: baselineChoice(values.baseline, cwd, dir),
      writeBaseline,
      format: parseChoice('--format', values.format, FORMATS),
      output
    }
  }
}
