import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff'

/** A unified diff of two texts (3 lines of context), for `sync --check` and `--fix-dry-run`. */
export function unifiedDiff(path: string, before: string, after: string): string {
  // A CRLF file compares as its lines: the change shown is the one sync makes, and a stray `\r`
  // would return the terminal's cursor mid-line.
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    context: 3,
    stripTrailingCr: true
  })
  if (patch.hunks.length === 0) return ''
  // git's headers without jsdiff's `Index:` and `===` lines, which diff(1) and git do not print.
  return formatPatch(patch, FILE_HEADERS_ONLY)
}
