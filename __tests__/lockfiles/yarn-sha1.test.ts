import { describe, expect, it } from '@jest/globals'
import { readYarnLockfile } from '../../src/lockfiles/yarn.js'

describe('an old Yarn 1 lockfile without integrity', () => {
  it("takes the tarball's SHA-1 after the resolved URL's # as the integrity npm reads", () => {
    const text = `# yarn lockfile v1


ms@2.1.3:
  version "2.1.3"
  resolved "https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz#574c8138ce1d2b5861f0b44579dbadd60c6615b2"

once@^1.4.0:
  version "1.4.0"
  resolved "https://registry.yarnpkg.com/once/-/once-1.4.0.tgz"
`
    const read = readYarnLockfile(text, 'classic', [{ path: '', manifest: { dependencies: { ms: '2.1.3', once: '^1.4.0' } } }])
    if (!read.ok) throw new Error(read.error)
    const ms = read.graph.nodes.get('ms@2.1.3')
    expect(ms).toMatchObject({ resolved: 'https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz', integrity: 'sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=' })
    expect(read.graph.nodes.get('once@^1.4.0')?.integrity).toBeUndefined()
  })
})
