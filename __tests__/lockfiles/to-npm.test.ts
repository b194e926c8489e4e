// The npm lockfile made from a lock graph: the layout Node's lookup needs, npm's dev/optional
// flags, aliases, and what npm expects of every entry. Graphs are written by hand, as the readers
// give them; the readers' own tests run the same layout check on theirs.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Importer, LockedNode, LockGraph } from '../../src/lockfiles/graph.js'
import { npmLockfileOf } from '../../src/lockfiles/npm-view.js'
import { toNpmLockfile } from '../../src/lockfiles/to-npm.js'
import { expectEntriesFound, expectSoundTree, lookupFailures } from './npm-tree.js'

interface NodeSpec {
  deps?: Record<string, string>
  optional?: Record<string, string>
  resolved?: string
  integrity?: string
}

/** A graph from keys like `name@1.0.0` or `name@1.0.0(peer)`; an importer lists installed names to keys. */
function graphOf(importers: Array<Partial<Importer> & { path: string }>, nodes: Record<string, NodeSpec>): LockGraph {
  const made = new Map<string, LockedNode>()
  for (const [key, spec] of Object.entries(nodes)) {
    const base = key.replace(/\(.*$/, '')
    const at = base.lastIndexOf('@')
    made.set(key, {
      key,
      name: base.slice(0, at),
      version: base.slice(at + 1),
      ...(spec.resolved ? { resolved: spec.resolved } : {}),
      ...(spec.integrity ? { integrity: spec.integrity } : {}),
      dependencies: spec.deps ?? {},
      optionalDependencies: spec.optional ?? {}
    })
  }
  return {
    importers: importers.map((i) => ({ declared: {}, dependencies: {}, devDependencies: {}, optionalDependencies: {}, ...i })),
    nodes: made,
    skipped: []
  }
}

const npmUrl = (name: string, version: string): string =>
  `https://registry.npmjs.org/${name}/-/${name.replace(/^@[^/]+\//, '')}-${version}.tgz`

/** The lockfile's entries outside the project folders, as `path: version [flags]`. */
function layout(graph: LockGraph): Record<string, string> {
  const lockfile = toNpmLockfile(graph)
  expectSoundTree(graph, lockfile)
  return Object.fromEntries(
    Object.entries(lockfile.packages)
      .filter(([path, entry]) => path.includes('node_modules/') && entry.link !== true)
      .map(([path, entry]) => {
        const flags = ['dev', 'optional', 'devOptional'].filter((flag) => entry[flag] === true)
        return [path, [entry.name, entry.version, ...flags].filter((x) => x !== undefined).join(' ')]
      })
  )
}

describe('toNpmLockfile layout', () => {
  it('hoists the first version of a package and nests another under the package that needs it', () => {
    const graph = graphOf([{ path: '', dependencies: { debug: 'debug@2.6.9', ms: 'ms@2.1.3' } }], {
      'debug@2.6.9': { deps: { ms: 'ms@2.0.0' } },
      'ms@2.0.0': {},
      'ms@2.1.3': {}
    })
    expect(layout(graph)).toEqual({
      'node_modules/debug': '2.6.9',
      'node_modules/debug/node_modules/ms': '2.0.0',
      'node_modules/ms': '2.1.3'
    })
  })

  it('gives the project its own dependencies at the top level even when a dependency needs another version', () => {
    // `a` comes first and needs ms 2.0.0, but the project's own ms 2.1.3 takes the top level.
    const graph = graphOf([{ path: '', dependencies: { a: 'a@1.0.0' }, devDependencies: { ms: 'ms@2.1.3' } }], {
      'a@1.0.0': { deps: { ms: 'ms@2.0.0' } },
      'ms@2.0.0': {},
      'ms@2.1.3': {}
    })
    expect(layout(graph)).toEqual({
      'node_modules/a': '1.0.0',
      'node_modules/a/node_modules/ms': '2.0.0',
      'node_modules/ms': '2.1.3 dev'
    })
  })

  it('nests as deep as Node needs when versions alternate down a chain', () => {
    // c@1 -> b@2 -> c@2 -> b@1: each finds the other version one level up, so each nests.
    const graph = graphOf([{ path: '', dependencies: { b: 'b@1.0.0', c: 'c@1.0.0' } }], {
      'b@1.0.0': {},
      'b@2.0.0': { deps: { c: 'c@2.0.0' } },
      'c@1.0.0': { deps: { b: 'b@2.0.0' } },
      'c@2.0.0': { deps: { b: 'b@1.0.0' } }
    })
    expect(layout(graph)).toEqual({
      'node_modules/b': '1.0.0',
      'node_modules/c': '1.0.0',
      'node_modules/c/node_modules/b': '2.0.0',
      'node_modules/c/node_modules/b/node_modules/c': '2.0.0',
      'node_modules/c/node_modules/b/node_modules/c/node_modules/b': '1.0.0'
    })
  })

  it('places one entry for two keys of one version (pnpm peer variants, Yarn 1 duplicate entries)', () => {
    const graph = graphOf([{ path: '', dependencies: { a: 'a@1.0.0', b: 'b@1.0.0' } }], {
      'a@1.0.0': { deps: { hook: 'hook@1.0.0(react@18.2.0)' } },
      'b@1.0.0': { deps: { hook: 'hook@1.0.0(react@17.0.2)' } },
      'hook@1.0.0(react@18.2.0)': {},
      'hook@1.0.0(react@17.0.2)': {}
    })
    expect(layout(graph)).toEqual({ 'node_modules/a': '1.0.0', 'node_modules/b': '1.0.0', 'node_modules/hook': '1.0.0' })
  })

  it('gives each workspace its folder, a link, and its own copy of a version the root does not hoist', () => {
    const graph = graphOf(
      [
        { path: '', name: 'shop', version: '1.0.0', dependencies: { ms: 'ms@2.1.3' } },
        {
          path: 'packages/api',
          name: '@shop/api',
          version: '0.1.0',
          declared: { dependencies: { ms: '2.0.0' } },
          dependencies: { ms: 'ms@2.0.0' }
        }
      ],
      { 'ms@2.0.0': {}, 'ms@2.1.3': {} }
    )
    const lockfile = toNpmLockfile(graph)
    expectSoundTree(graph, lockfile)
    expect(lockfile).toEqual({
      name: 'shop',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'shop', version: '1.0.0' },
        'node_modules/@shop/api': { resolved: 'packages/api', link: true },
        'node_modules/ms': { version: '2.1.3', resolved: npmUrl('ms', '2.1.3') },
        'packages/api': { name: '@shop/api', version: '0.1.0', dependencies: { ms: '2.0.0' } },
        'packages/api/node_modules/ms': { version: '2.0.0', resolved: npmUrl('ms', '2.0.0') }
      }
    })
  })

  it('lays out a workspace inside another as Node looks up from it: through the outer one’s node_modules', () => {
    const graph = graphOf(
      [
        { path: '', dependencies: { ms: 'ms@2.1.3' } },
        { path: 'packages/api', name: 'api', dependencies: { ms: 'ms@2.0.0' } },
        { path: 'packages/api/examples/basic', name: 'basic', dependencies: { ms: 'ms@2.1.3' } }
      ],
      { 'ms@2.0.0': {}, 'ms@2.1.3': {} }
    )
    expect(layout(graph)).toEqual({
      'node_modules/ms': '2.1.3',
      'packages/api/examples/basic/node_modules/ms': '2.1.3',
      'packages/api/node_modules/ms': '2.0.0'
    })
  })

  it('ends on cycles: between packages, through the project, and between versions', () => {
    const same = graphOf([{ path: '', dependencies: { a: 'a@1.0.0' } }], {
      'a@1.0.0': { deps: { b: 'b@1.0.0' } },
      'b@1.0.0': { deps: { a: 'a@1.0.0', b: 'b@1.0.0' } }
    })
    expect(layout(same)).toEqual({ 'node_modules/a': '1.0.0', 'node_modules/b': '1.0.0' })

    // a@1 -> b@1 -> a@2 -> b@2 -> a@1: Node would need endless nesting; the layout stops.
    const versions = graphOf([{ path: '', dependencies: { a: 'a@1.0.0' } }], {
      'a@1.0.0': { deps: { b: 'b@1.0.0' } },
      'a@2.0.0': { deps: { b: 'b@2.0.0' } },
      'b@1.0.0': { deps: { a: 'a@2.0.0' } },
      'b@2.0.0': { deps: { a: 'a@1.0.0' } }
    })
    const lockfile = toNpmLockfile(versions)
    const paths = Object.keys(lockfile.packages).filter((p) => p !== '')
    expect(paths.length).toBeGreaterThan(4)
    expect(paths.length).toBeLessThanOrEqual(41)
    // Only the deepest entry misses its dependency: everything above it is laid out right.
    expect(lookupFailures(versions, lockfile)).toHaveLength(1)
  })

  it('ends quickly when version cycles branch', () => {
    // Each level of the alternation holds two packages that both nest the next level, so the tree
    // doubles every two levels; it must stay bounded rather than grow to 2^20 entries.
    const nodes: Record<string, NodeSpec> = {}
    for (const version of ['1.0.0', '2.0.0']) {
      const other = version === '1.0.0' ? '2.0.0' : '1.0.0'
      nodes[`a@${version}`] = { deps: { b: `b@${version}`, c: `c@${version}` } }
      nodes[`b@${version}`] = { deps: { a: `a@${other}` } }
      nodes[`c@${version}`] = { deps: { a: `a@${other}` } }
    }
    const graph = graphOf([{ path: '', dependencies: { a: 'a@1.0.0' } }], nodes)
    const started = Date.now()
    const lockfile = toNpmLockfile(graph)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(Object.keys(lockfile.packages).length).toBeLessThan(10_000)
  })
})

describe('toNpmLockfile flags', () => {
  it('marks what only devDependencies reach dev, what only optional edges reach optional, and both devOptional', () => {
    const graph = graphOf(
      [
        {
          path: '',
          dependencies: { app: 'app@1.0.0' },
          devDependencies: { jest: 'jest@29.0.0', shared: 'shared@1.0.0' },
          optionalDependencies: { 'opt-root': 'opt-root@1.0.0' }
        }
      ],
      {
        'app@1.0.0': { deps: { shared: 'shared@1.0.0' }, optional: { fsevents: 'fsevents@2.3.3' } },
        'shared@1.0.0': {},
        'fsevents@2.3.3': {},
        'jest@29.0.0': { deps: { 'dev-and-opt': 'dev-and-opt@1.0.0' }, optional: { 'dev-opt': 'dev-opt@1.0.0' } },
        'dev-opt@1.0.0': {},
        'opt-root@1.0.0': { deps: { 'dev-and-opt': 'dev-and-opt@1.0.0', 'opt-child': 'opt-child@1.0.0' } },
        'opt-child@1.0.0': {},
        'dev-and-opt@1.0.0': {}
      }
    )
    expect(layout(graph)).toEqual({
      'node_modules/app': '1.0.0',
      // A dev dependency that production code needs too is neither.
      'node_modules/shared': '1.0.0',
      'node_modules/fsevents': '2.3.3 optional',
      'node_modules/jest': '29.0.0 dev',
      // Reached only from dev, and only through an optional edge: both flags.
      'node_modules/dev-opt': '1.0.0 dev optional',
      'node_modules/opt-root': '1.0.0 optional',
      'node_modules/opt-child': '1.0.0 optional',
      // Optional for production, required for development.
      'node_modules/dev-and-opt': '1.0.0 devOptional'
    })
  })

  it('flags the entry that two keys of one version share by what reaches either of them', () => {
    // The dev dependency reaches its variant of `hook` first, so that variant is the one placed;
    // production reaches the other variant through `lib`, and --omit=dev must keep the package.
    const graph = graphOf([{ path: '', dependencies: { app: 'app@1.0.0' }, devDependencies: { tool: 'tool@1.0.0' } }], {
      'app@1.0.0': { deps: { lib: 'lib@1.0.0' } },
      'lib@1.0.0': { deps: { hook: 'hook@1.0.0(react@18.2.0)' } },
      'tool@1.0.0': { deps: { hook: 'hook@1.0.0(react@17.0.2)' } },
      'hook@1.0.0(react@17.0.2)': {},
      'hook@1.0.0(react@18.2.0)': {}
    })
    expect(layout(graph)).toEqual({
      'node_modules/app': '1.0.0',
      'node_modules/hook': '1.0.0',
      'node_modules/lib': '1.0.0',
      'node_modules/tool': '1.0.0 dev'
    })
  })
})

describe('toNpmLockfile entries', () => {
  it('names the package behind an alias and pins aliased edges as `npm:` specs', () => {
    const graph = graphOf([{ path: '', dependencies: { cliui: 'cliui@8.0.1', 'string-width-cjs': 'string-width@4.2.3' } }], {
      'cliui@8.0.1': { deps: { 'wrap-ansi': 'wrap-ansi@7.0.0', 'string-width-cjs': 'string-width@4.2.3' } },
      'wrap-ansi@7.0.0': {},
      'string-width@4.2.3': {}
    })
    const lockfile = toNpmLockfile(graph)
    expectSoundTree(graph, lockfile)
    expect(lockfile.packages['node_modules/string-width-cjs']).toEqual({
      name: 'string-width',
      version: '4.2.3',
      resolved: npmUrl('string-width', '4.2.3')
    })
    expect(lockfile.packages['node_modules/cliui']).toEqual({
      version: '8.0.1',
      resolved: npmUrl('cliui', '8.0.1'),
      dependencies: { 'wrap-ansi': '7.0.0', 'string-width-cjs': 'npm:string-width@4.2.3' }
    })
    expect(lockfile.packages['node_modules/string-width']).toBeUndefined()
  })

  it('keeps a recorded tarball URL and integrity, and synthesises the npm registry URL otherwise, scoped names included', () => {
    const graph = graphOf([{ path: '', dependencies: { '@acme/logger': '@acme/logger@2.1.0', '@types/node': '@types/node@20.11.0' } }], {
      '@acme/logger@2.1.0': { resolved: 'https://npm.acme.example/@acme/logger/-/logger-2.1.0.tgz', integrity: 'sha512-bG9nZ2Vy' },
      '@types/node@20.11.0': {}
    })
    const lockfile = toNpmLockfile(graph)
    expect(lockfile.packages['node_modules/@acme/logger']).toEqual({
      version: '2.1.0',
      resolved: 'https://npm.acme.example/@acme/logger/-/logger-2.1.0.tgz',
      integrity: 'sha512-bG9nZ2Vy'
    })
    expect(lockfile.packages['node_modules/@types/node']).toEqual({
      version: '20.11.0',
      resolved: 'https://registry.npmjs.org/@types/node/-/node-20.11.0.tgz'
    })
  })

  it('sorts the entries by path, as npm writes them', () => {
    const graph = graphOf(
      [
        { path: '', dependencies: { zod: 'zod@3.22.4', '@b/x': '@b/x@1.0.0', a: 'a@1.0.0' } },
        { path: 'apps/web', name: 'web', dependencies: { a: 'a@2.0.0' } }
      ],
      { 'zod@3.22.4': {}, '@b/x@1.0.0': {}, 'a@1.0.0': {}, 'a@2.0.0': {} }
    )
    expect(Object.keys(toNpmLockfile(graph).packages)).toEqual([
      '',
      'apps/web',
      'apps/web/node_modules/a',
      'node_modules/@b/x',
      'node_modules/a',
      'node_modules/web',
      'node_modules/zod'
    ])
  })
})

describe('the package-manager fixtures', () => {
  const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'package-managers')
  const npmLock = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'vulnerable-app', 'package-lock.json'), 'utf8')
  ) as {
    packages: Record<string, { name?: string; version?: string; link?: boolean }>
  }
  const ids = (packages: Record<string, Record<string, unknown>>): string[] =>
    [
      ...new Set(
        Object.entries(packages)
          .filter(([path]) => path.startsWith('node_modules/'))
          .map(([path, e]) => `${String(e.name ?? path.slice(path.lastIndexOf('node_modules/') + 13))}@${String(e.version)}`)
      )
    ].sort()

  it.each([
    ['pnpm', { name: 'pnpm' }],
    ['yarn-classic', { name: 'yarn', yarnFlavor: 'classic' }],
    ['yarn-berry', { name: 'yarn', yarnFlavor: 'berry' }]
  ] as const)('%s gives the packages of the sample app’s npm lockfile, each found by Node', (folder, manager) => {
    const converted = npmLockfileOf(join(FIXTURES, folder), manager)
    if (!converted.ok) throw new Error(converted.error)
    expectEntriesFound(converted.lockfile)
    expect(ids(converted.lockfile.packages)).toEqual(ids(npmLock.packages as Record<string, Record<string, unknown>>))
  })
})
