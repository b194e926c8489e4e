import { majorOfCodename } from '../../data/node-releases.js'
import { isOfficialImage, parseImageRef, type ImageRef } from '../../parse/image-ref.js'

/**
 * Base images that already run as a non-root user unless told otherwise: distroless `:nonroot` and
 * `:debug-nonroot`, Chainguard's images, and Gitpod's workspace images (user `gitpod`, UID 33333).
 */
const NON_ROOT_IMAGES: RegExp[] = [
  /^gcr\.io\/distroless\/.+:(?:[^@]*-)?nonroot(?:@|$)/,
  /^cgr\.dev\/chainguard\//,
  /^(?:docker\.io\/)?chainguard\//,
  /^(?:docker\.io\/)?gitpod\/workspace-[^/:@]+(?:[:@]|$)/
]
/** Tags that move to a new release by themselves. */
const FLOATING_WORD = '(?:latest|lts|current|stable|mainline|edge|alpine|slim|nightly|rolling|main|master|nonroot|debug)'
const FLOATING_TAG = new RegExp(`^${FLOATING_WORD}(?:-${FLOATING_WORD})*$`)
/** Images named for a Node major: `gcr.io/distroless/nodejs22-debian12`, `ubi9/nodejs-20`. */
const VERSIONED_NODE_NAME = /^nodejs-?(\d+)(?:-|$)/

export function defaultsToNonRoot(image: string): boolean {
  return NON_ROOT_IMAGES.some((re) => re.test(image))
}

export function isOfficialNodeImage(ref: ImageRef): boolean {
  return isOfficialImage(ref, 'node')
}

/** A Node.js runtime image: official `node`, distroless `nodejs*`, Chainguard/Bitnami/CircleCI `node`, UBI `nodejs-*`. */
export function isNodeImage(image: string): boolean {
  const { name } = parseImageRef(image)
  return name === 'node' || name === 'nodejs' || VERSIONED_NODE_NAME.test(name)
}

/** The Node major an image runs, when its name or tag says (`node:18-alpine`, `node:carbon`, `nodejs20-debian12`). */
export function nodeMajorOf(image: string): number | undefined {
  const ref = parseImageRef(image)
  const named = ref.name.match(VERSIONED_NODE_NAME)?.[1]
  if (named) return Number(named)
  if ((ref.name !== 'node' && ref.name !== 'nodejs') || !ref.tag) return undefined
  const numeric = ref.tag.match(/^v?(\d+)(?:[.-]|$)/)?.[1]
  if (numeric) return Number(numeric)
  const codename = ref.tag.match(/^([a-z]+)(?:-|$)/)?.[1]
  return codename && isOfficialNodeImage(ref) ? majorOfCodename(codename) : undefined
}

/**
 * Why a base image is not pinned, or undefined when it is: no tag (`:latest`), `:latest`, or a
 * tag that moves across releases (`lts-alpine`, `alpine`, `current`; for `node`, any tag without
 * a version or LTS codename, such as `bookworm`). A digest pins; a version in the image name
 * (`nodejs22-debian12:nonroot`) pins the release line as a version tag does.
 */
export function floatingTag(image: string): string | undefined {
  const ref = parseImageRef(image)
  if (ref.digest) return undefined
  if (!ref.tag) return 'no tag, so :latest'
  if (ref.tag === 'latest') return ':latest'
  if (/\d/.test(ref.name)) return undefined
  if (FLOATING_TAG.test(ref.tag)) return `:${ref.tag} moves to new releases`
  const versioned = /^v?\d/.test(ref.tag) || majorOfCodename(ref.tag.split('-')[0] ?? '') !== undefined
  return isOfficialNodeImage(ref) && !versioned ? `:${ref.tag} moves to new Node majors` : undefined
}

/** The official `node` image in its full Debian variant (not `-slim`, `-alpine`); a bare digest says nothing. */
export function isFullNodeImage(image: string): boolean {
  const ref = parseImageRef(image)
  if (!isOfficialNodeImage(ref) || (ref.digest && !ref.tag)) return false
  return !/(?:^|-)(?:slim|alpine)/.test(ref.tag ?? '')
}
