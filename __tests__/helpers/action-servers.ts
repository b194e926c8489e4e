import { afterAll } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from './github-server.js'
import { startFakeRegistry, type FakeRegistry, type FakeRegistryOptions } from './npm-registry-server.js'
import { removeTempDirs, runAction, type ActionRun, type RunActionOptions } from './run-action.js'

export interface ActionServers {
  github: FakeGitHub
  registry: FakeRegistry
  /** runAction with the servers' URLs filled in. */
  run(options: Omit<RunActionOptions, 'githubUrl' | 'registryUrl'>): Promise<ActionRun>
}

export type ServerOptions = { github?: FakeGitHubOptions; registry?: FakeRegistryOptions }

/**
 * Call at the top level of a test file. Returns a starter of loopback GitHub and npm registry
 * servers for one test; every server started and every temp dir is removed after the file.
 */
export function actionServers(): (options?: ServerOptions) => Promise<ActionServers> {
  const cleanups: Array<() => Promise<void>> = []
  afterAll(async () => {
    await Promise.all(cleanups.splice(0).map((close) => close()))
    await removeTempDirs()
  })
  return async (options = {}) => {
    const github = await startFakeGitHub(options.github)
    const registry = await startFakeRegistry(options.registry)
    cleanups.push(
      () => github.close(),
      () => registry.close()
    )
    return { github, registry, run: (run) => runAction({ ...run, githubUrl: github.url, registryUrl: registry.url }) }
  }
}
