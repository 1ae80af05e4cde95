import { allFiles, type AnyConfigFile, type ServerEntry, type Workspace } from './workspace.js'
import type { EntryResult } from './tools.js'

/** The config file and server entry an enumeration result is about. */
export function findEntry(
  workspace: Workspace,
  result: EntryResult
): { file: AnyConfigFile; entry: ServerEntry } | undefined {
  const file = allFiles(workspace).find((candidate) => candidate.path === result.file)
  const entry = file?.servers.find((candidate) => candidate.name.value === result.name)
  return file === undefined || entry === undefined ? undefined : { file, entry }
}

/**
 * Results grouped by launch (one server run for every file that configures it the same way), the
 * central source's entry first: findings about a run go there once, naming the other files.
 */
export function groupByLaunch(
  results: readonly EntryResult[]
): { primary: EntryResult; others: EntryResult[] }[] {
  const groups = new Map<string, EntryResult[]>()
  for (const result of results) {
    const key = result.launchKey ?? `${result.file}\u0000${result.name}`
    groups.set(key, [...(groups.get(key) ?? []), result])
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort(
      (a, b) => rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
    )
    const [primary, ...others] = sorted
    if (primary === undefined) throw new Error('empty launch group')
    return { primary, others }
  })
}

function rank(file: string): number {
  return file.startsWith('.agents/mcp/') ? 0 : 1
}
