import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCliArgs, USAGE, type CliOptions } from '../../src/config/cli-args.js'
import { UsageError } from '../../src/config/errors.js'

let cwd: string

beforeAll(() => {
  cwd = realpathSync(mkdtempSync(join(tmpdir(), 'cli-args-test-')))
  mkdirSync(join(cwd, 'app'))
  writeFileSync(join(cwd, 'file.txt'), '')
})

afterAll(() => {
  rmSync(cwd, { recursive: true, force: true })
})

/** A developer's shell: no CI variable, whatever the test runner's own environment says. */
const LOCAL: NodeJS.ProcessEnv = {}

function run(argv: string[], env: NodeJS.ProcessEnv = LOCAL): CliOptions {
  const command = parseCliArgs(argv, cwd, env)
  if (command.kind !== 'run') throw new Error(`expected a run command, got ${command.kind}`)
  return command.options
}

describe('parseCliArgs', () => {
  it('has defaults that match the action, except that nothing is written to files and npm ci runs only in CI', () => {
    expect(run([])).toMatchObject({
      workspace: cwd,
      workingDirectory: cwd,
      install: false,
      ignoreScripts: true,
      audit: true,
      auditLevel: 'high',
      omitDev: false,
      onAuditError: 'fail',
      failOn: 'high',
      sbom: true,
      sbomFile: join(cwd, 'sbom.cdx.json'),
      sarifFile: '',
      reportFile: '',
      configFile: join(cwd, '.github/hardening.yml'),
      configRequired: false,
      format: 'text',
      output: ''
    })
  })

  it('reads every flag', () => {
    const options = run([
      'app',
      '--format',
      'sarif',
      '--output',
      'out/gate.sarif',
      '--audit-level',
      'critical',
      '--fail-on=moderate',
      '--no-install',
      '--no-audit',
      '--no-sbom',
      '--config',
      'ci/gate.yml',
      '--omit-dev',
      '--ignore-scripts=false'
    ])
    expect(options).toMatchObject({
      workspace: cwd,
      workingDirectory: join(cwd, 'app'),
      format: 'sarif',
      output: join(cwd, 'out/gate.sarif'),
      auditLevel: 'critical',
      failOn: 'moderate',
      install: false,
      audit: false,
      sbom: false,
      configFile: join(cwd, 'ci/gate.yml'),
      configRequired: true,
      omitDev: true,
      ignoreScripts: false
    })
  })

  describe('npm ci (it deletes node_modules first)', () => {
    it.each([
      ['no CI variable', {}, false],
      ['CI empty', { CI: '' }, false],
      ['CI=false', { CI: 'false' }, false],
      ['CI=0', { CI: '0' }, false],
      ['CI=true (GitHub Actions, .ci/run)', { CI: 'true' }, true],
      ['CI=1', { CI: '1' }, true]
    ])('with %s, npm ci runs by default: %p', (_label, env, expected) => {
      expect(run([], env).install).toBe(expected)
    })

    it('runs locally with --install', () => {
      expect(run(['--install'], {}).install).toBe(true)
    })

    it('stays off in CI with --no-install', () => {
      expect(run(['--no-install'], { CI: 'true' }).install).toBe(false)
    })

    it('follows the last of --install and --no-install', () => {
      expect(run(['--no-install', '--install'], { CI: 'true' }).install).toBe(true)
      expect(run(['--install', 'app', '--no-install'], {}).install).toBe(false)
    })

    it('reads the environment it is given, not the process environment', () => {
      const before = process.env.CI
      process.env.CI = 'true'
      try {
        expect(run([], {}).install).toBe(false)
      } finally {
        if (before === undefined) delete process.env.CI
        else process.env.CI = before
      }
    })

    it('says in --help when it runs', () => {
      expect(USAGE).toMatch(
        /--install +run npm ci \(default in CI, i\.e\. when CI is set; off locally because npm ci replaces node_modules\)/
      )
    })
  })

  it('puts the SBOM relative to the scanned path', () => {
    expect(run(['app', '--sbom-file', 'bom/out.json']).sbomFile).toBe(join(cwd, 'app/bom/out.json'))
  })

  it('finds a config file in the scanned path first', () => {
    mkdirSync(join(cwd, 'app/.github'), { recursive: true })
    writeFileSync(join(cwd, 'app/.github/hardening.yml'), '')
    try {
      expect(run(['app'])).toMatchObject({ configFile: join(cwd, 'app/.github/hardening.yml'), configRequired: false })
    } finally {
      rmSync(join(cwd, 'app/.github'), { recursive: true, force: true })
    }
  })

  it.each([[['--help']], [['-h']], [['app', '--help']]])('answers help for %p', (argv) => {
    expect(parseCliArgs(argv, cwd)).toEqual({ kind: 'help' })
  })

  it.each([['--version'], ['-v']])('answers version for %p', (flag) => {
    expect(parseCliArgs([flag], cwd)).toEqual({ kind: 'version' })
  })

  it('rejects an unknown flag with a usage error that points to --help', () => {
    expect(() => parseCliArgs(['--bogus'], cwd)).toThrow(UsageError)
    expect(() => parseCliArgs(['--bogus'], cwd)).toThrow(/--bogus.*see --help/)
  })

  it('rejects a flag without its value', () => {
    expect(() => parseCliArgs(['--format'], cwd)).toThrow(UsageError)
  })

  it('rejects two paths', () => {
    expect(() => parseCliArgs(['app', 'other'], cwd)).toThrow(UsageError)
    expect(() => parseCliArgs(['app', 'other'], cwd)).toThrow(/at most one path/)
  })

  it('rejects an unknown format, naming the valid ones', () => {
    expect(() => parseCliArgs(['--format', 'xml'], cwd)).toThrow(
      new UsageError("--format must be one of text, markdown, json, sarif; got 'xml'")
    )
  })

  it.each([
    ['--audit-level', 'hgih'],
    ['--fail-on', 'urgent']
  ])('rejects %s %s', (flag, value) => {
    expect(() => parseCliArgs([flag, value], cwd)).toThrow(
      new UsageError(`${flag} must be one of low, moderate, high, critical, none; got '${value}'`)
    )
  })

  it('rejects --ignore-scripts with a value other than true or false', () => {
    expect(() => parseCliArgs(['--ignore-scripts=maybe'], cwd)).toThrow(UsageError)
  })

  it('rejects a path that is missing or not a directory', () => {
    expect(() => parseCliArgs(['missing'], cwd)).toThrow(/missing is not a directory/)
    expect(() => parseCliArgs(['file.txt'], cwd)).toThrow(UsageError)
  })

  it('rejects an empty --sbom-file unless the SBOM is off', () => {
    expect(() => parseCliArgs(['--sbom-file', ''], cwd)).toThrow(UsageError)
    expect(run(['--sbom-file', '', '--no-sbom']).sbom).toBe(false)
  })

  it('uses the scanned path as the workspace when it is outside the current directory', () => {
    const outside = realpathSync(mkdtempSync(join(tmpdir(), 'cli-args-outside-')))
    try {
      expect(run([outside])).toMatchObject({ workspace: outside, workingDirectory: outside })
    } finally {
      rmSync(outside, { recursive: true, force: true })
    }
  })
})

describe('parseCliArgs: baselines', () => {
  it('has no baseline and writes none by default', () => {
    expect(run([])).toMatchObject({ baseline: { kind: 'none' }, writeBaseline: '' })
  })

  it('reads an existing file or a .json name as a baseline file, relative to the current directory', () => {
    expect(run(['app', '--baseline', 'file.txt'])).toMatchObject({
      baseline: { kind: 'file', path: join(cwd, 'file.txt'), ref: '../file.txt' }
    })
    expect(run(['--baseline', 'missing.json']).baseline).toEqual({ kind: 'file', path: join(cwd, 'missing.json'), ref: 'missing.json' })
  })

  it('reads anything else as a git commit or ref', () => {
    expect(run(['--baseline', 'origin/main']).baseline).toEqual({ kind: 'base-commit', ref: 'origin/main' })
    expect(run(['--baseline', 'HEAD~1']).baseline).toEqual({ kind: 'base-commit', ref: 'HEAD~1' })
    expect(run(['--baseline', 'none']).baseline).toEqual({ kind: 'none' })
  })

  it('refuses a ref git would read as an option, or with spaces, in one line', () => {
    expect(() => run(['--baseline=--output=x'])).toThrow(/^--baseline must be a baseline file or a git commit or ref/)
    expect(() => run(['--baseline', 'main branch'])).toThrow(UsageError)
  })

  it('writes the baseline to a file relative to the current directory', () => {
    expect(run(['--write-baseline', 'out/baseline.json']).writeBaseline).toBe(join(cwd, 'out/baseline.json'))
    expect(USAGE).toContain('--write-baseline FILE')
    expect(USAGE).toContain('--baseline REF|FILE')
  })
})
