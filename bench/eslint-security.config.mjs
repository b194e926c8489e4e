// ESLint 9 flat config for the benchmark's comparison (d): eslint-plugin-security's recommended
// rules and nothing else, over every JS/TS extension the scanner reads, with typescript-eslint's
// parser (no type information) so TypeScript parses. Used with `overrideConfigFile`, never looked up.
import security from 'eslint-plugin-security'
import tseslint from 'typescript-eslint'

export default [
  {
    ...security.configs.recommended,
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx', '**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' }
  }
]
