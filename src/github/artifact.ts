/**
 * What the runner gives a JavaScript action for artifact uploads, checked before @actions/artifact
 * is loaded, so a step without it warns in one line and never pays for loading the client.
 */

export interface BackendIds {
  workflowRunBackendId: string
  workflowJobRunBackendId: string
}

/** What the runner hands a JavaScript action for artifacts. */
export interface ArtifactRuntime {
  token: string
  /** The origin of ACTIONS_RESULTS_URL. */
  resultsUrl: string
  ids: BackendIds
}

/** Why the runtime is unusable. */
export class ArtifactError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ArtifactError'
  }
}

/** Payload claims of a JWT, decoded without verifying it: the runner gave it to us, the service checks it. */
function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1]
  if (!payload) throw new ArtifactError('ACTIONS_RUNTIME_TOKEN is not a JWT')
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    if (typeof claims === 'object' && claims !== null) return claims as Record<string, unknown>
  } catch {
    // reported below
  }
  throw new ArtifactError('ACTIONS_RUNTIME_TOKEN has no readable claims')
}

/** The run's and the job's backend ids, from the `Actions.Results:<run>:<job>` scope of the token's `scp` claim. */
export function backendIdsFromToken(token: string): BackendIds {
  const { scp } = jwtClaims(token)
  const scopes = typeof scp === 'string' ? scp.split(' ') : []
  const results = scopes.map((scope) => scope.split(':')).find((parts) => parts[0] === 'Actions.Results')
  const [, run, job] = results ?? []
  if (results?.length !== 3 || !run || !job) {
    throw new ArtifactError('ACTIONS_RUNTIME_TOKEN has no Actions.Results:<run>:<job> scope')
  }
  return { workflowRunBackendId: run, workflowJobRunBackendId: job }
}

/** The artifact runtime of this step, or why there is none. */
export function readArtifactRuntime(env: NodeJS.ProcessEnv): ArtifactRuntime | { unavailable: string } {
  const token = env.ACTIONS_RUNTIME_TOKEN
  const results = env.ACTIONS_RESULTS_URL
  if (!token || !results) {
    const missing = [!token && 'ACTIONS_RUNTIME_TOKEN', !results && 'ACTIONS_RESULTS_URL'].filter(Boolean).join(' and ')
    return {
      unavailable: `${missing} not set; GitHub-hosted and self-hosted runners set them for actions in a workflow job, so upload-sbom works only there`
    }
  }
  if (!URL.canParse(results)) return { unavailable: 'ACTIONS_RESULTS_URL is not a URL' }
  if (isEnterpriseServer(env.GITHUB_SERVER_URL)) {
    return { unavailable: 'artifact uploads of this kind (v4) are not available on GitHub Enterprise Server' }
  }
  try {
    return { token, resultsUrl: new URL(results).origin, ids: backendIdsFromToken(token) }
  } catch (error) {
    return { unavailable: (error as Error).message }
  }
}

/** As @actions/artifact decides it: github.com, GHE.com data residency and local test hosts are not GHES. */
function isEnterpriseServer(serverUrl: string | undefined): boolean {
  if (!serverUrl || !URL.canParse(serverUrl)) return false
  const host = new URL(serverUrl).hostname.toLowerCase()
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}
