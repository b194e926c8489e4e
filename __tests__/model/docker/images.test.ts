import { describe, expect, it } from '@jest/globals'
import { defaultsToNonRoot, floatingTag, isFullNodeImage, isNodeImage, nodeMajorOf } from '../../../src/model/docker/images.js'
import { isPinnedSpec } from '../../../src/rules/docker/docker-npm-install.js'

describe('base image knowledge', () => {
  it.each([
    ['node:18-alpine', 18],
    ['node:20.11.1-bookworm-slim', 20],
    ['docker.io/library/node:v16', 16],
    ['node:carbon', 8],
    ['node:hydrogen-alpine', 18],
    ['gcr.io/distroless/nodejs18-debian12', 18],
    ['registry.access.redhat.com/ubi9/nodejs-20', 20],
    ['bitnami/node:18.20.4', 18],
    ['node:lts', undefined],
    ['node', undefined],
    ['cgr.dev/chainguard/node:latest', undefined],
    ['python:3.12', undefined],
    ['node:bookworm', undefined]
  ])('%s runs Node %p', (image, major) => {
    expect(nodeMajorOf(image)).toBe(major)
  })

  it.each([
    ['node', 'no tag, so :latest'],
    ['node:latest', ':latest'],
    ['docker.io/node:lts-alpine', ':lts-alpine moves to new releases'],
    ['node:alpine', ':alpine moves to new releases'],
    ['node:bookworm-slim', ':bookworm-slim moves to new Node majors'],
    ['nginx:stable-alpine', ':stable-alpine moves to new releases'],
    ['node:22-alpine', undefined],
    ['node:carbon', undefined],
    ['node@sha256:0123', undefined],
    ['node:latest@sha256:0123', undefined],
    ['gcr.io/distroless/nodejs22-debian12:nonroot', undefined],
    ['debian:bookworm-slim', undefined],
    ['postgres:16', undefined]
  ])('%s floats: %p', (image, why) => {
    expect(floatingTag(image)).toBe(why)
  })

  it('tells the full Debian node image from slim, alpine and others', () => {
    for (const image of ['node:18.13.0', 'node:22-bookworm', 'node', 'node:carbon', 'docker.io/library/node:22'])
      expect(isFullNodeImage(image)).toBe(true)
    for (const image of [
      'node:22-slim',
      'node:22-bookworm-slim',
      'node:22-alpine3.20',
      'node:alpine',
      'node@sha256:0123',
      'gcr.io/distroless/nodejs22-debian12',
      'bitnami/node:22'
    ]) {
      expect(isFullNodeImage(image)).toBe(false)
    }
  })

  it('knows Node images and images that default to a non-root user', () => {
    expect(['node:22', 'cgr.dev/chainguard/node', 'gcr.io/distroless/nodejs22-debian12'].every(isNodeImage)).toBe(true)
    expect(['node-app', 'nginx:1.27', 'mongo:7'].some(isNodeImage)).toBe(false)
    expect(defaultsToNonRoot('gcr.io/distroless/nodejs22-debian12:nonroot')).toBe(true)
    expect(defaultsToNonRoot('gcr.io/distroless/nodejs22-debian12')).toBe(false)
    expect(defaultsToNonRoot('node:22-slim')).toBe(false)
  })
})

describe('isPinnedSpec', () => {
  it.each([
    ['pm2@5', true],
    ['@nestjs/cli@10.3.2', true],
    ['typescript@^5', true],
    ['./tools/x.tgz', true],
    ['git+https://github.com/a/b#v1', true],
    ['nodemon', false],
    ['pm2@latest', false],
    ['@nestjs/cli', false]
  ])('%s: %s', (spec, pinned) => {
    expect(isPinnedSpec(spec)).toBe(pinned)
  })
})
