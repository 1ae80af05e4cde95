import { defineRule } from './rule.js'

export default defineRule({
  id: 'config-unattributed',
  phase: 'workspace',
  severity: 'notice',
  docs: {
    description: 'Disallow MCP configs at paths no known client reads, which go unchecked',
    rationale:
      'mcp-lint reads each client at the paths that client reads. A file elsewhere that holds an MCP server map ' +
      '(`mcpServers`, `mcp_servers`, `context_servers`, an `mcp` object) is either read by a client mcp-lint does ' +
      'not know yet, or by none at all; either way its secrets and servers went unchecked. Saying so means a clean ' +
      'report never stands for "not looked at". If a client reads it, name the client under `paths` in ' +
      "mcp-lint.json and it is checked as that client's; if nothing reads it, an `ignores` entry records why. " +
      'Looked at, up to four folders deep: paths that say "mcp", files at the repository root and files in ' +
      'dot-folders (`.amp/`, `.vibe/`, …); dependency and build folders are skipped.',
    examples: {
      invalid: [
        {
          path: 'config/mcp.json',
          text: '{ "mcpServers": { "github": { "command": "github-mcp-server" } } }\n'
        }
      ],
      valid: [
        {
          path: 'config/settings.json',
          text: '{ "theme": "dark", "servers": ["eu-1", "us-2"] }\n'
        }
      ]
    }
  },
  messages: {
    unattributed: (d: { key: string }) =>
      `an MCP server map ("${d.key}") in a file no client mcp-lint knows reads at this path, so it was not checked: name its client under "paths" in mcp-lint.json, or add an ignore saying why`
  },
  check({ workspace, report }) {
    for (const file of workspace.unattributed ?? [])
      report('unattributed', file.location, { key: file.key })
  }
})
