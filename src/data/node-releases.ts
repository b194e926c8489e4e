import semver from 'semver'

export interface NodeRelease {
  major: number
  /** LTS codename, as used by Docker tags such as `node:hydrogen-alpine`. */
  codename?: string
  /** The day the line entered Active LTS; odd lines before 27 never do. */
  lts?: string
  /** End of life: no fixes, security ones included, after this day. */
  end: string
}

/**
 * The Node.js release schedule (https://github.com/nodejs/Release, schedule.json). From 27 on
 * there is one major a year, each LTS, ending 36 months after its April release; 27's dates are
 * the announced plan. Update this table when a new line is scheduled.
 */
export const NODE_RELEASES: readonly NodeRelease[] = [
  { major: 0, end: '2016-12-31' },
  { major: 4, codename: 'argon', lts: '2015-10-12', end: '2018-04-30' },
  { major: 5, end: '2016-06-30' },
  { major: 6, codename: 'boron', lts: '2016-10-18', end: '2019-04-30' },
  { major: 7, end: '2017-06-30' },
  { major: 8, codename: 'carbon', lts: '2017-10-31', end: '2019-12-31' },
  { major: 9, end: '2018-06-30' },
  { major: 10, codename: 'dubnium', lts: '2018-10-30', end: '2021-04-30' },
  { major: 11, end: '2019-06-01' },
  { major: 12, codename: 'erbium', lts: '2019-10-21', end: '2022-04-30' },
  { major: 13, end: '2020-06-01' },
  { major: 14, codename: 'fermium', lts: '2020-10-27', end: '2023-04-30' },
  { major: 15, end: '2021-06-01' },
  { major: 16, codename: 'gallium', lts: '2021-10-26', end: '2023-09-11' },
  { major: 17, end: '2022-06-01' },
  { major: 18, codename: 'hydrogen', lts: '2022-10-25', end: '2025-04-30' },
  { major: 19, end: '2023-06-01' },
  { major: 20, codename: 'iron', lts: '2023-10-24', end: '2026-04-30' },
  { major: 21, end: '2024-06-01' },
  { major: 22, codename: 'jod', lts: '2024-10-29', end: '2027-04-30' },
  { major: 23, end: '2025-06-01' },
  { major: 24, codename: 'krypton', lts: '2025-10-28', end: '2028-04-30' },
  { major: 25, end: '2026-06-01' },
  { major: 26, lts: '2026-10-28', end: '2029-04-30' },
  { major: 27, lts: '2027-10-26', end: '2030-04-30' }
]

export function findNodeRelease(major: number): NodeRelease | undefined {
  return NODE_RELEASES.find((r) => r.major === major)
}

/** The major of an LTS codename (`carbon` → 8), case-insensitive. */
export function majorOfCodename(codename: string): number | undefined {
  const name = codename.toLowerCase()
  return NODE_RELEASES.find((r) => r.codename === name)?.major
}

/** Is this major past its end of life on `date` (YYYY-MM-DD)? Unknown majors are not. */
export function isEndOfLife(major: number, date: string): boolean {
  const end = findNodeRelease(major)?.end
  return end !== undefined && end < date
}

/** LTS lines in support on `date`, oldest first: what to move to. */
export function supportedLtsMajors(date: string): number[] {
  return NODE_RELEASES.filter((r) => r.lts !== undefined && r.lts <= date && date <= r.end).map((r) => r.major)
}

/**
 * The oldest end-of-life major that an `engines.node` range lets in, judged by the lowest version
 * of each `||` alternative. An open upper end (`>=22`) is not held against a range: it admits
 * the short-lived odd lines (23, 25) by arithmetic, not by intent. Undefined for an invalid range.
 */
export function oldestEndOfLifeMajor(range: string, date: string): number | undefined {
  let parsed: semver.Range
  try {
    parsed = new semver.Range(range)
  } catch {
    return undefined
  }
  const majors = parsed.set
    .map((comparators) => semver.minVersion(new semver.Range(comparators.map((c) => c.value).join(' ') || '*'))?.major)
    .filter((major): major is number => major !== undefined && isEndOfLife(major, date))
  return majors.length > 0 ? Math.min(...majors) : undefined
}
