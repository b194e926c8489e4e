/**
 * A problem with what the user gave us (an input, a flag, the config file, the repository layout).
 * Its message is one line that says what is wrong and how to fix it; it is shown without a stack.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
