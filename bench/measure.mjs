// One measurement in its own process, so that its peak RSS is its own:
//
//   node bench/measure.mjs read   LIST      (a) read every file
//   node bench/measure.mjs parse  LIST      (b) read and parse every file with the project's babel options
//   node bench/measure.mjs parse-keep LIST  (b) the same, keeping every AST alive as the scan does
//   node bench/measure.mjs eslint LIST ROOT (d) eslint + eslint-plugin-security (bench/eslint-security.config.mjs)
//
// LIST is a JSON array of absolute paths (see files.mjs). Prints one JSON line:
// { ms, files, bytes, failed, maxRssKb }, where ms is the work alone (after modules are loaded).
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseJavaScript } from './babel-options.mjs'

const readText = (file) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '')

function measureRead(files) {
  let bytes = 0
  const started = performance.now()
  for (const file of files) bytes += Buffer.byteLength(readText(file))
  return { ms: performance.now() - started, files: files.length, bytes, failed: 0 }
}

function measureParse(files, keep) {
  const kept = []
  let bytes = 0
  let failed = 0
  const started = performance.now()
  for (const file of files) {
    const text = readText(file)
    bytes += Buffer.byteLength(text)
    const ast = parseJavaScript(text)
    if (!ast) failed += 1
    else if (keep) kept.push(ast.program)
  }
  const ms = performance.now() - started
  return { ms, files: files.length, bytes, failed, kept: kept.length }
}

async function measureEslint(files, root) {
  const { ESLint } = await import('eslint')
  const configFile = fileURLToPath(new URL('eslint-security.config.mjs', import.meta.url))
  let bytes = 0
  for (const file of files) bytes += Buffer.byteLength(readText(file))
  const started = performance.now()
  const eslint = new ESLint({ cwd: root, overrideConfigFile: configFile, errorOnUnmatchedPattern: false })
  const results = await eslint.lintFiles(files)
  const ms = performance.now() - started
  const failed = results.filter((r) => r.messages.some((m) => m.fatal)).length
  const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0)
  return { ms, files: results.length, bytes, failed, problems }
}

const [mode, listFile, root] = process.argv.slice(2)
const files = JSON.parse(readFileSync(listFile, 'utf8'))
let result
if (mode === 'read') result = measureRead(files)
else if (mode === 'parse') result = measureParse(files, false)
else if (mode === 'parse-keep') result = measureParse(files, true)
else if (mode === 'eslint') result = await measureEslint(files, root)
else throw new Error(`unknown mode ${mode}; expected read, parse, parse-keep or eslint`)
process.stdout.write(`${JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS })}\n`)
