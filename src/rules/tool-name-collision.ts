import type { ConfigFile, Workspace } from '../model/workspace.js'
import { listOf, quote, quoteList } from '../util/quote.js'
import { exposedToolsOf, surfaceOf, type ServerSurface } from '../canonical/surface.js'
import { normalizeEntry } from '../canonical/normalize.js'
import { listedExample } from './examples.js'
import { defineRule, type Report } from './rule.js'

/** What a platform does when two tools end up with one name. */

/** Two names joined with "and", as the messages always said; more are listed and counted. */
function members(names: readonly string[]): string {
  const [first, second] = names
  if (names.length === 2 && first !== undefined && second !== undefined)
    return `${quote(first)} and ${quote(second)}`
  return quoteList(names, 3)
}

const messages = {
  exposedTwice: (d: {
    platform: string
    name: string
    tools: readonly { server: string; tool: string }[]
    consequence: string
  }) => {
    const [first, later] = d.tools
    const one = `under one name, ${quote(d.name)}: ${d.consequence}`
    // A pair names the later tool first, as this message always has.
    if (d.tools.length === 2 && first !== undefined && later !== undefined)
      return `${d.platform} exposes tool ${quote(later.tool)} of server ${quote(later.server)} and tool ${quote(first.tool)} of server ${quote(first.server)} ${one}`
    const listed = listOf(d.tools, (t) => `tool ${quote(t.tool)} of server ${quote(t.server)}`, 3)
    return `${d.platform} exposes ${d.tools.length} tools (${listed}) ${one}`
  },
  sharedTools: (d: {
    servers: readonly string[]
    tools: readonly string[]
    /** The platform, when it renames shared tools `<server>_<tool>` (Zed). */
    renamedBy: string | undefined
  }) => {
    const two = d.servers.length === 2
    const tools =
      d.tools.length === 1
        ? `the tool ${quoteList(d.tools)}`
        : `${d.tools.length} tools named ${quoteList(d.tools)}`
    const effect =
      d.renamedBy !== undefined
        ? `${d.renamedBy} renames them to <server>_<tool>, so prompts and rules that name the tool miss`
        : `the model has to tell them apart by the server prefix alone; ${two ? 'filter one of them out' : 'filter them out of all but one'} or keep one server`
    return `servers ${members(d.servers)} ${two ? 'both' : 'all'} have ${tools}: ${effect}`
  },
  listedTwice: (d: { server: string; tool: string }) =>
    `server ${quote(d.server)} lists the tool ${quote(d.tool)} more than once: tool names must be unique within a server (MCP specification)`,
  sameLaunch: (d: { servers: readonly string[]; platform: string }) =>
    `servers ${members(d.servers)} start the same server with the same settings: ${d.platform} loads each of its tools ${d.servers.length === 2 ? 'twice' : `${d.servers.length} times`}; keep one`
}

export default defineRule({
  id: 'tool-name-collision',
  phase: 'workspace',
  severity: 'error',
  docs: {
    description: 'Disallow two tools that a platform shows the model under the same name',
    rationale:
      'Every platform turns a server tool into one flat name for the model: `mcp__<server>__<tool>` in Claude ' +
      'Code and Codex, `mcp_<server>_<tool>` sanitised and middle-truncated over 63 characters in Gemini CLI, a ' +
      "prefix from the server's self-reported name capped at 18 characters and a 64-character cut in VS Code, " +
      'the bare tool name in Zed. Two tools that end up with the same name (after truncation or sanitising) ' +
      'break: the Anthropic API rejects the request, Gemini CLI silently keeps the last one registered. The same ' +
      'raw tool name served by two servers is legal but ambiguous for the model (a warning), a server listing ' +
      'one tool twice breaks the MCP specification, and two entries that start the same server load every tool ' +
      'twice (a warning). Servers are reported in groups: one finding for all the entries that start the same ' +
      'server, and one for all the servers that share the same tools, at the second of them (the first is the one ' +
      'to keep), so a thousand copies of one server are one finding, not half a million. Tools come from ' +
      'enumeration, or from the lockfile for servers that could not start.',
    examples: {
      invalid: [
        {
          path: '.gemini/settings.json',
          text: '{\n  "mcpServers": {\n    "issue tracker": { "command": "npx", "args": ["-y", "tracker-mcp@2.1.0"] },\n    "issue_tracker": { "command": "npx", "args": ["-y", "tracker-next-mcp@1.0.0"] }\n  }\n}\n',
          enumeration: [
            listedExample('.gemini/settings.json', 'issue tracker', ['create_issue']),
            listedExample('.gemini/settings.json', 'issue_tracker', ['create_issue'])
          ]
        },
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"] },\n    "gitlab": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-gitlab@2025.4.25"] }\n  }\n}\n',
          enumeration: [
            listedExample('.mcp.json', 'github', ['search_repositories', 'create_issue']),
            listedExample('.mcp.json', 'gitlab', ['search_repositories', 'create_issue'])
          ]
        },
        {
          path: '.cursor/mcp.json',
          text: '{\n  "mcpServers": {\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2026.8.31"] },\n    "memory-2": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2026.8.31"] },\n    "memory-3": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2026.8.31"] }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"] },\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2026.8.31"] }\n  }\n}\n',
          enumeration: [
            listedExample('.mcp.json', 'github', ['search_repositories', 'create_issue']),
            listedExample('.mcp.json', 'memory', ['create_entities', 'read_graph'])
          ]
        }
      ]
    }
  },
  messages,
  check({ workspace, report }) {
    const reportedServers = new Set<string>()
    for (const file of workspace.files) {
      const surfaces = surfaceOf(workspace, file).filter((surface) => surface.enabled)
      const byName = new Map(surfaces.map((surface) => [surface.entry.name.value, surface]))
      const copies = checkSameLaunch(file, surfaces, report)
      for (const surface of surfaces) {
        const name = surface.entry.name.value
        if (surface.visible === undefined || reportedServers.has(name)) continue
        const seen = new Set<string>()
        for (const tool of surface.visible.map((t) => t.name)) {
          if (!seen.has(tool)) {
            seen.add(tool)
            continue
          }
          reportedServers.add(name)
          report(
            'listedTwice',
            surface.entry.name.location,
            { server: name, tool },
            { server: name }
          )
          break
        }
      }
      const exposedAs = checkExposed(workspace, file, byName, report)
      checkShared(file, surfaces, byName, copies, exposedAs, report)
    }
  }
})

type CollisionReport = Report<typeof messages>

/** Members of each group in file order; groups in the order their first member appears. */
function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    if (key === undefined) continue
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [item])
    else group.push(item)
  }
  return [...groups.values()]
}

/**
 * Entries whose launch is identical, one finding per group at its second entry (the first is the
 * one to keep). Returns the copies, the entries after the first, each with the first's name.
 */
function checkSameLaunch(
  file: ConfigFile,
  surfaces: readonly ServerSurface[],
  report: CollisionReport
): Map<string, string> {
  const copies = new Map<string, string>()
  const launchOf = (surface: ServerSurface) => normalizeEntry(file.platform, surface.entry)
  // Entries are first grouped by their program, arguments and url alone, a key that costs one
  // string; only the few groups of two or more are split by the whole launch.
  const groups = groupBy(surfaces, (surface) => {
    const server = launchOf(surface)
    if (server.command === undefined && server.url === undefined) return undefined
    return [server.url?.value, server.command?.value, ...server.args.map((arg) => arg.value)].join(
      '\u0000'
    )
  }).flatMap((group) =>
    group.length < 2
      ? []
      : groupBy(group, (surface) => {
          const server = launchOf(surface)
          return JSON.stringify([
            server.transport,
            server.command?.value,
            server.args.map((arg) => arg.value),
            [...server.env].map(([key, value]) => [key, value.value]).sort(),
            server.cwd?.value,
            server.url?.value,
            [...server.headers].map(([key, value]) => [key, value.value]).sort()
          ])
        })
  )
  for (const group of groups) {
    const [first, second, ...rest] = group
    if (first === undefined || second === undefined) continue
    for (const copy of [second, ...rest]) copies.set(copy.entry.name.value, first.entry.name.value)
    const servers = group.map((surface) => surface.entry.name.value)
    report(
      'sameLaunch',
      second.entry.name.location,
      { servers, platform: file.platform.displayName },
      { server: second.entry.name.value, milder: 1 }
    )
  }
  return copies
}

/**
 * Tools that the platform's naming formula maps to one name, one finding per name. Returns the
 * name each reported tool is exposed as, keyed by toolKey.
 */
function checkExposed(
  workspace: Workspace,
  file: ConfigFile,
  byName: ReadonlyMap<string, ServerSurface>,
  report: CollisionReport
): Map<string, string> {
  const exposedAs = new Map<string, string>()
  const naming = file.platform.tools?.naming
  const exposed = exposedToolsOf(workspace, file)?.exposed
  if (naming === undefined || exposed === undefined) return exposedAs
  for (const group of groupBy(exposed, (tool) => tool.exposed)) {
    const [first, second] = group
    const entry = second === undefined ? undefined : byName.get(second.server)?.entry
    if (first?.exposed === undefined || second === undefined || entry === undefined) continue
    for (const tool of group) exposedAs.set(toolKey(tool.server, tool.tool), first.exposed)
    report(
      'exposedTwice',
      entry.name.location,
      {
        platform: file.platform.displayName,
        name: first.exposed,
        tools: group.map(({ server, tool }) => ({ server, tool })),
        consequence: naming.clash
      },
      { server: second.server, unconfirmed: naming.certainty === 'unconfirmed' }
    )
  }
  return exposedAs
}

/**
 * The same raw tool name served by two servers: legal, but the model must pick by prefix. Tools
 * with the same servers are one finding, at the second server. A copy of a launch does not count
 * for a tool its first entry shows too: sameLaunch covers that.
 */
function checkShared(
  file: ConfigFile,
  surfaces: readonly ServerSurface[],
  byName: ReadonlyMap<string, ServerSurface>,
  copies: ReadonlyMap<string, string>,
  exposedAs: ReadonlyMap<string, string>,
  report: CollisionReport
): void {
  const visible = (surface: ServerSurface | undefined) =>
    new Set((surface?.visible ?? []).map((t) => t.name))
  const owners = new Map<string, string[]>()
  for (const surface of surfaces) {
    const server = surface.entry.name.value
    const original = copies.get(server)
    const covered = original === undefined ? new Set<string>() : visible(byName.get(original))
    for (const tool of visible(surface)) {
      if (covered.has(tool)) continue
      const list = owners.get(tool)
      if (list === undefined) owners.set(tool, [server])
      else list.push(server)
    }
  }
  const shared = [...owners].filter(
    ([tool, servers]) => servers.length > 1 && !sameExposedName(tool, servers, exposedAs)
  )
  const renamed = file.platform.tools?.naming?.sharedName === 'renamed'
  for (const group of groupBy(shared, ([, servers]) => servers.join('\u0000'))) {
    const servers = group[0]?.[1] ?? []
    const entry = byName.get(servers[1] ?? '')?.entry
    if (entry === undefined) continue
    report(
      'sharedTools',
      entry.name.location,
      {
        servers,
        tools: group.map(([tool]) => tool).sort(),
        renamedBy: renamed ? file.platform.displayName : undefined
      },
      { server: entry.name.value, milder: 1 }
    )
  }
}

/** Whether every server's copy of the tool ends up under one name, which exposedTwice reports. */
function sameExposedName(
  tool: string,
  servers: readonly string[],
  exposedAs: ReadonlyMap<string, string>
): boolean {
  const names = new Set(servers.map((server) => exposedAs.get(toolKey(server, tool))))
  return names.size === 1 && !names.has(undefined)
}

function toolKey(server: string, tool: string): string {
  return `${server}\u0000${tool}`
}
