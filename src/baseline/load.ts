import type { BaselineChoice } from '../config/options.js'
import { describeError } from '../common/errors.js'
import type { BaseCommitOptions } from './base-commit.js'
import { NO_BASELINE, type BaselineOutcome } from './compare.js'

/**
 * The baseline the options ask for, or why it cannot be had. Never throws: a baseline that fails
 * is status error (one warning, every finding counts), never a failed run nor a passed gate.
 */
export async function loadBaseline(choice: BaselineChoice | undefined, base: Omit<BaseCommitOptions, 'ref'>): Promise<BaselineOutcome> {
  if (!choice || choice.kind === 'none') return NO_BASELINE
  if (choice.kind === 'unavailable') return { status: 'error', source: choice.source, ref: choice.ref, error: choice.error }
  // Loaded only for a baseline file: its schema is zod's, which a run without one never loads.
  if (choice.kind === 'file') return (await import('./file.js')).loadBaselineFile(choice.path, choice.ref)
  try {
    // Loaded only for a base commit: it reads the tree by the scan's document kinds, whose parsers a plain run never loads here.
    return await (await import('./base-commit.js')).loadBaseCommit({ ...base, ref: choice.ref })
  } catch (error) {
    return { status: 'error', source: 'base-commit', ref: choice.ref, error: describeError(error) }
  }
}
