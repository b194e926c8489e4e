import { Copy, Run, type Instruction } from 'dockerfile-ast'
import { parseShellScript, type ShellCommand } from './shell.js'

export interface DockerHeredoc {
  name: string
  body: string
  /** 1-based line of the body's first line. */
  line: number
}

/** What a RUN/CMD/ENTRYPOINT runs, read from its shell form, exec form or heredoc scripts. */
export interface InstructionText {
  /** Arguments as written, continuations joined; for heredocs the line that opens them. */
  args: string
  heredocs: DockerHeredoc[]
  commands: ShellCommand[]
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh'])
const RUNS_COMMANDS = new Set(['RUN', 'CMD', 'ENTRYPOINT'])

function isShell(word: string | undefined): boolean {
  return word !== undefined && SHELLS.has(word.split('/').at(-1) ?? word)
}

/** `["npm", "ci"]`: the exec form, or undefined when the text is not a JSON array of strings. */
function execForm(args: string): string[] | undefined {
  if (!args.trim().startsWith('[')) return undefined
  try {
    const value: unknown = JSON.parse(args)
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined
  } catch {
    return undefined
  }
}

/** `sh -c "script"` is read as the script it runs (on the line of the `sh`). */
function expandShellC(commands: ShellCommand[]): ShellCommand[] {
  return commands.flatMap((command) => {
    const [shell, flag, script] = command.words
    if (!isShell(shell) || flag !== '-c' || script === undefined) return [command]
    return parseShellScript(script).map((inner) => ({ ...inner, line: command.line }))
  })
}

/**
 * Docker drops comment and blank lines inside a continued instruction; a lone escape keeps the
 * shell reader's line count right without them.
 */
function shellText(raw: string, escape: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n')
  const kept = lines.map((line, i) => (i > 0 && (line.trim() === '' || line.trimStart().startsWith('#')) ? '\\' : line))
  const text = kept.join('\n')
  return escape === '\\' ? text : text.split(`${escape}\n`).join('\\\n')
}

function heredocsOf(instruction: Instruction, lines: string[]): DockerHeredoc[] {
  if (!(instruction instanceof Run || instruction instanceof Copy)) return []
  return instruction.getHeredocs().flatMap((heredoc) => {
    const content = heredoc.getContentRange()
    if (!content) return []
    const body = lines.slice(content.start.line, content.end.line + 1).join('\n')
    return [{ name: heredoc.getName(), body, line: content.start.line + 1 }]
  })
}

/** Reads the arguments of an instruction, and for RUN/CMD/ENTRYPOINT the commands they run. */
export function readInstructionText(instruction: Instruction, lines: string[], escape: string): InstructionText {
  const keyword = instruction.getKeyword().toUpperCase()
  const heredocs = heredocsOf(instruction, lines)
  const argsStart = (instruction.getArgumentsRange()?.start.line ?? instruction.getRange().start.line) + 1
  const raw = instruction.getRawArgumentsContent() ?? ''
  const firstBody = heredocs[0]?.line
  const opening =
    firstBody === undefined
      ? raw
      : raw
          .split(/\r?\n/)
          .slice(0, firstBody - argsStart)
          .join('\n')
  const args = firstBody === undefined ? (instruction.getArgumentsContent() ?? '') : opening.trim()
  if (!RUNS_COMMANDS.has(keyword)) return { args, heredocs, commands: [] }
  const exec = execForm(args)
  if (exec) return { args, heredocs, commands: expandShellC([{ assignments: [], words: exec, line: argsStart }]) }
  const commands = expandShellC(parseShellScript(shellText(opening, escape), argsStart))
  const opener = commands[0]?.words
  if (keyword === 'RUN' && heredocs.length > 0 && (opener === undefined || isShell(opener[0]))) {
    for (const heredoc of heredocs) commands.push(...parseShellScript(heredoc.body, heredoc.line))
  }
  return { args, heredocs, commands }
}
