// The CLI: argv in, exit code out (src/cli.ts is its entry point).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseCliArgs, USAGE, type CliOptions } from './config/cli-args.js'
import { describeError } from './common/errors.js'
import { runGate } from './pipeline.js'
import { renderMarkdown } from './render/markdown.js'
import { renderSarif } from './render/sarif.js'
import { renderJson, renderText } from './render/text.js'
import type { Report } from './report.js'
import { execProcess } from './tools/exec.js'
import { TOOL_NAME, TOOL_VERSION } from './common/version.js'

export const EXIT = { passed: 0, failed: 1, error: 2 } as const

function render(report: Report, options: CliOptions): string {
  switch (options.format) {
    case 'json':
      return renderJson(report)
    case 'markdown':
      return `${renderMarkdown(report)}\n`
    case 'sarif':
      return renderSarif(report)
    default:
      return renderText(report)
  }
}

/** The run's open findings and advisories as a baseline file, to commit for a ratchet. */
async function writeBaseline(file: string, report: Report): Promise<void> {
  // Loaded only here: the module holds the file's schema, and so zod, which a plain run never loads.
  const { baselineOf, renderBaselineFile } = await import('./baseline/file.js')
  const data = baselineOf(report.findings, report.audit)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, renderBaselineFile(data))
  const advisories =
    report.audit.status === 'ok' ? `${data.advisories.length} advisories` : `no advisories (npm audit ${report.audit.status})`
  process.stderr.write(`wrote baseline ${file}: ${data.findings.length} findings, ${advisories}\n`)
}

/** argv in, exit code out; the same pipeline as the action, with no GitHub environment. */
export async function main(argv: string[], entry: { scanWorker?: string } = {}): Promise<number> {
  try {
    const command = parseCliArgs(argv)
    if (command.kind === 'help') {
      process.stdout.write(`${USAGE}\n`)
      return EXIT.passed
    }
    if (command.kind === 'version') {
      process.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`)
      return EXIT.passed
    }
    const { options } = command
    const report = await runGate(options, { exec: execProcess, log: (line) => process.stderr.write(`${line}\n`), ...entry })
    const out = render(report, options)
    if (options.output) writeFileSync(options.output, out)
    else process.stdout.write(out)
    if (options.writeBaseline) await writeBaseline(options.writeBaseline, report)
    return report.passed ? EXIT.passed : EXIT.failed
  } catch (error) {
    // The reason may quote the repository (its config file); a runner reads `##[` in a log line as a command.
    process.stderr.write(`${TOOL_NAME}: ${describeError(error).replace(/##\[/g, '# #[')}\n`)
    return EXIT.error
  }
}
