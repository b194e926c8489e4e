import { basename } from 'node:path'
import type { EnvFileDoc } from '../../scan/context.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { isSecretName } from '../../common/secret-names.js'
import { isEnvTemplateName } from '../../parse/dotenv.js'

const SHOWN_KEYS = 4

function checkFile(file: EnvFileDoc): RuleFinding | undefined {
  const name = basename(file.path)
  if (isEnvTemplateName(name) || !file.committed) return undefined
  const set = file.entries.filter((e) => e.value.trim() !== '')
  const first = set[0]
  if (!first) return undefined
  const secretEntries = set.filter((e) => isSecretName(e.key))
  const secret = secretEntries.map((e) => e.key)
  const named =
    secret.length > 0
      ? `, ${secret.length === 1 ? 'one looks secret' : `${secret.length} look secret`}: ${secret
          .slice(0, SHOWN_KEYS)
          .map((k) => `\`${k}\``)
          .join(', ')}${secret.length > SHOWN_KEYS ? '…' : ''}`
      : ''
  return {
    file: file.path,
    line: (secretEntries[0] ?? first).line,
    messageId: 'env-file-committed',
    message: `\`${name}\` is in the repository with ${set.length === 1 ? 'a value' : `${set.length} values`}${named}: remove it (\`git rm --cached ${file.path}\`), add \`.env*\` to \`.gitignore\` and rotate what it held; commit a \`.env.example\` with empty values instead`
  }
}

/**
 * A `.env` file with values in the repository: tracked by git when the tree is a checkout (a
 * tracked file is committed whatever `.gitignore` says; an untracked one is a developer's own),
 * else not listed in a `.gitignore`. Templates (`.env.example`, `.sample`, `.template`, `.dist`, `.default`) and
 * files whose keys are all empty are fine. The finding points at the first secret-looking key with a value (else the first value); values
 * are never printed, only the names of keys that look secret.
 */
export default defineRule({
  meta: {
    id: 'env-file-committed',
    severity: 'high',
    category: 'secrets',
    description: 'A `.env` file with values is committed to the repository (`.env.example`/`.sample` excepted).',
    fix: '`git rm --cached .env`, add `.env*` to `.gitignore`, rotate its secrets; commit `.env.example` with empty values',
    cwe: 'CWE-538',
    messages: {
      'env-file-committed': 'a .env file with values is committed (tracked by git, or not gitignored without git; not a template)'
    }
  },
  needs: 'project',
  check({ envFiles }) {
    return envFiles.flatMap((file) => checkFile(file) ?? [])
  }
})
