// Kept only for src/rules/express/session-secret-hardcoded.ts, which is being rewritten elsewhere; new code imports ../common/secret-names.js.
export { isSecretName, nameWords, redact, urlPassword } from '../common/secret-names.js'
