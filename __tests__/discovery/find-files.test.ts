import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { findFiles, MAX_FILE_BYTES } from '../../src/discovery/find-files.js'
import { kindOf } from '../../src/scan/documents.js'

let root: string

function put(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ehg-discovery-'))
  put('package.json', '{}')
  put('src/app.js', 'const a = 1')
  put('src/routes/users.ts', 'export {}')
  put('src/types.d.ts', 'export {}')
  put('node_modules/express/index.js', 'module.exports = 1')
  put('dist/server.js', 'x')
  put('build/server.js', 'x')
  put('.git/config', 'x')
  put('public/jquery.min.js', 'x')
  put('src/big.js', 'x'.repeat(MAX_FILE_BYTES + 1))
  put('frontend/src/assets/three.js', `var THREE = {}\n${'THREE.x = function () { return 1 }\n'.repeat(9000)}`)
  put('public/js/app.js', "const key = 'x'\n")
  put('test/app.test.js', 'x')
  put('src/app.spec.ts', 'x')
  put('docker/Dockerfile.prod', 'FROM node:22')
  put('Dockerfile', 'FROM node:22')
  put('api.Dockerfile', 'FROM node:22')
  put('README.md', '# readme')
  symlinkSync(root, join(root, 'src', 'loop'))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('findFiles', () => {
  it('lists source, Dockerfiles and package.json, skipping dependencies, build output and VCS', () => {
    const { files } = findFiles(root, kindOf)
    expect(files.map((f) => f.path)).toEqual(
      [
        'api.Dockerfile',
        'docker/Dockerfile.prod',
        'Dockerfile',
        'package.json',
        'public/js/app.js',
        'src/app.js',
        'src/app.spec.ts',
        'src/routes/users.ts',
        'test/app.test.js'
      ].sort((a, b) => (a < b ? -1 : 1))
    )
  })

  it('marks tests as not production code', () => {
    const { files } = findFiles(root, kindOf)
    const tests = files
      .filter((f) => f.test)
      .map((f) => f.path)
      .sort()
    expect(tests).toEqual(['src/app.spec.ts', 'test/app.test.js'])
  })

  it('notes oversized files instead of reading them, counts generated ones in one note, and does not follow symlinks', () => {
    const { files, notes } = findFiles(root, kindOf)
    expect(notes.map((n) => n.file)).toEqual(['frontend/src/assets/three.js', 'src/big.js', '.'])
    expect(notes[0]?.message).toMatch(/vendored library/)
    // jquery.min.js is counted; types.d.ts is a declaration, not built output
    expect(notes[2]?.message).toMatch(/^skipped 1 generated file \(/)
    expect(files.some((f) => f.path.includes('loop'))).toBe(false)
  })

  it('lists files by the kinds of document the scan reads', () => {
    expect(kindOf('Dockerfile')).toBe('dockerfile')
    expect(kindOf('Dockerfile.dev')).toBe('dockerfile')
    expect(kindOf('web.Dockerfile')).toBe('dockerfile')
    expect(kindOf('Dockerfile-dev')).toBe('dockerfile')
    expect(kindOf('dockerfile')).toBe('dockerfile')
    expect(kindOf('prod.dockerfile')).toBe('dockerfile')
    expect(kindOf('dockerfile.dev')).toBe('dockerfile')
    expect(kindOf('dockerfiles.md')).toBeUndefined()
    expect(kindOf('Dockerfile.md')).toBeUndefined()
    expect(kindOf('dockerfile-parser.js')).toBe('js')
    expect(kindOf('Dockerfile.dockerignore')).toBe('dockerignore')
    expect(kindOf('.dockerignore')).toBe('dockerignore')
    expect(kindOf('docker-compose.prod.yml')).toBe('compose')
    expect(kindOf('server.mjs')).toBe('js')
    expect(kindOf('view.tsx')).toBe('js')
    expect(kindOf('package.json')).toBe('package-json')
    expect(kindOf('npm-shrinkwrap.json')).toBe('lockfile')
    expect(kindOf('.env.example')).toBe('env')
    expect(kindOf('id_rsa')).toBe('key')
    expect(kindOf('default.conf.template')).toBe('proxy')
    expect(kindOf('notes.txt')).toBeUndefined()
  })
})
