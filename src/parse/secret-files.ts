import { findSecretFiles, type TextDoc } from '../discovery/secret-files.js'
import type { SourceFile } from '../discovery/find-files.js'
import { parseDotenv, type DotenvEntry } from './dotenv.js'

export interface EnvFileDoc {
  path: string
  entries: DotenvEntry[]
  /** A `.gitignore` of the repository lists it: a developer's local file, never committed. */
  gitignored: boolean
}

/** `.env` files (parsed) and private key files (as text) outside tests, for the secret rules. */
export function readSecretFiles(
  root: string,
  files: SourceFile[],
  texts: Map<string, string>
): { envFiles: EnvFileDoc[]; keyFiles: TextDoc[] } {
  const { envFiles, keyFiles } = findSecretFiles(root, files, texts)
  return {
    envFiles: envFiles.map(({ path, text, gitignored }) => ({ path, entries: parseDotenv(text), gitignored })),
    keyFiles
  }
}
