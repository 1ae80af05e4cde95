import type { Workspace } from '../model/workspace.js'
import type { EntryResult, ToolInfo } from '../model/tools.js'

/** Per workspace, the first enumeration entry of each server name that listed its tools. */
const listedCache = new WeakMap<Workspace, Map<string, EntryResult>>()

/** The tools of a server by name, from any file's enumeration or from the lockfile. */
export function toolsByName(
  workspace: Workspace,
  name: string
): { tools: readonly ToolInfo[]; from: 'live' | 'lockfile'; instructions?: string } | undefined {
  let listed = listedCache.get(workspace)
  if (listed === undefined) {
    listed = new Map()
    for (const entry of workspace.tools?.entries ?? [])
      if (entry.run?.status === 'ok' && !listed.has(entry.name)) listed.set(entry.name, entry)
    listedCache.set(workspace, listed)
  }
  const result = listed.get(name)
  if (result?.run?.status === 'ok')
    return {
      tools: result.run.tools,
      from: 'live',
      ...(result.run.instructions === undefined ? {} : { instructions: result.run.instructions })
    }
  const locked = workspace.lockfile?.lockfile.servers[name]
  if (locked === undefined) return undefined
  return {
    tools: Object.entries(locked.tools).map(([toolName, tool]) => ({ ...tool, name: toolName })),
    from: 'lockfile'
  }
}
