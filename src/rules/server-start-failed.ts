import { findEntry, groupByLaunch } from '../model/inventory.js'
import { listedExample } from './examples.js'
import { defineRule } from './rule.js'

export default defineRule({
  id: 'server-start-failed',
  phase: 'tools',
  severity: 'error',
  docs: {
    description: 'Require every enumerated server to start and list its tools',
    rationale:
      'With enumeration on, mcp-lint starts each stdio server in a sandbox and asks for its tools: collisions, ' +
      'limits and the lockfile all depend on the real tool list. A server that times out, exits, speaks broken ' +
      'protocol, needs credentials or the network to list its tools, or whose command does not exist is reported ' +
      'once, at its first configuration (the central source first), with the reason and the last line of its ' +
      'stderr. The other servers are still enumerated; a server that needs credentials is checked against the ' +
      'tools its lockfile entry recorded.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "supabase": { "command": "npx", "args": ["-y", "@supabase/mcp-server-supabase@0.13.0"] }\n  }\n}\n',
          enumeration: [
            {
              file: '.mcp.json',
              name: 'supabase',
              status: 'failed',
              reason: 'needs-credentials',
              detail:
                'it needs credentials or the network to list tools (MCP error -32603: fetch failed)',
              launchKey: 'supabase',
              placeholders: []
            }
          ]
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2026.8.31"] }\n  }\n}\n',
          enumeration: [listedExample('.mcp.json', 'memory', [{ name: 'read_graph' }])]
        }
      ]
    }
  },
  messages: {
    failed: (d: { server: string; reason: string; detail: string; others: string }) =>
      `server "${d.server}" could not be enumerated (${d.reason}): ${d.detail}${d.others}`
  },
  check({ workspace, tools, report }) {
    for (const { primary, others } of groupByLaunch(tools.entries)) {
      if (primary.status !== 'failed') continue
      const found = findEntry(workspace, primary)
      if (found === undefined) continue
      const elsewhere = others.map((other) => other.file).filter((file) => file !== primary.file)
      const data = {
        server: primary.name,
        reason: primary.reason ?? 'failed',
        detail: primary.detail ?? '',
        others:
          elsewhere.length > 0 ? `; also configured in ${[...new Set(elsewhere)].join(', ')}` : ''
      }
      report('failed', found.entry.name.location, data, { server: primary.name })
    }
  }
})
