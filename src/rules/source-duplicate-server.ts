import { defineRule } from './rule.js'

export default defineRule({
  id: 'source-duplicate-server',
  phase: 'workspace',
  severity: 'error',
  docs: {
    description: 'Disallow a server defined in more than one central source file',
    rationale:
      'Large setups split the central source into fragments under `.agents/mcp/servers/`. A server defined in two ' +
      'fragments (or in a fragment and the main file) has two competing definitions: mcp-lint keeps the first, in ' +
      'path order with the main file first, and reports the second so the conflict is resolved in the source.',
    examples: {
      invalid: [
        {
          path: '.agents/mcp/servers/github.json',
          text: '{ "mcpServers": { "github": { "command": "github-mcp-server" } } }\n',
          others: [
            {
              path: '.agents/mcp/mcp-servers.json',
              text: '{ "mcpServers": { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] } } }\n'
            }
          ]
        }
      ],
      valid: [
        {
          path: '.agents/mcp/servers/github.json',
          text: '{ "mcpServers": { "github": { "command": "github-mcp-server" } } }\n',
          others: [{ path: '.agents/mcp/mcp-servers.json', text: '{ "mcpServers": {} }\n' }]
        }
      ]
    }
  },
  messages: {
    duplicate: (d: { server: string; file: string; line: number; column: number }) =>
      `server "${d.server}" is already defined in ${d.file}:${d.line}:${d.column}; that definition is used`
  },
  check({ workspace, report }) {
    for (const duplicate of workspace.source?.duplicates ?? []) {
      const first = duplicate.first.location
      const data = {
        server: duplicate.name,
        file: first.file,
        line: first.range.start.line,
        column: first.range.start.column
      }
      report('duplicate', duplicate.second.location, data, { server: duplicate.name })
    }
  }
})
