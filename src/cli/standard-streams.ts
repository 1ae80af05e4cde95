import { fstatSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import type * as NodeTty from 'node:tty'

// The CLI's standard output and error. A pipe or a file (CI logs, `| head`, `> report.json`) is
// written with writeSync: process.stdout would load Node's stream, socket and tty modules first,
// about 5 ms of a small repository's whole run. A terminal keeps Node's own stream, which knows
// its width and is asynchronous on Windows.

const requireBuiltin = createRequire(import.meta.url)
const terminals = new Map<number, boolean>()
/** Descriptors whose reader has gone (`mcp-lint check . | head`): written no more, quietly. */
const closed = new Set<number>()
const watched = new Set<NodeJS.WriteStream>()
let sleeper: Int32Array | undefined

/** Whether a descriptor is a terminal; fstat answers for pipes and files without node:tty. */
export function isTerminal(fd: number): boolean {
  let answer = terminals.get(fd)
  if (answer === undefined) {
    answer = isCharacterDevice(fd) && (requireBuiltin('node:tty') as typeof NodeTty).isatty(fd)
    terminals.set(fd, answer)
  }
  return answer
}

/** The width of standard error, when it is a terminal. */
export function stderrColumns(): number | undefined {
  return isTerminal(2) ? streamOf(2).columns : undefined
}

/**
 * Writes all of a text to a descriptor, or nothing once its reader has gone: never throws for a
 * closed pipe, like a tool ended by SIGPIPE that still finishes its run and returns its exit code.
 */
export function writeText(fd: number, text: string): void {
  if (closed.has(fd)) return
  if ((fd === 1 || fd === 2) && isTerminal(fd)) {
    streamOf(fd).write(text)
    return
  }
  const bytes = Buffer.from(text)
  let offset = 0
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // A full pipe its writer made non-blocking: wait for the reader, as a blocking write does.
      if (code === 'EAGAIN') pause()
      else if (code === 'EPIPE') {
        closed.add(fd)
        return
      } else throw error
    }
  }
}

/** Whether a terminal stream still holds text it has not handed to the system (Windows). */
export function outputPending(): boolean {
  return [...watched].some((stream) => stream.writableLength > 0)
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice()
  } catch {
    return false
  }
}

function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr
  if (!watched.has(stream)) {
    watched.add(stream)
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
      closed.add(fd)
    })
  }
  return stream
}

function pause(): void {
  sleeper ??= new Int32Array(new SharedArrayBuffer(4))
  Atomics.wait(sleeper, 0, 0, 1)
}
