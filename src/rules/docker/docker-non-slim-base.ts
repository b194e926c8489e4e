import { parseImageRef } from '../../parse/image-ref.js'
import { defineRule, type RuleFinding } from '../rule.js'
import { isFullNodeImage } from '../../model/docker/images.js'
import { runtimeOf } from '../../model/docker/runtime.js'

/** `node:22-bookworm` → `node:22-bookworm-slim`; an untagged image gets a placeholder version. */
function slimVariant(image: string): string {
  const { tag } = parseImageRef(image)
  return `node:${tag && tag !== 'latest' ? tag : '<version>'}-slim`
}

export default defineRule({
  meta: {
    id: 'docker-non-slim-base',
    severity: 'low',
    category: 'docker',
    description: 'The final stage runs on the full Debian `node` image, with compilers and hundreds of packages the app does not need.',
    fix: 'run on `node:<version>-slim`, `-alpine` or distroless; build in a full stage if native modules need it',
    cwe: 'CWE-1104',
    messages: {
      'full-image': 'the final stage runs on the full Debian node image'
    }
  },
  needs: 'project',
  check({ dockerfiles }) {
    const findings: RuleFinding[] = []
    for (const { path, model } of dockerfiles) {
      const base = runtimeOf(model)?.base
      if (!base?.imageKnown || !isFullNodeImage(base.image)) continue
      findings.push({
        file: path,
        line: base.fromLine,
        messageId: 'full-image',
        message: `the final stage runs on \`${base.image}\`, the full Debian image (compilers, git, hundreds of packages and their CVEs): use \`${slimVariant(base.image)}\` or \`-alpine\`, building in a full stage if native modules need it`
      })
    }
    return findings
  }
})
