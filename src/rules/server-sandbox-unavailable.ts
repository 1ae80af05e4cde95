import { findEntry } from '../model/inventory.js'
import { listedExample } from './examples.js'
import { defineRule } from './rule.js'

export default defineRule({
  id: 'server-sandbox-unavailable',
  phase: 'tools',
  severity: 'error',
  docs: {
    description: 'Require a working sandbox when servers are to be enumerated',
    rationale:
      'Server commands come from pull requests and from third-party packages: launching them runs untrusted ' +
      'code. mcp-lint runs them only inside bubblewrap (no network, no secrets, a throwaway home, the ' +
      'repository read-only with `.git` hidden, the whole process tree killed), never unsandboxed unless the ' +
      'sandbox is set to "none" explicitly, and never in `pull_request_target` or `workflow_run` events, which ' +
      'can hold secrets. When no sandbox works, or the event forbids launching, this is one error at the first ' +
      'server, with what to do; nothing is launched.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory@2026.8.31"] }\n  }\n}\n',
          enumeration: [
            {
              file: '.mcp.json',
              name: 'memory',
              status: 'skipped',
              reason: 'sandbox-unavailable',
              detail:
                'bubblewrap cannot create a sandbox here (bwrap: setting up uid map: Permission denied); on ubuntu-24.04 runners allow user namespaces (sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0) or give the runner passwordless sudo',
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
    unavailable: (d: { detail: string }) => `servers were not enumerated: ${d.detail}`
  },
  check({ workspace, tools, report }) {
    const first = tools.entries.find(
      (entry) => entry.reason === 'sandbox-unavailable' || entry.reason === 'refused-event'
    )
    const found = first === undefined ? undefined : findEntry(workspace, first)
    if (first !== undefined && found !== undefined)
      report('unavailable', found.entry.name.location, { detail: first.detail ?? '' })
  }
})
