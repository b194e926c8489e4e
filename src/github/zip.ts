import { crc32, deflateRawSync } from 'node:zlib'

/** One file to put in a zip archive. */
export interface ZipEntry {
  /** Its name inside the archive (a plain file name; `/` makes folders). */
  name: string
  data: Buffer
  modified: Date
}

/** Without ZIP64 extensions, sizes and offsets are 32-bit; an SBOM is far below that. */
const MAX_ZIP32 = 0xffff_ffff
const VERSION_NEEDED = 20 // 2.0: deflate
const MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED
const FLAG_UTF8_NAME = 0x0800
const METHOD_STORED = 0
const METHOD_DEFLATED = 8
/** A regular file, rw-r--r--, in the upper half of the external attributes (made by Unix). */
const UNIX_FILE_ATTRIBUTES = 0o100644 * 0x10000

/** MS-DOS date and time, the only timestamp a plain zip entry has (local time, 2-second steps, 1980-2107). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getFullYear(), 1980), 2107)
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate()
  }
}

/**
 * A zip archive holding one file, deflated unless that would make it larger. It is what an
 * artifact upload of one file is (actions/upload-artifact zips too), written here in a few
 * lines rather than with an archiver package.
 */
export function zipSingleFile(entry: ZipEntry): Buffer {
  const name = Buffer.from(entry.name, 'utf8')
  const deflated = deflateRawSync(entry.data)
  const stored = deflated.length >= entry.data.length
  const body = stored ? entry.data : deflated
  const method = stored ? METHOD_STORED : METHOD_DEFLATED
  // Readers take names as CP437 unless this flag says UTF-8.
  const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : FLAG_UTF8_NAME
  const crc = crc32(entry.data)
  const { time, date } = dosDateTime(entry.modified)

  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(VERSION_NEEDED, 4)
  local.writeUInt16LE(flags, 6)
  local.writeUInt16LE(method, 8)
  local.writeUInt16LE(time, 10)
  local.writeUInt16LE(date, 12)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(body.length, 18)
  local.writeUInt32LE(entry.data.length, 22)
  local.writeUInt16LE(name.length, 26)
  local.writeUInt16LE(0, 28) // extra field length

  const centralOffset = local.length + name.length + body.length
  if (entry.data.length > MAX_ZIP32 || centralOffset > MAX_ZIP32) {
    throw new Error(`${entry.name} is too large for a zip archive without ZIP64 (${entry.data.length} bytes)`)
  }

  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(MADE_BY_UNIX, 4)
  central.writeUInt16LE(VERSION_NEEDED, 6)
  central.writeUInt16LE(flags, 8)
  central.writeUInt16LE(method, 10)
  central.writeUInt16LE(time, 12)
  central.writeUInt16LE(date, 14)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(body.length, 20)
  central.writeUInt32LE(entry.data.length, 24)
  central.writeUInt16LE(name.length, 28)
  // extra field, comment, disk number and internal attributes (30-37) stay 0
  central.writeUInt32LE(UNIX_FILE_ATTRIBUTES, 38)
  central.writeUInt32LE(0, 42) // offset of the local header

  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8) // entries on this disk
  end.writeUInt16LE(1, 10) // entries in all
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(centralOffset, 16)

  return Buffer.concat([local, name, body, central, name, end])
}
