import { readFileSync, statSync } from 'node:fs'
import { basename, join, posix } from 'node:path'
import type { SourceFile } from './find-files.js'
import { gitignoreMatcher } from './gitignore.js'

export interface TextDoc {
  path: string
  text: string
}

/** A `.env` file as found, before parse/ reads its entries. */
export interface EnvFileText extends TextDoc {
  /** A `.gitignore` of the repository lists it: a developer's local file, never committed. */
  gitignored: boolean
}

/** `.env`, `.env.production`, `prod.env`; not `.envrc` (direnv) or `.environment`. */
export function isEnvFileName(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env')
}

/** Private key files: `server.key`, `cert.pem`, `id_rsa`. */
export function isKeyFileName(name: string): boolean {
  return /\.(?:pem|key)$/.test(name) || /^id_(?:rsa|dsa|ecdsa|ed25519)$/.test(name)
}

function readOptional(path: string): string | undefined {
  try {
    // A FIFO or device under that name would block the read forever.
    if (!statSync(path).isFile()) return undefined
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** Whether the root `.gitignore` or one in the file's folder ignores it. */
function ignoredBy(root: string, path: string): boolean {
  const dirs = [...new Set(['.', posix.dirname(path)])]
  return dirs.some((dir) => {
    const text = readOptional(join(root, dir, '.gitignore'))
    const relative = dir === '.' ? path : path.slice(dir.length + 1)
    return text !== undefined && gitignoreMatcher(text)(relative)
  })
}

/** `.env` files and private key files outside tests, as text, for the secret rules; their texts are added to `texts`. */
export function findSecretFiles(
  root: string,
  files: SourceFile[],
  texts: Map<string, string>
): { envFiles: EnvFileText[]; keyFiles: TextDoc[] } {
  const envFiles: EnvFileText[] = []
  const keyFiles: TextDoc[] = []
  for (const file of files) {
    const name = basename(file.path)
    if (file.test || file.kind !== 'config' || !(isEnvFileName(name) || isKeyFileName(name))) continue
    const text = readOptional(file.absPath)?.replace(/^\uFEFF/, '')
    if (text === undefined || text.includes('\u0000')) continue
    texts.set(file.path, text)
    if (isKeyFileName(name)) keyFiles.push({ path: file.path, text })
    else envFiles.push({ path: file.path, text, gitignored: ignoredBy(root, file.path) })
  }
  return { envFiles, keyFiles }
}
