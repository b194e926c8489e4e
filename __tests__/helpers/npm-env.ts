import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Environment for npm children that only talks to `registryUrl`: inherited npm_* variables (which
 * carry the outer project's config under `npm test`) are dropped; cache, user and global config
 * are fresh files under `work` (a new temp folder by default).
 */
export function hermeticNpmEnv(registryUrl: string, work: string = mkdtempSync(join(tmpdir(), 'ehg-npm-'))): NodeJS.ProcessEnv {
  const userconfig = join(work, 'npmrc')
  const globalconfig = join(work, 'global-npmrc')
  writeFileSync(userconfig, '')
  writeFileSync(globalconfig, '')
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value
  return {
    ...env,
    npm_config_registry: registryUrl,
    npm_config_cache: join(work, 'cache'),
    npm_config_userconfig: userconfig,
    npm_config_globalconfig: globalconfig,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false'
  }
}
