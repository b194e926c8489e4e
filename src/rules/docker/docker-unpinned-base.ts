import { parentStage, type DockerStage } from '../../parse/dockerfile.js'
import { defineRule, type RuleFinding } from '../rule.js'
import type { DockerfileDoc } from '../../scan/context.js'
import { floatingTag, isOfficialNodeImage } from '../../model/docker/images.js'
import { supportedLtsMajors } from '../../data/node-releases.js'
import { parseImageRef } from '../../parse/image-ref.js'

/** A FROM that names a registry image: not `scratch`, not an earlier stage, not decided by a build argument. */
function namesImage(doc: DockerfileDoc, stage: DockerStage): boolean {
  return stage.imageKnown && stage.image.toLowerCase() !== 'scratch' && !parentStage(doc.model, stage)
}

/** Tag words that float on their own (`lts`, `alpine`, `latest`); the others (`bookworm`, `slim`...) name a variant to keep. */
const FLOATING_WORDS = new Set(['latest', 'lts', 'current', 'stable', 'mainline', 'edge', 'nightly', 'rolling', 'main', 'master'])

/**
 * The image pinned, as the fix suggests it: its own name with a version placeholder, keeping its
 * variant (`node:lts-alpine` → `node:24-alpine`, `nginx` → `nginx:<version>`); never a
 * second tag after the one it has.
 */
export function pinnedExample(image: string, today: string): string {
  const ref = parseImageRef(image)
  // The official node image: the newest LTS line in support, so the example is a tag that exists.
  const version = (isOfficialNodeImage(ref) ? supportedLtsMajors(today).at(-1)?.toString() : undefined) ?? '<version>'
  const repository = ref.registry ? `${ref.registry}/${ref.path}` : ref.path
  const variant = (ref.tag ?? '').split('-').filter((word) => word !== '' && !FLOATING_WORDS.has(word))
  return `${repository}:${[version, ...variant].join('-')}`
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
  check({ dockerfiles, today }) {
    const findings: RuleFinding[] = []
    for (const doc of dockerfiles) {
      for (const stage of doc.model.stages) {
        const why = namesImage(doc, stage) ? floatingTag(stage.image) : undefined
        if (!why) continue
        findings.push({
          file: doc.path,
          line: stage.fromLine,
          messageId: 'unpinned',
          message: `\`FROM ${stage.image}\` is not pinned (${why}), so rebuilds silently change the base: pin a version tag (\`${pinnedExample(stage.image, today)}\`), or a digest (\`${stage.image}@sha256:…\`)`
        })
      }
    }
    return findings
  }
})
