import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCliArgs, type CliOptions } from '../../src/config/cli-args.js'
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

function run(argv: string[]): CliOptions {
  const command = parseCliArgs(argv, cwd)
  if (command.kind !== 'run') throw new Error(`expected a run command, got ${command.kind}`)
  return command.options
}

describe('parseCliArgs', () => {
  it('has defaults that match the action, except that nothing is written to files', () => {
    expect(run([])).toMatchObject({
      workspace: cwd,
      workingDirectory: cwd,
      install: true,
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
