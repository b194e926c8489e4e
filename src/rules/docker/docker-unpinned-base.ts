import { parentStage, type DockerStage } from '../../parse/dockerfile.js'
import { defineRule, type RuleFinding } from '../rule.js'
import type { DockerfileDoc } from '../../scan/context.js'
import { floatingTag } from '../../model/docker/images.js'

/** A FROM that names a registry image: not `scratch`, not an earlier stage, not decided by a build argument. */
function namesImage(doc: DockerfileDoc, stage: DockerStage): boolean {
  return stage.imageKnown && stage.image.toLowerCase() !== 'scratch' && !parentStage(doc.model, stage)
}

export default defineRule({
  meta: {
    id: 'docker-unpinned-base',
    severity: 'moderate',
    category: 'docker',
    description:
      'A Dockerfile stage is built FROM an untagged, `:latest` or otherwise floating image tag, so each build may get a different base.',
    fix: 'pin a version tag (`node:24.11-alpine`), or a digest (`node:24-alpine@sha256:…`) kept fresh by Renovate or Dependabot',
    cwe: 'CWE-1357',
    messages: {
      unpinned: 'a stage is built FROM an untagged, :latest or floating tag'
    }
  },
  needs: 'project',
  check({ dockerfiles }) {
    const findings: RuleFinding[] = []
    for (const doc of dockerfiles) {
      for (const stage of doc.model.stages) {
        const why = namesImage(doc, stage) ? floatingTag(stage.image) : undefined
        if (!why) continue
        findings.push({
          file: doc.path,
          line: stage.fromLine,
          messageId: 'unpinned',
          message: `\`FROM ${stage.image}\` is not pinned (${why}), so rebuilds silently change the base: pin a version tag such as \`node:24-alpine\`, or a digest (\`image@sha256:…\`)`
        })
      }
    }
    return findings
  }
})
