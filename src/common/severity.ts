export const SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

/** A threshold is a severity, or `none` for "never fail on this". */
export const THRESHOLDS = [...SEVERITIES, 'none'] as const
export type Threshold = (typeof THRESHOLDS)[number]

export type SeverityCounts = Record<Severity, number>

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity)
}

export function meetsThreshold(severity: Severity, threshold: Threshold): boolean {
  return threshold !== 'none' && severityRank(severity) >= severityRank(threshold)
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value)
}

export function emptyCounts(): SeverityCounts {
  return { low: 0, moderate: 0, high: 0, critical: 0 }
}
