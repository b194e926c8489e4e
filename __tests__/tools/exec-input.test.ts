import { describe, expect, it } from '@jest/globals'
import { execProcess } from '../../src/tools/exec.js'

const ECHO_STDIN = ['-e', 'process.stdin.pipe(process.stdout)']

describe('execProcess input and binary output', () => {
  it('writes the input to standard input and gives the bytes undecoded with binary', async () => {
    const bytes = '\u00e9\u0000\u00ff'
    const run = await execProcess(process.execPath, ECHO_STDIN, { cwd: '.', timeoutMs: 10_000, input: bytes, binary: true })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stdoutBytes?.equals(Buffer.from(bytes, 'utf8'))).toBe(true)
  })

  it('gives an empty standard input without input, and text output without binary', async () => {
    const run = await execProcess(process.execPath, ECHO_STDIN, { cwd: '.', timeoutMs: 10_000 })
    expect(run).toMatchObject({ code: 0, stdout: '', timedOut: false })
    expect(run.stdoutBytes).toBeUndefined()
    const text = await execProcess(process.execPath, ECHO_STDIN, { cwd: '.', timeoutMs: 10_000, input: 'line\n' })
    expect(text.stdout).toBe('line\n')
  })
})
