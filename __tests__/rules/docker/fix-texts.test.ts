import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EMPTY_CONFIG } from '../../../src/config/config-file.js'
import { runScan } from '../../../src/scan/run.js'

const dir = mkdtempSync(join(tmpdir(), 'ehg-docker-fixes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function messages(dockerfile: string, rule: string): string[] {
  writeFileSync(join(dir, 'Dockerfile'), dockerfile)
  return runScan(dir, EMPTY_CONFIG, '2026-11-26')
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.message)
}

describe('fix texts built from what the Dockerfile wrote', () => {
  it('pin a global tool by its name, not after the tag it already has', () => {
    const [latest, scoped] = messages(
      'FROM node:24-slim\nRUN npm install -g pnpm@latest\nRUN npm i -g @angular/cli@next\nUSER node\n',
      'docker-npm-install'
    )
    expect(latest).toContain('`pnpm@<version>`')
    expect(latest).not.toMatch(/@latest@/)
    expect(scoped).toContain('`@angular/cli@<version>`')
  })

  it("pin a floating base image under its own name and variant, not another image's", () => {
    const found = messages(
      'FROM nginx:latest AS proxy\nFROM redis:alpine AS cache\nFROM node:lts-alpine\nUSER node\n',
      'docker-unpinned-base'
    )
    // What the finding suggests, after the quote of what was written.
    const fixes = found.map((m) => m.slice(m.indexOf(': pin')))
    expect(fixes).toHaveLength(3)
    expect(fixes[0]).toContain('a version tag (`nginx:<version>`), or a digest (`nginx:latest@sha256:…`)')
    expect(fixes[0]).not.toMatch(/node:/)
    expect(fixes[1]).toContain('`redis:<version>-alpine`')
    expect(fixes[2]).toMatch(/a version tag \(`node:\d+-alpine`\)/)
    expect(fixes[2]).not.toMatch(/lts-alpine`\)|<version>/)
  })

  it('suggest the slim variant of the tag in use, with a placeholder only when there is none', () => {
    expect(messages('FROM node:22-bookworm\nUSER node\n', 'docker-non-slim-base')[0]).toContain('`node:22-bookworm-slim`')
    expect(messages('FROM node:latest\nUSER node\n', 'docker-non-slim-base')[0]).toContain('`node:<version>-slim`')
  })
})
