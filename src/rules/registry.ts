import type { Rule } from './rule.js'
import helmetMissing from './express/helmet-missing.js'
import dockerRootUser from './docker/docker-root-user.js'
import lockfileMissing from './project/lockfile-missing.js'

/** Every implemented rule; the catalog test checks each has docs and tests. */
export const RULES: readonly Rule[] = [helmetMissing, dockerRootUser, lockfileMissing]

/**
 * Every rule id of the product contract, implemented or not yet: the config file may name any of
 * them, so a config written for a newer version does not break on an older one.
 */
export const CATALOG_IDS: readonly string[] = [
  'helmet-missing', 'csp-weak', 'x-powered-by', 'validation-missing', 'prototype-pollution',
  'rate-limit-missing', 'rate-limit-auth-missing', 'rate-limit-memory-store', 'rate-limit-bypassable',
  'session-secret-hardcoded', 'session-cookie-name-default', 'session-resave', 'session-save-uninitialized',
  'session-cookie-insecure', 'session-memory-store', 'cors-wildcard-credentials', 'cors-permissive',
  'error-leak', 'error-handler-missing', 'body-limit-missing', 'body-limit-large', 'hardcoded-secret',
  'env-file-committed',
  'docker-root-user', 'docker-unpinned-base', 'docker-eol-node', 'docker-npm-install', 'docker-non-slim-base',
  'docker-dotenv-copied', 'docker-secret-env', 'docker-node-env',
  'proxy-no-tls', 'proxy-body-size', 'proxy-server-tokens', 'proxy-timeouts', 'proxy-trust-missing',
  'lockfile-missing', 'engines-eol-node'
]

export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set([...CATALOG_IDS, ...RULES.map((r) => r.meta.id)])

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id)
}
