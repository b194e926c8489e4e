import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Environment for npm children that only talks to `registryUrl`: inherited npm_* variables (which
 * carry the outer project's config under `npm test`) are dropped, and cache and userconfig are fresh.
 */
export function hermeticNpmEnv(registryUrl: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const work = mkdtempSync(join(tmpdir(), 'ehg-npm-'))
  const userconfig = join(work, 'npmrc')
  writeFileSync(userconfig, '')
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(base)) if (!/^npm_/i.test(key)) env[key] = value
  return {
    ...env,
    npm_config_registry: registryUrl,
    npm_config_cache: join(work, 'cache'),
    npm_config_userconfig: userconfig,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false'
  }
}
