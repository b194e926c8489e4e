import { NPM_LOCKFILES, OTHER_LOCKFILES } from '../../common/lockfiles.js'
import { gitignoreMatcher } from '../../discovery/gitignore.js'
import { defineRule } from '../rule.js'

const LOCKFILE = 'package-lock.json'

/** The line of a `.gitignore` that ignores package-lock.json, unless a later `!` line takes it back. */
function ignoringLine(text: string | undefined): number | undefined {
  let found: number | undefined
  text?.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (line.startsWith('!') && gitignoreMatcher(line.slice(1))(LOCKFILE)) found = undefined
    else if (gitignoreMatcher(line)(LOCKFILE)) found = i + 1
  })
  return found
}

export default defineRule({
  meta: {
    id: 'lockfile-missing',
    severity: 'high',
    category: 'project',
    description: 'No package-lock.json or npm-shrinkwrap.json: npm ci and a reproducible audit are impossible.',
    fix: 'run `npm install` and commit package-lock.json',
    cwe: 'CWE-1357',
    messages: {
      'no-lockfile': 'package.json has no lockfile beside it',
      'other-lockfile-only': "only another package manager's lockfile (yarn, pnpm, bun) is committed"
    }
  },
  needs: 'project',
  check({ files, packageJsons, gitignores }) {
    const atRoot = new Set(files.filter((f) => !f.path.includes('/')).map((f) => f.path))
    if (!atRoot.has('package.json') || NPM_LOCKFILES.some((f) => atRoot.has(f))) return []
    const other = Object.keys(OTHER_LOCKFILES).find((f) => atRoot.has(f))
    const messageId = other ? 'other-lockfile-only' : 'no-lockfile'
    const message = other
      ? `only ${other} is committed, which npm ci cannot install from and npm audit cannot read: run \`npm install\` to create package-lock.json and commit it (or run the ${OTHER_LOCKFILES[other]} equivalent of this gate)`
      : 'package.json has no package-lock.json beside it, so installs are not reproducible and npm audit cannot run: run `npm install` and commit package-lock.json'
    // The line that keeps the lockfile out of the repository is where the fix starts.
    const ignored = ignoringLine(gitignores.find((g) => g.path === '.gitignore')?.text)
    if (ignored !== undefined)
      return [
        {
          file: '.gitignore',
          line: ignored,
          messageId,
          message: `${message}; this line of .gitignore keeps package-lock.json out of commits: remove it`
        }
      ]
    // What the lockfile would pin: the dependencies, when package.json lists any; else the file as a whole.
    const manifest = packageJsons.find((p) => p.path === 'package.json')?.manifest
    const line = manifest ? (manifest.keyLine(['dependencies']) ?? manifest.keyLine(['devDependencies'])) : null
    return [{ file: 'package.json', line, messageId, message }]
  }
})
