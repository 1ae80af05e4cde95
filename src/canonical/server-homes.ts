import { compareText } from '../model/diagnostic.js'
import type { AnyConfigFile, ServerEntry, Workspace } from '../model/workspace.js'

/**
 * Each server name once, where a finding about the server itself belongs: its entry in the central
 * source when it has one, else in the first file (by path) that configures it.
 */
export function serverHomes(workspace: Workspace): readonly ServerHome[] {
  let homes = homesCache.get(workspace)
  if (homes === undefined) {
    homes = computeHomes(workspace)
    homesCache.set(workspace, homes)
  }
  return homes
}

export interface ServerHome {
  readonly name: string
  readonly file: AnyConfigFile
  readonly entry: ServerEntry
}

const homesCache = new WeakMap<Workspace, readonly ServerHome[]>()

function computeHomes(workspace: Workspace): ServerHome[] {
  const homes = new Map<string, ServerHome>()
  const byPath = (a: AnyConfigFile, b: AnyConfigFile) => compareText(a.path, b.path)
  const ordered = [
    ...[...(workspace.source?.files ?? [])].sort(byPath),
    ...[...workspace.files].sort(byPath)
  ]
  for (const file of ordered)
    for (const entry of file.servers)
      if (!homes.has(entry.name.value))
        homes.set(entry.name.value, { name: entry.name.value, file, entry })
  return [...homes.values()]
}

/**
 * The server entries a config finding belongs in: every central source entry, and the entries of
 * client files that the central source does not define (those it defines are generated from it,
 * so the fix goes in the source and source-drift covers any difference).
 */
export function ownEntries(workspace: Workspace): { file: AnyConfigFile; entry: ServerEntry }[] {
  const sourceFiles = workspace.source?.files ?? []
  const inSource = new Set(
    sourceFiles.flatMap((file) => file.servers.map((entry) => entry.name.value))
  )
  return [
    ...sourceFiles.flatMap((file) => file.servers.map((entry) => ({ file, entry }))),
    ...workspace.files.flatMap((file) =>
      file.servers
        .filter((entry) => !inSource.has(entry.name.value))
        .map((entry) => ({ file, entry }))
    )
  ]
}
