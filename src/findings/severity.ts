// Kept only for src/github/annotations.ts, which is being rewritten elsewhere; new code imports ../common/severity.js.
export * from '../common/severity.js'
