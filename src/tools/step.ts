export type StepStatus = 'ok' | 'error' | 'skipped'

/** What one tool run contributed to the report's `steps`. */
export interface StepRecord {
  name: string
  status: StepStatus
  ms: number
  /** For errors: one line saying what went wrong and how to fix it. For skips: why. */
  detail?: string
}
