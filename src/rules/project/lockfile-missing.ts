import { OTHER_LOCKFILES } from '../../common/lockfiles.js'
import { gitignoreMatcher } from '../../discovery/gitignore.js'
import { LOCKFILE_MANAGERS, LOCKFILE_OF, installCommand } from '../../discovery/package-manager.js'
import { defineRule } from '../rule.js'

/** The line of a `.gitignore` that ignores the lockfile, unless a later `!` line takes it back. */
function ignoringLine(text: string | undefined, lockfile: string): number | undefined {
  let found: number | undefined
  text?.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (line.startsWith('!') && gitignoreMatcher(line.slice(1))(lockfile)) found = undefined
    else if (gitignoreMatcher(line)(lockfile)) found = i + 1
  })
  return found
}

export default defineRule({
  meta: {
    id: 'lockfile-missing',
    severity: 'high',
    category: 'project',
    description:
      'No lockfile (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml or yarn.lock): a frozen install and a reproducible audit are impossible.',
    fix: "run the package manager's install (`npm install`, `pnpm install`, `yarn install`) and commit the lockfile it writes",
    cwe: 'CWE-1357',
    messages: {
      'no-lockfile': 'package.json has no lockfile beside it'
    }
  },
  needs: 'project',
  check({ files, packageJsons, gitignores, packageManager }) {
    const atRoot = new Set(files.filter((f) => !f.path.includes('/')).map((f) => f.path))
    // Any lockfile counts, bun's too: its manager installs and audits from it.
    const lockfiles = [...LOCKFILE_MANAGERS.map(([f]) => f), ...Object.keys(OTHER_LOCKFILES)]
    if (!atRoot.has('package.json') || lockfiles.some((f) => atRoot.has(f))) return []
    // No lockfile: the manager package.json declares (`packageManager`), npm otherwise.
    const manager = packageManager.declared
    const lockfile = LOCKFILE_OF[manager?.name ?? 'npm']
    const command = installCommand(manager)
    const message = `package.json has no lockfile beside it, so installs are not reproducible and dependencies cannot be audited: run \`${command}\` and commit ${lockfile}`
    // The line that keeps the lockfile out of the repository is where the fix starts.
    const ignored = ignoringLine(gitignores.find((g) => g.path === '.gitignore')?.text, lockfile)
    if (ignored !== undefined)
      return [
        {
          file: '.gitignore',
          line: ignored,
          messageId: 'no-lockfile',
          message: `${message}; this line of .gitignore keeps ${lockfile} out of commits: remove it`
        }
      ]
    // What the lockfile would pin: the dependencies, when package.json lists any; else the file as a whole.
    const manifest = packageJsons.find((p) => p.path === 'package.json')?.manifest
    const line = manifest ? (manifest.keyLine(['dependencies']) ?? manifest.keyLine(['devDependencies'])) : null
    return [{ file: 'package.json', line, messageId: 'no-lockfile', message }]
  }
})
