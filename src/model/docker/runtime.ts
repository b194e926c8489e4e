import { finalStage, stageChain, type DockerfileModel, type DockerStage } from '../../parse/dockerfile.js'
import { isNodeImage } from './images.js'

/** What the image runs as, decided by its final stage and the stages it is built FROM. */
export interface Runtime {
  final: DockerStage
  /** The stage whose FROM names the base image (the final stage itself, or an earlier one it builds on). */
  base: DockerStage
  /** The last USER along the chain, if any. */
  user?: { value: string; line: number }
}

const NODE_COMMANDS = new Set([
  'node',
  'nodejs',
  'npm',
  'npx',
  'yarn',
  'pnpm',
  'pm2',
  'pm2-runtime',
  'nodemon',
  'ts-node',
  'tsx',
  'forever'
])

export function runtimeOf(model: DockerfileModel): Runtime | undefined {
  const final = finalStage(model)
  if (!final) return undefined
  const chain = stageChain(model, final)
  const user = chain.find((s) => s.user)?.user
  return { final, base: chain.at(-1) ?? final, ...(user ? { user } : {}) }
}

export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0]?.trim() ?? ''
  return name === 'root' || name === '0' || name === ''
}

/** CMD and ENTRYPOINT instructions of the stage and the stages it is built FROM (it inherits theirs). */
export function startInstructions(model: DockerfileModel, stage: DockerStage): DockerStage['instructions'] {
  return stageChain(model, stage)
    .flatMap((s) => s.instructions)
    .filter((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')
}

/** Does the final stage run Node? Its base is a Node image, or it starts node/npm/yarn/pm2... */
export function runsNode(model: DockerfileModel, runtime: Runtime): boolean {
  if (isNodeImage(runtime.base.image)) return true
  return startInstructions(model, runtime.final).some((i) => i.commands.some((c) => NODE_COMMANDS.has(c.words[0]?.split('/').at(-1) ?? '')))
}
