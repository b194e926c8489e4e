/** The whole message of whatever was thrown: for callers that pass on a parser's or tool's full text. */
export function describeErrorFully(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** One line for the log or a note: the first line of the message, without a stack. */
export function describeError(error: unknown): string {
  return describeErrorFully(error).split('\n')[0] ?? ''
}
