import * as core from '@actions/core'
import { UsageError } from './errors.js'
import {
  parseBoolean,
  parseChoice,
  parseThreshold,
  todayUtc,
  type BaselineChoice,
  type CommentMode,
  type GateOptions,
  type RunMode
} from './options.js'
import { isInside, toPosixRelative, resolveWorkingDirectory, resolveOutputFile } from './paths.js'
import { resolve } from 'node:path'

/** The `baseline` input: `auto` is resolved against the run's event (github/baseline-event.ts). */
export type BaselineInput = { kind: 'auto' } | BaselineChoice

export interface ActionOptions extends GateOptions {
  githubToken: string
  comment: CommentMode
  mode: RunMode
  uploadSbom: boolean
  dependencySnapshot: boolean
  baselineInput: BaselineInput
}

/** Defaults of action.yml, for inputs a runner did not set (a local run, a test). */
const DEFAULTS: Record<string, string> = {
  'working-directory': '.',
  install: 'true',
  'ignore-scripts': 'true',
  'audit-level': 'high',
  'omit-dev': 'false',
  'on-audit-error': 'fail',
  'fail-on': 'high',
  sbom: 'true',
  'sbom-file': 'sbom.cdx.json',
  'sarif-file': 'hardening.sarif',
  'report-file': 'hardening-report.json',
  comment: 'always',
  config: '.github/hardening.yml',
  mode: 'scan',
  'upload-sbom': 'false',
  'dependency-snapshot': 'false',
  baseline: 'auto'
}

/** File inputs where an explicit empty value means "none" (`sarif-file: ''` skips SARIF). */
const EMPTY_MEANS_NONE = new Set(['sbom-file', 'sarif-file', 'report-file'])

function input(name: string): string {
  const value = core.getInput(name)
  if (value !== '') return value
  // The runner sets every input that has a default, so a variable that is set but empty was written that way.
  const given = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] !== undefined
  return given && EMPTY_MEANS_NONE.has(name) ? '' : (DEFAULTS[name] ?? '')
}

/** `auto`, `none` (any case) or a baseline file relative to the working directory, inside the workspace. */
export function parseBaselineInput(value: string, workspace: string, workingDirectory: string): BaselineInput {
  const v = value.trim()
  if (v === '' || v.toLowerCase() === 'auto') return { kind: 'auto' }
  if (v.toLowerCase() === 'none') return { kind: 'none' }
  // eslint-disable-next-line no-control-regex -- control characters are what it rejects
  if (/[\u0000-\u001f\u007f]/.test(v))
    throw new UsageError('baseline must be auto, none or one file path; got a value with a line break or control character')
  const path = resolve(workingDirectory, v)
  if (!isInside(workspace, path))
    throw new UsageError(`baseline '${value}' is outside the workspace; give auto, none or a baseline file relative to working-directory`)
  return { kind: 'file', path, ref: toPosixRelative(workingDirectory, path) }
}

/** The only place that reads the action's inputs; every value is validated here, once. */
export function readActionInputs(env: NodeJS.ProcessEnv = process.env): ActionOptions {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd())
  const workingDirectory = resolveWorkingDirectory(workspace, input('working-directory'))
  const configInput = input('config')
  const file = (name: string): string => resolveOutputFile(name, workspace, workingDirectory, input(name))
  const options: ActionOptions = {
    workspace,
    workingDirectory,
    install: parseBoolean('install', input('install')),
    ignoreScripts: parseBoolean('ignore-scripts', input('ignore-scripts')),
    audit: true,
    auditLevel: parseThreshold('audit-level', input('audit-level')),
    omitDev: parseBoolean('omit-dev', input('omit-dev')),
    onAuditError: parseChoice('on-audit-error', input('on-audit-error'), ['fail', 'warn'] as const),
    failOn: parseThreshold('fail-on', input('fail-on')),
    sbom: parseBoolean('sbom', input('sbom')),
    sbomFile: file('sbom-file'),
    sarifFile: file('sarif-file'),
    reportFile: file('report-file'),
    configFile: resolve(workspace, configInput),
    configRequired: configInput !== DEFAULTS.config,
    today: todayUtc(),
    githubToken: core.getInput('github-token'),
    comment: parseChoice('comment', input('comment'), ['always', 'on-failure', 'never'] as const),
    mode: parseChoice('mode', input('mode'), ['scan', 'comment'] as const),
    uploadSbom: parseBoolean('upload-sbom', input('upload-sbom')),
    dependencySnapshot: parseBoolean('dependency-snapshot', input('dependency-snapshot')),
    baselineInput: parseBaselineInput(input('baseline'), workspace, workingDirectory)
  }
  if (options.sbom && options.sbomFile === '') {
    throw new UsageError("sbom-file is empty while sbom is true; give a file name such as 'sbom.cdx.json' or set sbom: false")
  }
  if (options.mode === 'comment' && options.reportFile === '') {
    throw new UsageError("mode 'comment' reads report-file, which is empty; give the path of the JSON report from the scan job")
  }
  if (options.mode === 'comment' && options.dependencySnapshot) {
    throw new UsageError(
      "dependency-snapshot needs mode 'scan': it reads the lockfile of the checked-out code, which a comment job does not have"
    )
  }
  return options
}
