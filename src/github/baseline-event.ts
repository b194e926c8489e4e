import type { BaselineInput } from '../config/inputs.js'
import type { BaselineChoice } from '../config/options.js'
import type { RunContext } from './run-context.js'

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/**
 * `baseline: auto` against the run's event: a pull request compares with its base commit (the
 * payload's `pull_request.base.sha`); any other event has nothing to compare with.
 */
export function resolveBaselineInput(input: BaselineInput, context: Pick<RunContext, 'eventName' | 'payload'>): BaselineChoice {
  if (input.kind !== 'auto') return input
  if (!PULL_REQUEST_EVENTS.has(context.eventName)) return { kind: 'none' }
  const pr = context.payload.pull_request as { base?: { sha?: unknown } } | null | undefined
  const sha = pr?.base?.sha
  if (typeof sha === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) return { kind: 'base-commit', ref: sha }
  return {
    kind: 'unavailable',
    source: 'base-commit',
    ref: '',
    error: `the ${context.eventName} event names no base commit (pull_request.base.sha)`
  }
}
