import { describe, expect, it } from '@jest/globals'
import type { Finding } from '../../src/findings/finding.js'
import { changedLinesOf, type PullFile } from '../../src/github/changed-lines.js'
import { addedFilesOf, markNewFindings } from '../../src/github/new-findings.js'
import { joinRepositoryPath } from '../../src/common/repository-path.js'

function finding(file: string, line: number | null, extra: Partial<Finding> = {}): Finding {
  return {
    rule: 'helmet-missing',
    severity: 'high',
    file,
    line,
    column: line === null ? null : 1,
    message: 'no helmet',
    fingerprint: `fp-${file}-${line}`,
    suppressed: false,
    ...extra
  }
}

/** A patch whose only hunk adds the given new-side lines (replacing as many old ones). */
function patchChanging(line: number): string {
  return `@@ -${line},1 +${line},1 @@\n-old\n+new`
}

const FILES: PullFile[] = [
  { filename: 'src/app.js', status: 'modified', patch: patchChanging(10) },
  { filename: 'src/new.js', status: 'added', patch: '@@ -0,0 +1,2 @@\n+a\n+b' },
  { filename: 'Dockerfile', status: 'modified' },
  { filename: 'gone.js', status: 'removed' },
  { filename: 'apps/api/server.js', status: 'added', patch: '@@ -0,0 +1 @@\n+x' }
]

function mark(findings: Finding[], root = '.'): Array<[string, number | null, boolean | undefined]> {
  return markNewFindings(findings, changedLinesOf(FILES), addedFilesOf(FILES), (file) => joinRepositoryPath(root, file)).map((f) => [
    f.file,
    f.line,
    f.new
  ])
}

describe('markNewFindings', () => {
  it('marks a finding on an added or changed line as new, and one on an untouched line or file not', () => {
    expect(mark([finding('src/app.js', 10), finding('src/app.js', 11), finding('src/new.js', 2), finding('src/other.js', 1)])).toEqual([
      ['src/app.js', 10, true],
      ['src/app.js', 11, false],
      ['src/new.js', 2, true],
      ['src/other.js', 1, false]
    ])
  })

  it('counts every line of a file without a patch (binary, too large) as changed', () => {
    expect(mark([finding('Dockerfile', 3)])).toEqual([['Dockerfile', 3, true]])
  })

  it('marks a project-wide finding (no line) new only when the pull request added its file', () => {
    expect(
      mark([finding('src/new.js', null), finding('src/app.js', null), finding('Dockerfile', null), finding('package.json', null)])
    ).toEqual([
      ['src/new.js', null, true],
      ['src/app.js', null, false],
      ['Dockerfile', null, false],
      ['package.json', null, false]
    ])
  })

  it('matches paths under the working directory against repository paths', () => {
    expect(mark([finding('server.js', null), finding('server.js', 1), finding('src/app.js', 10)], 'apps/api')).toEqual([
      ['server.js', null, true],
      ['server.js', 1, true],
      ['src/app.js', 10, false]
    ])
  })

  it('keeps every other field, suppressed findings included, and leaves its input alone', () => {
    const input = [finding('src/app.js', 10, { suppressed: true, suppression: { source: 'inline', reason: 'ok' } })]
    const [marked] = markNewFindings(input, changedLinesOf(FILES), addedFilesOf(FILES))
    expect(marked).toEqual({ ...input[0], new: true })
    expect(input[0]).not.toHaveProperty('new')
  })
})

describe('addedFilesOf', () => {
  it('is the files with status added only', () => {
    expect([...addedFilesOf(FILES)]).toEqual(['src/new.js', 'apps/api/server.js'])
  })
})
