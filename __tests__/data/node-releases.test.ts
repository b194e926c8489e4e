import { describe, expect, it } from '@jest/globals'
import { isEndOfLife, majorOfCodename, NODE_RELEASES, oldestEndOfLifeMajor, supportedLtsMajors } from '../../src/data/node-releases.js'

const TODAY = '2026-11-26'

describe('Node.js release table', () => {
  it('is ordered, with LTS dates before end dates', () => {
    const majors = NODE_RELEASES.map((r) => r.major)
    expect(majors).toEqual([...majors].sort((a, b) => a - b))
    for (const r of NODE_RELEASES) if (r.lts) expect(r.lts < r.end).toBe(true)
  })

  it.each([
    [16, true],
    [18, true],
    [20, true],
    [21, true],
    [22, false],
    [24, false],
    [25, true],
    [26, false],
    [99, false]
  ])('Node %i is end-of-life on the scan date: %s', (major, eol) => {
    expect(isEndOfLife(major, TODAY)).toBe(eol)
  })

  it('counts the end date itself as supported', () => {
    expect(isEndOfLife(20, '2026-04-30')).toBe(false)
    expect(isEndOfLife(20, '2026-05-01')).toBe(true)
  })

  it('knows LTS codenames and the supported LTS lines', () => {
    expect(majorOfCodename('Carbon')).toBe(8)
    expect(majorOfCodename('bookworm')).toBeUndefined()
    expect(supportedLtsMajors(TODAY)).toEqual([22, 24, 26])
  })

  it.each([
    ['>=16', 16],
    ['^18 || ^20', 18],
    ['*', 0],
    ['>=20.18', 20],
    ['18.x', 18],
    ['^22 || 23.x', 23],
    ['>=22', undefined],
    ['^22 || ^24', undefined],
    ['>=24 <27', undefined],
    ['not a range', undefined]
  ])('engines %j admits end-of-life major %p', (range, major) => {
    expect(oldestEndOfLifeMajor(range, TODAY)).toBe(major)
  })
})
