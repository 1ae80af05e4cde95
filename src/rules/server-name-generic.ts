import { quote } from '../util/quote.js'
import { serverHomes } from '../canonical/surface.js'
import { defineRule } from './rule.js'

/** Names that say a server exists but not what it serves. */
const generic = new Set([
  'api',
  'app',
  'backend',
  'cache',
  'custom',
  'data',
  'database',
  'db',
  'default',
  'local',
  'main',
  'mcp',
  'mcp-server',
  'mcpserver',
  'my-mcp',
  'my-mcp-server',
  'my-server',
  'myserver',
  'new-server',
  'remote',
  'server',
  'service',
  'test',
  'tool',
  'tools'
])

export default defineRule({
  id: 'server-name-generic',
  phase: 'workspace',
  severity: 'notice',
  docs: {
    description: 'Require server names that say what the server serves',
    rationale:
      'The server name is part of every tool name the model sees (`mcp__database__query`) and of every ' +
      'permission rule and allow-list. A name like `database`, `api` or `server` tells neither the model nor ' +
      'a reviewer which database or API it is, and collides as soon as a second one is added. Name the ' +
      'system and its role, as the guide this project follows asks: `postgres-user-database`, not ' +
      '`database`. Reported once per server, on the central source entry when there is one.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "database": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://localhost/users"] }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "postgres-user-database": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://localhost/users"] }\n  }\n}\n'
        }
      ]
    }
  },
  messages: {
    generic: (d: { server: string }) =>
      `the server name ${quote(d.server)} does not say what it serves: name the system and its role (for a database, "postgres-user-database" rather than "database")`
  },
  check({ workspace, report }) {
    for (const home of serverHomes(workspace)) {
      const normalized = home.name
        .toLowerCase()
        .replace(/[_\s]+/g, '-')
        .replace(/-?\d+$/, '')
      if (generic.has(normalized))
        report('generic', home.entry.name.location, { server: home.name }, { server: home.name })
    }
  }
})
