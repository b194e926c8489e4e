// What the scan's rules report, as plain data a worker thread can send, and the central policy that
// turns it into the scan's result. The main thread needs only this; run.ts (the rules, the model, the
// parser) is loaded where the scan runs.
import { lstatSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { GateConfig } from '../config/config-file.js'
import type { Note } from '../discovery/find-files.js'
import type { Finding } from '../findings/finding.js'
import { applyPolicy } from '../findings/policy.js'
import type { RuleFinding, RuleMeta } from '../rules/rule.js'

export interface ScanResult {
  findings: Finding[]
  /** Why each finding was reported: its rule's messageId. */
  reasons: ReadonlyMap<Finding, string>
  notes: Note[]
  filesScanned: number
}

/** What the rules report before the policy applies: plain data, which a worker thread can send. */
export interface CollectedFindings {
  reported: Array<{ meta: RuleMeta; finding: RuleFinding }>
  notes: Note[]
  filesScanned: number
}

function uniqueNotes(notes: Note[]): Note[] {
  const seen = new Set<string>()
  return notes.filter((n) => {
    const key = `${n.file}\u0000${n.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** A scanned file's lines as the rules saw them (no BOM), for inline suppressions; undefined when it is not a readable file. */
function fileLines(root: string): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>()
  return (file) => {
    if (!cache.has(file)) {
      const path = join(root, file)
      try {
        cache.set(
          file,
          lstatSync(path).isFile()
            ? readFileSync(path, 'utf8')
                .replace(/^\uFEFF/, '')
                .split(/\r?\n/)
            : undefined
        )
      } catch {
        cache.set(file, undefined)
      }
    }
    return cache.get(file)
  }
}

/** The central policy over collected findings: severity overrides, suppressions (config and inline). */
export function applyScanPolicy(collected: CollectedFindings, root: string, config: GateConfig, today: string): ScanResult {
  const policy = applyPolicy(collected.reported, config, today, fileLines(root))
  return {
    findings: policy.findings,
    reasons: policy.reasons,
    notes: uniqueNotes([...collected.notes, ...policy.notes]),
    filesScanned: collected.filesScanned
  }
}
