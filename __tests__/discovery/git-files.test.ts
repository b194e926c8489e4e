import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { EMPTY_CONFIG } from '../../src/config/config-file.js'
import { committedFiles, gitTrackedFiles } from '../../src/discovery/git-files.js'
import { runScan } from '../../src/scan/run.js'

const KEY = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  '-----END RSA PRIVATE KEY-----',
  ''
].join('\n')
let repo: string
let plain: string

function put(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: repo, stdio: 'ignore' })
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'git-tracked-'))
  git('init', '-q')
  put(repo, '.gitignore', '.env\n*.key\n')
  put(repo, 'package.json', '{"name":"app","version":"1.0.0"}\n')
  // Listed in .gitignore but force-added: committed all the same.
  put(repo, 'services/api/.env', 'JWT_SECRET=k8Jd0-qLm2vXz7Rt\n')
  put(repo, 'certs/server.key', KEY)
  // Ignored and untracked: a developer's own files.
  put(repo, '.env', 'JWT_SECRET=k8Jd0-qLm2vXz7Rt\n')
  put(repo, 'local.key', KEY)
  // Neither ignored nor tracked: not committed either.
  put(repo, 'web/.env.local', 'API_TOKEN=k8Jd0-qLm2vXz7Rt\n')
  git('add', '.gitignore', 'package.json')
  git('add', '-f', 'services/api/.env', 'certs/server.key')
  plain = mkdtempSync(join(tmpdir(), 'no-git-'))
  put(plain, '.gitignore', '.env\n')
  put(plain, '.env', 'JWT_SECRET=k8Jd0-qLm2vXz7Rt\n')
  put(plain, 'api/.env', 'JWT_SECRET=k8Jd0-qLm2vXz7Rt\n')
})
afterAll(() => {
  rmSync(repo, { recursive: true, force: true })
  rmSync(plain, { recursive: true, force: true })
})

describe('committed files', () => {
  it('asks git which files are tracked, relative to the scanned folder', () => {
    expect([...(gitTrackedFiles(repo) ?? [])].sort()).toEqual(['.gitignore', 'certs/server.key', 'package.json', 'services/api/.env'])
    expect([...(gitTrackedFiles(join(repo, 'services')) ?? [])]).toEqual(['api/.env'])
    const committed = committedFiles(repo)
    expect(['services/api/.env', '.env', 'web/.env.local'].map(committed)).toEqual([true, false, false])
  })

  it('falls back to .gitignore outside a checkout', () => {
    expect(gitTrackedFiles(plain)).toBeUndefined()
    const committed = committedFiles(plain)
    expect(['.env', 'api/.env', 'other.env'].map(committed)).toEqual([false, false, true])
  })

  it('reports the tracked .env and key file, never the untracked ones', () => {
    const findings = runScan(repo, EMPTY_CONFIG, '2026-11-26').findings
    expect(findings.filter((f) => f.rule === 'env-file-committed').map((f) => f.file)).toEqual(['services/api/.env'])
    expect(findings.filter((f) => f.rule === 'hardcoded-secret').map((f) => f.file)).toEqual(['certs/server.key'])
  })
})
