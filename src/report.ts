import type { ReportFile } from './report-file.js'

/**
 * The JSON report, version 1 (SPEC "JSON report"); extra fields are additive. Its type is the
 * report file's schema (REPORT_SCHEMA in report-file.ts) without the pull request a scan run adds.
 */
export type Report = Omit<ReportFile, 'pullRequest'>

export type SbomSection = Report['sbom']

/** What the gate compared against; old reports (read back in `mode: comment`) may lack it. */
export type BaselineSection = NonNullable<Report['baseline']>
