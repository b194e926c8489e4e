import { NPM_LOCKFILES, OTHER_LOCKFILES } from '../../common/lockfiles.js'
import { defineRule } from '../rule.js'

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
  check({ files }) {
    const atRoot = new Set(files.filter((f) => !f.path.includes('/')).map((f) => f.path))
    if (!atRoot.has('package.json') || NPM_LOCKFILES.some((f) => atRoot.has(f))) return []
    const other = Object.keys(OTHER_LOCKFILES).find((f) => atRoot.has(f))
    const message = other
      ? `only ${other} is committed, which npm ci cannot install from and npm audit cannot read: run \`npm install\` to create package-lock.json and commit it (or run the ${OTHER_LOCKFILES[other]} equivalent of this gate)`
      : 'package.json has no package-lock.json beside it, so installs are not reproducible and npm audit cannot run: run `npm install` and commit package-lock.json'
    return [{ file: 'package.json', line: null, messageId: other ? 'other-lockfile-only' : 'no-lockfile', message }]
  }
})
