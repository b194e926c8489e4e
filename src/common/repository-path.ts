/** A path relative to the scanned root as the repository sees it: the root (`.` for the repository itself) before it. */
export function joinRepositoryPath(root: string, file: string): string {
  return root === '.' || root === '' ? file : `${root.replace(/\/+$/, '')}/${file}`
}
