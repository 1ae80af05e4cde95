import type { Ignore } from './lint-config.js'

/** What an ignore entry is matched against: a finding's rule, file and server. */
export interface IgnorableFinding {
  readonly ruleId: string
  readonly file: string
  readonly server?: string
}

/**
 * Whether the config's ignores cover a finding. picomatch loads only for an ignore that names files
 * (most configs have none, and it is a sixth of the code a check would otherwise compile at
 * start), and each glob compiles once, not once per finding.
 */
export async function ignoreMatcher(
  ignores: readonly Ignore[]
): Promise<(finding: IgnorableFinding) => boolean> {
  const picomatch = ignores.some((ignore) => ignore.files !== undefined)
    ? (await import('picomatch')).default
    : undefined
  // Paths are repo-relative with `/`: `**` crosses directories, `*` and `?` do not, and dotted
  // directories (`.cursor/`) are where configs live. A glob means the same on every runner, so a
  // backslash escapes, as in POSIX, on Windows too.
  const entries = ignores.map((ignore) => ({
    ignore,
    files:
      picomatch === undefined
        ? undefined
        : ignore.files?.map((glob) => picomatch(glob, { dot: true, windows: false }))
  }))
  return (finding) =>
    entries.some(
      ({ ignore, files }) =>
        (ignore.rule === undefined || ignore.rule === finding.ruleId) &&
        (ignore.server === undefined || ignore.server === finding.server) &&
        (files === undefined || files.some((matches) => matches(finding.file)))
    )
}
