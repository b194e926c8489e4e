/** A container image reference, `[registry/]path[:tag][@digest]`, split as Docker splits it. */
export interface ImageRef {
  /** `docker.io`, `gcr.io`, `localhost:5000`...; undefined for Docker Hub short names. */
  registry?: string
  /** The repository path without the registry, e.g. `node`, `library/node`, `distroless/nodejs22-debian12`. */
  path: string
  /** The last path component, e.g. `node` or `nodejs22-debian12`. */
  name: string
  tag?: string
  digest?: string
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

export function parseImageRef(reference: string): ImageRef {
  const [withoutDigest = '', digest] = reference.trim().split('@', 2)
  const slash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.lastIndexOf(':')
  const hasTag = colon > slash
  const repository = hasTag ? withoutDigest.slice(0, colon) : withoutDigest
  const tag = hasTag ? withoutDigest.slice(colon + 1) : undefined
  const parts = repository.split('/')
  const first = parts[0] ?? ''
  const hasRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')
  const path = (hasRegistry ? parts.slice(1) : parts).join('/')
  return {
    ...(hasRegistry ? { registry: first.toLowerCase() } : {}),
    path,
    name: path.split('/').at(-1) ?? path,
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {})
  }
}

/** An image of Docker Hub's official library (`node`, `docker.io/library/node`, a `library/` mirror). */
export function isOfficialImage(ref: ImageRef, name: string): boolean {
  if (ref.path === `library/${name}` || ref.path.endsWith(`/library/${name}`)) return true
  return ref.path === name && (ref.registry === undefined || DOCKER_HUB.has(ref.registry))
}
