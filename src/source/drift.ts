import type { ServerEntry } from '../model/workspace.js'
import { toPlain, type PlainObject, type PlainValue } from '../model/tree.js'
import type { Dialect } from '../platforms/platform.js'
import { compareServers, type Difference } from '../canonical/compare.js'
import { projectPathMeaning } from '../canonical/project-paths.js'
import { normalizeEntry, normalizeServer } from '../canonical/normalize.js'

/** The differences between the entry a platform file should hold and the one it holds. */
export function diffEntry(
  platform: Dialect,
  expected: PlainObject,
  entry: ServerEntry
): Difference[] {
  return compareServers(
    normalizeServer(platform, expected),
    normalizeEntry(platform, entry),
    projectPathMeaning(platform),
    platform.translation.typeRequired === true
  )
}

/** Names that differ only in case and `-`, `_`, `.` or spaces, which people change by accident. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '')
}

/**
 * Pairs a missing server with an extra one that is probably the same server renamed: the names
 * match loosely, or both launch the same thing.
 */
function findRename(
  platform: Dialect,
  missing: { readonly name: string; readonly value: PlainValue },
  extras: readonly ServerEntry[]
): ServerEntry | undefined {
  const launch = launchKey(platform, missing.value)
  return (
    extras.find((entry) => looseName(entry.name.value) === looseName(missing.name)) ??
    extras.find((entry) => launch !== '' && launchKey(platform, toPlain(entry.value)) === launch)
  )
}

/** A server's identity for rename detection: what it launches or where it connects. */
function launchKey(platform: Dialect, value: PlainValue): string {
  const server = normalizeServer(platform, value)
  if (server.transport !== 'stdio') return server.url?.value ?? ''
  return [server.command?.value ?? '', ...server.args.map((arg) => arg.value)].join('\u0000')
}

/** How a file's servers line up with the ones it should hold. */
export interface ServerMatch<T> {
  /** Expected servers the file holds under their name. */
  readonly found: readonly { readonly want: T; readonly entry: ServerEntry }[]
  /** Expected servers the file holds under another name (a wrong key). */
  readonly renamed: readonly { readonly want: T; readonly entry: ServerEntry }[]
  readonly missing: readonly T[]
  /** Servers the file holds that are not expected. */
  readonly extras: readonly ServerEntry[]
}

/**
 * Lines up a file's servers with the expected ones (name and rendered value each): by name, then
 * a missing server with an extra one that is the same server renamed. The drift rule reports
 * this and sync writes it, so the two always agree.
 */
export function matchServers<T extends { readonly name: string; readonly value: PlainValue }>(
  platform: Dialect,
  servers: readonly ServerEntry[],
  expected: readonly T[]
): ServerMatch<T> {
  const wanted = new Set(expected.map((want) => want.name))
  let extras = servers.filter((entry) => !wanted.has(entry.name.value))
  const found: { want: T; entry: ServerEntry }[] = []
  const renamed: { want: T; entry: ServerEntry }[] = []
  const missing: T[] = []
  for (const want of expected) {
    const entry = servers.find((candidate) => candidate.name.value === want.name)
    if (entry !== undefined) {
      found.push({ want, entry })
      continue
    }
    const other = findRename(platform, want, extras)
    if (other === undefined) missing.push(want)
    else {
      extras = extras.filter((candidate) => candidate !== other)
      renamed.push({ want, entry: other })
    }
  }
  return { found, renamed, missing, extras }
}
