import { crc32, inflateRawSync } from 'node:zlib'

export interface ZipReadEntry {
  name: string
  method: number
  data: Buffer
  utf8: boolean
}

/**
 * An independent reader of a plain (non-ZIP64) zip: end record, central directory, local headers,
 * data inflated or stored. Throws when sizes, signatures or CRCs do not agree.
 */
export function readZipEntries(zip: Buffer): ZipReadEntry[] {
  const fail = (what: string): never => {
    throw new Error(`not a valid zip: ${what}`)
  }
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0 || end !== zip.length - 22 - zip.readUInt16LE(end + 20)) fail('no end of central directory record at the end')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  if (at + zip.readUInt32LE(end + 12) !== end) fail('central directory size and offset do not meet the end record')
  const entries: ZipReadEntry[] = []
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) fail(`no central directory header ${i}`)
    const flags = zip.readUInt16LE(at + 8)
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const compressed = zip.readUInt32LE(at + 20)
    const size = zip.readUInt32LE(at + 24)
    const nameLength = zip.readUInt16LE(at + 28)
    const local = zip.readUInt32LE(at + 42)
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLength)
    if (zip.readUInt32LE(local) !== 0x04034b50) fail(`no local header for entry ${i}`)
    // With a data descriptor (flag bit 3, what streaming writers use) the local header's CRC and sizes are zero.
    const described = (flags & 0x0008) !== 0
    const localFields = [zip.readUInt32LE(local + 14), zip.readUInt32LE(local + 18), zip.readUInt32LE(local + 22)]
    if (
      !(described && localFields.every((v) => v === 0)) &&
      (localFields[0] !== crc || localFields[1] !== compressed || localFields[2] !== size)
    )
      fail('local and central headers differ')
    if (Buffer.compare(zip.subarray(local + 30, local + 30 + zip.readUInt16LE(local + 26)), nameBytes) !== 0)
      fail('local and central names differ')
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + compressed)
    if (method !== 0 && method !== 8) fail(`compression method ${method}`)
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw)
    if (data.length !== size) fail(`entry ${i} inflates to ${data.length} bytes, not ${size}`)
    if (crc32(data) !== crc) fail(`entry ${i} CRC mismatch`)
    entries.push({ name: nameBytes.toString('utf8'), method, data, utf8: (flags & 0x0800) !== 0 })
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return entries
}
