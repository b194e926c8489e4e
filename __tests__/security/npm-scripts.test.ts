// Lifecycle scripts stay off on untrusted code, through the real action (dist/index.js, install:
// true, npm ci + npm audit + cyclonedx-npm against a loopback registry), and the repository's
// `.npmrc` cannot turn them back on or run a program of its own: `ignore-scripts=false`,
// `script-shell`, `node-options=--require`, `onload-script` (old npm) and `git=` (which npm runs for a
// git dependency even with --ignore-scripts). With `ignore-scripts: false` the same markers appear,
// so these tests can fail.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionServers } from '../helpers/action-servers.js'
import { hermeticNpmEnv } from '../helpers/npm-env.js'
import { startFakeRegistry } from '../helpers/npm-registry-server.js'
import { makeWorkspace } from '../helpers/run-action.js'
import { cjsPayload, cleanEnv, lockfile, markers, removeMadeDirs, shellPayload, tempDir, writeTree } from './harness.js'

const servers = actionServers()
afterAll(removeMadeDirs)

const ROOT_SCRIPTS = ['preinstall', 'install', 'postinstall', 'preprepare', 'prepare', 'postprepare']
const DEP_SCRIPTS = ['preinstall', 'install', 'postinstall']

/** `node -e` writing `<mark>/<name>`: a lifecycle script. */
function script(mark: string, name: string): string {
  return `node -e "${cjsPayload(mark, name).trim().replace(/"/g, '\\"')}"`
}

/** A git repository holding a package whose scripts (prepare among them) leave markers. */
function gitDependency(mark: string): { url: string; sha: string } {
  const dir = join(tempDir('ehg-sec-gitdep-'), 'gdep')
  writeTree(dir, {
    'package.json': JSON.stringify({
      name: 'gdep',
      version: '1.0.0',
      scripts: Object.fromEntries(['install', 'prepare'].map((s) => [s, script(mark, `gdep-${s}`)]))
    })
  })
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      env: cleanEnv(),
      encoding: 'utf8'
    }).trim()
  git('init', '-q')
  git('add', '.')
  git('commit', '-q', '-m', 'gdep')
  return { url: `git+file://${dir}`, sha: git('rev-parse', 'HEAD') }
}

/**
 * A repository whose every script, and whose dependencies' scripts, leave a marker; its `.npmrc`
 * tries every setting that would run code with scripts off.
 */
function hostileRepository(workspace: string, mark: string): void {
  const gdep = gitDependency(mark)
  writeTree(workspace, {
    'package.json': JSON.stringify(
      {
        name: 'scripts-app',
        version: '1.0.0',
        scripts: Object.fromEntries(ROOT_SCRIPTS.map((s) => [s, script(mark, `root-${s}`)])),
        dependencies: { dep: 'file:./dep', gdep: gdep.url }
      },
      null,
      2
    ),
    'package-lock.json': lockfile(
      'scripts-app',
      { dep: 'file:./dep', gdep: gdep.url },
      {
        dep: { version: '1.0.0', hasInstallScript: true },
        'node_modules/dep': { resolved: 'dep', link: true },
        'node_modules/gdep': { version: '1.0.0', resolved: `${gdep.url}#${gdep.sha}`, hasInstallScript: true }
      }
    ),
    'dep/package.json': JSON.stringify({
      name: 'dep',
      version: '1.0.0',
      scripts: Object.fromEntries(DEP_SCRIPTS.map((s) => [s, script(mark, `dep-${s}`)]))
    }),
    'pwn.cjs': cjsPayload(mark, 'npmrc-node-options'),
    'onload.cjs': cjsPayload(mark, 'npmrc-onload-script'),
    'pwn-shell.sh': shellPayload(mark, 'npmrc-script-shell', '/bin/sh'),
    'pwn-git.sh': shellPayload(mark, 'npmrc-git', 'git'),
    '.npmrc': [
      'ignore-scripts=false',
      `script-shell=${join(workspace, 'pwn-shell.sh')}`,
      `node-options=--require ${join(workspace, 'pwn.cjs')}`,
      `onload-script=${join(workspace, 'onload.cjs')}`,
      `git=${join(workspace, 'pwn-git.sh')}`,
      ''
    ].join('\n'),
    'src/app.js':
      "const express = require('express')\nconst app = express()\napp.get('/', (req, res) => res.send('ok'))\nmodule.exports = app\n"
  })
}

async function prepared(): Promise<{ workspace: string; mark: string }> {
  const workspace = await makeWorkspace()
  const mark = join(tempDir('ehg-sec-scripts-'), 'markers')
  mkdirSync(mark)
  hostileRepository(workspace, mark)
  return { workspace, mark }
}

describe('npm lifecycle scripts and the repository .npmrc (action, install: true)', () => {
  it.concurrent(
    'by default nothing of the repository runs: no script, no .npmrc program; npm ci, audit and SBOM succeed',
    async () => {
      const { run } = await servers()
      const { workspace, mark } = await prepared()
      const result = await run({ workspace, inputs: { install: 'true', 'fail-on': 'none' } })

      expect(markers(mark)).toEqual([])
      expect(result.reportJson?.steps.map((s) => `${s.name} ${s.status}`)).toEqual(['npm ci ok', 'npm audit ok', 'sbom ok', 'scan ok'])
      // npm did install both dependencies, the git one through git: every path was exercised.
      expect(existsSync(join(workspace, 'node_modules/gdep/package.json'))).toBe(true)
      expect(existsSync(join(workspace, 'node_modules/dep/package.json'))).toBe(true)
      expect(result.code).toBe(0)
    },
    90_000
  )

  it.concurrent(
    'with ignore-scripts: false the scripts run, through the .npmrc script-shell (so the test above can fail)',
    async () => {
      const { run } = await servers()
      const { workspace, mark } = await prepared()
      await run({ workspace, inputs: { install: 'true', 'ignore-scripts': 'false', 'fail-on': 'none' } })

      const ran = markers(mark)
      for (const s of ROOT_SCRIPTS) expect(ran).toContain(`root-${s}`)
      for (const s of DEP_SCRIPTS) expect(ran).toContain(`dep-${s}`)
      expect(ran).toContain('gdep-prepare')
      // The repository's .npmrc is read: its script-shell runs the scripts.
      expect(ran.some((m) => m.startsWith('npmrc-script-shell-'))).toBe(true)
      // Even then, its git= program and node-options are not npm's: the gate pins both.
      expect(ran.some((m) => m.startsWith('npmrc-git-'))).toBe(false)
      expect(ran).not.toContain('npmrc-node-options')
    },
    90_000
  )

  it.concurrent(
    "without the gate's pins, plain `npm ci --ignore-scripts` runs the .npmrc git= program and node-options (the vectors are real)",
    async () => {
      const registry = await startFakeRegistry()
      try {
        const { workspace, mark } = await prepared()
        const copy = join(tempDir('ehg-sec-control-'), 'repo')
        cpSync(workspace, copy, { recursive: true })
        // The copy's .npmrc names the copy's programs: the same attack. npm exports node-options as
        // NODE_OPTIONS to the npm it runs to prepare the git dependency, which then loads pwn.cjs.
        writeFileSync(join(copy, '.npmrc'), `git=${join(copy, 'pwn-git.sh')}\nnode-options=--require ${join(copy, 'pwn.cjs')}\n`)
        execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
          cwd: copy,
          env: hermeticNpmEnv(registry.url, tempDir('ehg-sec-npm-')),
          stdio: 'ignore',
          timeout: 60_000
        })
        const ran = markers(mark)
        expect(ran.some((m) => m.startsWith('npmrc-git-'))).toBe(true)
        expect(ran).toContain('npmrc-node-options')
        // Scripts themselves stayed off.
        expect(ran.filter((m) => /^(root|dep|gdep)-/.test(m))).toEqual([])
      } finally {
        await registry.close()
      }
    },
    90_000
  )
})
