const SCRIPT_EXTENSIONS = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/

/** JavaScript and TypeScript sources, modules and JSX included. */
export function isScriptName(name: string): boolean {
  return SCRIPT_EXTENSIONS.test(name)
}
