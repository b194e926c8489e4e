// The example workflows (examples/workflows/) and the README's workflow snippets are what users
// copy: each must parse, use only inputs that action.yml declares, and ask for the permissions its
// steps need (and, for the fork-safe pair, no more).
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPO_ROOT } from '../helpers/run-action.js'

const EXAMPLES = join(REPO_ROOT, 'examples/workflows')
const OUR_ACTION = /^express-hardening-gate\/express-hardening-gate@/
const PR_EVENTS = ['pull_request', 'pull_request_target']

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> }
interface Job { permissions?: Permissions; strategy?: { matrix?: unknown }; steps?: Step[]; if?: string }
type Permissions = string | Record<string, string>
interface Workflow { name?: string; on?: unknown; permissions?: Permissions; jobs?: Record<string, Job> }

const ACTION = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }
const INPUTS = new Set(Object.keys(ACTION.inputs))

const FILES = readdirSync(EXAMPLES).filter((f) => /\.ya?ml$/.test(f)).sort()
const WORKFLOWS = new Map(FILES.map((f) => [f, parse(readFileSync(join(EXAMPLES, f), 'utf8')) as Workflow]))

function workflow(file: string): Workflow {
  const found = WORKFLOWS.get(file)
  if (!found) throw new Error(`examples/workflows/${file} is missing`)
  return found
}

function triggers(wf: Workflow): string[] {
  if (typeof wf.on === 'string') return [wf.on]
  if (Array.isArray(wf.on)) return wf.on.map(String)
  return Object.keys((wf.on ?? {}) as Record<string, unknown>)
}

/** A job's permissions replace the workflow's entirely, as on GitHub. */
function permission(wf: Workflow, job: Job, scope: string): 'write' | 'read' | 'none' {
  const perms = job.permissions ?? wf.permissions
  if (perms === 'write-all') return 'write'
  if (perms === 'read-all') return 'read'
  // No permissions block at all: the repository default, which may be read-only; examples must say.
  if (perms === undefined) return 'none'
  const value = typeof perms === 'object' ? perms[scope] : undefined
  return value === 'write' || value === 'read' ? value : 'none'
}

function ourSteps(job: Job): Step[] {
  return (job.steps ?? []).filter((s) => OUR_ACTION.test(s.uses ?? ''))
}

function input(step: Step, name: string): string {
  const value = step.with?.[name]
  return value === undefined ? (ACTION.inputs[name]?.default ?? '') : String(value)
}

/** Whether a step of ours posts a PR comment: comment mode, or a scan on a pull request event, unless comment: never. */
function postsComment(wf: Workflow, step: Step): boolean {
  if (input(step, 'comment') === 'never') return false
  return input(step, 'mode') === 'comment' || triggers(wf).some((t) => PR_EVENTS.includes(t))
}

/** The checks every workflow gets, examples and README snippets alike; returns problems as text. */
function problemsOf(wf: Workflow): string[] {
  const problems: string[] = []
  if (triggers(wf).includes('pull_request_target')) problems.push('uses pull_request_target (see README: why it is unsafe)')
  for (const [id, job] of Object.entries(wf.jobs ?? {})) {
    for (const step of ourSteps(job)) {
      for (const name of Object.keys(step.with ?? {})) {
        if (!INPUTS.has(name)) problems.push(`${id}: input '${name}' is not in action.yml`)
      }
      if (!['scan', 'comment'].includes(input(step, 'mode'))) problems.push(`${id}: mode '${input(step, 'mode')}'`)
      if (!['always', 'on-failure', 'never'].includes(input(step, 'comment'))) problems.push(`${id}: comment '${input(step, 'comment')}'`)
      if (postsComment(wf, step) && permission(wf, job, 'pull-requests') !== 'write') problems.push(`${id}: comments without pull-requests: write`)
      if (!['true', 'false'].includes(input(step, 'dependency-snapshot'))) problems.push(`${id}: dependency-snapshot '${input(step, 'dependency-snapshot')}'`)
      if (input(step, 'dependency-snapshot') === 'true' && permission(wf, job, 'contents') !== 'write') {
        problems.push(`${id}: submits a dependency snapshot without contents: write`)
      }
    }
    for (const step of job.steps ?? []) {
      if (!/^github\/codeql-action\/upload-sarif@/.test(step.uses ?? '')) continue
      if (permission(wf, job, 'security-events') !== 'write') problems.push(`${id}: uploads SARIF without security-events: write`)
      if (!step.with?.category) problems.push(`${id}: uploads SARIF without a category`)
    }
  }
  return problems
}

/** ```yaml blocks of the README that are workflows (they have jobs:). */
function readmeWorkflows(): Workflow[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
  return [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)]
    .map((m) => parse(m[1] ?? '') as Workflow)
    .filter((wf) => wf !== null && typeof wf === 'object' && 'jobs' in wf)
}

describe('example workflows', () => {
  it('include the basic gate, SARIF upload, the two-phase pair and a monorepo matrix', () => {
    expect(FILES).toEqual(
      expect.arrayContaining(['gate.yml', 'sarif.yml', 'two-phase-scan.yml', 'two-phase-comment.yml', 'monorepo-matrix.yml', 'dependency-snapshot.yml'])
    )
  })

  it.each(FILES)('%s parses, uses our action with inputs of action.yml and has the permissions its steps need', (file) => {
    const wf = workflow(file)
    expect(typeof wf.name).toBe('string')
    expect(Object.values(wf.jobs ?? {}).flatMap(ourSteps).length).toBeGreaterThan(0)
    expect(problemsOf(wf)).toEqual([])
  })

  it('the checks catch an unknown input and a missing permission', () => {
    const wf = structuredClone(workflow('gate.yml'))
    const step = ourSteps(Object.values(wf.jobs ?? {})[0] as Job)[0] as Step
    step.with = { ...step.with, 'audit_level': 'high' }
    wf.permissions = { contents: 'read' }
    expect(problemsOf(wf)).toEqual(["gate: input 'audit_level' is not in action.yml", 'gate: comments without pull-requests: write'])
  })

  it('the checks catch a dependency snapshot without contents: write', () => {
    const wf = structuredClone(workflow('dependency-snapshot.yml'))
    wf.permissions = { contents: 'read' }
    expect(problemsOf(wf)).toEqual(['gate: submits a dependency snapshot without contents: write'])
    const step = ourSteps(Object.values(wf.jobs ?? {})[0] as Job)[0] as Step
    step.with = { ...step.with, 'dependency-snapshot': 'yes' }
    wf.permissions = { contents: 'write' }
    expect(problemsOf(wf)).toEqual(["gate: dependency-snapshot 'yes'"])
  })

  it('the dependency snapshot runs on pushes to main, for each service, with contents: write and no comment permission', () => {
    const wf = workflow('dependency-snapshot.yml')
    expect(triggers(wf)).toEqual(['push'])
    expect((wf.on as { push: { branches: string[] } }).push.branches).toEqual(['main'])
    const job = Object.values(wf.jobs ?? {})[0] as Job
    const gate = ourSteps(job)[0] as Step
    expect(input(gate, 'dependency-snapshot')).toBe('true')
    expect(permission(wf, job, 'contents')).toBe('write')
    expect(permission(wf, job, 'pull-requests')).toBe('none')
    // Each service is its own working directory, so its own snapshot.
    expect(input(gate, 'working-directory')).toMatch(/^\$\{\{ matrix\.\w+ \}\}$/)
    // Everywhere else the snapshot is off: only this workflow needs contents: write.
    for (const [file, other] of WORKFLOWS) {
      if (file === 'dependency-snapshot.yml') continue
      for (const step of Object.values(other.jobs ?? {}).flatMap(ourSteps)) expect(input(step, 'dependency-snapshot')).toBe('false')
    }
  })

  it('SARIF goes to code scanning with a category, even when the gate step failed', () => {
    const steps = Object.values(workflow('sarif.yml').jobs ?? {}).flatMap((j) => j.steps ?? [])
    const upload = steps.find((s) => /^github\/codeql-action\/upload-sarif@/.test(s.uses ?? ''))
    expect(upload?.if).toMatch(/always\(\)/)
    expect(upload?.with?.sarif_file).toBe('${{ steps.gate.outputs.sarif-path }}')
  })

  describe('fork-safe two-phase pair', () => {
    const scan = workflow('two-phase-scan.yml')
    const comment = workflow('two-phase-comment.yml')
    const scanJob = Object.values(scan.jobs ?? {})[0] as Job
    const commentJob = Object.values(comment.jobs ?? {})[0] as Job

    it('scans on pull_request with a read-only token and uploads the report even when the gate failed', () => {
      expect(triggers(scan)).toEqual(['pull_request'])
      const perms = [scan.permissions, ...Object.values(scan.jobs ?? {}).map((j) => j.permissions)]
      expect(JSON.stringify(perms)).not.toMatch(/write/)
      const gate = ourSteps(scanJob)[0] as Step
      expect(input(gate, 'mode')).toBe('scan')
      const upload = scanJob.steps?.find((s) => /^actions\/upload-artifact@/.test(s.uses ?? ''))
      expect(upload?.if).toMatch(/always\(\)/)
      expect(upload?.with?.path).toBe(`\${{ steps.${gate.id}.outputs.report-path }}`)
    })

    it('comments on workflow_run of the scan workflow, from the downloaded report, without running PR code', () => {
      expect(triggers(comment)).toEqual(['workflow_run'])
      expect((comment.on as { workflow_run: { workflows: string[] } }).workflow_run.workflows).toEqual([scan.name])
      expect(permission(comment, commentJob, 'pull-requests')).toBe('write')
      expect(permission(comment, commentJob, 'actions')).toBe('read')
      expect(permission(comment, commentJob, 'contents')).toBe('none')
      const steps = commentJob.steps ?? []
      expect(steps.filter((s) => s.run !== undefined || /^actions\/(checkout|setup-node)@/.test(s.uses ?? ''))).toEqual([])

      const upload = scanJob.steps?.find((s) => /^actions\/upload-artifact@/.test(s.uses ?? ''))
      const download = steps.find((s) => /^actions\/download-artifact@v4/.test(s.uses ?? ''))
      expect(download?.with).toMatchObject({
        name: upload?.with?.name,
        'run-id': '${{ github.event.workflow_run.id }}',
        'github-token': '${{ github.token }}'
      })
      const ours = ourSteps(commentJob)[0] as Step
      expect(input(ours, 'mode')).toBe('comment')
      // A single uploaded file lands at the top of the download path.
      expect(input(ours, 'report-file')).toBe(`${String(download?.with?.path)}/hardening-report.json`)
      expect(commentJob.if).toMatch(/workflow_run\.event == 'pull_request'/)
    })
  })

  it('the monorepo matrix gates each directory and names each SBOM artifact after its leg', () => {
    const wf = workflow('monorepo-matrix.yml')
    const job = Object.values(wf.jobs ?? {})[0] as Job
    const legs = (job.strategy?.matrix as { include: Array<Record<string, string>> }).include
    expect(legs.length).toBeGreaterThan(1)
    expect(new Set(legs.map((l) => l.directory)).size).toBe(legs.length)
    expect(input(ourSteps(job)[0] as Step, 'working-directory')).toMatch(/^\$\{\{ matrix\.\w+ \}\}$/)
    const uploads = (job.steps ?? []).filter((s) => /^actions\/upload-artifact@/.test(s.uses ?? ''))
    expect(uploads.length).toBeGreaterThan(0)
    for (const upload of uploads) {
      const name = String(upload.with?.name)
      expect(name).toMatch(/\$\{\{ matrix\.\w+ \}\}/)
      // Artifact names may not hold '/', so they name a leg by a key whose values have none.
      for (const key of [...name.matchAll(/matrix\.(\w+)/g)].map((m) => m[1] as string)) {
        for (const leg of legs) expect(leg[key]).toMatch(/^[^/\\:<>|*?"]+$/)
      }
    }
  })
})

describe('README workflow snippets', () => {
  const snippets = readmeWorkflows()

  it('are found', () => {
    expect(snippets.length).toBeGreaterThan(0)
  })

  it('use only inputs of action.yml and ask for the permissions they need', () => {
    for (const wf of snippets) expect(problemsOf(wf)).toEqual([])
  })
})
