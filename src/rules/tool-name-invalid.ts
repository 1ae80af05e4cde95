import type { ConfigFile, ServerEntry } from '../model/workspace.js'
import { plural } from '../util/plural.js'
import { quote, quoteList } from '../util/quote.js'
import { exposedToolsOf, surfaceOf } from '../canonical/surface.js'
import type { ExposedTool, NameChange } from '../platforms/tool-naming.js'
import { listedExample } from './examples.js'
import { defineRule, type Report } from './rule.js'

/** What a change message says; `reason` and `fix` come from the client's `ToolNaming.why`. */
interface ChangeData {
  platform: string
  server: string
  count: number
  tools: string
  reason: string
  fix: string
}

const messages = {
  dropped: (d: ChangeData) =>
    `${d.platform} drops ${plural(d.count, 'tool')} of server ${quote(d.server)} ${d.reason}: ${d.tools}; ${d.fix}`,
  tooLong: (d: ChangeData) =>
    `${d.platform} names ${plural(d.count, 'tool')} of server ${quote(d.server)} with more than 64 characters, ${d.reason}: ${d.tools}; ${d.fix}`,
  invalid: (d: ChangeData) =>
    `${d.platform} refuses ${plural(d.count, 'tool')} of server ${quote(d.server)} ${d.reason}: ${d.tools}; ${d.fix}`,
  truncated: (d: { platform: string; server: string; count: number; tools: string }) =>
    `${d.platform} cuts ${plural(d.count, 'tool name')} of server ${quote(d.server)}: ${d.tools}; a shorter server name keeps them whole`,
  sanitized: (d: { platform: string; server: string; count: number; tools: string }) =>
    `${d.platform} rewrites characters in ${plural(d.count, 'tool name')} of server ${quote(d.server)}: ${d.tools}`,
  hashed: (d: { platform: string; server: string; count: number; tools: string }) =>
    `${d.platform} appends a hash to ${plural(d.count, 'tool name')} of server ${quote(d.server)} because another server or tool cleans up to the same name: ${d.tools}`,
  specName: (d: { server: string; count: number; tools: string }) =>
    `server ${quote(d.server)} has ${plural(d.count, 'tool name')} outside the MCP specification (1 to 128 characters of A-Z, a-z, 0-9, "_", "-" and "."): ${d.tools}`,
  /** The platform module words it: `ToolNaming.serverName`. */
  serverName: (d: { message: string }) => d.message
}

type InvalidReport = Report<typeof messages>

type ChangeMessage = 'dropped' | 'tooLong' | 'invalid' | 'truncated' | 'sanitized' | 'hashed'

/** How each change is reported; `renamed` is tool-name-collision's (two servers, one name). */
const reported: Readonly<Partial<Record<NameChange, { messageId: ChangeMessage; milder?: 1 }>>> = {
  dropped: { messageId: 'dropped' },
  'too-long': { messageId: 'tooLong' },
  invalid: { messageId: 'invalid' },
  truncated: { messageId: 'truncated', milder: 1 },
  sanitized: { messageId: 'sanitized', milder: 1 },
  hashed: { messageId: 'hashed', milder: 1 }
}

export default defineRule({
  id: 'tool-name-invalid',
  phase: 'workspace',
  severity: 'error',
  docs: {
    description: 'Disallow tool and server names that a platform drops, cuts or rewrites',
    rationale:
      'Each platform enforces its own name rules on the way to the model. Cursor silently drops a tool whose ' +
      'server and tool names together reach 60 characters; the Anthropic API rejects Claude Code tool names ' +
      'over 64; Gemini CLI cuts names over 63 to 30 + "..." + 30, VS Code cuts ids at 64 and Codex appends ' +
      'a hash to names that clean up to the same text, so prompts, permission rules and allow-lists that name the tool stop matching; ' +
      'characters outside each platform\'s set become "_". Server names matter too: Gemini CLI splits tool ' +
      'names at the first "_" after "mcp_", and Antigravity validates the server name with each tool. The ' +
      'MCP specification asks for tool names of 1 to 128 characters of A-Z, a-z, 0-9, "_", "-" and ".".',
    examples: {
      invalid: [
        {
          path: '.cursor/mcp.json',
          text: '{\n  "mcpServers": {\n    "github-enterprise-server-production": { "command": "npx", "args": ["-y", "ghe-mcp@3.2.0"] }\n  }\n}\n',
          enumeration: [
            listedExample('.cursor/mcp.json', 'github-enterprise-server-production', [
              'list_repository_collaborators_with_permissions',
              'get_issue'
            ])
          ]
        },
        {
          path: '.gemini/settings.json',
          text: '{\n  "mcpServers": {\n    "issue_tracker": { "command": "npx", "args": ["-y", "tracker-mcp@2.1.0"] }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.cursor/mcp.json',
          text: '{\n  "mcpServers": {\n    "ghe": { "command": "npx", "args": ["-y", "ghe-mcp@3.2.0"] }\n  }\n}\n',
          enumeration: [
            listedExample('.cursor/mcp.json', 'ghe', [
              'list_repository_collaborators_with_permissions',
              'get_issue'
            ])
          ]
        }
      ]
    }
  },
  messages,
  check({ workspace, report }) {
    const specChecked = new Set<string>()
    for (const file of workspace.files) {
      checkServerNames(file, report)
      const surfaces = surfaceOf(workspace, file).filter((surface) => surface.enabled)
      for (const surface of surfaces) {
        const name = surface.entry.name.value
        if (surface.visible === undefined || specChecked.has(name)) continue
        specChecked.add(name)
        const offSpec = surface.visible
          .map((tool) => tool.name)
          .filter((tool) => !/^[A-Za-z0-9_.-]{1,128}$/.test(tool))
        if (offSpec.length > 0)
          report(
            'specName',
            surface.entry.name.location,
            { server: name, count: offSpec.length, tools: quoteList(offSpec) },
            { server: name, milder: 1 }
          )
      }
      const naming = file.platform.tools?.naming
      const named = exposedToolsOf(workspace, file)
      if (naming === undefined || named === undefined) continue
      const { known, exposed } = named
      const byServer = new Map<string, ExposedTool[]>()
      for (const tool of exposed) {
        const list = byServer.get(tool.server)
        if (list === undefined) byServer.set(tool.server, [tool])
        else list.push(tool)
      }
      for (const surface of known) {
        const server = surface.entry.name.value
        if (naming.serverName?.(server)?.breaksTools === true) continue
        const own = byServer.get(server) ?? []
        reportChanges(file, surface.entry, own, naming.certainty === 'unconfirmed', report)
      }
    }
  }
})

/** One finding per server and kind of change, listing the tools it hits. */
function reportChanges(
  file: ConfigFile,
  entry: ServerEntry,
  tools: readonly ExposedTool[],
  unconfirmed: boolean,
  report: InvalidReport
): void {
  const server = entry.name.value
  for (const [change, how] of Object.entries(reported) as [
    NameChange,
    { messageId: ChangeMessage; milder?: 1 }
  ][]) {
    const hit = tools.filter((tool) => tool.changes.includes(change))
    if (hit.length === 0) continue
    const shown = hit.map((tool) => describe(change, tool))
    const why =
      change === 'dropped' || change === 'too-long' || change === 'invalid'
        ? file.platform.tools?.naming?.why?.[change]
        : undefined
    const data = {
      platform: file.platform.displayName,
      server,
      count: hit.length,
      tools:
        shown.slice(0, 3).join(', ') + (shown.length > 3 ? ` and ${shown.length - 3} more` : ''),
      reason: why?.reason ?? 'because of their names',
      fix: why?.fix ?? 'rename them'
    }
    report(how.messageId, entry.name.location, data, {
      server,
      unconfirmed,
      ...(how.milder === undefined ? {} : { milder: how.milder })
    })
  }
}

function describe(change: NameChange, tool: ExposedTool): string {
  switch (change) {
    case 'dropped':
      return `${quote(tool.tool)} (${tool.server.length + tool.tool.length})`
    case 'too-long':
    case 'invalid':
      return `${quote(tool.exposed ?? tool.tool)} (${(tool.exposed ?? tool.tool).length})`
    default:
      return `${quote(tool.tool)} becomes ${quote(tool.exposed ?? '')}`
  }
}

/**
 * Static: server names the platform's tool naming mishandles. A name that breaks every tool is an
 * error; one that only makes names ambiguous is a level milder.
 */
function checkServerNames(file: ConfigFile, report: InvalidReport): void {
  const naming = file.platform.tools?.naming
  if (naming?.serverName === undefined) return
  for (const entry of file.servers) {
    const server = entry.name.value
    const problem = naming.serverName(server)
    if (problem === undefined) continue
    report(
      'serverName',
      entry.name.location,
      { message: problem.message },
      {
        server,
        unconfirmed: naming.certainty === 'unconfirmed',
        ...(problem.breaksTools ? {} : { milder: 1 })
      }
    )
  }
}
