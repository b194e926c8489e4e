import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSingleFile } from '../../src/github/zip.js'
import { readZipEntries as readZip } from '../helpers/zip-reader.js'

const dir = mkdtempSync(join(tmpdir(), 'ehg-zip-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const SBOM = Buffer.from(
  JSON.stringify(
    {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      components: Array.from({ length: 200 }, (_, i) => ({ name: `pkg-${i}`, version: '1.0.0' }))
    },
    null,
    2
  )
)
const MODIFIED = new Date(2026, 4, 17, 13, 45, 30)

const has = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0
const UNZIP = has('unzip', ['-v'])
const PYTHON = has('python3', ['--version'])

function writeZip(name: string, zip: Buffer): string {
  const file = join(dir, name)
  writeFileSync(file, zip)
  return file
}

describe('zipSingleFile', () => {
  it('deflates a JSON file into one entry that a reader inflates back byte for byte', () => {
    const zip = zipSingleFile({ name: 'sbom.cdx.json', data: SBOM, modified: MODIFIED })
    expect(zip.length).toBeLessThan(SBOM.length / 4)
    expect(readZip(zip)).toEqual([{ name: 'sbom.cdx.json', method: 8, data: SBOM, utf8: false }])
  })

  it('stores data that deflate would only make larger, and an empty file', () => {
    const noise = randomBytes(4096)
    expect(readZip(zipSingleFile({ name: 'noise.bin', data: noise, modified: MODIFIED }))).toEqual([
      { name: 'noise.bin', method: 0, data: noise, utf8: false }
    ])
    expect(readZip(zipSingleFile({ name: 'empty', data: Buffer.alloc(0), modified: MODIFIED }))).toEqual([
      { name: 'empty', method: 0, data: Buffer.alloc(0), utf8: false }
    ])
  })

  it('flags a non-ASCII name as UTF-8', () => {
    const [entry] = readZip(zipSingleFile({ name: 'sbom-café.json', data: SBOM, modified: MODIFIED }))
    expect(entry).toMatchObject({ name: 'sbom-café.json', utf8: true })
  })

  // A zip is only right when real tools read it; CI (ubuntu-latest) has both.
  it('passes the checks of unzip and of python zipfile, whichever this machine has', () => {
    expect({ unzip: UNZIP, python3: PYTHON }).not.toEqual({ unzip: false, python3: false })
    const cases = [
      { name: 'sbom.cdx.json', data: SBOM },
      { name: 'noise.bin', data: randomBytes(1000) },
      { name: 'sbom-café.json', data: SBOM }
    ]
    for (const [i, { name, data }] of cases.entries()) {
      const file = writeZip(`case-${i}.zip`, zipSingleFile({ name, data, modified: MODIFIED }))
      if (UNZIP) {
        const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' })
        expect(test.status).toBe(0)
        expect(test.stdout).toMatch(/No errors detected/)
        const extracted = spawnSync('unzip', ['-p', file], { maxBuffer: 64 * 1024 * 1024 })
        expect(extracted.status).toBe(0)
        expect(Buffer.compare(extracted.stdout, data)).toBe(0)
      }
      if (PYTHON) {
        const script = [
          'import sys, zipfile, json',
          'z = zipfile.ZipFile(sys.argv[1])',
          'assert z.testzip() is None',
          'info = z.infolist()',
          'print(json.dumps({"names": [i.filename for i in info], "date": list(info[0].date_time), "hex": z.read(info[0]).hex()}))'
        ].join('\n')
        const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
        expect(run.stderr).toBe('')
        expect(run.status).toBe(0)
        const read = JSON.parse(run.stdout) as { names: string[]; date: number[]; hex: string }
        expect(read.names).toEqual([name])
        expect(read.date).toEqual([2026, 5, 17, 13, 45, 30])
        expect(read.hex).toBe(data.toString('hex'))
      }
    }
  })
})
