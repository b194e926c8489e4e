import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs'

/**
 * The text of a regular file of the repository, or undefined when it is missing, is no regular
 * file, or cannot be read. Opened without blocking and checked on the open descriptor: a FIFO named
 * like package.json or a lockfile would otherwise block the gate forever. `maxBytes` reads only the
 * start of the file.
 */
export function readRegularFile(path: string, maxBytes?: number): string | undefined {
  let fd: number | undefined
  try {
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0))
    const stat = fstatSync(fd)
    if (!stat.isFile()) return undefined
    const size = maxBytes === undefined ? stat.size : Math.min(stat.size, maxBytes)
    const buffer = Buffer.alloc(size)
    let read = 0
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read)
      if (n === 0) break
      read += n
    }
    return buffer.subarray(0, read).toString('utf8')
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
