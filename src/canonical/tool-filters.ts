import type { Platform, ToolFilters } from '../platforms/platform.js'
import type { ServerEntry } from '../model/workspace.js'
import type { ToolInfo } from '../model/tools.js'
import type { StringNode } from '../model/tree.js'
import { parseCanonical } from './references.js'

/** A tool filter entry as written in the config, located. */
export interface FilterEntry {
  readonly field: string
  readonly kind: 'allow' | 'deny'
  readonly node: StringNode
  /** The entry as the client reads it: references with a default replaced by the default. */
  readonly value: string
}

/** The tools the model gets after the entry's filters, as the platform applies them. */
export function visibleTools(
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

/** The entries of one allow or deny list of a server, read the way its client reads them. */
export function filterEntries(
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
