import { Arg, DockerfileParser, Env, From, type Instruction } from 'dockerfile-ast'
import { readInstructionText, type DockerHeredoc } from './dockerfile-commands.js'
import type { ShellCommand } from './shell.js'

export type { DockerHeredoc }

/** Names that start like a Dockerfile but are code, data or docs about one: `dockerfile-lint.js`, `Dockerfile.md`. */
const NOT_DOCKERFILE = /\.(?:[cm]?[jt]sx?|json|ya?ml|toml|md|txt|sh|py|rb|go|lock)$/i

/** `Dockerfile`, `dockerfile`, `Dockerfile.prod`, `Dockerfile-dev`, `api.Dockerfile`, `prod.dockerfile`, in any case. */
export function isDockerfileName(name: string): boolean {
  return /\.dockerfile$/i.test(name) || (/^dockerfile(?:[.-]|$)/i.test(name) && !NOT_DOCKERFILE.test(name))
}

export interface DockerFlag {
  name: string
  value: string | null
}

/** A variable declared by ENV or ARG, its value as written (null for `ARG NAME` without one). */
export interface DockerVariable {
  name: string
  value: string | null
  line: number
}

export interface DockerInstruction {
  /** Upper-cased: `from`, `run` and `RUN` are the same instruction. */
  keyword: string
  /** Arguments as written without flags, continuations joined. */
  args: string
  /** 1-based. */
  line: number
  /** `--from`, `--chown`, `--platform`, `--mount`... */
  flags: DockerFlag[]
  /** ENV and ARG: what they declare. */
  variables: DockerVariable[]
  /** RUN, CMD and ENTRYPOINT: the commands run, from the shell form, exec form or heredoc scripts. */
  commands: ShellCommand[]
  heredocs: DockerHeredoc[]
  /** RUN: the build arguments and environment it sees (`$VERSION` in `npm i -g pm2@$VERSION`), substituted. */
  vars?: ReadonlyMap<string, string>
}

export interface DockerEnvValue {
  value: string
  line: number
}

export interface DockerStage {
  index: number
  /** `AS <name>`, lower-cased as Docker treats it. */
  name?: string
  /** The base image with build arguments substituted, e.g. `node:18-alpine` or an earlier stage's name. */
  image: string
  /**
   * False when the image uses a build argument without a default (`FROM node:${NODE}`): only the
   * build knows it, and `image` keeps the reference as written.
   */
  imageKnown: boolean
  fromLine: number
  instructions: DockerInstruction[]
  /** The last USER of this stage, substituted, if any. */
  user?: { value: string; line: number }
  /** The environment at the end of the stage, substituted; a stage built FROM an earlier one starts with its ENV. */
  env: Map<string, DockerEnvValue>
}

export interface DockerfileModel {
  stages: DockerStage[]
  /** ARGs before the first FROM: usable in FROM lines, and in stages that re-declare them. */
  globalArgs: DockerInstruction[]
  /** Parser directives such as `syntax` and `escape`, names lower-cased. */
  directives: Map<string, string>
}

/** The file is not a Dockerfile Docker would build; it is skipped with a note. */
export class DockerfileSyntaxError extends Error {}

type Vars = Map<string, string>

const KEYWORDS = new Set([
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL'
])

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g

/**
 * `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR-default}` as Docker expands them. With
 * `missing`, a variable without value or default is left as written and reported there.
 */
export function substitute(text: string, vars: ReadonlyMap<string, string>, missing?: string[]): string {
  return text.replace(
    VARIABLE,
    (whole, braced: string | undefined, colon: string, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? ''
      const value = vars.get(name)
      const empty = value === undefined || (colon === ':' && value === '')
      if (op === '-') return empty ? (word ?? '') : (value as string)
      if (op === '+') return empty ? '' : (word ?? '')
      if (value === undefined && missing) {
        missing.push(name)
        return whole
      }
      return value ?? ''
    }
  )
}

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1
}

function variablesOf(instruction: Instruction): DockerVariable[] {
  if (!(instruction instanceof Arg || instruction instanceof Env)) return []
  const properties = instruction instanceof Arg ? [instruction.getProperty()] : instruction.getProperties()
  return properties.flatMap((p) => (p ? [{ name: p.getName(), value: p.getValue(), line: p.getRange().start.line + 1 }] : []))
}

function flagsOf(instruction: Instruction): DockerFlag[] {
  const withFlags = instruction as Instruction & { getFlags?: () => Array<{ getName(): string; getValue(): string | null }> }
  return (withFlags.getFlags?.() ?? []).map((f) => ({ name: f.getName(), value: f.getValue() }))
}

function readInstruction(instruction: Instruction, lines: string[], escape: string): DockerInstruction {
  const keyword = instruction.getKeyword().toUpperCase()
  const line = lineOf(instruction)
  if (!KEYWORDS.has(keyword)) throw new DockerfileSyntaxError(`line ${line}: unknown instruction ${keyword}`)
  const { args, heredocs, commands } = readInstructionText(instruction, lines, escape)
  return { keyword, args, line, flags: flagsOf(instruction), variables: variablesOf(instruction), commands, heredocs }
}

/** ARG and ENV update the variables later instructions see; ENV also the stage's environment. */
function declare(instruction: DockerInstruction, vars: Vars, globals: Vars, env?: Map<string, DockerEnvValue>): void {
  for (const { name, value: raw, line } of instruction.variables) {
    // `ARG NAME` without a value re-declares a global build argument inside a stage.
    const value = raw === null ? (globals.get(name) ?? vars.get(name)) : substitute(raw, vars)
    if (value === undefined) continue
    vars.set(name, value)
    if (instruction.keyword === 'ENV') env?.set(name, { value, line })
  }
}

function startStage(instruction: From, line: number, stages: DockerStage[], globals: Vars): DockerStage {
  const written = instruction.getImage()
  if (!written) throw new DockerfileSyntaxError(`line ${line}: FROM without an image`)
  const missing: string[] = []
  const image = substitute(written, globals, missing)
  const name = instruction.getBuildStage()?.toLowerCase()
  const parent = [...stages].reverse().find((s) => s.name === image.toLowerCase())
  return {
    index: stages.length,
    ...(name ? { name } : {}),
    image,
    imageKnown: missing.length === 0,
    fromLine: line,
    instructions: [],
    env: new Map(parent?.env ?? [])
  }
}

/**
 * Stages, instructions, users, environments and substituted images of a Dockerfile, read from
 * dockerfile-ast's parse. Throws DockerfileSyntaxError for a file Docker would refuse to build.
 */
export function parseDockerfile(text: string): DockerfileModel {
  if (text.includes('\u0000')) throw new DockerfileSyntaxError('binary content, not a Dockerfile')
  const dockerfile = DockerfileParser.parse(text)
  const escape = dockerfile.getEscapeCharacter()
  const lines = text.split(/\r?\n/)
  const directives = new Map(dockerfile.getDirectives().map((d) => [d.getName().toLowerCase(), d.getValue()]))
  const globals: Vars = new Map()
  const globalArgs: DockerInstruction[] = []
  const stages: DockerStage[] = []
  let vars: Vars = globals
  let current: DockerStage | undefined
  for (const instruction of dockerfile.getInstructions()) {
    const read = readInstruction(instruction, lines, escape)
    if (instruction instanceof From) {
      current = startStage(instruction, read.line, stages, globals)
      stages.push(current)
      vars = new Map([...current.env].map(([k, v]) => [k, v.value]))
      continue
    }
    if (!current && read.keyword !== 'ARG') {
      throw new DockerfileSyntaxError(`line ${read.line}: ${read.keyword} before the first FROM (only ARG may come first)`)
    }
    declare(read, vars, globals, current?.env)
    if (!current) {
      globalArgs.push(read)
      continue
    }
    if (read.keyword === 'RUN') read.vars = new Map(vars)
    current.instructions.push(read)
    if (read.keyword === 'USER') current.user = { value: substitute(read.args.trim(), vars), line: read.line }
  }
  return { stages, globalArgs, directives }
}

/** The stage an image name refers to, when it names an earlier stage rather than an image. */
export function parentStage(model: DockerfileModel, stage: DockerStage): DockerStage | undefined {
  const ref = stage.image.toLowerCase()
  return model.stages
    .slice(0, stage.index)
    .reverse()
    .find((s) => s.name === ref)
}

/** The stage, the earlier stage it is built FROM, and so on up to the stage that names an image. */
export function stageChain(model: DockerfileModel, stage: DockerStage): DockerStage[] {
  const parent = parentStage(model, stage)
  return parent ? [stage, ...stageChain(model, parent)] : [stage]
}

/** The stage that runs: the last one (a `--target` build may pick another, which a scan cannot know). */
export function finalStage(model: DockerfileModel): DockerStage | undefined {
  return model.stages.at(-1)
}
