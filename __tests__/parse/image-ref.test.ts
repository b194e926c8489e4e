import { describe, expect, it } from '@jest/globals'
import { isOfficialImage, parseImageRef } from '../../src/parse/image-ref.js'

describe('parseImageRef', () => {
  it.each([
    ['node', { path: 'node', name: 'node' }],
    ['node:22-alpine', { path: 'node', name: 'node', tag: '22-alpine' }],
    [
      'docker.io/library/node:22@sha256:abc',
      { registry: 'docker.io', path: 'library/node', name: 'node', tag: '22', digest: 'sha256:abc' }
    ],
    ['localhost:5000/team/api', { registry: 'localhost:5000', path: 'team/api', name: 'api' }],
    [
      'gcr.io/distroless/nodejs22-debian12:nonroot',
      { registry: 'gcr.io', path: 'distroless/nodejs22-debian12', name: 'nodejs22-debian12', tag: 'nonroot' }
    ],
    ['bitnami/node:18', { path: 'bitnami/node', name: 'node', tag: '18' }]
  ])('%s', (reference, expected) => {
    expect(parseImageRef(reference)).toEqual(expected)
  })

  it('recognises the official library image under its aliases and mirrors', () => {
    for (const ref of ['node:22', 'docker.io/node', 'docker.io/library/node:22', 'public.ecr.aws/docker/library/node:22']) {
      expect(isOfficialImage(parseImageRef(ref), 'node')).toBe(true)
    }
    for (const ref of ['bitnami/node:18', 'cgr.dev/chainguard/node', 'ghcr.io/acme/node:22']) {
      expect(isOfficialImage(parseImageRef(ref), 'node')).toBe(false)
    }
  })
})
