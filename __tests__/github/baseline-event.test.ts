import { describe, expect, it } from '@jest/globals'
import { resolveBaselineInput } from '../../src/github/baseline-event.js'

const SHA = 'a'.repeat(40)
const pr = (eventName: string, base: unknown) => ({ eventName, payload: { pull_request: { number: 1, base } } })

describe('resolveBaselineInput', () => {
  it.each(['pull_request', 'pull_request_target'])('resolves auto on %s to the base commit of the payload', (event) => {
    expect(resolveBaselineInput({ kind: 'auto' }, pr(event, { sha: SHA }))).toEqual({ kind: 'base-commit', ref: SHA })
  })

  it.each(['push', 'schedule', 'workflow_dispatch'])('resolves auto on %s to no baseline', (event) => {
    expect(resolveBaselineInput({ kind: 'auto' }, { eventName: event, payload: {} })).toEqual({ kind: 'none' })
  })

  it('makes a pull request without a base sha an unavailable baseline, never none', () => {
    expect(resolveBaselineInput({ kind: 'auto' }, pr('pull_request', { sha: 'main; rm -rf' }))).toMatchObject({
      kind: 'unavailable',
      source: 'base-commit'
    })
  })

  it('keeps none and a file whatever the event', () => {
    expect(resolveBaselineInput({ kind: 'none' }, pr('pull_request', { sha: SHA }))).toEqual({ kind: 'none' })
    const file = { kind: 'file', path: '/w/b.json', ref: 'b.json' } as const
    expect(resolveBaselineInput(file, { eventName: 'push', payload: {} })).toEqual(file)
  })
})
