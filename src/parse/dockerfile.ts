import { Arg, DockerfileParser, Env, From, type Instruction } from 'dockerfile-ast'

export interface DockerInstruction {
  keyword: string
  /** Arguments as written, continuations joined. */
  args: string
  /** 1-based. */
  line: number
}

export interface DockerStage {
  index: number
  /** `AS <name>`, lower-cased as Docker treats it. */
  name?: string
  /** The base image with build arguments substituted, e.g. `node:18-alpine` or an earlier stage's name. */
  image: string
  fromLine: number
  instructions: DockerInstruction[]
  /** The last USER of this stage, substituted, if any. */
  user?: { value: string; line: number }
}

export interface DockerfileModel {
  stages: DockerStage[]
}

type Vars = Map<string, string>

/** `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR-default}` as Docker expands them. */
export function substitute(text: string, vars: Vars): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced: string | undefined, colon: string, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? ''
      const value = vars.get(name)
      const empty = value === undefined || (colon === ':' && value === '')
      if (op === '-') return empty ? (word ?? '') : (value as string)
      if (op === '+') return empty ? '' : (word ?? '')
      return value ?? ''
    })
}

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1
}

function declare(instruction: Arg | Env, vars: Vars, visible: Vars): void {
  const properties = instruction instanceof Arg ? [instruction.getProperty()] : instruction.getProperties()
  for (const property of properties) {
    if (!property) continue
    const name = property.getName()
    const raw = property.getValue()
    // `ARG NAME` without a value re-declares a global build argument inside a stage.
    const value = raw === null ? (visible.get(name) ?? vars.get(name)) : substitute(raw, vars)
    if (value !== undefined) vars.set(name, value)
  }
}

/** Stages, users and substituted images of a Dockerfile, from dockerfile-ast's parse. */
export function parseDockerfile(text: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text)
  const globals: Vars = new Map()
  const stages: DockerStage[] = []
  let vars: Vars = globals
  let current: DockerStage | undefined
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase()
    const line = lineOf(instruction)
    if (instruction instanceof From) {
      vars = new Map()
      const image = substitute(instruction.getImage() ?? '', globals)
      const name = instruction.getBuildStage()?.toLowerCase()
      current = { index: stages.length, ...(name ? { name } : {}), image, fromLine: line, instructions: [] }
      stages.push(current)
      continue
    }
    if (instruction instanceof Arg || instruction instanceof Env) declare(instruction, vars, globals)
    if (!current) continue
    const args = instruction.getArgumentsContent() ?? ''
    current.instructions.push({ keyword, args, line })
    if (keyword === 'USER') current.user = { value: substitute(args.trim(), vars), line }
  }
  return { stages }
}

/** The stage an image name refers to, when it names an earlier stage rather than an image. */
export function parentStage(model: DockerfileModel, stage: DockerStage): DockerStage | undefined {
  const ref = stage.image.toLowerCase()
  return model.stages.slice(0, stage.index).reverse().find((s) => s.name === ref)
}
