import { escapeLogLine } from '../reporters/escape/log-line.js'
import { TOOL_NAME } from '../version.js'
import type { CliIO } from './io.js'

const DEFAULT_WIDTH = 80

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
      // Cut by code points, one column short of the width: a line that fills the last column
      // wraps on some terminals, and the clear then misses the first row.
      const text = Array.from(escapeLogLine(`${TOOL_NAME}: ${line}`))
      const width = Math.max(20, (io.columns ?? DEFAULT_WIDTH) - 1)
      const fitted = text.length > width ? `${text.slice(0, width - 1).join('')}…` : text.join('')
      io.stderr(`\r\x1b[2K${fitted}`)
      shown = true
    },
    done: () => {
      if (shown) io.stderr('\r\x1b[2K')
      shown = false
    }
  }
}
