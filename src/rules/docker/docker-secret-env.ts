import type { DockerInstruction } from '../../parse/dockerfile.js'
import type { RuleFinding } from '../rule.js'
import type { ComposeDoc, DockerfileDoc } from '../../scan/context.js'
import { defineRule } from '../rule.js'
import { isSecretName, redact, urlPassword } from '../../common/secret-names.js'

/** `$VAR` and `${VAR}` are filled in at build or run time: not a literal (Compose's `$$` is a literal `$`). */
const REFERENCE = /(?:^|[^$])\$(?:\{|[A-Za-z_])/
const NOT_A_SECRET = /^(?:true|false|yes|no|on|off|null|none|0|1)$/i

/** What makes this value a committed secret, redacted, or undefined when it is not one. */
function secretIn(name: string, value: string | null): string | undefined {
  if (value === null || value.trim() === '' || REFERENCE.test(value)) return undefined
  if (isSecretName(name) && !NOT_A_SECRET.test(value.trim())) return `a literal value (${redact(value)})`
  const password = urlPassword(value)
  return password ? `a URL with a literal password (${redact(password)})` : undefined
}

function dockerfileFindings({ path, model }: DockerfileDoc): RuleFinding[] {
  const declarations: DockerInstruction[] = [...model.globalArgs, ...model.stages.flatMap((s) => s.instructions)]
  return declarations.flatMap((instruction) =>
    instruction.variables.flatMap((variable) => {
      const secret = secretIn(variable.name, variable.value)
      if (!secret) return []
      const message =
        instruction.keyword === 'ENV'
          ? `\`ENV ${variable.name}\` holds ${secret}, baked into the image for anyone who can pull it (\`docker inspect\`): pass it at run time (\`docker run -e\`, an orchestrator secret) and revoke this one`
          : `\`ARG ${variable.name}\` has ${secret} as its default, kept in the image history: use \`RUN --mount=type=secret,id=${variable.name.toLowerCase()}\` at build time and revoke this one`
      return [{ file: path, line: variable.line, messageId: instruction.keyword === 'ENV' ? 'env-literal' : 'arg-default', message }]
    })
  )
}

function composeFindings({ path, model }: ComposeDoc): RuleFinding[] {
  return model.services.flatMap((service) =>
    [
      ...service.environment.map((entry) => ({ entry, where: 'environment' })),
      ...service.buildArgs.map((entry) => ({ entry, where: 'build arg' }))
    ].flatMap(({ entry, where }) => {
      const secret = secretIn(entry.name, entry.value)
      if (!secret) return []
      return [
        {
          file: path,
          line: entry.line,
          messageId: where === 'environment' ? 'compose-environment' : 'compose-build-arg',
          message: `service \`${service.name}\` sets ${where} \`${entry.name}\` to ${secret} in a committed file: reference it as \`\${${entry.name}}\` from an untracked .env or use Compose \`secrets:\`, and revoke this one`
        }
      ]
    })
  )
}

export default defineRule({
  meta: {
    id: 'docker-secret-env',
    severity: 'high',
    category: 'docker',
    description:
      "A secret-looking ENV or ARG (or a Compose service's environment value) is a literal, committed with the Dockerfile and baked into the image.",
    fix: 'pass secrets at run time or with `RUN --mount=type=secret`; revoke the committed one',
    cwe: 'CWE-798',
    messages: {
      'env-literal': 'an ENV holds a literal secret (or a URL with a literal password)',
      'arg-default': 'an ARG has a literal secret (or a URL with a literal password) as its default',
      'compose-environment': 'a Compose service environment entry holds a literal secret',
      'compose-build-arg': 'a Compose service build arg holds a literal secret'
    }
  },
  needs: 'project',
  check({ dockerfiles, composeFiles }) {
    return [...dockerfiles.flatMap(dockerfileFindings), ...composeFiles.flatMap(composeFindings)]
  }
})
