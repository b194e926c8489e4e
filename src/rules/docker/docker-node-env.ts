import { posix } from 'node:path'
import { buildDockerfilePath, type ComposeService } from '../../parse/compose.js'
import { stageChain } from '../../parse/dockerfile.js'
import { parseShellScript, type ShellCommand } from '../../parse/shell.js'
import type { RuleFinding } from '../rule.js'
import type { ComposeDoc, DockerfileDoc, PackageJsonDoc, ProjectContext } from '../../scan/context.js'
import { defineRule } from '../rule.js'
import { isNodeImage } from '../../model/docker/images.js'
import { runsNode, runtimeOf, startInstructions, type Runtime } from '../../model/docker/runtime.js'

const WHY = 'Express renders stack traces in error pages and skips view caching'
const RUN_SCRIPT = new Set(['run', 'run-script', 'rum', 'urn'])
/** Compose files for development or tests, where NODE_ENV=development is the point. */
const DEV_COMPOSE = /(?:^|[.-])(?:dev|development|local|test|tests|testing|ci|e2e|debug|override)(?:[.-]|$)/

/** `NODE_ENV=production node x`, `env NODE_ENV=production ...`, `cross-env NODE_ENV=production ...`. */
function setsProduction(command: ShellCommand): boolean {
  if (command.assignments.some((a) => a.name === 'NODE_ENV' && a.value === 'production')) return true
  return ['env', 'cross-env'].includes(command.words[0] ?? '') && command.words.includes('NODE_ENV=production')
}

/** The package.json script a start command runs: `npm start`, `npm run serve`, `yarn start`, `pnpm serve`. */
function scriptOf(command: ShellCommand): string | undefined {
  const [tool, sub, next] = command.words
  if (tool !== 'npm' && tool !== 'yarn' && tool !== 'pnpm') return undefined
  if (sub === 'start') return 'start'
  if (sub !== undefined && RUN_SCRIPT.has(sub)) return next
  return tool === 'npm' ? undefined : sub
}

/** The package.json beside the Dockerfile, else the root one: what `npm start` reads in the image. */
function manifestFor(dockerfile: string, packageJsons: PackageJsonDoc[]): PackageJsonDoc | undefined {
  const dir = posix.dirname(dockerfile)
  return (
    packageJsons.find((p) => p.path === (dir === '.' ? 'package.json' : `${dir}/package.json`)) ??
    packageJsons.find((p) => p.path === 'package.json')
  )
}

/** `CMD NODE_ENV=production node server.js`, or `CMD npm start` with a start script that sets it: enough for the process. */
function startsInProduction(doc: DockerfileDoc, runtime: Runtime, packageJsons: PackageJsonDoc[]): boolean {
  const scripts = manifestFor(doc.path, packageJsons)?.manifest.data.scripts
  const scriptText = (name: string): string | undefined => {
    const text = typeof scripts === 'object' && scripts !== null ? (scripts as Record<string, unknown>)[name] : undefined
    return typeof text === 'string' ? text : undefined
  }
  return startInstructions(doc.model, runtime.final).some((i) =>
    i.commands.some((command) => {
      if (setsProduction(command)) return true
      const script = scriptOf(command)
      const text = script === undefined ? undefined : scriptText(script)
      return text !== undefined && parseShellScript(text).some(setsProduction)
    })
  )
}

function dockerfileFinding(doc: DockerfileDoc, { packageJsons }: ProjectContext): RuleFinding | undefined {
  const { path, model } = doc
  const runtime = runtimeOf(model)
  if (!runtime || !runsNode(model, runtime) || startsInProduction(doc, runtime, packageJsons)) return undefined
  const env = runtime.final.env.get('NODE_ENV')
  if (env?.value === 'production') return undefined
  if (env) {
    return {
      file: path,
      line: env.line,
      messageId: 'env-not-production',
      message: `the final stage sets NODE_ENV to '${env.value}', so ${WHY}: set \`ENV NODE_ENV=production\` in the final stage`
    }
  }
  const buildOnly = stageChain(model, runtime.final)
    .flatMap((s) => s.instructions)
    .some((i) => i.keyword === 'ARG' && i.variables.some((v) => v.name === 'NODE_ENV'))
  const message = buildOnly
    ? `\`ARG NODE_ENV\` only exists while the image builds, not when it runs, so ${WHY}: add \`ENV NODE_ENV=production\` to the final stage`
    : `the final stage never sets NODE_ENV=production, so ${WHY}: add \`ENV NODE_ENV=production\` to the final stage`
  return { file: path, line: runtime.final.fromLine, messageId: buildOnly ? 'arg-only' : 'env-missing', message }
}

/**
 * Does a Dockerfile decide this service's environment? A scanned one has its own finding; a remote
 * or inline one cannot be seen, so the service is given the benefit of the doubt.
 */
function builtFromScannedDockerfile(composePath: string, service: ComposeService, dockerfiles: DockerfileDoc[]): boolean {
  if (!service.build) return false
  const path = buildDockerfilePath(composePath, service.build)
  return path === undefined || dockerfiles.some((d) => d.path === path)
}

function composeFinding(doc: ComposeDoc, service: ComposeService, dockerfiles: DockerfileDoc[]): RuleFinding | undefined {
  const runsApp = service.build !== undefined || (service.image !== undefined && isNodeImage(service.image.value))
  if (!runsApp) return undefined
  const entry = service.environment.findLast((e) => e.name === 'NODE_ENV')
  if (entry) {
    // No value passes the deploy environment's through; `${NODE_ENV}` is filled in from it.
    if (entry.value === null || entry.value === 'production' || entry.value.includes('$')) return undefined
    return {
      file: doc.path,
      line: entry.line,
      messageId: 'compose-env-not-production',
      message: `service \`${service.name}\` sets NODE_ENV to '${entry.value}', so ${WHY}: set \`NODE_ENV: production\` (keep development values in a docker-compose.override.yml or .dev.yml)`
    }
  }
  if (service.envFiles.length > 0 || builtFromScannedDockerfile(doc.path, service, dockerfiles)) return undefined
  return {
    file: doc.path,
    line: service.line,
    messageId: 'compose-env-missing',
    message: `service \`${service.name}\` runs the app without NODE_ENV=production, so ${WHY}: add \`NODE_ENV: production\` under \`environment:\``
  }
}

function composeFindings(doc: ComposeDoc, { dockerfiles }: ProjectContext): RuleFinding[] {
  const name = posix
    .basename(doc.path)
    .replace(/^(?:docker-)?compose/, '')
    .replace(/\.ya?ml$/, '')
  if (DEV_COMPOSE.test(name)) return []
  return doc.model.services.flatMap((service) => composeFinding(doc, service, dockerfiles) ?? [])
}

export default defineRule({
  meta: {
    id: 'docker-node-env',
    severity: 'moderate',
    category: 'docker',
    description:
      'The final stage of a Node image (or a Compose service running the app) does not set NODE_ENV=production, so Express serves stack traces.',
    fix: 'add `ENV NODE_ENV=production` to the final stage',
    cwe: 'CWE-209',
    messages: {
      'env-not-production': 'the final stage sets ENV NODE_ENV to a value other than production',
      'arg-only': 'NODE_ENV is only an ARG (build time), never an ENV of the final stage',
      'env-missing': 'the final stage never sets NODE_ENV',
      'compose-env-not-production': 'a Compose service running the app sets NODE_ENV to a value other than production',
      'compose-env-missing': 'a Compose service running the app sets no NODE_ENV (and no env_file or scanned Dockerfile does)'
    }
  },
  needs: 'project',
  check(context) {
    return [
      ...context.dockerfiles.flatMap((doc) => dockerfileFinding(doc, context) ?? []),
      ...context.composeFiles.flatMap((doc) => composeFindings(doc, context))
    ]
  }
})
