import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { matchPaths, moduleResolverOf, projectAliases, readTsPathOptions, RootFiles } from '../../src/scan/import-aliases.js'

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ehg-aliases-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('tsconfig paths and baseUrl', () => {
  it('follows extends, relative and from node_modules, each config setting what it sets relative to its own folder', () => {
    const root = project({
      'node_modules/@acme/tsconfig/package.json': JSON.stringify({ name: '@acme/tsconfig', tsconfig: './base.json' }),
      'node_modules/@acme/tsconfig/base.json': '{ "compilerOptions": { "strict": true, "baseUrl": "." } }',
      'config/tsconfig.paths.json': '{ "extends": "@acme/tsconfig", "compilerOptions": { "paths": { "@/*": ["../src/*"] } } }',
      'api/tsconfig.json': `{
  // JSONC, as tsc reads it
  "extends": ["../config/tsconfig.paths"],
  "compilerOptions": { "baseUrl": "./src", },
}`
    })
    const files = new RootFiles(root)
    expect(readTsPathOptions(files, 'config/tsconfig.paths.json')).toEqual({
      baseUrl: 'node_modules/@acme/tsconfig',
      paths: { '@/*': ['../src/*'] },
      pathsDir: 'config'
    })
    expect(readTsPathOptions(files, 'api/tsconfig.json')).toEqual({
      baseUrl: 'api/src',
      paths: { '@/*': ['../src/*'] },
      pathsDir: 'config'
    })
  })

  it('survives configs that extend each other, and ignores unreadable ones', () => {
    const root = project({
      'a.json': '{ "extends": "./b.json", "compilerOptions": { "baseUrl": "a" } }',
      'b.json': '{ "extends": "./a.json", "compilerOptions": { "paths": { "x": ["./x"] } } }',
      'broken.json': '{ "compilerOptions": { "baseUrl": ',
      'c.json': '{ "extends": ["./broken.json", "./missing"], "compilerOptions": { "baseUrl": "c" } }'
    })
    const files = new RootFiles(root)
    expect(readTsPathOptions(files, 'a.json')).toEqual({ baseUrl: 'a', paths: { x: ['./x'] }, pathsDir: '.' })
    expect(readTsPathOptions(files, 'broken.json')).toBeUndefined()
    expect(readTsPathOptions(files, 'c.json')).toEqual({ baseUrl: 'c' })
    const chain = project(
      Object.fromEntries(
        Array.from({ length: 200 }, (_, i) => [
          `t${i}.json`,
          `{ "extends": "./t${i + 1}.json", "compilerOptions": { "baseUrl": "b${i}" } }`
        ])
      )
    )
    expect(readTsPathOptions(new RootFiles(chain), 't0.json')).toEqual({ baseUrl: 'b0' })
  })

  it('matches an exact key before patterns, and the pattern with the longest prefix', () => {
    const paths = { '*': ['./types/*'], '@app/*': ['./src/*'], '@app/config': ['./config/index'], '@app/lib/*': ['./lib/*'] }
    expect(matchPaths(paths, '@app/config')).toEqual(['./config/index'])
    expect(matchPaths(paths, '@app/lib/auth')).toEqual(['./lib/auth'])
    expect(matchPaths(paths, '@app/routes/users')).toEqual(['./src/routes/users'])
    expect(matchPaths(paths, 'express')).toEqual(['./types/express'])
    expect(matchPaths({ '@/*': ['./src/*'] }, 'lodash')).toBeUndefined()
  })
})

describe('Babel module-resolver options', () => {
  it('reads alias and root from the plugin entry, under any of its names, from env blocks too', () => {
    const config = {
      env: {
        production: {
          plugins: [['babel-plugin-module-resolver', { root: './src', alias: { '@': './src', '^re(.+)': './x/\\1', _: 'lodash' } }]]
        }
      }
    }
    expect(moduleResolverOf(config, 'web', '.')).toEqual({
      cwd: 'web',
      alias: [
        ['@', './src'],
        ['_', 'lodash']
      ],
      roots: ['./src']
    })
    expect(moduleResolverOf({ plugins: [['module-resolver', { cwd: 'packagejson' }]] }, 'web/config', 'web')).toEqual({
      cwd: 'web',
      alias: [],
      roots: []
    })
    expect(moduleResolverOf({ plugins: ['@babel/plugin-transform-runtime'] }, '.', '.')).toBeUndefined()
    expect(moduleResolverOf('not a config', '.', '.')).toBeUndefined()
  })
})

describe('projectAliases', () => {
  const js = 'module.exports = {}\n'

  it('sends tsconfig paths, then baseUrl, to existing modules and leaves the rest to packages', () => {
    const root = project({
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./missing/*", "./src/*"], "*": ["node_modules/*"] } } }',
      'src/routes/users.ts': js,
      'services/user.ts': js,
      'node_modules/express/index.js': js,
      'src/app.ts': js
    })
    const aliases = projectAliases(root)
    expect(aliases('@/routes/users', 'src/app.ts')).toEqual({ path: 'src/routes/users.ts' })
    expect(aliases('services/user', 'src/app.ts')).toEqual({ path: 'services/user.ts' })
    expect(aliases('express', 'src/app.ts')).toEqual({ package: 'express' })
    expect(aliases('@/nothing', 'src/app.ts')).toBeUndefined()
    expect(aliases('fs', 'src/app.ts')).toBeUndefined()
  })

  it('takes jsconfig.json too, and without baseUrl reads paths from the config folder', () => {
    const root = project({ 'web/jsconfig.json': '{ "compilerOptions": { "paths": { "~/*": ["./lib/*"] } } }', 'web/lib/auth/index.js': js })
    expect(projectAliases(root)('~/auth', 'web/server.js')).toEqual({ path: 'web/lib/auth/index.js' })
  })

  it('follows Babel module-resolver aliases and roots from .babelrc and babel.config.js read as data', () => {
    const root = project({
      'api/.babelrc': '{ "plugins": [["module-resolver", { "root": ["./src"], "alias": { "@": "./src", "_": "lodash" } }]] }',
      'api/src/middleware/auth.js': js,
      'api/src/routes/index.js': js,
      'web/babel.config.js': "module.exports = { plugins: [['module-resolver', { alias: { utils: './src/utils' } }]] }",
      'web/src/utils/limit.js': js
    })
    const aliases = projectAliases(root)
    expect(aliases('@/middleware/auth', 'api/src/app.js')).toEqual({ path: 'api/src/middleware/auth.js' })
    expect(aliases('routes', 'api/src/app.js')).toEqual({ path: 'api/src/routes/index.js' })
    expect(aliases('_/merge', 'api/src/app.js')).toEqual({ package: 'lodash' })
    expect(aliases('utils/limit', 'web/src/app.js')).toEqual({ path: 'web/src/utils/limit.js' })
    expect(aliases('utils/limit', 'api/src/app.js')).toBeUndefined()
  })

  it('reads a bare require from the package root only when it names no dependency', () => {
    const root = project({
      'package.json': JSON.stringify({ name: 'app', dependencies: { config: '1' } }),
      'middleware/auth.js': js,
      'config/index.js': js,
      'helmet/index.js': js,
      'node_modules/helmet/package.json': '{}',
      'lib/server.js': js
    })
    const aliases = projectAliases(root)
    expect(aliases('middleware/auth', 'lib/server.js')).toEqual({ path: 'middleware/auth.js' })
    expect(aliases('config', 'lib/server.js')).toBeUndefined()
    expect(aliases('helmet', 'lib/server.js')).toBeUndefined()
    expect(aliases('middleware/missing', 'lib/server.js')).toBeUndefined()
  })

  it('never reads outside the scanned root, and a broken config is no config', () => {
    const root = project({
      'outside.js': js,
      'inner/tsconfig.json': '{ "extends": "../tsconfig.json", "compilerOptions": { "baseUrl": "../" } }',
      'tsconfig.json': '{ "compilerOptions": { "paths": { "*": ["./*"] } } }',
      'inner/babel.config.js': 'module.exports = {',
      'inner/src/app.js': js
    })
    const aliases = projectAliases(join(root, 'inner'))
    expect(aliases('outside', 'index.js')).toBeUndefined()
    expect(aliases('src/app', 'index.js')).toEqual({ path: 'src/app.js' })
  })
})
