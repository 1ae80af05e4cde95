import type { ExposedTool } from '../platforms/tool-naming.js'
import { normalizeEntry } from './normalize.js'
import { parseCanonical } from './references.js'
import type { Platform, ToolFilters } from '../platforms/platform.js'
import { compareText } from '../model/diagnostic.js'
import type { AnyConfigFile, ConfigFile, ServerEntry, Workspace } from '../model/workspace.js'
import type { EntryResult, Timings, ToolInfo } from '../model/tools.js'
import { findProperty, type StringNode, type ValueNode } from '../model/tree.js'

/** A tool filter entry as written in the config, located. */
export interface FilterEntry {
  readonly field: string
  readonly kind: 'allow' | 'deny'
  readonly node: StringNode
  /** The entry as the client reads it: references with a default replaced by the default. */
  readonly value: string
}

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
  let byFile = surfaces.get(workspace)
  if (byFile === undefined) {
    byFile = new WeakMap()
    surfaces.set(workspace, byFile)
  }
  let surface = byFile.get(file)
  if (surface === undefined) {
    surface = computeSurface(workspace, file)
    byFile.set(file, surface)
  }
  return surface
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

/** The tools the model gets after the entry's filters, as the platform applies them. */
function visibleTools(
  tools: readonly ToolInfo[],
  entry: ServerEntry,
  filters: ToolFilters | undefined,
  entries: readonly FilterEntry[]
): ToolInfo[] {
  if (omitted(entry, filters?.omit)) return []
  const scalar = filters?.scalar
  if (scalar !== undefined && stringAt(entry, filters?.allow) !== undefined) return []
  const deny = scalar === undefined ? undefined : stringAt(entry, filters?.deny)
  return applyFilters(tools, entries, hasList(entry, filters?.allow)).filter(
    (tool) => !(deny?.includes(tool.name) ?? false)
  )
}

function stringAt(entry: ServerEntry, field: string | undefined): string | undefined {
  const node = field === undefined ? undefined : entry.fields.get(field)?.value
  return node?.kind === 'string' ? node.value : undefined
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

function filterEntries(
  platform: Platform,
  entry: ServerEntry,
  field: string | undefined,
  kind: FilterEntry['kind']
): FilterEntry[] {
  if (field === undefined) return []
  const node = entry.fields.get(field)?.value
  if (node?.kind !== 'array') return []
  const { fields, syntaxes } = platform.interpolation
  const expands = syntaxes.includes('brace-default') && (fields === 'all' || fields.includes(field))
  return node.items
    .filter((item): item is StringNode => item.kind === 'string')
    .map((item) => ({
      field,
      kind,
      node: item,
      value: expands ? withDefaults(item.value) : item.value
    }))
}

/**
 * A filter entry as a client that expands `${VAR:-default}` everywhere (Gemini CLI 0.61.0, case
 * interp-include-tools) reads it where the variable is unset: the runner's variables are never
 * the user's, so a reference without a default stays as written and names no tool.
 */
function withDefaults(text: string): string {
  return parseCanonical(text)
    .map((segment) => segment.fallback ?? segment.text)
    .join('')
}

/**
 * The tool a filter entry names. Gemini CLI's allow-list (`includeTools`) also takes `tool(args)`:
 * isEnabled keeps a tool when an entry equals its name or starts with `<name>(`, so whatever
 * follows the first parenthesis does not matter, closed or not (Gemini CLI 0.61.0, verified
 * 2026-12-03); its `excludeTools` compares whole names. Other allow-lists drop a closing `(args)`.
 */
export function filteredTool(filter: FilterEntry): string {
  if (filter.kind !== 'allow') return filter.value
  return filter.field === 'includeTools'
    ? filter.value.replace(/\(.*$/s, '')
    : filter.value.replace(/\(.*\)$/s, '')
}

/** Whether the entry's list field holds the value that leaves its tools out of the request. */
function omitted(
  entry: ServerEntry,
  omit: { readonly field: string; readonly value: string } | undefined
): boolean {
  const node = omit === undefined ? undefined : entry.fields.get(omit.field)?.value
  return (
    node?.kind === 'array' &&
    node.items.some((item) => item.kind === 'string' && item.value === omit?.value)
  )
}

/** Whether the entry sets the filter field to a list, empty or not. */
function hasList(entry: ServerEntry, field: string | undefined): boolean {
  return field !== undefined && entry.fields.get(field)?.value.kind === 'array'
}

/**
 * An allow-list keeps only what it names, so an empty one keeps nothing (Codex 0.171.0
 * `enabled_tools = []`, verified 2026-12-03); a deny-list then removes what it names.
 */
function applyFilters(
  tools: readonly ToolInfo[],
  filters: readonly FilterEntry[],
  hasAllow: boolean
): ToolInfo[] {
  const allow = new Set(filters.filter((filter) => filter.kind === 'allow').map(filteredTool))
  const deny = new Set(filters.filter((filter) => filter.kind === 'deny').map(filteredTool))
  return tools.filter((tool) => (!hasAllow || allow.has(tool.name)) && !deny.has(tool.name))
}

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
