import type { Rule } from './rule.js'
import helmetMissing from './express/helmet-missing.js'
import sessionSecretHardcoded from './express/session-secret-hardcoded.js'
import sessionCookieNameDefault from './express/session-cookie-name-default.js'
import sessionResave from './express/session-resave.js'
import sessionSaveUninitialized from './express/session-save-uninitialized.js'
import sessionCookieInsecure from './express/session-cookie-insecure.js'
import sessionMemoryStore from './express/session-memory-store.js'
import proxyTrustMissing from './proxy/proxy-trust-missing.js'
import rateLimitMissing from './express/rate-limit-missing.js'
import rateLimitAuthMissing from './express/rate-limit-auth-missing.js'
import rateLimitMemoryStore from './express/rate-limit-memory-store.js'
import rateLimitBypassable from './express/rate-limit-bypassable.js'
import corsWildcardCredentials from './express/cors-wildcard-credentials.js'
import corsPermissive from './express/cors-permissive.js'
import dockerRootUser from './docker/docker-root-user.js'
import dockerUnpinnedBase from './docker/docker-unpinned-base.js'
import dockerEolNode from './docker/docker-eol-node.js'
import dockerNpmInstall from './docker/docker-npm-install.js'
import dockerNonSlimBase from './docker/docker-non-slim-base.js'
import dockerDotenvCopied from './docker/docker-dotenv-copied.js'
import dockerSecretEnv from './docker/docker-secret-env.js'
import dockerNodeEnv from './docker/docker-node-env.js'
import lockfileMissing from './project/lockfile-missing.js'
import enginesEolNode from './project/engines-eol-node.js'
import suppressionWithoutReason from './project/suppression-without-reason.js'
import hardcodedSecret from './secrets/hardcoded-secret.js'
import envFileCommitted from './secrets/env-file-committed.js'
import proxyNoTls from './proxy/proxy-no-tls.js'
import proxyBodySize from './proxy/proxy-body-size.js'
import proxyServerTokens from './proxy/proxy-server-tokens.js'
import proxyTimeouts from './proxy/proxy-timeouts.js'
import validationMissing from './express/validation-missing.js'
import prototypePollution from './express/prototype-pollution.js'
import cspWeak from './express/csp-weak.js'
import xPoweredBy from './express/x-powered-by.js'
import errorLeak from './express/error-leak.js'
import errorHandlerMissing from './express/error-handler-missing.js'
import bodyLimitMissing from './express/body-limit-missing.js'
import bodyLimitLarge from './express/body-limit-large.js'

/** Every implemented rule; the catalog test checks each has docs and tests. */
export const RULES: readonly Rule[] = [
  helmetMissing,
  rateLimitMissing,
  rateLimitAuthMissing,
  rateLimitMemoryStore,
  rateLimitBypassable,
  corsWildcardCredentials,
  corsPermissive,
  sessionSecretHardcoded,
  sessionCookieNameDefault,
  sessionResave,
  sessionSaveUninitialized,
  sessionCookieInsecure,
  sessionMemoryStore,
  proxyTrustMissing,
  validationMissing,
  prototypePollution,
  cspWeak,
  xPoweredBy,
  errorLeak,
  errorHandlerMissing,
  bodyLimitMissing,
  bodyLimitLarge,
  hardcodedSecret,
  envFileCommitted,
  dockerRootUser,
  dockerUnpinnedBase,
  dockerEolNode,
  dockerNpmInstall,
  dockerNonSlimBase,
  dockerDotenvCopied,
  dockerSecretEnv,
  dockerNodeEnv,
  proxyNoTls,
  proxyBodySize,
  proxyServerTokens,
  proxyTimeouts,
  lockfileMissing,
  enginesEolNode,
  suppressionWithoutReason
]

export { CATALOG_IDS, KNOWN_RULE_IDS } from './catalog.js'

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id)
}
