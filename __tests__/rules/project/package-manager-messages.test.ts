import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../../src/config/config-file.js'
import { runScan } from '../../../src/scan/run.js'

const base = mkdtempSync(join(tmpdir(), 'ehg-package-manager-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))

let count = 0
function scan(files: Record<string, string>): ReturnType<typeof runScan> {
  const dir = join(base, String((count += 1)))
  mkdirSync(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return runScan(dir, EMPTY_CONFIG, '2026-11-26')
}

const messagesOf = (result: ReturnType<typeof runScan>, rule: string): string[] =>
  result.findings.filter((f) => f.rule === rule).map((f) => f.message)
const DOCKERFILE = 'FROM node:22-slim\nWORKDIR /app\nRUN npm install\nRUN yarn install\nUSER node\n'
const BERRY = '__metadata:\n  version: 8\n  cacheKey: 10c0\n'

describe('messages that name the project’s package manager', () => {
  it('lockfile-missing asks for the declared manager’s install, npm install otherwise', () => {
    const pnpm = scan({ 'package.json': '{"name":"a","packageManager":"pnpm@9.1.0","dependencies":{"express":"^4"}}\n' })
    expect(messagesOf(pnpm, 'lockfile-missing')).toEqual([expect.stringContaining('run `pnpm install` and commit pnpm-lock.yaml')])
    const yarn = scan({ 'package.json': '{"name":"a","packageManager":"yarn@4.1.0","dependencies":{"express":"^4"}}\n' })
    expect(messagesOf(yarn, 'lockfile-missing')).toEqual([expect.stringContaining('run `yarn install` and commit yarn.lock')])
    const npm = scan({ 'package.json': '{"name":"a","dependencies":{"express":"^4"}}\n' })
    expect(messagesOf(npm, 'lockfile-missing')).toEqual([expect.stringContaining('run `npm install` and commit package-lock.json')])
  })

  it('docker-npm-install suggests the frozen install of the project’s manager', () => {
    const berry = scan({ 'package.json': '{"name":"a"}\n', 'yarn.lock': BERRY, Dockerfile: DOCKERFILE })
    const [npmInstall, yarnInstall] = messagesOf(berry, 'docker-npm-install')
    expect(npmInstall).toContain('ignores yarn.lock')
    expect(npmInstall).toContain('`yarn install --immutable`')
    expect(yarnInstall).toMatch(/use `yarn install --immutable`$/)
    const classic = scan({ 'package.json': '{"name":"a"}\n', 'yarn.lock': '# yarn lockfile v1\n', Dockerfile: DOCKERFILE })
    expect(messagesOf(classic, 'docker-npm-install')[1]).toMatch(/use `yarn install --frozen-lockfile`$/)
    const pnpm = scan({ 'package.json': '{"name":"a"}\n', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", Dockerfile: DOCKERFILE })
    expect(messagesOf(pnpm, 'docker-npm-install')[0]).toContain('`pnpm install --frozen-lockfile`')
    const npm = scan({ 'package.json': '{"name":"a"}\n', 'package-lock.json': '{}\n', Dockerfile: DOCKERFILE })
    expect(messagesOf(npm, 'docker-npm-install')[0]).toContain('use `npm ci`')
  })

  it('notes a lockfile that disagrees with packageManager, once', () => {
    const result = scan({ 'package.json': '{"name":"a","packageManager":"pnpm@9.1.0"}\n', 'package-lock.json': '{}\n' })
    const notes = result.notes.filter((n) => n.message.includes('packageManager says'))
    expect(notes).toEqual([{ file: 'package-lock.json', message: expect.stringContaining('packageManager says pnpm@9.1.0') }])
  })
})
