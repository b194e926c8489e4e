// pnpm-lock.yaml read into the lock graph: lockfiles as pnpm writes them (pnpm 12 for 9.0, pnpm 8
// for 6.0, pnpm 7 for 5.4, each from `pnpm install --lockfile-only`), trimmed to what each case needs.
import { describe, expect, it } from '@jest/globals'
import type { GraphRead, LockGraph } from '../../src/lockfiles/graph.js'
import { readPnpmLockfile } from '../../src/lockfiles/pnpm.js'
import { toNpmLockfile } from '../../src/lockfiles/to-npm.js'
import { expectSoundTree } from './npm-tree.js'
import { integrityOf as sri, lockedNode } from './registry-data.js'

type Json = Record<string, unknown>

function graphOf(read: GraphRead): LockGraph {
  if (!read.ok) throw new Error(read.error)
  return read.graph
}

function read(text: string, manifests: Record<string, Json> = {}): LockGraph {
  return graphOf(readPnpmLockfile(text, (path) => manifests[path]))
}

const ROOT_DEPENDENCIES = {
  'use-sync-external-store': '1.2.0',
  react: '18.2.0',
  'string-width-cjs': 'npm:string-width@^4.2.3',
  'string-width': '^5.1.2',
  'tiny-greeting': 'file:vendor/tiny-greeting-1.0.0.tgz'
}

const WORKSPACE_MANIFESTS: Record<string, Json> = {
  '': {
    name: 'shop',
    version: '1.0.0',
    private: true,
    dependencies: ROOT_DEPENDENCIES,
    devDependencies: { '@types/node': '20.11.0' },
    optionalDependencies: { 'is-number': '7.0.0' }
  },
  'packages/api': { name: '@shop/api', version: '0.1.0', dependencies: { '@shop/lib': 'workspace:*', ms: '2.1.3' } },
  'packages/lib': { name: '@shop/lib', version: '0.2.0', dependencies: { ms: '2.0.0' } }
}

const PNPM_9_WORKSPACE = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      react:
        specifier: 18.2.0
        version: 18.2.0
      string-width:
        specifier: ^5.1.2
        version: 5.1.2
      string-width-cjs:
        specifier: npm:string-width@^4.2.3
        version: string-width@4.2.3
      tiny-greeting:
        specifier: file:vendor/tiny-greeting-1.0.0.tgz
        version: file:vendor/tiny-greeting-1.0.0.tgz
      use-sync-external-store:
        specifier: 1.2.0
        version: 1.2.0(react@18.2.0)
    devDependencies:
      '@types/node':
        specifier: 20.11.0
        version: 20.11.0
    optionalDependencies:
      is-number:
        specifier: 7.0.0
        version: 7.0.0

  packages/api:
    dependencies:
      '@shop/lib':
        specifier: workspace:*
        version: link:../lib
      ms:
        specifier: 2.1.3
        version: 2.1.3

  packages/lib:
    dependencies:
      ms:
        specifier: 2.0.0
        version: 2.0.0

packages:

  '@types/node@20.11.0':
    resolution: {integrity: ${sri('@types/node@20.11.0')}}

  ansi-regex@5.0.1:
    resolution: {integrity: ${sri('ansi-regex@5.0.1')}}
    engines: {node: '>=8'}

  ansi-regex@6.6.0:
    resolution: {integrity: ${sri('ansi-regex@6.6.0')}}
    engines: {node: '>=12'}

  eastasianwidth@0.2.0:
    resolution: {integrity: ${sri('eastasianwidth@0.2.0')}}

  emoji-regex@8.0.0:
    resolution: {integrity: ${sri('emoji-regex@8.0.0')}}

  emoji-regex@9.2.2:
    resolution: {integrity: ${sri('emoji-regex@9.2.2')}}

  is-fullwidth-code-point@3.0.0:
    resolution: {integrity: ${sri('is-fullwidth-code-point@3.0.0')}}
    engines: {node: '>=8'}

  is-number@7.0.0:
    resolution: {integrity: ${sri('is-number@7.0.0')}}
    engines: {node: '>=0.12.0'}

  js-tokens@4.0.0:
    resolution: {integrity: ${sri('js-tokens@4.0.0')}}

  loose-envify@1.4.0:
    resolution: {integrity: ${sri('loose-envify@1.4.0')}}
    hasBin: true

  ms@2.0.0:
    resolution: {integrity: ${sri('ms@2.0.0')}}

  ms@2.1.3:
    resolution: {integrity: ${sri('ms@2.1.3')}}

  react@18.2.0:
    resolution: {integrity: ${sri('react@18.2.0')}}
    engines: {node: '>=0.10.0'}

  string-width@4.2.3:
    resolution: {integrity: ${sri('string-width@4.2.3')}}
    engines: {node: '>=8'}

  string-width@5.1.2:
    resolution: {integrity: ${sri('string-width@5.1.2')}}
    engines: {node: '>=12'}

  strip-ansi@6.0.1:
    resolution: {integrity: ${sri('strip-ansi@6.0.1')}}
    engines: {node: '>=8'}

  strip-ansi@7.2.0:
    resolution: {integrity: ${sri('strip-ansi@7.2.0')}}
    engines: {node: '>=12'}

  tiny-greeting@file:vendor/tiny-greeting-1.0.0.tgz:
    resolution: {integrity: sha512-B3DyjlOVoSFYB+/On4t0W+oWeepWE1jxBkZuSOdwtOTBkqbn4U0HLFWz5YPUAHpSsaqAOxxgfqc5tiPWufcqEA==, tarball: file:vendor/tiny-greeting-1.0.0.tgz}
    version: 1.0.0

  undici-types@5.26.5:
    resolution: {integrity: ${sri('undici-types@5.26.5')}}

  use-sync-external-store@1.2.0:
    resolution: {integrity: ${sri('use-sync-external-store@1.2.0')}}
    peerDependencies:
      react: ^16.8.0 || ^17.0.0 || ^18.0.0

snapshots:

  '@types/node@20.11.0':
    dependencies:
      undici-types: 5.26.5

  ansi-regex@5.0.1: {}

  ansi-regex@6.6.0: {}

  eastasianwidth@0.2.0: {}

  emoji-regex@8.0.0: {}

  emoji-regex@9.2.2: {}

  is-fullwidth-code-point@3.0.0: {}

  is-number@7.0.0:
    optional: true

  js-tokens@4.0.0: {}

  loose-envify@1.4.0:
    dependencies:
      js-tokens: 4.0.0

  ms@2.0.0: {}

  ms@2.1.3: {}

  react@18.2.0:
    dependencies:
      loose-envify: 1.4.0

  string-width@4.2.3:
    dependencies:
      emoji-regex: 8.0.0
      is-fullwidth-code-point: 3.0.0
      strip-ansi: 6.0.1

  string-width@5.1.2:
    dependencies:
      eastasianwidth: 0.2.0
      emoji-regex: 9.2.2
      strip-ansi: 7.2.0

  strip-ansi@6.0.1:
    dependencies:
      ansi-regex: 5.0.1

  strip-ansi@7.2.0:
    dependencies:
      ansi-regex: 6.6.0

  tiny-greeting@file:vendor/tiny-greeting-1.0.0.tgz: {}

  undici-types@5.26.5: {}

  use-sync-external-store@1.2.0(react@18.2.0):
    dependencies:
      react: 18.2.0
`

/** The graph of a single project locking the same packages: what 6.0 and 5.4 give alike. */
function singleProjectNodes(key: (name: string, version: string) => string, peerKey: string): LockGraph['nodes'] {
  const k = key
  return new Map(
    [
      lockedNode(k('@types/node', '20.11.0'), '@types/node@20.11.0', { 'undici-types': k('undici-types', '5.26.5') }),
      lockedNode(k('undici-types', '5.26.5'), 'undici-types@5.26.5'),
      lockedNode(k('react', '18.2.0'), 'react@18.2.0', { 'loose-envify': k('loose-envify', '1.4.0') }),
      lockedNode(k('loose-envify', '1.4.0'), 'loose-envify@1.4.0', { 'js-tokens': k('js-tokens', '4.0.0') }),
      lockedNode(k('js-tokens', '4.0.0'), 'js-tokens@4.0.0'),
      lockedNode(k('string-width', '4.2.3'), 'string-width@4.2.3', {
        'emoji-regex': k('emoji-regex', '8.0.0'),
        'is-fullwidth-code-point': k('is-fullwidth-code-point', '3.0.0'),
        'strip-ansi': k('strip-ansi', '6.0.1')
      }),
      lockedNode(k('emoji-regex', '8.0.0'), 'emoji-regex@8.0.0'),
      lockedNode(k('is-fullwidth-code-point', '3.0.0'), 'is-fullwidth-code-point@3.0.0'),
      lockedNode(k('strip-ansi', '6.0.1'), 'strip-ansi@6.0.1', { 'ansi-regex': k('ansi-regex', '5.0.1') }),
      lockedNode(k('ansi-regex', '5.0.1'), 'ansi-regex@5.0.1'),
      lockedNode(k('string_decoder', '1.3.0'), 'string_decoder@1.3.0', { 'safe-buffer': k('safe-buffer', '5.2.1') }),
      lockedNode(k('safe-buffer', '5.2.1'), 'safe-buffer@5.2.1'),
      lockedNode(peerKey, 'use-sync-external-store@1.2.0', { react: k('react', '18.2.0') }),
      lockedNode(k('is-number', '7.0.0'), 'is-number@7.0.0')
    ].map((n) => [n.key, n])
  )
}

const SINGLE_MANIFEST: Json = {
  name: 'shop',
  version: '1.0.0',
  dependencies: {
    'use-sync-external-store': '1.2.0',
    react: '18.2.0',
    'string-width-cjs': 'npm:string-width@^4.2.3',
    string_decoder: '1.3.0'
  },
  devDependencies: { '@types/node': '20.11.0' },
  optionalDependencies: { 'is-number': '7.0.0' }
}

const PNPM_6_SINGLE = `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

dependencies:
  react:
    specifier: 18.2.0
    version: 18.2.0
  string-width-cjs:
    specifier: npm:string-width@^4.2.3
    version: /string-width@4.2.3
  string_decoder:
    specifier: 1.3.0
    version: 1.3.0
  use-sync-external-store:
    specifier: 1.2.0
    version: 1.2.0(react@18.2.0)

optionalDependencies:
  is-number:
    specifier: 7.0.0
    version: 7.0.0

devDependencies:
  '@types/node':
    specifier: 20.11.0
    version: 20.11.0

packages:

  /@types/node@20.11.0:
    resolution: {integrity: ${sri('@types/node@20.11.0')}}
    dependencies:
      undici-types: 5.26.5
    dev: true

  /ansi-regex@5.0.1:
    resolution: {integrity: ${sri('ansi-regex@5.0.1')}}
    engines: {node: '>=8'}
    dev: false

  /emoji-regex@8.0.0:
    resolution: {integrity: ${sri('emoji-regex@8.0.0')}}
    dev: false

  /is-fullwidth-code-point@3.0.0:
    resolution: {integrity: ${sri('is-fullwidth-code-point@3.0.0')}}
    engines: {node: '>=8'}
    dev: false

  /is-number@7.0.0:
    resolution: {integrity: ${sri('is-number@7.0.0')}}
    engines: {node: '>=0.12.0'}
    requiresBuild: true
    dev: false
    optional: true

  /js-tokens@4.0.0:
    resolution: {integrity: ${sri('js-tokens@4.0.0')}}
    dev: false

  /loose-envify@1.4.0:
    resolution: {integrity: ${sri('loose-envify@1.4.0')}}
    hasBin: true
    dependencies:
      js-tokens: 4.0.0
    dev: false

  /react@18.2.0:
    resolution: {integrity: ${sri('react@18.2.0')}}
    engines: {node: '>=0.10.0'}
    dependencies:
      loose-envify: 1.4.0
    dev: false

  /safe-buffer@5.2.1:
    resolution: {integrity: ${sri('safe-buffer@5.2.1')}}
    dev: false

  /string-width@4.2.3:
    resolution: {integrity: ${sri('string-width@4.2.3')}}
    engines: {node: '>=8'}
    dependencies:
      emoji-regex: 8.0.0
      is-fullwidth-code-point: 3.0.0
      strip-ansi: 6.0.1
    dev: false

  /string_decoder@1.3.0:
    resolution: {integrity: ${sri('string_decoder@1.3.0')}}
    dependencies:
      safe-buffer: 5.2.1
    dev: false

  /strip-ansi@6.0.1:
    resolution: {integrity: ${sri('strip-ansi@6.0.1')}}
    engines: {node: '>=8'}
    dependencies:
      ansi-regex: 5.0.1
    dev: false

  /undici-types@5.26.5:
    resolution: {integrity: ${sri('undici-types@5.26.5')}}
    dev: true

  /use-sync-external-store@1.2.0(react@18.2.0):
    resolution: {integrity: ${sri('use-sync-external-store@1.2.0')}}
    peerDependencies:
      react: ^16.8.0 || ^17.0.0 || ^18.0.0
    dependencies:
      react: 18.2.0
    dev: false
`

const PNPM_5_SINGLE = `lockfileVersion: 5.4

specifiers:
  '@types/node': 20.11.0
  is-number: 7.0.0
  react: 18.2.0
  string-width-cjs: npm:string-width@^4.2.3
  string_decoder: 1.3.0
  use-sync-external-store: 1.2.0

dependencies:
  react: 18.2.0
  string-width-cjs: /string-width/4.2.3
  string_decoder: 1.3.0
  use-sync-external-store: 1.2.0_react@18.2.0

optionalDependencies:
  is-number: 7.0.0

devDependencies:
  '@types/node': 20.11.0

packages:

  /@types/node/20.11.0:
    resolution: {integrity: ${sri('@types/node@20.11.0')}}
    dependencies:
      undici-types: 5.26.5
    dev: true

  /ansi-regex/5.0.1:
    resolution: {integrity: ${sri('ansi-regex@5.0.1')}}
    engines: {node: '>=8'}
    dev: false

  /emoji-regex/8.0.0:
    resolution: {integrity: ${sri('emoji-regex@8.0.0')}}
    dev: false

  /is-fullwidth-code-point/3.0.0:
    resolution: {integrity: ${sri('is-fullwidth-code-point@3.0.0')}}
    engines: {node: '>=8'}
    dev: false

  /is-number/7.0.0:
    resolution: {integrity: ${sri('is-number@7.0.0')}}
    engines: {node: '>=0.12.0'}
    requiresBuild: true
    dev: false
    optional: true

  /js-tokens/4.0.0:
    resolution: {integrity: ${sri('js-tokens@4.0.0')}}
    dev: false

  /loose-envify/1.4.0:
    resolution: {integrity: ${sri('loose-envify@1.4.0')}}
    hasBin: true
    dependencies:
      js-tokens: 4.0.0
    dev: false

  /react/18.2.0:
    resolution: {integrity: ${sri('react@18.2.0')}}
    engines: {node: '>=0.10.0'}
    dependencies:
      loose-envify: 1.4.0
    dev: false

  /safe-buffer/5.2.1:
    resolution: {integrity: ${sri('safe-buffer@5.2.1')}}
    dev: false

  /string-width/4.2.3:
    resolution: {integrity: ${sri('string-width@4.2.3')}}
    engines: {node: '>=8'}
    dependencies:
      emoji-regex: 8.0.0
      is-fullwidth-code-point: 3.0.0
      strip-ansi: 6.0.1
    dev: false

  /string_decoder/1.3.0:
    resolution: {integrity: ${sri('string_decoder@1.3.0')}}
    dependencies:
      safe-buffer: 5.2.1
    dev: false

  /strip-ansi/6.0.1:
    resolution: {integrity: ${sri('strip-ansi@6.0.1')}}
    engines: {node: '>=8'}
    dependencies:
      ansi-regex: 5.0.1
    dev: false

  /undici-types/5.26.5:
    resolution: {integrity: ${sri('undici-types@5.26.5')}}
    dev: true

  /use-sync-external-store/1.2.0_react@18.2.0:
    resolution: {integrity: ${sri('use-sync-external-store@1.2.0')}}
    peerDependencies:
      react: ^16.8.0 || ^17.0.0 || ^18.0.0
    dependencies:
      react: 18.2.0
    dev: false
`

describe('readPnpmLockfile, lockfile 9.0', () => {
  const graph = read(PNPM_9_WORKSPACE, WORKSPACE_MANIFESTS)

  it('reads each importer with its package.json and the entries its lists resolve to', () => {
    expect(graph.importers).toEqual([
      {
        path: '',
        name: 'shop',
        version: '1.0.0',
        declared: {
          dependencies: ROOT_DEPENDENCIES,
          devDependencies: { '@types/node': '20.11.0' },
          optionalDependencies: { 'is-number': '7.0.0' }
        },
        dependencies: {
          react: 'react@18.2.0',
          'string-width': 'string-width@5.1.2',
          // An alias points at the entry of the package it installs.
          'string-width-cjs': 'string-width@4.2.3',
          // The peer suffix is part of the key: it names the snapshot, whose resolution is the bare entry's.
          'use-sync-external-store': 'use-sync-external-store@1.2.0(react@18.2.0)'
        },
        devDependencies: { '@types/node': '@types/node@20.11.0' },
        optionalDependencies: { 'is-number': 'is-number@7.0.0' }
      },
      {
        path: 'packages/api',
        name: '@shop/api',
        version: '0.1.0',
        declared: { dependencies: { '@shop/lib': 'workspace:*', ms: '2.1.3' } },
        // The `link:` to the other workspace is the workspace itself, not a package to audit.
        dependencies: { ms: 'ms@2.1.3' },
        devDependencies: {},
        optionalDependencies: {}
      },
      {
        path: 'packages/lib',
        name: '@shop/lib',
        version: '0.2.0',
        declared: { dependencies: { ms: '2.0.0' } },
        dependencies: { ms: 'ms@2.0.0' },
        devDependencies: {},
        optionalDependencies: {}
      }
    ])
  })

  it('makes a node of every registry package reached, with its integrity and its snapshot dependencies', () => {
    const expected = [
      lockedNode('react@18.2.0', 'react@18.2.0', { 'loose-envify': 'loose-envify@1.4.0' }),
      lockedNode('loose-envify@1.4.0', 'loose-envify@1.4.0', { 'js-tokens': 'js-tokens@4.0.0' }),
      lockedNode('js-tokens@4.0.0', 'js-tokens@4.0.0'),
      lockedNode('string-width@5.1.2', 'string-width@5.1.2', {
        eastasianwidth: 'eastasianwidth@0.2.0',
        'emoji-regex': 'emoji-regex@9.2.2',
        'strip-ansi': 'strip-ansi@7.2.0'
      }),
      lockedNode('eastasianwidth@0.2.0', 'eastasianwidth@0.2.0'),
      lockedNode('emoji-regex@9.2.2', 'emoji-regex@9.2.2'),
      lockedNode('strip-ansi@7.2.0', 'strip-ansi@7.2.0', { 'ansi-regex': 'ansi-regex@6.6.0' }),
      lockedNode('ansi-regex@6.6.0', 'ansi-regex@6.6.0'),
      lockedNode('string-width@4.2.3', 'string-width@4.2.3', {
        'emoji-regex': 'emoji-regex@8.0.0',
        'is-fullwidth-code-point': 'is-fullwidth-code-point@3.0.0',
        'strip-ansi': 'strip-ansi@6.0.1'
      }),
      lockedNode('emoji-regex@8.0.0', 'emoji-regex@8.0.0'),
      lockedNode('is-fullwidth-code-point@3.0.0', 'is-fullwidth-code-point@3.0.0'),
      lockedNode('strip-ansi@6.0.1', 'strip-ansi@6.0.1', { 'ansi-regex': 'ansi-regex@5.0.1' }),
      lockedNode('ansi-regex@5.0.1', 'ansi-regex@5.0.1'),
      lockedNode('use-sync-external-store@1.2.0(react@18.2.0)', 'use-sync-external-store@1.2.0', { react: 'react@18.2.0' }),
      lockedNode('is-number@7.0.0', 'is-number@7.0.0'),
      lockedNode('@types/node@20.11.0', '@types/node@20.11.0', { 'undici-types': 'undici-types@5.26.5' }),
      lockedNode('undici-types@5.26.5', 'undici-types@5.26.5'),
      lockedNode('ms@2.1.3', 'ms@2.1.3'),
      lockedNode('ms@2.0.0', 'ms@2.0.0')
    ]
    expect(Object.fromEntries(graph.nodes)).toEqual(Object.fromEntries(expected.map((n) => [n.key, n])))
  })

  it('records the file: tarball as skipped, and the workspace link not at all', () => {
    expect(graph.skipped).toEqual(['tiny-greeting (file:vendor/tiny-greeting-1.0.0.tgz)'])
  })

  it('gives an npm lockfile in which Node finds every pinned package', () => {
    const lockfile = toNpmLockfile(graph)
    expectSoundTree(graph, lockfile)
    const url = (name: string, file: string): string => `https://registry.npmjs.org/${name}/-/${file}.tgz`
    expect(lockfile.packages).toEqual({
      '': {
        name: 'shop',
        version: '1.0.0',
        // Pinned versions npm can check; the file: dependency it could not find is left out.
        dependencies: {
          'use-sync-external-store': '1.2.0',
          react: '18.2.0',
          'string-width-cjs': 'npm:string-width@4.2.3',
          'string-width': '5.1.2'
        },
        devDependencies: { '@types/node': '20.11.0' },
        optionalDependencies: { 'is-number': '7.0.0' }
      },
      'node_modules/@shop/api': { resolved: 'packages/api', link: true },
      'node_modules/@shop/lib': { resolved: 'packages/lib', link: true },
      'node_modules/@types/node': {
        version: '20.11.0',
        resolved: url('@types/node', 'node-20.11.0'),
        integrity: sri('@types/node@20.11.0'),
        dev: true,
        dependencies: { 'undici-types': '5.26.5' }
      },
      'node_modules/ansi-regex': { version: '6.6.0', resolved: url('ansi-regex', 'ansi-regex-6.6.0'), integrity: sri('ansi-regex@6.6.0') },
      'node_modules/eastasianwidth': {
        version: '0.2.0',
        resolved: url('eastasianwidth', 'eastasianwidth-0.2.0'),
        integrity: sri('eastasianwidth@0.2.0')
      },
      'node_modules/emoji-regex': {
        version: '9.2.2',
        resolved: url('emoji-regex', 'emoji-regex-9.2.2'),
        integrity: sri('emoji-regex@9.2.2')
      },
      'node_modules/is-fullwidth-code-point': {
        version: '3.0.0',
        resolved: url('is-fullwidth-code-point', 'is-fullwidth-code-point-3.0.0'),
        integrity: sri('is-fullwidth-code-point@3.0.0')
      },
      'node_modules/is-number': {
        version: '7.0.0',
        resolved: url('is-number', 'is-number-7.0.0'),
        integrity: sri('is-number@7.0.0'),
        optional: true
      },
      'node_modules/js-tokens': { version: '4.0.0', resolved: url('js-tokens', 'js-tokens-4.0.0'), integrity: sri('js-tokens@4.0.0') },
      'node_modules/loose-envify': {
        version: '1.4.0',
        resolved: url('loose-envify', 'loose-envify-1.4.0'),
        integrity: sri('loose-envify@1.4.0'),
        dependencies: { 'js-tokens': '4.0.0' }
      },
      'node_modules/ms': { version: '2.1.3', resolved: url('ms', 'ms-2.1.3'), integrity: sri('ms@2.1.3') },
      'node_modules/react': {
        version: '18.2.0',
        resolved: url('react', 'react-18.2.0'),
        integrity: sri('react@18.2.0'),
        dependencies: { 'loose-envify': '1.4.0' }
      },
      'node_modules/string-width': {
        version: '5.1.2',
        resolved: url('string-width', 'string-width-5.1.2'),
        integrity: sri('string-width@5.1.2'),
        dependencies: { eastasianwidth: '0.2.0', 'emoji-regex': '9.2.2', 'strip-ansi': '7.2.0' }
      },
      'node_modules/string-width-cjs': {
        name: 'string-width',
        version: '4.2.3',
        resolved: url('string-width', 'string-width-4.2.3'),
        integrity: sri('string-width@4.2.3'),
        dependencies: { 'emoji-regex': '8.0.0', 'is-fullwidth-code-point': '3.0.0', 'strip-ansi': '6.0.1' }
      },
      'node_modules/string-width-cjs/node_modules/emoji-regex': {
        version: '8.0.0',
        resolved: url('emoji-regex', 'emoji-regex-8.0.0'),
        integrity: sri('emoji-regex@8.0.0')
      },
      'node_modules/string-width-cjs/node_modules/strip-ansi': {
        version: '6.0.1',
        resolved: url('strip-ansi', 'strip-ansi-6.0.1'),
        integrity: sri('strip-ansi@6.0.1'),
        dependencies: { 'ansi-regex': '5.0.1' }
      },
      'node_modules/string-width-cjs/node_modules/strip-ansi/node_modules/ansi-regex': {
        version: '5.0.1',
        resolved: url('ansi-regex', 'ansi-regex-5.0.1'),
        integrity: sri('ansi-regex@5.0.1')
      },
      'node_modules/strip-ansi': {
        version: '7.2.0',
        resolved: url('strip-ansi', 'strip-ansi-7.2.0'),
        integrity: sri('strip-ansi@7.2.0'),
        dependencies: { 'ansi-regex': '6.6.0' }
      },
      'node_modules/undici-types': {
        version: '5.26.5',
        resolved: url('undici-types', 'undici-types-5.26.5'),
        integrity: sri('undici-types@5.26.5'),
        dev: true
      },
      'node_modules/use-sync-external-store': {
        version: '1.2.0',
        resolved: url('use-sync-external-store', 'use-sync-external-store-1.2.0'),
        integrity: sri('use-sync-external-store@1.2.0'),
        dependencies: { react: '18.2.0' }
      },
      // A workspace of the project as `*`, which its link satisfies.
      'packages/api': { name: '@shop/api', version: '0.1.0', dependencies: { '@shop/lib': '*', ms: '2.1.3' } },
      'packages/lib': { name: '@shop/lib', version: '0.2.0', dependencies: { ms: '2.0.0' } },
      'packages/lib/node_modules/ms': { version: '2.0.0', resolved: url('ms', 'ms-2.0.0'), integrity: sri('ms@2.0.0') }
    })
  })

  it('keeps the tarball URL pnpm records for a package from another registry', () => {
    const text = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      '@acme/logger':
        specifier: ^2.0.0
        version: 2.1.0

packages:

  '@acme/logger@2.1.0':
    resolution: {integrity: ${sri('ms@2.1.3')}, tarball: https://npm.acme.example/@acme/logger/-/logger-2.1.0.tgz}

snapshots:

  '@acme/logger@2.1.0': {}
`
    const graph = read(text)
    expectSoundTree(graph, toNpmLockfile(graph))
    expect(Object.fromEntries(graph.nodes)).toEqual({
      '@acme/logger@2.1.0': {
        key: '@acme/logger@2.1.0',
        name: '@acme/logger',
        version: '2.1.0',
        integrity: sri('ms@2.1.3'),
        resolved: 'https://npm.acme.example/@acme/logger/-/logger-2.1.0.tgz',
        dependencies: {},
        optionalDependencies: {}
      }
    })
  })

  it('skips git (GitHub or any host) and tarball URL dependencies, and keeps optional edges of a package apart', () => {
    const text = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      chokidar:
        specifier: 3.6.0
        version: 3.6.0
      left-pad:
        specifier: github:stevemao/left-pad#v1.3.0
        version: https://codeload.github.com/stevemao/left-pad/tar.gz/5f3c1a6b0b2e1e7d7b0a0b0c0d0e0f0a0b0c0d0e
      tiny:
        specifier: https://example.com/tiny-1.0.0.tgz
        version: https://example.com/tiny-1.0.0.tgz
      toolkit:
        specifier: git+https://gitlab.com/acme/toolkit.git#v1.2.0
        version: git+https://gitlab.com/acme/toolkit.git#9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b

packages:

  chokidar@3.6.0:
    resolution: {integrity: ${sri('ms@2.0.0')}}

  fsevents@2.3.3:
    resolution: {integrity: ${sri('ms@2.1.3')}}
    os: [darwin]

  toolkit@git+https://gitlab.com/acme/toolkit.git#9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b:
    resolution: {commit: 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b, repo: https://gitlab.com/acme/toolkit.git, type: git}
    version: 1.2.0

snapshots:

  chokidar@3.6.0:
    optionalDependencies:
      fsevents: 2.3.3

  fsevents@2.3.3:
    optional: true

  toolkit@git+https://gitlab.com/acme/toolkit.git#9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b: {}
`
    const graph9 = read(text)
    expect(graph9.skipped).toEqual([
      'left-pad (https://codeload.github.com/stevemao/left-pad/tar.gz/5f3c1a6b0b2e1e7d7b0a0b0c0d0e0f0a0b0c0d0e)',
      'tiny (https://example.com/tiny-1.0.0.tgz)',
      'toolkit (git+https://gitlab.com/acme/toolkit.git#9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b)'
    ])
    expect([...graph9.nodes.keys()]).toEqual(['chokidar@3.6.0', 'fsevents@2.3.3'])
    expect(graph9.nodes.get('chokidar@3.6.0')).toEqual({
      key: 'chokidar@3.6.0',
      name: 'chokidar',
      version: '3.6.0',
      integrity: sri('ms@2.0.0'),
      dependencies: {},
      optionalDependencies: { fsevents: 'fsevents@2.3.3' }
    })
    expectSoundTree(graph9, toNpmLockfile(graph9))
  })
})

describe('readPnpmLockfile, older layouts', () => {
  it('reads 6.0: `/name@version(peer)` keys and a single project at the top level', () => {
    const graph = read(PNPM_6_SINGLE, { '': SINGLE_MANIFEST })
    const key = (name: string, version: string): string => `/${name}@${version}`
    expect(graph.importers).toEqual([
      {
        path: '',
        name: 'shop',
        version: '1.0.0',
        declared: {
          dependencies: SINGLE_MANIFEST.dependencies,
          devDependencies: SINGLE_MANIFEST.devDependencies,
          optionalDependencies: SINGLE_MANIFEST.optionalDependencies
        },
        dependencies: {
          react: '/react@18.2.0',
          'string-width-cjs': '/string-width@4.2.3',
          string_decoder: '/string_decoder@1.3.0',
          'use-sync-external-store': '/use-sync-external-store@1.2.0(react@18.2.0)'
        },
        devDependencies: { '@types/node': '/@types/node@20.11.0' },
        optionalDependencies: { 'is-number': '/is-number@7.0.0' }
      }
    ])
    expect(Object.fromEntries(graph.nodes)).toEqual(
      Object.fromEntries(singleProjectNodes(key, '/use-sync-external-store@1.2.0(react@18.2.0)'))
    )
    expect(graph.skipped).toEqual([])
    expectSoundTree(graph, toNpmLockfile(graph))
  })

  it('reads 5.4: `/name/version_peer@version` keys, `specifiers`, and names with an underscore', () => {
    const graph = read(PNPM_5_SINGLE, { '': SINGLE_MANIFEST })
    const key = (name: string, version: string): string => `/${name}/${version}`
    expect(graph.importers).toEqual([
      {
        path: '',
        name: 'shop',
        version: '1.0.0',
        declared: {
          dependencies: SINGLE_MANIFEST.dependencies,
          devDependencies: SINGLE_MANIFEST.devDependencies,
          optionalDependencies: SINGLE_MANIFEST.optionalDependencies
        },
        dependencies: {
          react: '/react/18.2.0',
          'string-width-cjs': '/string-width/4.2.3',
          string_decoder: '/string_decoder/1.3.0',
          'use-sync-external-store': '/use-sync-external-store/1.2.0_react@18.2.0'
        },
        devDependencies: { '@types/node': '/@types/node/20.11.0' },
        optionalDependencies: { 'is-number': '/is-number/7.0.0' }
      }
    ])
    expect(Object.fromEntries(graph.nodes)).toEqual(
      Object.fromEntries(singleProjectNodes(key, '/use-sync-external-store/1.2.0_react@18.2.0'))
    )
    expect(graph.skipped).toEqual([])
    expectSoundTree(graph, toNpmLockfile(graph))
  })

  it('reads 5.4 peer suffixes that name a scoped peer', () => {
    const text = `lockfileVersion: 5.4

importers:

  .:
    specifiers:
      react-redux: 8.1.3
    dependencies:
      react-redux: 8.1.3_hm7rkfyzvgyxv3gqsftcv6zyr4

packages:

  /react-redux/8.1.3_hm7rkfyzvgyxv3gqsftcv6zyr4:
    resolution: {integrity: ${sri('react@18.2.0')}}
    dependencies:
      '@types/use-sync-external-store': 0.0.3
    dev: false

  /@types/use-sync-external-store/0.0.3:
    resolution: {integrity: ${sri('ms@2.0.0')}}
    dev: false
`
    const graph = read(text)
    expectSoundTree(graph, toNpmLockfile(graph))
    expect([...graph.nodes.values()].map((n) => [n.key, n.name, n.version, n.dependencies])).toEqual([
      [
        '/react-redux/8.1.3_hm7rkfyzvgyxv3gqsftcv6zyr4',
        'react-redux',
        '8.1.3',
        { '@types/use-sync-external-store': '/@types/use-sync-external-store/0.0.3' }
      ],
      ['/@types/use-sync-external-store/0.0.3', '@types/use-sync-external-store', '0.0.3', {}]
    ])
  })

  it('gives the one-line error for a lockfile version it does not know', () => {
    expect(readPnpmLockfile(`lockfileVersion: '4.0'\n\npackages: {}\n`, () => undefined)).toEqual({
      ok: false,
      error:
        'pnpm-lock.yaml has lockfileVersion "4.0", which this gate cannot read (it reads 5.x, 6.x and 9.x): regenerate it with a current pnpm'
    })
    expect(readPnpmLockfile(`importers: {}\n`, () => undefined)).toEqual({
      ok: false,
      error:
        'pnpm-lock.yaml has lockfileVersion null, which this gate cannot read (it reads 5.x, 6.x and 9.x): regenerate it with a current pnpm'
    })
  })

  it('says when the text is not YAML or holds no lockfile', () => {
    const bad = readPnpmLockfile('lockfileVersion: [9.0\n', () => undefined)
    expect(bad.ok).toBe(false)
    expect(bad.ok ? '' : bad.error).toMatch(/^pnpm-lock\.yaml is not valid YAML: /)
    expect(readPnpmLockfile('just text\n', () => undefined)).toEqual({ ok: false, error: 'pnpm-lock.yaml holds no lockfile' })
  })
})

describe('readPnpmLockfile, importer paths', () => {
  it('drops importers outside the project: parent folders and absolute paths', () => {
    const text = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      ms:
        specifier: 2.1.3
        version: 2.1.3

  ../outside:
    dependencies:
      ms:
        specifier: 2.0.0
        version: 2.0.0

  /etc/cron.d:
    dependencies:
      ms:
        specifier: 2.0.0
        version: 2.0.0

  packages/./x:
    dependencies: {}

packages:

  ms@2.0.0:
    resolution: {integrity: ${sri('ms@2.0.0')}}

  ms@2.1.3:
    resolution: {integrity: ${sri('ms@2.1.3')}}

snapshots:

  ms@2.0.0: {}

  ms@2.1.3: {}
`
    const graph = read(text)
    expectSoundTree(graph, toNpmLockfile(graph))
    expect(graph.importers.map((i) => i.path)).toEqual([''])
    expect([...graph.nodes.keys()]).toEqual(['ms@2.1.3'])
  })
})
