import type { RuleFinding } from '../rule.js'
import type { ComposeDoc, DockerfileDoc } from '../../scan/context.js'
import { defineRule } from '../rule.js'
import { defaultsToNonRoot, isNodeImage } from '../../model/docker/images.js'
import { isRootUser, runtimeOf } from '../../model/docker/runtime.js'

function dockerfileFinding({ path, model }: DockerfileDoc): RuleFinding | undefined {
  const runtime = runtimeOf(model)
  if (!runtime) return undefined
  const { final, base, user } = runtime
  if (!user) {
    if (defaultsToNonRoot(base.image)) return undefined
    return {
      file: path,
      line: final.fromLine,
      messageId: 'no-user',
      message: `the final stage (FROM ${base.image}) never sets USER, so the app runs as root: ${
        isNodeImage(base.image)
          ? 'add `USER node` (official node images ship that user) after installing dependencies'
          : 'create an unprivileged user and switch to it with `USER` (a numeric UID such as `USER 10001` works on any image)'
      }`
    }
  }
  if (!isRootUser(user.value)) return undefined
  return {
    file: path,
    line: user.line, // in the final stage, or in the stage it is built FROM
    messageId: 'user-root',
    message: `the final stage runs as ${user.value === 'root' ? 'root' : `'${user.value}' (root)`}: switch to a non-root user with \`USER node\` or a numeric UID such as \`USER 10001\``
  }
}

function composeFindings({ path, model }: ComposeDoc): RuleFinding[] {
  return model.services.flatMap((service) => {
    const findings: RuleFinding[] = []
    if (service.user && isRootUser(service.user.value)) {
      findings.push({
        file: path,
        line: service.user.line,
        messageId: 'compose-user-root',
        message: `service \`${service.name}\` runs as \`user: ${service.user.value}\` (root): set a non-root user such as \`user: node\` or \`user: "10001"\`, or drop the line to keep the image's USER`
      })
    }
    if (service.privileged?.value) {
      findings.push({
        file: path,
        line: service.privileged.line,
        messageId: 'compose-privileged',
        message: `service \`${service.name}\` is \`privileged: true\`, which gives it root over the host's devices and kernel: remove it and grant only the capabilities it needs with \`cap_add\``
      })
    }
    return findings
  })
}

export default defineRule({
  meta: {
    id: 'docker-root-user',
    severity: 'high',
    category: 'docker',
    description:
      'The final stage of the image runs as root: no USER, or the last USER is root or 0 (or a Compose service sets user: root or privileged: true).',
    fix: 'add `USER node` (or another non-root user) in the final stage, after installing dependencies',
    cwe: 'CWE-250',
    messages: {
      'no-user': 'the final stage never sets USER and its base image runs as root',
      'user-root': 'the last USER of the final stage is root (or UID 0)',
      'compose-user-root': 'a Compose service sets user: root (or 0)',
      'compose-privileged': 'a Compose service sets privileged: true'
    }
  },
  needs: 'project',
  check({ dockerfiles, composeFiles }) {
    return [...dockerfiles.flatMap((doc) => dockerfileFinding(doc) ?? []), ...composeFiles.flatMap(composeFindings)]
  }
})
