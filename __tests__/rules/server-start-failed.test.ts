import rule from '../../src/rules/server-start-failed.js'
import { failed, listed } from '../helpers/runs.js'
import { testRule } from '../helpers/rule-tester.js'

const config =
  '{\n  "mcpServers": {\n    "db": { "command": "npx", "args": ["-y", "pg-mcp@1.0.0"] }\n  }\n}'

testRule(rule, {
  valid: [
    {
      name: 'a server that listed its tools',
      path: '.mcp.json',
      text: config,
      enumeration: [listed('.mcp.json', 'db', [{ name: 'query' }])]
    },
    { name: 'no enumeration, no findings', path: '.mcp.json', text: config }
  ],
  invalid: [
    {
      name: 'a timeout, at the server key',
      path: '.mcp.json',
      text: config,
      enumeration: [failed('.mcp.json', 'db', 'timeout', 'no result within 45 s')],
      errors: [
        {
          messageId: 'failed',
          line: 3,
          column: 5,
          server: 'db',
          message: 'server "db" could not be enumerated (timeout): no result within 45 s'
        }
      ]
    },
    {
      name: 'one finding per launch, in the central source, naming the other files',
      path: '.cursor/mcp.json',
      text: config,
      others: [
        { path: '.agents/mcp/mcp-servers.json', text: config },
        { path: '.mcp.json', text: config }
      ],
      enumeration: [
        failed('.cursor/mcp.json', 'db', 'exited', 'the server exited', 'k'),
        failed('.agents/mcp/mcp-servers.json', 'db', 'exited', 'the server exited', 'k'),
        failed('.mcp.json', 'db', 'exited', 'the server exited', 'k')
      ],
      errors: [
        {
          messageId: 'failed',
          line: 3,
          column: 5,
          message:
            'server "db" could not be enumerated (exited): the server exited; also configured in .cursor/mcp.json, .mcp.json'
        }
      ]
    }
  ]
})
