import { escapeLogLine } from '../reporters/escape/log-line.js'
import { TOOL_NAME } from '../version.js'
import type { CliIO } from './io.js'

const STATUS_WIDTH = 100

export interface Progress {
  /** A step of a long run: npm fetching a package, a server starting, a server's result. */
  readonly update: (line: string) => void
  /** Clears the status line, before the report is printed. */
  readonly done: () => void
}

/**
 * Progress on standard error: on a terminal one status line, rewritten in place and cleared at the
 * end; elsewhere (CI logs, files) plain lines, one per step, which a log keeps.
 */
export function createProgress(io: CliIO): Progress {
  if (io.stderrIsTerminal !== true)
    return {
      update: (line) => {
        io.stderr(`${escapeLogLine(`${TOOL_NAME}: ${line}`)}\n`)
      },
      done: () => undefined
    }
  let shown = false
  return {
    update: (line) => {
      const text = escapeLogLine(`${TOOL_NAME}: ${line}`)
      const fitted = text.length > STATUS_WIDTH ? `${text.slice(0, STATUS_WIDTH - 1)}…` : text
      io.stderr(`\r\x1b[2K${fitted}`)
      shown = true
    },
    done: () => {
      if (shown) io.stderr('\r\x1b[2K')
      shown = false
    }
  }
}
