import { posix } from 'node:path'
import type { SourceFile } from '../../discovery/find-files.js'
import type { DockerInstruction } from '../../parse/dockerfile.js'
import { isIgnored } from '../../parse/dockerignore.js'
import { isEnvTemplateName } from '../../parse/dotenv.js'
import type { RuleFinding } from '../rule.js'
import type { DockerfileDoc, DockerignoreDoc, ProjectContext } from '../../scan/context.js'
import { defineRule } from '../rule.js'

/** Sources that mean the whole build context. */
const WHOLE_CONTEXT = new Set(['.', './', '*', './*'])

interface BuildContext {
  dir: string
  ignore?: DockerignoreDoc
}

function copiesWholeContext(instruction: DockerInstruction): boolean {
  if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || instruction.heredocs.length > 0) return false
  if (instruction.flags.some((f) => f.name === 'from')) return false
  let paths: unknown
  try {
    paths = instruction.args.trim().startsWith('[') ? JSON.parse(instruction.args) : undefined
  } catch {
    paths = undefined
  }
  const words = Array.isArray(paths) ? paths.map(String) : instruction.args.trim().split(/\s+/)
  return words.slice(0, -1).some((source) => WHOLE_CONTEXT.has(source))
}

/**
 * The build context of a Dockerfile and the ignore file that applies: `<Dockerfile>.dockerignore`
 * beside it, else the nearest `.dockerignore` from its folder up to the scan root (the context
 * is usually the Dockerfile's folder, or the repository root with `-f path/Dockerfile`).
 */
function buildContext(dockerfile: string, ignores: DockerignoreDoc[]): BuildContext {
  const own = ignores.find((i) => i.path === `${dockerfile}.dockerignore`)
  const home = posix.dirname(dockerfile)
  if (own) return { dir: home, ignore: own }
  for (let dir = home; ; dir = posix.dirname(dir)) {
    const ignore = ignores.find((i) => i.path === (dir === '.' ? '.dockerignore' : `${dir}/.dockerignore`))
    if (ignore) return { dir, ignore }
    if (dir === '.') return { dir: home }
  }
}

/** `.env`, `.env.local`, `.envrc`: not a template without real values (`.env.example`) or a licence sidecar (`.env.license`). */
function isLeakableEnvName(name: string): boolean {
  return name.startsWith('.env') && !isEnvTemplateName(name) && !/\.license$/i.test(name)
}

/** `.env`, and every other env file in the context except templates, relative to the context. */
function envFilesIn(dir: string, files: SourceFile[]): string[] {
  const inside = files
    .filter((f) => !f.test && isLeakableEnvName(posix.basename(f.path)))
    .filter((f) => dir === '.' || f.path.startsWith(`${dir}/`))
    .map((f) => (dir === '.' ? f.path : f.path.slice(dir.length + 1)))
  return [...new Set(['.env', ...inside])]
}

function copyFinding(doc: DockerfileDoc, instruction: DockerInstruction, context: ProjectContext): RuleFinding | undefined {
  const build = buildContext(doc.path, context.dockerignores)
  const shown = `${instruction.keyword} ${instruction.args.trim()}`
  if (!build.ignore) {
    return {
      file: doc.path,
      line: instruction.line,
      messageId: 'no-dockerignore',
      message: `\`${shown}\` copies the whole build context and there is no .dockerignore, so a local .env (and .git, node_modules) goes into the image: add a .dockerignore listing \`.env*\`, \`.git\` and \`node_modules\``
    }
  }
  const leaked = envFilesIn(build.dir, context.files).find((path) => !isIgnored(build.ignore?.patterns ?? [], path))
  if (leaked === undefined) return undefined
  return {
    file: doc.path,
    line: instruction.line,
    messageId: 'env-not-ignored',
    message: `\`${shown}\` copies the build context, and ${build.ignore.path} does not exclude \`${leaked}\`, so its secrets go into the image: add \`.env*\` and \`**/.env*\` to ${build.ignore.path}`
  }
}

export default defineRule({
  meta: {
    id: 'docker-dotenv-copied',
    severity: 'moderate',
    category: 'docker',
    description:
      'A Dockerfile copies the whole build context (`COPY . .`, `ADD .`) while `.dockerignore` is missing or does not exclude `.env` files.',
    fix: 'add `.env*` and `**/.env*` to `.dockerignore` (with `.git` and `node_modules`)',
    cwe: 'CWE-538',
    messages: {
      'no-dockerignore': 'the whole context is copied and there is no .dockerignore at all',
      'env-not-ignored': 'the whole context is copied and the .dockerignore does not exclude a .env file'
    }
  },
  needs: 'project',
  check(context) {
    return context.dockerfiles.flatMap((doc) =>
      doc.model.stages
        .flatMap((stage) => stage.instructions)
        .filter(copiesWholeContext)
        .flatMap((instruction) => copyFinding(doc, instruction, context) ?? [])
    )
  }
})
