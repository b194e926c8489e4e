import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Note, SourceFile } from '../../src/discovery/find-files.js'
import { groupByPackage } from '../../src/discovery/packages.js'
import { modulesOfGroup, SharedModules } from '../../src/scan/modules.js'

function project(files: Record<string, string>): { root: string; list: SourceFile[] } {
  const root = mkdtempSync(join(tmpdir(), 'ehg-shared-'))
  const list: SourceFile[] = []
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
    list.push({
      path,
      absPath: join(root, path),
      size: text.length,
      kind: path.endsWith('package.json') ? 'package-json' : 'js',
      test: false
    })
  }
  return { root, list }
}

describe('SharedModules', () => {
  // NodeBB's shape: a package in a subfolder whose code imports the root package's modules.
  const { list } = project({
    'package.json': '{"name":"root"}',
    'src/app.js': "const express = require('express')\nmodule.exports = express()\n",
    'src/util.js': 'module.exports = 1\n',
    'install/package.json': '{"name":"install"}',
    'install/web.js': "const app = require('../src/app')\nconst util = require(\n  '../src/util'\n)\n",
    'install/other.js': '// require("../src/app") in a comment only\n'
  })
  const scripts = list.filter((f) => f.kind === 'js')
  const byPath = new Map(scripts.map((f) => [f.path, f]))
  const groups = groupByPackage(
    scripts,
    list.filter((f) => f.kind === 'package-json')
  )
  const noMap = (): undefined => undefined

  it('parses a module two packages read once, and gives both packages the same modules as a parse each would', () => {
    const notes: Note[] = []
    const shared = new SharedModules(groups, byPath, noMap)
    const [rootGroup, installGroup] = groups.map((g) => modulesOfGroup(g, byPath, noMap, notes, shared))
    const separate = groups.map((g) => modulesOfGroup(g, byPath, noMap, notes, new SharedModules([g], byPath, noMap)))
    expect(rootGroup?.map((m) => m.path)).toEqual(separate[0]?.map((m) => m.path))
    expect(installGroup?.map((m) => m.path)).toEqual(separate[1]?.map((m) => m.path))
    expect(installGroup?.map((m) => m.path)).toEqual(['install/web.js', 'install/other.js', 'src/app.js', 'src/util.js'])
    const app = (modules: typeof rootGroup) => modules?.find((m) => m.path === 'src/app.js')
    expect(app(installGroup)).toBe(app(rootGroup))
    expect(app(separate[1])).not.toBe(app(separate[0]))
  })

  it('holds nothing once the last package that reads a module is modelled', () => {
    const shared = new SharedModules(groups, byPath, noMap)
    for (const g of groups) modulesOfGroup(g, byPath, noMap, [], shared)
    expect((shared as unknown as { parsed: Map<string, unknown> }).parsed.size).toBe(0)
  })
})
