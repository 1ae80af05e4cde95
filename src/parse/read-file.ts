import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync
} from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'

/** MCP configs are kilobytes; a cap keeps a hostile file from costing memory or time. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024

export type ReadProblemKind = 'outside' | 'not-file' | 'too-large' | 'binary' | 'encoding' | 'io'

/** Why a file could not be read as text. `at` is a UTF-16 offset into `prefix`, where known. */
export interface ReadProblem {
  readonly kind: ReadProblemKind
  readonly detail: string
  readonly prefix?: string
  readonly at?: number
}

export type ReadOutcome =
  | { readonly status: 'missing' }
  | { readonly status: 'problem'; readonly problem: ReadProblem }
  | { readonly status: 'ok'; readonly text: string; readonly byteOrderMark: boolean }

export interface ReadOptions {
  readonly maxBytes: number
}

/**
 * Reads a repo-relative file as UTF-8 text, refusing anything a linter should not touch: symlinks
 * that leave the repository, FIFOs and devices (reading them can hang), files over the size cap,
 * binary and non-UTF-8 content. Never throws for a bad file; a missing file is `missing`.
 */
export async function readRepoFile(
  root: string,
  path: string,
  options: ReadOptions
): Promise<ReadOutcome> {
  // Synchronous calls: a config file is kilobytes, and eight promise round trips through the
  // thread pool per file cost more than reading it (a tenth of a small repository's run).
  return Promise.resolve(readRepoFileNow(root, path, options))
}

function readRepoFileNow(root: string, path: string, options: ReadOptions): ReadOutcome {
  let real: string
  let realRoot: string
  try {
    realRoot = realpathSync.native(root)
    real = realpathSync.native(join(root, path))
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'missing' }
    if (code === 'ELOOP') return problem('io', 'is a symlink loop; not read')
    return problem('io', `cannot be read (${code ?? 'unknown error'})`)
  }
  if (!isInside(realRoot, real)) {
    return problem('outside', 'is a symlink to a path outside the repository; not read')
  }
  let fd: number | undefined
  try {
    const info = statSync(real)
    if (info.isDirectory()) return problem('not-file', 'is a directory, not a file')
    if (!info.isFile())
      return problem('not-file', 'is not a regular file (a FIFO, socket or device); not read')
    if (info.size > options.maxBytes) {
      return problem(
        'too-large',
        `is ${info.size} bytes, over the ${options.maxBytes}-byte limit (maxFileBytes); not read`
      )
    }
    // O_NONBLOCK: a file swapped for a FIFO after the check above cannot hang the open.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK)
    const opened = fstatSync(fd)
    if (!opened.isFile())
      return problem('not-file', 'is not a regular file (a FIFO, socket or device); not read')
    const bytes = readAtMost(fd, opened.size, options.maxBytes + 1)
    if (bytes.length > options.maxBytes) {
      return problem(
        'too-large',
        `grew past the ${options.maxBytes}-byte limit while being read; not read`
      )
    }
    return decode(bytes)
  } catch (error) {
    return problem('io', `cannot be read (${errorCode(error) ?? 'unknown error'})`)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Whether `path` is `root` or below it. Both must already be real paths. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..')
}

function readAtMost(fd: number, size: number, limit: number): Buffer {
  // Sized by the file, not the limit (a limit of 64 MiB would cost 64 MiB a file); grown if the
  // file is longer than it said, up to the limit.
  let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(limit, size + 1)))
  let filled = 0
  while (filled < limit) {
    if (filled === buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2))
      buffer.copy(grown, 0, 0, filled)
      buffer = grown
    }
    const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return buffer.subarray(0, filled)
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
const lenientUtf8 = new TextDecoder('utf-8')

/** UTF-8 with an optional BOM; UTF-16, NUL bytes and invalid sequences are problems, not guesses. */
export function decode(bytes: Uint8Array): ReadOutcome {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem('encoding', 'is UTF-16 encoded; MCP clients read UTF-8: save it as UTF-8')
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return problem(
      'binary',
      'contains NUL bytes: it is binary, not a text config',
      textBefore(bytes, nul)
    )
  }
  try {
    // The fatal decoder drops a leading BOM (ignoreBOM: false), which JSON.parse would choke on.
    const byteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    return { status: 'ok', text: utf8.decode(bytes), byteOrderMark }
  } catch {
    return problem(
      'encoding',
      'is not valid UTF-8: save it as UTF-8',
      textBefore(bytes, firstInvalidUtf8(bytes))
    )
  }
}

function textBefore(bytes: Uint8Array, end: number): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  return lenientUtf8.decode(bytes.subarray(start, Math.max(start, end)))
}

/** Byte offset of the first byte that does not start a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0
    if (length === 0 || index + length > bytes.length) return index
    try {
      utf8.decode(bytes.subarray(index, index + length))
    } catch {
      return index
    }
    index += length
  }
  return bytes.length
}

function problem(kind: ReadProblemKind, detail: string, prefix?: string): ReadOutcome {
  return {
    status: 'problem',
    problem: prefix === undefined ? { kind, detail } : { kind, detail, prefix, at: prefix.length }
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string'
    ? error.code
    : undefined
}
