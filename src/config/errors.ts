/**
 * A problem with what the user gave us (an input, a flag, the config file, the repository layout).
 * Its message is one line that says what is wrong and how to fix it; it is shown without a stack.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** One line for the log: usage errors as they are, anything else with its message only. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name
  return String(error).split('\n')[0] ?? 'unknown error'
}
