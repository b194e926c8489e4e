import { describe, expect, it } from '@jest/globals'
import { buildDockerfilePath, isComposeFileName, parseCompose } from '../../src/parse/compose.js'

const COMPOSE = `x-env: &common-env
  LOG_LEVEL: info
  API_TOKEN: shared

services:
  api:
    build:
      context: ./api
      dockerfile: Dockerfile.prod
      args:
        - NPM_TOKEN=abc
    user: "0"
    privileged: true
    environment:
      <<: *common-env
      NODE_ENV: production
      EMPTY:
    env_file: [.env, {path: ./extra.env}]
  worker:
    image: node:22-alpine
    environment:
      - DB_PASSWORD=hunter2
      - PASS_THROUGH
  web:
    build: .
`

describe('parseCompose', () => {
  it('reads services with the lines of their keys, list and map environments, merges and build args', () => {
    const parsed = parseCompose(COMPOSE)
    if (!parsed.ok) throw new Error(parsed.error)
    const [api, worker, web] = parsed.model.services
    expect(api).toMatchObject({
      name: 'api',
      line: 6,
      build: { context: './api', dockerfile: 'Dockerfile.prod', line: 7 },
      user: { value: '0', line: 12 },
      privileged: { value: true, line: 13 },
      buildArgs: [{ name: 'NPM_TOKEN', value: 'abc', line: 11 }],
      envFiles: ['.env', './extra.env']
    })
    expect(api?.environment).toEqual([
      { name: 'NODE_ENV', value: 'production', line: 16 },
      { name: 'EMPTY', value: null, line: 17 },
      { name: 'LOG_LEVEL', value: 'info', line: 2 },
      { name: 'API_TOKEN', value: 'shared', line: 3 }
    ])
    expect(worker).toMatchObject({ image: { value: 'node:22-alpine', line: 20 } })
    expect(worker?.environment).toEqual([
      { name: 'DB_PASSWORD', value: 'hunter2', line: 22 },
      { name: 'PASS_THROUGH', value: null, line: 23 }
    ])
    expect(web?.build).toEqual({ context: '.', dockerfile: 'Dockerfile', line: 25 })
  })

  it('reports YAML errors instead of throwing', () => {
    expect(parseCompose('services:\n  api: [\n')).toMatchObject({ ok: false })
  })

  it('gives no services for a file without them', () => {
    expect(parseCompose('version: "3"\n')).toEqual({ ok: true, model: { services: [] } })
  })

  it('resolves the Dockerfile a service builds, relative to the scan root', () => {
    expect(buildDockerfilePath('deploy/docker-compose.yml', { context: '..', dockerfile: 'Dockerfile', line: 1 })).toBe('Dockerfile')
    expect(buildDockerfilePath('docker-compose.yml', { context: './api', dockerfile: 'Dockerfile.prod', line: 1 })).toBe(
      'api/Dockerfile.prod'
    )
    expect(
      buildDockerfilePath('docker-compose.yml', { context: 'https://github.com/a/b.git', dockerfile: 'Dockerfile', line: 1 })
    ).toBeUndefined()
    expect(buildDockerfilePath('docker-compose.yml', { context: '.', line: 1 })).toBeUndefined()
  })

  it('knows Compose file names', () => {
    for (const name of ['docker-compose.yml', 'docker-compose.prod.yaml', 'compose.yaml', 'compose.override.yml'])
      expect(isComposeFileName(name)).toBe(true)
    for (const name of ['compose.json', 'my-compose.yml', 'docker-compose.yml.bak']) expect(isComposeFileName(name)).toBe(false)
  })
})
