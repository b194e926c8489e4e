import { posix } from 'node:path'
import { ConfigSyntaxError, MAX_EXPANDED_DIRECTIVES, type ConfigDirective } from './directive.js'

/** Where nginx looks for a relative include: its prefix, in the image or package layout. */
const CONF_PREFIXES = ['/etc/nginx/', '/usr/local/nginx/conf/', '/usr/local/etc/nginx/', '/opt/homebrew/etc/nginx/']
const MAX_DEPTH = 10

export interface NginxExpansion {
  directives: ConfigDirective[]
  /** Repository files that `include`s brought in. */
  included: Set<string>
}

/** The folder of a repository path with `/` separators; `''` for the root. */
export function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
}

/** `*` matches within one path segment and, as in glob(3), not a leading dot: `conf.d/.off.conf` is disabled. */
function globToRegExp(glob: string): RegExp {
  let body = ''
  for (const [i, part] of glob.split('*').entries()) {
    if (i > 0) body += body === '' || body.endsWith('/') ? '(?!\\.)[^/]*' : '[^/]*'
    body += part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${body}$`)
}

/**
 * The repository files an `include` names. nginx resolves a relative path against its prefix (the
 * folder of nginx.conf), so the path is tried against the including file's folder and then each
 * folder above it; the first folder with matches wins. Absolute paths into the usual prefixes
 * (`/etc/nginx/conf.d/*.conf`) are read as relative to it; other absolute paths are outside the repository.
 */
export function includedPaths(pattern: string, from: string, paths: readonly string[]): string[] {
  const prefix = CONF_PREFIXES.find((p) => pattern.startsWith(p))
  const relative = prefix ? pattern.slice(prefix.length) : pattern
  if (relative.startsWith('/')) return []
  for (let folder = folderOf(from); ; folder = folderOf(folder)) {
    const target = posix.join(folder, relative)
    const re = globToRegExp(target)
    const matches = target.startsWith('../') ? [] : paths.filter((p) => re.test(p)).sort()
    if (matches.length > 0 || folder === '') return matches
  }
}

function tag(directives: ConfigDirective[], file: string): ConfigDirective[] {
  return directives.map((d) => ({ ...d, file: d.file ?? file, ...(d.block ? { block: tag(d.block, file) } : {}) }))
}

/**
 * Replaces each `include` whose files are in the repository by their directives (marked with the
 * file they come from), recursively; an include of files outside the repository stays as it is.
 * Throws ConfigSyntaxError when the expansion passes `budget` directives (files that include each
 * other many times over multiply); the budget may be shared by several configs.
 */
export function expandIncludes(
  path: string,
  fragments: ReadonlyMap<string, ConfigDirective[]>,
  budget = { left: MAX_EXPANDED_DIRECTIVES }
): NginxExpansion {
  const included = new Set<string>()
  const paths = [...fragments.keys()]
  const expand = (directives: ConfigDirective[], from: string, chain: string[]): ConfigDirective[] =>
    directives.flatMap((d) => {
      budget.left -= 1
      if (budget.left < 0) throw new ConfigSyntaxError(`includes expand to more than ${MAX_EXPANDED_DIRECTIVES} directives`, d.line)
      if (d.name === 'include' && d.args[0] && chain.length < MAX_DEPTH) {
        const files = includedPaths(d.args[0], from, paths).filter((f) => !chain.includes(f))
        if (files.length === 0) return [d]
        return files.flatMap((file) => {
          included.add(file)
          return tag(expand(fragments.get(file) ?? [], file, [...chain, file]), file)
        })
      }
      return [d.block ? { ...d, block: expand(d.block, from, chain) } : d]
    })
  return { directives: expand(fragments.get(path) ?? [], path, [path]), included }
}
