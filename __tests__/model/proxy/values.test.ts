import { describe, expect, it } from '@jest/globals'
import { parseCaddySize } from '../../../src/model/proxy/caddy.js'
import { parseNginxSize, parseNginxTime } from '../../../src/model/proxy/nginx.js'

describe('nginx and Caddy values', () => {
  it.each([
    ['0', 0],
    ['1024', 1024],
    ['10k', 10240],
    ['10K', 10240],
    ['1m', 1048576],
    ['50M', 52428800],
    ['1g', 1073741824],
    ['$limit', undefined],
    ['10mb', undefined],
    ['', undefined]
  ])('nginx size %j → %s bytes', (value, bytes) => {
    expect(parseNginxSize(value)).toBe(bytes)
  })

  it.each([
    ['60', 60000],
    ['60s', 60000],
    ['500ms', 500],
    ['1m', 60000],
    ['1m30s', 90000],
    ['1h', 3600000],
    ['2d', 172800000],
    ['$t', undefined],
    ['10 parsecs', undefined]
  ])('nginx time %j → %s ms', (value, ms) => {
    expect(parseNginxTime(value)).toBe(ms)
  })

  it.each([
    ['10MB', 10_000_000],
    ['100MB', 100_000_000],
    ['1GiB', 1073741824],
    ['1.5KB', 1500],
    ['512', 512],
    ['0', 0],
    ['lots', undefined]
  ])('Caddy size %j → %s bytes', (value, bytes) => {
    expect(parseCaddySize(value)).toBe(bytes)
  })
})
