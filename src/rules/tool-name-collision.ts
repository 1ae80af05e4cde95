import type { ConfigFile, Workspace } from '../core/model.js'
import { quote, quoteList } from '../core/quote.js'
import { clientFiles, exposedToolsOf, surfaceOf, type ServerSurface } from '../core/surface.js'
import type { NamingScheme } from '../platforms/platform.js'
import { normalizeEntry } from '../source/normalize.js'
import { listedExample } from './examples.js'
import { defineRule, type Report } from './rule.js'

/** What a platform does when two tools end up with one name. */
const consequences: Readonly<Record<NamingScheme, string>> = {
  'claude-code': 'the Anthropic API rejects a request with duplicate tool names',
  'gemini-cli': 'Gemini CLI keeps the one registered last and drops the other',
  vscode: 'VS Code cuts tool ids at 64 characters, so only one of them can be called',
  codex: 'Codex cannot tell them apart',
  cursor: 'the model cannot tell which one it calls',
  antigravity: 'the model cannot tell which one it calls',
  zed: 'Zed keeps only the last one'
}

const messages = {
  exposedTwice: (d: {
    platform: string
    name: string
    server: string
    tool: string
    otherServer: string
    otherTool: string
    consequence: string
  }) =>
    `${d.platform} exposes tool ${quote(d.tool)} of server ${quote(d.server)} and tool ${quote(d.otherTool)} of server ${quote(d.otherServer)} under one name, ${quote(d.name)}: ${d.consequence}`,
  sharedTools: (d: {
    server: string
    other: string
    tools: string
    count: number
    effect: string
  }) =>
    `servers ${quote(d.other)} and ${quote(d.server)} both have ${d.count === 1 ? 'the tool' : `${d.count} tools named`} ${d.tools}: ${d.effect}`,
  listedTwice: (d: { server: string; tool: string }) =>
    `server ${quote(d.server)} lists the tool ${quote(d.tool)} more than once: tool names must be unique within a server (MCP specification)`,
  sameLaunch: (d: { server: string; other: string; platform: string }) =>
    `servers ${quote(d.other)} and ${quote(d.server)} start the same server with the same settings: ${d.platform} loads each of its tools twice; keep one`
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
      'twice (a warning). Tools come from enumeration, or from the lockfile for servers that could not start.',
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
    for (const file of clientFiles(workspace)) {
      const surfaces = surfaceOf(workspace, file).filter((surface) => surface.enabled)
      const sameLaunch = checkSameLaunch(file, surfaces, report)
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
      const exposedPairs = checkExposed(workspace, file, surfaces, report)
      checkShared(file, surfaces, sameLaunch, exposedPairs, report)
    }
  }
})

type CollisionReport = Report<typeof messages>

/** Entries whose launch is identical; returns the pairs reported, so their tools are not reported again. */
function checkSameLaunch(
  file: ConfigFile,
  surfaces: readonly ServerSurface[],
  report: CollisionReport
): Set<string> {
  const pairs = new Set<string>()
  const byIdentity = new Map<string, string>()
  for (const surface of surfaces) {
    const server = normalizeEntry(file.platform, surface.entry)
    const identity = JSON.stringify([
      server.transport,
      server.command?.value,
      server.args.map((arg) => arg.value),
      [...server.env].map(([key, value]) => [key, value.value]).sort(),
      server.cwd?.value,
      server.url?.value,
      [...server.headers].map(([key, value]) => [key, value.value]).sort()
    ])
    if (server.command === undefined && server.url === undefined) continue
    const name = surface.entry.name.value
    const other = byIdentity.get(identity)
    if (other === undefined) {
      byIdentity.set(identity, name)
      continue
    }
    pairs.add(pairKey(other, name))
    report(
      'sameLaunch',
      surface.entry.name.location,
      { server: name, other, platform: file.platform.displayName },
      { server: name, milder: 1 }
    )
  }
  return pairs
}

/** Tools of different servers that the platform's naming formula maps to one name. */
function checkExposed(
  workspace: Workspace,
  file: ConfigFile,
  surfaces: readonly ServerSurface[],
  report: CollisionReport
): Set<string> {
  const reported = new Set<string>()
  const naming = file.platform.tools?.naming
  const exposed = exposedToolsOf(workspace, file)?.exposed
  if (naming === undefined || exposed === undefined) return reported
  const firstByName = new Map<string, { server: string; tool: string }>()
  for (const tool of exposed) {
    if (tool.exposed === undefined) continue
    const first = firstByName.get(tool.exposed)
    if (first === undefined) {
      firstByName.set(tool.exposed, tool)
      continue
    }
    const entry = surfaces.find((surface) => surface.entry.name.value === tool.server)?.entry
    if (entry === undefined) continue
    reported.add(`${pairKey(first.server, tool.server)}\u0000${tool.tool}`)
    report(
      'exposedTwice',
      entry.name.location,
      {
        platform: file.platform.displayName,
        name: tool.exposed,
        server: tool.server,
        tool: tool.tool,
        otherServer: first.server,
        otherTool: first.tool,
        consequence: consequences[naming.scheme]
      },
      { server: tool.server, unconfirmed: naming.certainty === 'unconfirmed' }
    )
  }
  return reported
}

/** The same raw tool name served by two servers: legal, but the model must pick by prefix. */
function checkShared(
  file: ConfigFile,
  surfaces: readonly ServerSurface[],
  sameLaunch: ReadonlySet<string>,
  exposedPairs: ReadonlySet<string>,
  report: CollisionReport
): void {
  const owners = new Map<string, string[]>()
  for (const surface of surfaces)
    for (const tool of new Set((surface.visible ?? []).map((t) => t.name)))
      owners.set(tool, [...(owners.get(tool) ?? []), surface.entry.name.value])
  // Per pair of servers, the tools they share, reported once on the later server.
  const shared = new Map<string, { first: string; later: string; tools: string[] }>()
  for (const [tool, servers] of owners)
    servers.forEach((later, index) => {
      for (const first of servers.slice(0, index)) {
        const key = pairKey(first, later)
        if (sameLaunch.has(key) || exposedPairs.has(`${key}\u0000${tool}`)) continue
        const pair = shared.get(key) ?? { first, later, tools: [] }
        pair.tools.push(tool)
        shared.set(key, pair)
      }
    })
  const zed = file.platform.tools?.naming?.scheme === 'zed'
  for (const { first, later, tools } of shared.values()) {
    const entry = surfaces.find((surface) => surface.entry.name.value === later)?.entry
    if (entry === undefined) continue
    report(
      'sharedTools',
      entry.name.location,
      {
        server: later,
        other: first,
        tools: quoteList(tools.sort()),
        count: tools.length,
        effect: zed
          ? 'Zed renames them to <server>_<tool>, so prompts and rules that name the tool miss'
          : 'the model has to tell them apart by the server prefix alone; filter one of them out or keep one server'
      },
      { server: later, milder: 1 }
    )
  }
}

function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`
}
