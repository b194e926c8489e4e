import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { classify, findFiles, MAX_FILE_BYTES } from '../../src/discovery/find-files.js'

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
    const { files } = findFiles(root)
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
    const { files } = findFiles(root)
    const tests = files
      .filter((f) => f.test)
      .map((f) => f.path)
      .sort()
    expect(tests).toEqual(['src/app.spec.ts', 'test/app.test.js'])
  })

  it('notes oversized files instead of reading them, counts generated ones in one note, and does not follow symlinks', () => {
    const { files, notes } = findFiles(root)
    expect(notes.map((n) => n.file)).toEqual(['frontend/src/assets/three.js', 'src/big.js', '.'])
    expect(notes[0]?.message).toMatch(/vendored library/)
    // jquery.min.js is counted; types.d.ts is a declaration, not built output
    expect(notes[2]?.message).toMatch(/^skipped 1 generated file \(/)
    expect(files.some((f) => f.path.includes('loop'))).toBe(false)
  })

  it('classifies file names', () => {
    expect(classify('Dockerfile')).toBe('dockerfile')
    expect(classify('Dockerfile.dev')).toBe('dockerfile')
    expect(classify('web.Dockerfile')).toBe('dockerfile')
    expect(classify('Dockerfile-dev')).toBe('dockerfile')
    expect(classify('Dockerfile.dockerignore')).toBe('config')
    expect(classify('.dockerignore')).toBe('config')
    expect(classify('docker-compose.prod.yml')).toBe('config')
    expect(classify('server.mjs')).toBe('js')
    expect(classify('view.tsx')).toBe('js')
    expect(classify('package.json')).toBe('package-json')
    expect(classify('npm-shrinkwrap.json')).toBe('config')
    expect(classify('notes.txt')).toBeUndefined()
  })
})
