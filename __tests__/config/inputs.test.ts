import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMPTY_CONFIG, loadConfig } from '../../src/config/config-file.js'
import { UsageError } from '../../src/config/errors.js'
import { readActionInputs } from '../../src/config/inputs.js'

const KNOWN = new Set(['helmet-missing'])
let savedEnv: NodeJS.ProcessEnv
let workspace: string

/** Sets inputs the way the runner does: INPUT_<NAME>, upper-cased, hyphens kept. */
function setInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
}

beforeEach(() => {
  savedEnv = { ...process.env }
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'inputs-test-')))
  process.env.GITHUB_WORKSPACE = workspace
})

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key]
  Object.assign(process.env, savedEnv)
  rmSync(workspace, { recursive: true, force: true })
})

describe('readActionInputs', () => {
  it('uses the defaults of action.yml when no input is set', () => {
    const options = readActionInputs()
    expect(options).toMatchObject({
      workspace,
      workingDirectory: workspace,
      install: true,
      ignoreScripts: true,
      audit: true,
      auditLevel: 'high',
      omitDev: false,
      onAuditError: 'fail',
      failOn: 'high',
      sbom: true,
      sbomFile: join(workspace, 'sbom.cdx.json'),
      sarifFile: join(workspace, 'hardening.sarif'),
      reportFile: join(workspace, 'hardening-report.json'),
      configFile: join(workspace, '.github/hardening.yml'),
      configRequired: false,
      githubToken: '',
      comment: 'always',
      mode: 'scan',
      uploadSbom: false,
      dependencySnapshot: false
    })
    expect(options.today).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('reads every input the runner sets', () => {
    mkdirSync(join(workspace, 'services/api'), { recursive: true })
    setInputs({
      'working-directory': 'services/api',
      'github-token': 'ghs_token',
      install: 'false',
      'ignore-scripts': 'false',
      'audit-level': 'critical',
      'omit-dev': 'true',
      'on-audit-error': 'warn',
      'fail-on': 'none',
      sbom: 'false',
      'sbom-file': 'out/bom.json',
      'sarif-file': 'out/gate.sarif',
      'report-file': 'out/report.json',
      comment: 'on-failure',
      config: 'ci/gate.yml',
      mode: 'comment',
      'upload-sbom': 'true'
    })
    const api = join(workspace, 'services/api')
    expect(readActionInputs()).toMatchObject({
      workingDirectory: api,
      githubToken: 'ghs_token',
      install: false,
      ignoreScripts: false,
      auditLevel: 'critical',
      omitDev: true,
      onAuditError: 'warn',
      failOn: 'none',
      sbom: false,
      sbomFile: join(api, 'out/bom.json'),
      sarifFile: join(api, 'out/gate.sarif'),
      reportFile: join(api, 'out/report.json'),
      configFile: join(workspace, 'ci/gate.yml'),
      configRequired: true,
      comment: 'on-failure',
      mode: 'comment',
      uploadSbom: true
    })
  })

  it('rejects a misspelt audit-level with the documented message', () => {
    setInputs({ 'audit-level': 'hgih' })
    expect(() => readActionInputs()).toThrow(new UsageError("audit-level must be one of low, moderate, high, critical, none; got 'hgih'"))
  })

  it('accepts thresholds in any case', () => {
    setInputs({ 'audit-level': 'Moderate', 'fail-on': 'LOW' })
    expect(readActionInputs()).toMatchObject({ auditLevel: 'moderate', failOn: 'low' })
  })

  it.each([
    ['fail-on', 'severe'],
    ['on-audit-error', 'ignore'],
    ['comment', 'sometimes'],
    ['mode', 'both']
  ])('rejects an invalid %s, naming the input and the value', (name, value) => {
    setInputs({ [name]: value })
    expect(() => readActionInputs()).toThrow(UsageError)
    expect(() => readActionInputs()).toThrow(new RegExp(`^${name} must be one of .*; got '${value}'$`))
  })

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false]
  ])('reads boolean inputs written %p', (value, expected) => {
    setInputs({
      install: value,
      'ignore-scripts': value,
      'omit-dev': value,
      sbom: value,
      'upload-sbom': value,
      'dependency-snapshot': value
    })
    expect(readActionInputs()).toMatchObject({
      install: expected,
      ignoreScripts: expected,
      omitDev: expected,
      sbom: expected,
      uploadSbom: expected,
      dependencySnapshot: expected
    })
  })

  it.each(['install', 'ignore-scripts', 'omit-dev', 'sbom', 'upload-sbom'])('rejects a non-boolean %s', (name) => {
    setInputs({ [name]: 'yes' })
    expect(() => readActionInputs()).toThrow(new UsageError(`${name} must be true or false; got 'yes'`))
  })

  it('rejects a working-directory that does not exist', () => {
    setInputs({ 'working-directory': 'services/missing' })
    expect(() => readActionInputs()).toThrow(UsageError)
    expect(() => readActionInputs()).toThrow(/working-directory 'services\/missing' does not exist/)
  })

  it('rejects a working-directory that is a file', () => {
    writeFileSync(join(workspace, 'package.json'), '{}')
    setInputs({ 'working-directory': 'package.json' })
    expect(() => readActionInputs()).toThrow(UsageError)
  })

  it('rejects a working-directory outside the workspace even when it exists', () => {
    const sibling = `${workspace}-sibling`
    mkdirSync(sibling)
    try {
      for (const value of ['..', `../${sibling.split('/').pop()}`, sibling, 'sub/../../x']) {
        setInputs({ 'working-directory': value })
        expect(() => readActionInputs()).toThrow(/outside the workspace/)
      }
    } finally {
      rmSync(sibling, { recursive: true, force: true })
    }
  })

  it('rejects output files that leave the workspace', () => {
    setInputs({ 'sarif-file': '../escape.sarif' })
    expect(() => readActionInputs()).toThrow(/sarif-file '..\/escape.sarif' is outside the workspace/)
  })

  it('rejects sbom: true with an empty sbom-file, but not with sbom: false', () => {
    setInputs({ sbom: 'true', 'sbom-file': '' })
    expect(() => readActionInputs()).toThrow(UsageError)
    expect(() => readActionInputs()).toThrow(/sbom-file is empty/)
    setInputs({ sbom: 'false' })
    expect(readActionInputs()).toMatchObject({ sbom: false, sbomFile: '' })
  })

  it('skips SARIF and the JSON report when their inputs are explicitly empty', () => {
    setInputs({ 'sarif-file': '', 'report-file': '  ' })
    expect(readActionInputs()).toMatchObject({ sarifFile: '', reportFile: '' })
  })

  it('rejects a dependency-snapshot that is no boolean, and dependency-snapshot with mode: comment', () => {
    setInputs({ 'dependency-snapshot': 'yes' })
    expect(() => readActionInputs()).toThrow(UsageError)
    expect(() => readActionInputs()).toThrow(/dependency-snapshot/)
    setInputs({ 'dependency-snapshot': 'true', mode: 'comment' })
    expect(() => readActionInputs()).toThrow(/dependency-snapshot needs mode 'scan'/)
    setInputs({ 'dependency-snapshot': 'true', mode: 'scan' })
    expect(readActionInputs().dependencySnapshot).toBe(true)
  })

  it('refuses mode: comment without a report-file to read', () => {
    setInputs({ mode: 'comment', 'report-file': '' })
    expect(() => readActionInputs()).toThrow(/report-file/)
  })

  describe('config', () => {
    it('is fine when the default config file does not exist', async () => {
      const options = readActionInputs()
      expect(options.configRequired).toBe(false)
      await expect(loadConfig(options.configFile, options.configRequired, '.github/hardening.yml', KNOWN)).resolves.toBe(EMPTY_CONFIG)
    })

    it('is an error when a config file named explicitly does not exist', async () => {
      setInputs({ config: 'ci/gate.yml' })
      const options = readActionInputs()
      expect(options.configRequired).toBe(true)
      await expect(loadConfig(options.configFile, options.configRequired, 'ci/gate.yml', KNOWN)).rejects.toThrow(UsageError)
      await expect(loadConfig(options.configFile, options.configRequired, 'ci/gate.yml', KNOWN)).rejects.toThrow(
        /ci\/gate\.yml does not exist/
      )
    })

    it('reads the default config file when it exists', async () => {
      mkdirSync(join(workspace, '.github'))
      writeFileSync(join(workspace, '.github/hardening.yml'), 'rules:\n  helmet-missing: low\n')
      const options = readActionInputs()
      const config = await loadConfig(options.configFile, options.configRequired, '.github/hardening.yml', KNOWN)
      expect(config.severity.get('helmet-missing')).toBe('low')
      expect(config.source).toBe('.github/hardening.yml')
    })
  })
})

describe('readActionInputs: baseline', () => {
  it('is auto by default, and auto or none in any case', () => {
    expect(readActionInputs().baselineInput).toEqual({ kind: 'auto' })
    setInputs({ baseline: ' NONE ' })
    expect(readActionInputs().baselineInput).toEqual({ kind: 'none' })
    setInputs({ baseline: 'Auto' })
    expect(readActionInputs().baselineInput).toEqual({ kind: 'auto' })
  })

  it('reads a file relative to working-directory', () => {
    mkdirSync(join(workspace, 'services/api'), { recursive: true })
    setInputs({ 'working-directory': 'services/api', baseline: 'hardening-baseline.json' })
    expect(readActionInputs().baselineInput).toEqual({
      kind: 'file',
      path: join(workspace, 'services/api/hardening-baseline.json'),
      ref: 'hardening-baseline.json'
    })
  })

  it('refuses a file outside the workspace and a value with a line break, in one line each', () => {
    setInputs({ baseline: '../elsewhere.json' })
    expect(() => readActionInputs()).toThrow(
      new UsageError(
        "baseline '../elsewhere.json' is outside the workspace; give auto, none or a baseline file relative to working-directory"
      )
    )
    setInputs({ baseline: 'a.json\nb.json' })
    expect(() => readActionInputs()).toThrow(/^baseline must be auto, none or one file path; got a value with a line break/)
  })
})
