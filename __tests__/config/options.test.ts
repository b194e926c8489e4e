import { describe, expect, it } from '@jest/globals'
import { UsageError } from '../../src/config/errors.js'
import { parseBoolean, parseChoice, parseThreshold, todayUtc } from '../../src/config/options.js'

describe('parseThreshold', () => {
  it.each(['low', 'moderate', 'high', 'critical', 'none'])('accepts %s', (level) => {
    expect(parseThreshold('audit-level', level)).toBe(level)
  })

  it('ignores case and surrounding spaces', () => {
    expect(parseThreshold('fail-on', ' HIGH ')).toBe('high')
    expect(parseThreshold('fail-on', 'Critical')).toBe('critical')
  })

  it('rejects a typo with a message that lists the choices and quotes the value (contract)', () => {
    expect(() => parseThreshold('audit-level', 'hgih')).toThrow(
      new UsageError("audit-level must be one of low, moderate, high, critical, none; got 'hgih'")
    )
  })

  it.each(['', 'info', 'medium', 'high,critical'])('rejects %p', (level) => {
    expect(() => parseThreshold('fail-on', level)).toThrow(UsageError)
  })
})

describe('parseChoice', () => {
  it('returns the trimmed choice', () => {
    expect(parseChoice('comment', ' on-failure ', ['always', 'on-failure', 'never'] as const)).toBe('on-failure')
  })

  it('is case-sensitive and names the input in the error', () => {
    expect(() => parseChoice('comment', 'Always', ['always', 'never'] as const)).toThrow(UsageError)
    expect(() => parseChoice('comment', 'Always', ['always', 'never'] as const)).toThrow(
      /^comment must be one of always, never; got 'Always'$/
    )
  })
})

describe('parseBoolean', () => {
  it.each(['true', 'True', 'TRUE', ' true '])('reads %p as true', (value) => {
    expect(parseBoolean('install', value)).toBe(true)
  })

  it.each(['false', 'False', 'FALSE'])('reads %p as false', (value) => {
    expect(parseBoolean('install', value)).toBe(false)
  })

  it.each(['yes', 'no', '1', '0', 'tRUE', 'on', ''])('rejects %p naming the input', (value) => {
    expect(() => parseBoolean('omit-dev', value)).toThrow(UsageError)
    expect(() => parseBoolean('omit-dev', value)).toThrow(/^omit-dev must be true or false/)
  })
})

describe('todayUtc', () => {
  it('is the UTC calendar day, not the local one', () => {
    expect(todayUtc(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02')
    expect(todayUtc(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01')
  })

  it('defaults to now', () => {
    expect(todayUtc()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})
