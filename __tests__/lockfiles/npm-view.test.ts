// The npm view of a pnpm or yarn project: what is read from the project, what is written to the
// temporary folder, and that nothing is written anywhere else.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { needsNpmView } from '../../src/common/lockfiles.js'
import { npmLockfileOf, workspaceFolders, writeNpmView, type NpmView } from '../../src/lockfiles/npm-view.js'
import { expectEntriesFound } from './npm-tree.js'
import { integrityOf as sri } from './registry-data.js'

let sandbox: string
let project: string
let temp: string
const views: NpmView[] = []

function put(path: string, text: string): void {
  mkdirSync(dirname(join(project, path)), { recursive: true })
  writeFileSync(join(project, path), text)
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** Every file under `dir`, relative to it, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = []
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else out.push(relative(dir, path))
    }
  }
  walk(dir)
  return out.sort()
}

function view(manager: Parameters<typeof writeNpmView>[1]): NpmView {
  const result = writeNpmView(project, manager, temp)
  if (!result.ok) throw new Error(result.error)
  views.push(result.view)
  return result.view
}

beforeEach(() => {
  // The project and the temporary root side by side in one sandbox, so a write outside the view's folder shows.
  sandbox = mkdtempSync(join(tmpdir(), 'ehg-npm-view-'))
  project = join(sandbox, 'project')
  temp = join(sandbox, 'temp')
  mkdirSync(project)
  mkdirSync(temp)
})

afterEach(() => {
  for (const v of views.splice(0)) v.remove()
  rmSync(sandbox, { recursive: true, force: true })
})

const PNPM_LOCK = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      ms:
        specifier: 2.1.3
        version: 2.1.3

  ../escape:
    dependencies:
      ms:
        specifier: 2.0.0
        version: 2.0.0

  /tmp/absolute:
    dependencies:
      ms:
        specifier: 2.0.0
        version: 2.0.0

  packages/api:
    dependencies:
      ms:
        specifier: 2.0.0
        version: 2.0.0

packages:

  ms@2.0.0:
    resolution: {integrity: ${sri('ms@2.0.0')}}

  ms@2.1.3:
    resolution: {integrity: ${sri('ms@2.1.3')}}

snapshots:

  ms@2.0.0: {}

  ms@2.1.3: {}
`

describe('writeNpmView', () => {
  it('writes package.json, each workspace’s package.json, the lockfile and .npmrc, and nothing outside its folder', () => {
    put('package.json', json({ name: 'shop', version: '1.0.0', packageManager: 'pnpm@9.1.0', dependencies: { ms: '2.1.3' } }))
    put('packages/api/package.json', json({ name: '@shop/api', version: '0.1.0', dependencies: { ms: '2.0.0' } }))
    put('pnpm-lock.yaml', PNPM_LOCK)
    put('.npmrc', '@shop:registry=https://npm.shop.example/\n')
    const before = filesUnder(sandbox)

    const v = view({ name: 'pnpm' })
    expect(relative(temp, v.dir)).toMatch(/^gate-npm-view-[^/]+$/)
    expect(filesUnder(v.dir)).toEqual(['.npmrc', 'package-lock.json', 'package.json', 'packages/api/package.json'])
    // Nothing else appeared in the sandbox: not beside the project, not above the view's folder.
    expect(filesUnder(sandbox).filter((f) => !f.startsWith(relative(sandbox, v.dir)))).toEqual(before)
    expect(existsSync(join(sandbox, 'escape'))).toBe(false)
    expect(existsSync(join(temp, 'escape'))).toBe(false)

    expect(JSON.parse(readFileSync(join(v.dir, 'package.json'), 'utf8'))).toEqual({
      name: 'shop',
      version: '1.0.0',
      dependencies: { ms: '2.1.3' },
      workspaces: ['packages/api']
    })
    expect(JSON.parse(readFileSync(join(v.dir, 'packages/api/package.json'), 'utf8'))).toEqual({
      name: '@shop/api',
      version: '0.1.0',
      dependencies: { ms: '2.0.0' }
    })
    expect(readFileSync(join(v.dir, '.npmrc'), 'utf8')).toBe('@shop:registry=https://npm.shop.example/\n')
    const lockfile = JSON.parse(readFileSync(join(v.dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> }
    expect(lockfile).toEqual(v.lockfile)
    expectEntriesFound(v.lockfile)
    expect(Object.keys(lockfile.packages)).toEqual([
      '',
      'node_modules/@shop/api',
      'node_modules/ms',
      'packages/api',
      'packages/api/node_modules/ms'
    ])
    expect(v.source).toBe('pnpm-lock.yaml')
    expect(v.skipped).toEqual([])
  })

  it('remove() deletes the folder', () => {
    put('package.json', json({ name: 'shop', dependencies: { ms: '2.1.3' } }))
    put('pnpm-lock.yaml', PNPM_LOCK)
    const v = view({ name: 'pnpm' })
    expect(existsSync(v.dir)).toBe(true)
    v.remove()
    expect(existsSync(v.dir)).toBe(false)
    expect(readdirSync(temp)).toEqual([])
  })

  it('writes no folder when the project cannot be read, and says why', () => {
    put('pnpm-lock.yaml', PNPM_LOCK)
    expect(writeNpmView(project, { name: 'pnpm' }, temp)).toMatchObject({
      ok: false,
      error: 'package.json cannot be read as JSON, so pnpm-lock.yaml cannot be matched to it'
    })
    put('package.json', '{}')
    put('pnpm-lock.yaml', "lockfileVersion: '3'\n")
    expect(writeNpmView(project, { name: 'pnpm' }, temp)).toMatchObject({
      ok: false,
      error:
        'pnpm-lock.yaml has lockfileVersion "3", which this gate cannot read (it reads 5.x, 6.x and 9.x): regenerate it with a current pnpm'
    })
    rmSync(join(project, 'pnpm-lock.yaml'))
    const missing = writeNpmView(project, { name: 'pnpm' }, temp)
    expect(missing.ok ? '' : missing.error).toMatch(/^pnpm-lock\.yaml cannot be read: /)
    expect(readdirSync(temp)).toEqual([])
  })

  it('reads a Yarn 1 project’s workspaces from its package.json globs', () => {
    put('package.json', json({ name: 'shop', private: true, workspaces: { packages: ['packages/*'] }, dependencies: { ms: '2.1.3' } }))
    put('packages/api/package.json', json({ name: '@shop/api', version: '0.1.0', dependencies: { ms: '2.0.0' } }))
    put('packages/notes/README.md', 'no package.json here\n')
    put(
      'yarn.lock',
      `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


ms@2.0.0:
  version "2.0.0"
  resolved "https://registry.yarnpkg.com/ms/-/ms-2.0.0.tgz#5608aeadfc00be6c2901df5f9861788de0d597c8"
  integrity ${sri('ms@2.0.0')}

ms@2.1.3:
  version "2.1.3"
  resolved "https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz#574c8138ce1d2b5861f0b44579dbadd60c6615b2"
  integrity ${sri('ms@2.1.3')}
`
    )
    const v = view({ name: 'yarn', yarnFlavor: 'classic' })
    expect(v.source).toBe('yarn.lock')
    expect(filesUnder(v.dir)).toEqual(['package-lock.json', 'package.json', 'packages/api/package.json'])
    expect(JSON.parse(readFileSync(join(v.dir, 'package.json'), 'utf8'))).toEqual({
      name: 'shop',
      private: true,
      dependencies: { ms: '2.1.3' },
      workspaces: ['packages/api']
    })
    expectEntriesFound(v.lockfile)
    expect(v.lockfile.packages['packages/api/node_modules/ms']).toEqual({
      version: '2.0.0',
      resolved: 'https://registry.yarnpkg.com/ms/-/ms-2.0.0.tgz',
      integrity: sri('ms@2.0.0')
    })
  })
})

describe('workspaceFolders', () => {
  it('finds the folders the globs match that hold a package.json, skipping node_modules and what a negated glob leaves out', () => {
    for (const path of [
      'packages/api/package.json',
      'packages/lib/package.json',
      'packages/lib/node_modules/dep/package.json',
      'apps/web/package.json',
      'apps/legacy/package.json',
      'tools/deep/a/b/package.json',
      'node_modules/packages/x/package.json'
    ]) {
      put(path, '{}')
    }
    put('packages/empty/.keep', '')
    expect(workspaceFolders(project, { workspaces: ['./packages/*', 'apps/*/', '!apps/legacy', 'tools/**'] })).toEqual([
      'apps/web',
      'packages/api',
      'packages/lib',
      'tools/deep/a/b'
    ])
    expect(workspaceFolders(project, { workspaces: { packages: ['apps/web'] } })).toEqual(['apps/web'])
    expect(workspaceFolders(project, {})).toEqual([])
  })
})

describe('needsNpmView and npmLockfileOf', () => {
  it('converts pnpm and yarn projects, never npm ones', () => {
    expect(needsNpmView({ name: 'pnpm' })).toBe(true)
    expect(needsNpmView({ name: 'yarn', yarnFlavor: 'berry' })).toBe(true)
    expect(needsNpmView({ name: 'npm' })).toBe(false)
    expect(needsNpmView(undefined)).toBe(false)
  })

  it('gives the lockfile in memory without writing anything', () => {
    put('package.json', json({ name: 'shop', dependencies: { ms: '2.1.3' } }))
    put('pnpm-lock.yaml', PNPM_LOCK)
    const result = npmLockfileOf(project, { name: 'pnpm' })
    expect(result.ok && result.lockfile.packages['node_modules/ms']).toMatchObject({ version: '2.1.3' })
    expect(readdirSync(temp)).toEqual([])
  })
})
