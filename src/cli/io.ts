import { writeFileMakingDirectories } from '../util/write-file.js'
import { isTerminal, stderrColumns, writeText } from './standard-streams.js'
import { reportTargetProblem } from './report-target.js'

type Environment = Readonly<Record<string, string | undefined>>

/** What the CLI touches of the outside world, so tests run it in-process. */
export interface CliIO {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Writes a file, creating its directory. */
  readonly writeFile: (path: string, text: string) => Promise<void>
  /** Why a report cannot be written to a path (`--output`), or undefined; creates nothing. */
  readonly reportTargetProblem: (path: string) => Promise<string | undefined>
  /** Colour in the text report. Off unless set. */
  readonly color?: boolean
  /** Standard error is a terminal: progress rewrites one status line instead of adding lines. */
  readonly stderrIsTerminal?: boolean
  /** The terminal's width, which the status line must not pass (it would wrap and stay). */
  readonly columns?: number | undefined
  /** Where the user cache directory is found (XDG_CACHE_HOME, HOME). Without it: no cache. */
  readonly env?: Environment
}

/** The process's own streams; what they are is asked when first read, not at import. */
export const processIO: CliIO = {
  stdout: (text) => {
    writeText(1, text)
  },
  stderr: (text) => {
    writeText(2, text)
  },
  writeFile: writeFileMakingDirectories,
  reportTargetProblem,
  get color() {
    return colorWanted(process.env, isTerminal(1))
  },
  get stderrIsTerminal() {
    return isTerminal(2) && process.env.TERM !== 'dumb'
  },
  get columns() {
    return stderrColumns()
  },
  env: process.env
}

/** Exit codes, as actionlint's: 0 clean, 1 findings at or above --fail-on, 2 usage, 3 internal error. */
export const ExitCode = { ok: 0, findings: 1, usage: 2, internal: 3 } as const

/**
 * Colour as Node and chalk decide it: FORCE_COLOR wins (unless "0" or "false"), then NO_COLOR (any
 * non-empty value, no-color.org), then whether the output is a terminal that is not "dumb".
 */
export function colorWanted(env: Environment, isTerminal: boolean | undefined): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return isTerminal === true && env.TERM !== 'dumb'
}
