import { defineRule, type RuleFinding } from '../rule.js'
import { parentStage, type DockerfileModel, type DockerStage } from '../../parse/dockerfile.js'

/** Base images that already run as a non-root user unless told otherwise. */
const NON_ROOT_IMAGES: RegExp[] = [
  /^gcr\.io\/distroless\/.+:(?:[^@]*-)?nonroot(?:@|$)/,
  /^cgr\.dev\/chainguard\//,
  /^(?:docker\.io\/)?chainguard\//
]

export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0]?.trim() ?? ''
  return name === 'root' || name === '0' || name === ''
}

interface EffectiveUser {
  value?: string
  line?: number
  /** The image whose default user applies when no stage sets one. */
  image: string
}

/** The last USER of the stage, else of the stage it is built FROM, else the base image's default. */
function effectiveUser(model: DockerfileModel, stage: DockerStage): EffectiveUser {
  if (stage.user) return { value: stage.user.value, line: stage.user.line, image: stage.image }
  const parent = parentStage(model, stage)
  return parent ? effectiveUser(model, parent) : { image: stage.image }
}

export default defineRule({
  meta: {
    id: 'docker-root-user',
    severity: 'high',
    category: 'docker',
    description: 'The final stage of the image runs as root: no USER, or the last USER is root or 0.',
    fix: 'add `USER node` (or another non-root user) in the final stage, after installing dependencies',
    cwe: 'CWE-250'
  },
  check({ dockerfiles }) {
    const findings: RuleFinding[] = []
    for (const { path, model } of dockerfiles) {
      const final = model.stages.at(-1)
      if (!final) continue
      const user = effectiveUser(model, final)
      if (user.value === undefined) {
        if (NON_ROOT_IMAGES.some((re) => re.test(user.image))) continue
        findings.push({
          file: path,
          line: final.fromLine,
          message: `the final stage (FROM ${user.image}) never sets USER, so the app runs as root: add \`USER node\` (official node images ship that user) after installing dependencies`
        })
      } else if (isRootUser(user.value)) {
        const here = user.line !== undefined && final.instructions.some((i) => i.line === user.line)
        findings.push({
          file: path,
          line: here ? (user.line ?? final.fromLine) : final.fromLine,
          message: `the final stage runs as ${user.value === 'root' ? 'root' : `'${user.value}' (root)`}: switch to a non-root user with \`USER node\` or a numeric UID such as \`USER 10001\``
        })
      }
    }
    return findings
  }
})
