/** A directive of a block-structured config (nginx, Caddyfile): `name args...` with an optional block. */
export interface ConfigDirective {
  name: string
  args: string[]
  /** 1-based line of the directive's name. */
  line: number
  /** The directives inside `{ ... }`, for block directives only. */
  block?: ConfigDirective[]
  /** The file the directive was read from, when an nginx `include` brought it in from another file. */
  file?: string
}

/** Blocks nested deeper than this are no real config (nginx and Caddy configs nest a handful deep); the recursive readers stop there. */
export const MAX_BLOCK_DEPTH = 100
/** Includes and snippet imports may repeat: past this many directives an expansion is a bomb, not a config. */
export const MAX_EXPANDED_DIRECTIVES = 100_000

export class ConfigSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(`${message} on line ${line}`)
  }
}

/** Every directive named `name` inside `directives`, at any depth, in file order. */
export function findDirectives(directives: readonly ConfigDirective[], name: string): ConfigDirective[] {
  return directives.flatMap((d) => [...(d.name === name ? [d] : []), ...findDirectives(d.block ?? [], name)])
}

/** The last directive named `name` directly in `directives` (later ones win in nginx and Caddy). */
export function lastDirective(directives: readonly ConfigDirective[], name: string): ConfigDirective | undefined {
  return directives.filter((d) => d.name === name).at(-1)
}
