/**
 * The parts of the run's event (`github.context` of @actions/github) that publishing reads. The entry
 * (main.ts) reads `github.context` once and passes it down, so no module here depends on a global.
 * `repo` is a getter on the real context that throws without GITHUB_REPOSITORY: read it only when
 * the event is a pull request's.
 */
export interface RunContext {
  readonly eventName: string
  readonly payload: Record<string, unknown>
  readonly repo: { owner: string; repo: string }
  readonly sha: string
  readonly serverUrl: string
}
