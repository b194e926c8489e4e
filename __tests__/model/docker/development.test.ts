import { describe, expect, it } from '@jest/globals'
import { developmentDockerfiles } from '../../../src/model/docker/development.js'
import { parseCompose } from '../../../src/parse/compose.js'
import { parseDockerfile } from '../../../src/parse/dockerfile.js'

const image = (start: string): string => `FROM node:22.11.0-slim\nWORKDIR /app\n${start}\n`

function developmentOf(files: Record<string, string>, composes: Record<string, string> = {}): string[] {
  const dockerfiles = Object.entries(files).map(([path, text]) => ({ path, model: parseDockerfile(text) }))
  const composeFiles = Object.entries(composes).map(([path, text]) => {
    const parsed = parseCompose(text)
    if (!parsed.ok) throw new Error(parsed.error)
    return { path, model: parsed.model }
  })
  return [...developmentDockerfiles({ dockerfiles, composeFiles }).keys()].sort()
}

describe('development-only images', () => {
  it('knows them by the command the final stage starts', () => {
    expect(
      developmentOf({
        'a/Dockerfile': image('CMD ["npm", "run", "dev"]'),
        'b/Dockerfile': image('CMD npx next dev -p 3000'),
        'c/Dockerfile': image('ENTRYPOINT ["ts-node-dev", "--respawn", "src/index.ts"]'),
        'd/Dockerfile': image('CMD ["yarn", "dev"]'),
        'e/Dockerfile': image('CMD ["node", "--watch", "server.js"]'),
        'f/Dockerfile': image('CMD ["npm", "start"]'),
        'g/Dockerfile': image('CMD ["node", "server.js"]'),
        'h/Dockerfile': image('CMD ["npm", "run", "build"]')
      })
    ).toEqual(['a/Dockerfile', 'b/Dockerfile', 'c/Dockerfile', 'd/Dockerfile', 'e/Dockerfile'])
  })

  it('knows them by name, not by a word that only contains "dev"', () => {
    expect(
      developmentOf({
        'Dockerfile.dev': image('CMD ["node", "server.js"]'),
        'Dockerfile-development': image('CMD ["node", "server.js"]'),
        'api.dev.dockerfile': image('CMD ["node", "server.js"]'),
        'Dockerfile.devops': image('CMD ["node", "server.js"]'),
        'Dockerfile.prod': image('CMD ["node", "server.js"]')
      })
    ).toEqual(['Dockerfile-development', 'Dockerfile.dev', 'api.dev.dockerfile'])
  })

  it('knows them by the Compose files that build them, only when no other Compose file does', () => {
    const files = { 'api/Dockerfile': image('CMD ["node", "server.js"]'), 'web/Dockerfile': image('CMD ["node", "server.js"]') }
    const composes = {
      'docker-compose.dev.yml': 'services:\n  api:\n    build: ./api\n  web:\n    build:\n      context: web\n',
      'docker-compose.yml': 'services:\n  web:\n    build: ./web\n'
    }
    expect(developmentOf(files, composes)).toEqual(['api/Dockerfile'])
  })
})
