import rule from '../../src/rules/server-name-generic.js'
import { testRule } from '../helpers/rule-tester.js'

const named = (...names: string[]) =>
  `{\n  "mcpServers": {\n${names.map((name) => `    "${name}": { "command": "node", "args": ["s.js"] }`).join(',\n')}\n  }\n}\n`

testRule(rule, {
  valid: [
    {
      name: 'specific names',
      path: '.mcp.json',
      text: named('postgres-user-database', 'github', 'redis-session-cache')
    },
    {
      name: 'words inside a longer name',
      path: '.mcp.json',
      text: named('api-gateway-logs', 'database-migrations')
    }
  ],
  invalid: [
    {
      name: 'generic names, in any case and with a number',
      path: '.mcp.json',
      text: named('database', 'API', 'server_2', 'github'),
      errors: [
        {
          messageId: 'generic',
          line: 3,
          column: 5,
          severity: 'notice',
          message:
            'the server name "database" does not say what it serves: name the system and its role (for a database, "postgres-user-database" rather than "database")'
        },
        { messageId: 'generic', line: 4, column: 5 },
        { messageId: 'generic', line: 5, column: 5 }
      ]
    },
    {
      name: 'once per server, on the central source entry',
      path: '.agents/mcp/mcp-servers.json',
      text: named('cache'),
      others: [{ path: '.cursor/mcp.json', text: named('cache') }],
      errors: [{ messageId: 'generic', line: 3, column: 5 }]
    }
  ]
})
