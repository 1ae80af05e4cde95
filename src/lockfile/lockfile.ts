import { UsageError } from '../util/errors.js'
import { isRecord } from '../util/is-record.js'
import { formatValue } from '../model/json-format.js'
import { mask } from '../detect/mask.js'
import { shouldMask } from '../detect/redact.js'
import { parseJson } from '../parse/json.js'
import { SourceText } from '../model/location.js'
import { canonicalJson, toolHash, type Enumeration, type ToolInfo } from '../model/tools.js'
import { findProperty, toPlain, type ObjectNode, type PlainValue } from '../model/tree.js'

export const LOCKFILE_PATH = '.agents/mcp/mcp-lock.json'

export interface LockedTool extends Omit<ToolInfo, 'name'> {
  readonly hash: string
}

export interface LockedServer {
  readonly launch: { readonly command: string; readonly args: readonly string[] }
  readonly package?: { readonly name: string; readonly version: string | undefined }
  /** What the server calls itself: VS Code names its tools after it. */
  readonly serverInfo?: { readonly name: string; readonly title?: string }
  readonly tools: Readonly<Record<string, LockedTool>>
}

/** `.agents/mcp/mcp-lock.json`: the tool surface every server had when it was locked. */
export interface Lockfile {
  readonly lockfileVersion: 1
  readonly servers: Readonly<Record<string, LockedServer>>
}

/** A lockfile read from disk, with the positions of its server keys for findings. */
export interface LoadedLockfile {
  readonly path: string
  readonly lockfile: Lockfile
  readonly keys: ObjectNode | undefined
}

/**
 * The lockfile for an enumeration: per server name (first ok entry), the launch, the package
 * version that ran and every tool with its hash. Servers that could not be enumerated keep the
 * entry they had in `previous`, so a lock made where credentials exist survives a run without.
 */
export function buildLockfile(enumeration: Enumeration, previous?: Lockfile): Lockfile {
  const servers: Record<string, LockedServer> = {}
  for (const entry of enumeration.entries) {
    if (entry.status !== 'ok' || entry.run?.status !== 'ok' || servers[entry.name] !== undefined)
      continue
    const launch = entry.launch
    const info = entry.run.serverInfo
    const tools: Record<string, LockedTool> = {}
    for (const tool of [...entry.run.tools].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const { name, ...rest } = tool
      tools[name] = { hash: toolHash(tool), ...rest }
    }
    servers[entry.name] = {
      // Arguments that look like secrets are masked: the lockfile must not copy a token.
      launch: {
        command: launch?.command ?? '',
        args: (launch?.args ?? []).map((arg) => (shouldMask(arg) ? mask(arg) : arg))
      },
      ...(entry.package === undefined
        ? {}
        : { package: { name: entry.package.name, version: entry.package.version } }),
      ...(info === undefined
        ? {}
        : {
            serverInfo: {
              name: info.name,
              ...(info.title === undefined ? {} : { title: info.title })
            }
          }),
      tools
    }
  }
  for (const [name, server] of Object.entries(previous?.servers ?? {})) {
    const configured = enumeration.entries.some((entry) => entry.name === name)
    if (configured && servers[name] === undefined) servers[name] = server
  }
  const sorted = Object.fromEntries(Object.entries(servers).sort(([a], [b]) => (a < b ? -1 : 1)))
  return { lockfileVersion: 1, servers: sorted }
}

/** Deterministic text: keys in a stable order, two-space indentation, a final newline. */
export function formatLockfile(lockfile: Lockfile): string {
  return `${formatValue(JSON.parse(canonicalJson(lockfile)) as PlainValue, '', '  ', '\n')}\n`
}

/** Reads a lockfile; a damaged one is a usage error naming the position. */
export function parseLockfile(path: string, text: string): LoadedLockfile {
  const parsed = parseJson(new SourceText(path, text))
  const problem = parsed.problems[0]
  if (problem !== undefined || parsed.root?.kind !== 'object') {
    const at = problem?.location.range.start ?? { line: 1, column: 1 }
    throw new UsageError(
      `${path}:${at.line}:${at.column}: the lockfile is not valid JSON (${problem?.detail ?? 'not an object'}): run "mcp-lint lock" to rewrite it`
    )
  }
  const plain = toPlain(parsed.root) as { lockfileVersion?: PlainValue; servers?: PlainValue }
  if (
    plain.lockfileVersion !== 1 ||
    typeof plain.servers !== 'object' ||
    plain.servers === null ||
    Array.isArray(plain.servers)
  ) {
    throw new UsageError(
      `${path}: not an mcp-lint lockfile (lockfileVersion 1 with "servers"): run "mcp-lint lock" to rewrite it`
    )
  }
  const servers = findProperty(parsed.root, 'servers')?.value
  return {
    path,
    lockfile: plain as unknown as Lockfile,
    keys: servers?.kind === 'object' ? servers : undefined
  }
}

export interface ToolChange {
  readonly kind: 'added' | 'removed' | 'changed'
  readonly tool: string
  /** For a change: the parts that differ (`description`, `inputSchema.properties.path`). */
  readonly fields: readonly string[]
}

/** What changed between the locked tools and the live ones. */
export function compareTools(locked: LockedServer, live: readonly ToolInfo[]): ToolChange[] {
  const changes: ToolChange[] = []
  const current = new Map(live.map((tool) => [tool.name, tool]))
  for (const tool of live) {
    const pinned = locked.tools[tool.name]
    if (pinned === undefined) changes.push({ kind: 'added', tool: tool.name, fields: [] })
    else if (pinned.hash !== toolHash(tool)) {
      const { hash, ...was } = pinned
      changes.push({
        kind: 'changed',
        tool: tool.name,
        fields: differingPaths({ ...was, name: tool.name }, tool)
      })
    }
  }
  for (const name of Object.keys(locked.tools))
    if (!current.has(name)) changes.push({ kind: 'removed', tool: name, fields: [] })
  return changes.sort((a, b) => (a.tool < b.tool ? -1 : a.tool > b.tool ? 1 : 0))
}

/** Dotted paths where two JSON values differ, deepest first found, at most a handful. */
export function differingPaths(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (out.length >= 6) return out
  if (isRecord(a) && isRecord(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      differingPaths(a[key], b[key], path === '' ? key : `${path}.${key}`, out)
    }
  } else if (canonicalJson(a ?? null) !== canonicalJson(b ?? null))
    out.push(path === '' ? '(value)' : path)
  return out
}
