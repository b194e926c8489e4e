// The project's @babel/parser options, for the bare-parse baseline (b).
//
import { parse } from '@babel/parser'

// Copied from src/parse/javascript.ts (dist/ is a bundle; nothing small to import). run.mjs checks
// that the source still says the same (checkParserOptions).
export const BASE_OPTIONS = {
  sourceType: 'unambiguous',
  allowReturnOutsideFunction: true,
  allowAwaitOutsideFunction: true,
  allowImportExportEverywhere: true,
  allowUndeclaredExports: true,
  allowNewTargetOutsideFunction: true,
  allowSuperOutsideMethod: true,
  errorRecovery: true,
  createParenthesizedExpressions: false,
  attachComment: false,
  ranges: false,
  tokens: false
}
export const PLUGIN_SETS = [
  ['typescript', 'jsx', 'decorators-legacy'],
  ['typescript', 'decorators-legacy'],
  ['jsx', 'flow', 'decorators-legacy']
]

/** parseJavaScript() of src/parse/javascript.ts: the first plugin set that parses wins. */
export function parseJavaScript(text) {
  for (const plugins of PLUGIN_SETS) {
    try {
      return parse(text, { ...BASE_OPTIONS, plugins })
    } catch {
      // next plugin set
    }
  }
  return undefined
}
