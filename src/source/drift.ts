import type { ServerEntry } from '../model/workspace.js'
import type { PlainObject, PlainValue } from '../model/tree.js'
import type { Dialect } from '../platforms/platform.js'
import { compareServers, deepEqual, type Difference } from '../canonical/compare.js'
import { projectPathMeaning } from '../canonical/project-paths.js'
import { normalizeEntry, normalizeServer } from '../canonical/normalize.js'
import { plainEntry } from '../model/plain-entry.js'

/** The differences between the entry a platform file should hold and the one it holds. */
export function diffEntry(
  platform: Dialect,
  expected: PlainObject,
  entry: ServerEntry
): Difference[] {
  // Written exactly as expected, as sync writes it: nothing differs, and normalising is the cost.
  if (deepEqual(expected, plainEntry(entry))) return []
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
 * Pairs missing servers with extra ones that are probably the same servers renamed: the names
 * match loosely, or both launch the same thing; the first free extra in file order wins. Indexed,
 * so a file whose thousands of servers were all renamed costs no more than one that was not.
 */
class RenameFinder {
  readonly #taken = new Set<ServerEntry>()
  readonly #byName = new Map<string, ServerEntry[]>()
  #byLaunch: Map<string, ServerEntry[]> | undefined

  constructor(
    private readonly platform: Dialect,
    private readonly extras: readonly ServerEntry[]
  ) {
    for (const entry of extras) append(this.#byName, looseName(entry.name.value), entry)
  }

  take(missing: { readonly name: string; readonly value: PlainValue }): ServerEntry | undefined {
    const launch = launchKey(this.platform, missing.value)
    const found =
      this.#firstFree(this.#byName.get(looseName(missing.name))) ??
      (launch === '' ? undefined : this.#firstFree(this.#launches().get(launch)))
    if (found !== undefined) this.#taken.add(found)
    return found
  }

  get remaining(): ServerEntry[] {
    return this.extras.filter((entry) => !this.#taken.has(entry))
  }

  #launches(): Map<string, ServerEntry[]> {
    if (this.#byLaunch === undefined) {
      this.#byLaunch = new Map()
      for (const entry of this.extras)
        append(this.#byLaunch, launchKey(this.platform, plainEntry(entry)), entry)
    }
    return this.#byLaunch
  }

  #firstFree(entries: readonly ServerEntry[] | undefined): ServerEntry | undefined {
    return entries?.find((entry) => !this.#taken.has(entry))
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
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
  const renames = new RenameFinder(
    platform,
    servers.filter((entry) => !wanted.has(entry.name.value))
  )
  // The first entry of each name, as a search would find it: linear in a file of thousands.
  const byName = new Map<string, ServerEntry>()
  for (const entry of servers)
    if (!byName.has(entry.name.value)) byName.set(entry.name.value, entry)
  const found: { want: T; entry: ServerEntry }[] = []
  const renamed: { want: T; entry: ServerEntry }[] = []
  const missing: T[] = []
  for (const want of expected) {
    const entry = byName.get(want.name)
    if (entry !== undefined) {
      found.push({ want, entry })
      continue
    }
    const other = renames.take(want)
    if (other === undefined) missing.push(want)
    else renamed.push({ want, entry: other })
  }
  return { found, renamed, missing, extras: renames.remaining }
}
