import type { ExposedTool } from '../platforms/tool-naming.js'
import { normalizeEntry } from './normalize.js'
import { filterEntries, visibleTools, type FilterEntry } from './tool-filters.js'
import type { ConfigFile, ServerEntry, Workspace } from '../model/workspace.js'
import type { Timings, ToolInfo } from '../model/tools.js'
import { findProperty, type ValueNode } from '../model/tree.js'
import { getOrCompute } from '../util/memo.js'

export { filteredTool, type FilterEntry } from './tool-filters.js'
export { ownEntries, serverHomes, type ServerHome } from './server-homes.js'
export { toolsByName } from './tools-by-name.js'

/** One server of one config file as the platform's model sees it. */
export interface ServerSurface {
  readonly entry: ServerEntry
  /** False for servers the file disables (`disabled: true`, Codex `enabled = false`). */
  readonly enabled: boolean
  /** Tools from this run's enumeration, else from the lockfile; undefined when neither has them. */
  readonly tools: readonly ToolInfo[] | undefined
  readonly from: 'live' | 'lockfile' | undefined
  /** `serverInfo.title || serverInfo.name`, when known. */
  readonly label: string | undefined
  /** The tools left after the platform's allow and deny lists. */
  readonly visible: readonly ToolInfo[] | undefined
  readonly filters: readonly FilterEntry[]
  /** Start-up timings of this run, for servers enumerated live. */
  readonly timings: Timings | undefined
}

const surfaces = new WeakMap<Workspace, WeakMap<ConfigFile, ServerSurface[]>>()

/** Every server of a config file with its tools, in file order; computed once per workspace. */
export function surfaceOf(workspace: Workspace, file: ConfigFile): ServerSurface[] {
  const byFile = getOrCompute(surfaces, workspace, () => new WeakMap())
  return getOrCompute(byFile, file, () => computeSurface(workspace, file))
}

const exposedCache = new WeakMap<Workspace, WeakMap<ConfigFile, ExposedTools | undefined>>()

/** The enabled servers of a file whose tools are known, and those tools under the names the model sees. */
export interface ExposedTools {
  readonly known: readonly ServerSurface[]
  readonly exposed: readonly ExposedTool[]
}

/**
 * Every visible tool of a file's enabled servers under its platform's naming scheme; undefined
 * for a platform whose naming is not modelled. Computed once per workspace and file.
 */
export function exposedToolsOf(workspace: Workspace, file: ConfigFile): ExposedTools | undefined {
  let byFile = exposedCache.get(workspace)
  if (byFile === undefined) {
    byFile = new WeakMap()
    exposedCache.set(workspace, byFile)
  }
  if (byFile.has(file)) return byFile.get(file)
  const naming = file.platform.tools?.naming
  const known = surfaceOf(workspace, file).filter(
    (surface) => surface.enabled && surface.visible !== undefined
  )
  const result =
    naming === undefined
      ? undefined
      : {
          known,
          exposed: naming.expose(
            known.map((surface) => ({
              name: surface.entry.name.value,
              label: surface.label,
              tools: [...new Set((surface.visible ?? []).map((tool) => tool.name))]
            }))
          )
        }
  byFile.set(file, result)
  return result
}

function computeSurface(workspace: Workspace, file: ConfigFile): ServerSurface[] {
  const results = new Map(
    (workspace.tools?.entries ?? [])
      .filter((entry) => entry.file === file.path)
      .map((entry) => [entry.name, entry])
  )
  const filters = file.platform.tools?.filters
  return file.servers.map((entry) => {
    const name = entry.name.value
    const normalized = normalizeEntry(file.platform, entry)
    const result = results.get(name)
    const run = result?.run?.status === 'ok' ? result.run : undefined
    const locked = run === undefined ? workspace.lockfile?.lockfile.servers[name] : undefined
    const tools =
      run?.tools ??
      (locked === undefined
        ? undefined
        : Object.entries(locked.tools).map(([toolName, tool]) => ({ ...tool, name: toolName })))
    const info = run?.serverInfo ?? locked?.serverInfo
    const entries = [
      ...filterEntries(file.platform, entry, filters?.allow, 'allow'),
      ...filterEntries(file.platform, entry, filters?.deny, 'deny')
    ]
    return {
      entry,
      enabled: normalized.disabled?.value !== true && admitted(file, name),
      tools,
      from: run !== undefined ? 'live' : tools === undefined ? undefined : 'lockfile',
      // VS Code falls back on the name for an empty title too (`title || name`).
      label:
        info === undefined
          ? undefined
          : info.title === undefined || info.title === ''
            ? info.name
            : info.title,
      visible: tools === undefined ? undefined : visibleTools(tools, entry, filters, entries),
      filters: entries,
      timings: run?.timings
    }
  })
}

/** Whether the file's own server lists (platform.tools.servers) let the server start. */
function admitted(file: ConfigFile, name: string): boolean {
  const lists = file.platform.tools?.servers
  if (lists === undefined) return true
  if (namesAt(file.root, lists.deny)?.includes(name) === true) return false
  const allow = namesAt(file.root, lists.allow)
  return allow === undefined || allow.length === 0 || allow.includes(name)
}

/** The strings of the list at a property path, when there is a list there. */
function namesAt(root: ValueNode | undefined, path: readonly string[]): string[] | undefined {
  let node = root
  for (const key of path)
    node = node?.kind === 'object' ? findProperty(node, key)?.value : undefined
  if (node?.kind !== 'array') return undefined
  return node.items.flatMap((item) => (item.kind === 'string' ? [item.value] : []))
}
