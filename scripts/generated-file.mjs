// Writes a generated source file, or with `--check` on the command line compares it and exits 1
// when the committed copy is stale (the tests run the check).
import { readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'

export function writeOrCheck(target, text, script) {
  if (!process.argv.includes('--check')) {
    writeFileSync(target, text)
    return
  }
  let current = ''
  try {
    current = readFileSync(target, 'utf8')
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${relative(process.cwd(), target)} is stale: run \`node ${script}\` (or \`npm run bundle\`) and commit it`)
    process.exit(1)
  }
}
