// @ts-expect-error -- Node 22.1 and later; the @types/node in use describes Node 20, which lacks it
import { enableCompileCache as enableNodeCompileCache } from 'node:module'

/**
 * Turns on Node's on-disk cache of compiled code for the modules loaded from here on: compiling
 * the bundle's chunks, megabytes of JavaScript, is most of a cold start, and a second run reads the
 * compiled code back instead. The cache lives in NODE_COMPILE_CACHE or the system's temporary
 * folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node reports a folder it cannot create or
 * write as a status and runs on uncached, so nothing here can stop a run. The bundle reads the
 * function as a property of node:module, so on Node 20 it is undefined and this does nothing.
 */
export function enableCompileCache(): void {
  const enable = enableNodeCompileCache as (() => unknown) | undefined
  try {
    enable?.()
  } catch {
    // Nothing to do: the code compiles as it would without a cache.
  }
}
