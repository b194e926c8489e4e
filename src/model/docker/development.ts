import { posix } from 'node:path'
import { buildDockerfilePath, type ComposeModel } from '../../parse/compose.js'
import type { DockerfileModel } from '../../parse/dockerfile.js'
import type { ShellCommand } from '../../parse/shell.js'
import { runtimeOf, startInstructions } from './runtime.js'

/** `Dockerfile.dev`, `Dockerfile-development`, `dev.Dockerfile`, `api.dev.dockerfile`. */
const DEV_DOCKERFILE = /(?:^|[.-])(?:dev|develop|development)(?:[.-]|$)/i
/** `docker-compose.dev.yml`, `compose.local.yaml`, `docker-compose.override.yml` (Compose's local-overrides file). */
const DEV_COMPOSE = /(?:^|[.-])(?:dev|develop|development|local|debug|override)(?:[.-]|$)/i
/** Watchers and dev servers: a container that starts one serves a developer, not production. */
const DEV_SERVERS = new Set(['nodemon', 'ts-node-dev', 'tsnd', 'node-dev'])
const DEV_SUBCOMMANDS: Record<string, Set<string>> = { next: new Set(['dev']), nuxt: new Set(['dev']), nuxi: new Set(['dev']) }
const RUN_SCRIPT = new Set(['run', 'run-script'])
const DEV_SCRIPTS = new Set(['dev', 'develop', 'development', 'start:dev', 'dev:server', 'watch'])

export interface DockerDocs {
  dockerfiles: ReadonlyArray<{ path: string; model: DockerfileModel }>
  composeFiles: ReadonlyArray<{ path: string; model: ComposeModel }>
}

export function isDevelopmentComposeName(name: string): boolean {
  return DEV_COMPOSE.test(name.replace(/\.ya?ml$/i, ''))
}

/** `nodemon app.js`, `ts-node-dev src/index.ts`, `next dev`, `npm run dev`, `yarn dev`, `node --watch app.js`. */
function startsDevServer(command: ShellCommand): boolean {
  const [program = '', sub, next] = command.words.map((w) => w.split('/').at(-1) ?? w)
  if (DEV_SERVERS.has(program)) return true
  if (DEV_SUBCOMMANDS[program]?.has(sub ?? '')) return true
  if (program === 'npx' && sub !== undefined) return DEV_SERVERS.has(sub) || DEV_SUBCOMMANDS[sub]?.has(next ?? '') === true
  if (program === 'node') return command.words.includes('--watch')
  if (program !== 'npm' && program !== 'yarn' && program !== 'pnpm' && program !== 'bun') return false
  const script = sub !== undefined && RUN_SCRIPT.has(sub) ? next : program === 'npm' ? undefined : sub
  return script !== undefined && DEV_SCRIPTS.has(script)
}

/**
 * Why a Dockerfile builds an image for development only, or undefined when it may ship: its name
 * (`Dockerfile.dev`), the Compose files that build it (only development ones: `docker-compose.dev.yml`),
 * or the command its final stage starts (nodemon, ts-node-dev, `next dev`, `npm run dev`).
 */
export function developmentDockerfiles(docs: DockerDocs): Map<string, string> {
  const byComposeKind = new Map<string, { dev: boolean; prod: boolean }>()
  for (const { path, model } of docs.composeFiles) {
    const dev = isDevelopmentComposeName(posix.basename(path))
    for (const service of model.services) {
      const built = service.build && buildDockerfilePath(path, service.build)
      if (!built) continue
      const seen = byComposeKind.get(built) ?? { dev: false, prod: false }
      byComposeKind.set(built, dev ? { ...seen, dev: true } : { ...seen, prod: true })
    }
  }
  const result = new Map<string, string>()
  for (const { path, model } of docs.dockerfiles) {
    const compose = byComposeKind.get(path)
    const runtime = runtimeOf(model)
    if (DEV_DOCKERFILE.test(posix.basename(path))) result.set(path, 'named for development')
    else if (compose?.dev && !compose.prod) result.set(path, 'built only by a development Compose file')
    else if (runtime && startInstructions(model, runtime.final).some((i) => i.commands.some(startsDevServer)))
      result.set(path, 'starts a development server')
  }
  return result
}
