import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { EMPTY_CONFIG } from '../../../src/config/config-file.js'
import { runScan } from '../../../src/scan/run.js'

// JSON has no comments, so these cases cannot carry fixture markers: the files are written here.
let dir: string
const put = (path: string, text: string): void => {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'json-values-'))
  put(
    'package.json',
    [
      '{',
      '  "name": "forum-app",',
      '  "version": "2.4.1",',
      '  "author": "forum-team",',
      '  "dependencies": { "express": "^4.21.0", "express-session": "^1.18.0" }',
      '}',
      ''
    ].join('\n')
  )
  put('src/settings.json', ['{', '  "secret": "kT9vQ2mXr4LzP8wY",', '  "title": "Forum"', '}', ''].join('\n'))
  put('src/broken.json', '{ "secret": "not json" ,, }\n')
  put(
    'esm/server.ts',
    [
      "import express from 'express'",
      "import cookieParser from 'cookie-parser'",
      "import pkg from '../package.json' with { type: 'json' }",
      "import * as settings from '../src/settings.json'",
      'const app = express()',
      'app.use(cookieParser(pkg.author))',
      'app.use(cookieParser(settings.title))',
      'export default app',
      ''
    ].join('\n')
  )
  put(
    'src/app.js',
    [
      "const express = require('express')",
      "const session = require('express-session')",
      "const cookieParser = require('cookie-parser')",
      "const pkg = require('../package.json')",
      "const settings = require('./settings.json')",
      "const broken = require('./broken.json')",
      'const app = express()',
      "app.use(session({ secret: require('../package.json').name, resave: false, saveUninitialized: false }))",
      'app.use(cookieParser(pkg.version))',
      'app.use(session({ secret: settings.secret, name: settings.title, resave: false, saveUninitialized: false }))',
      'app.use(session({ secret: broken.secret, resave: false, saveUninitialized: false }))',
      "app.get('/', (req, res) => res.send(pkg.name))",
      'module.exports = app',
      ''
    ].join('\n')
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('secrets read from committed JSON files', () => {
  it('resolves require of a JSON file to its values: a session secret taken from package.json or a config JSON is hardcoded, reported where the code uses it', () => {
    const findings = runScan(dir, EMPTY_CONFIG, '2026-11-26').findings.filter((f) => f.rule === 'session-secret-hardcoded')
    expect(findings.map((f) => `${f.file}:${f.line}`).sort()).toEqual([
      'esm/server.ts:6',
      'esm/server.ts:7',
      'src/app.js:10',
      'src/app.js:8',
      'src/app.js:9'
    ])
    // Reported where the code uses the value, naming the committed file it comes from.
    expect(findings.find((f) => f.file === 'src/app.js' && f.line === 8)?.message).toContain('the value at package.json:2')
  })
})
