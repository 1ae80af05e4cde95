import rule from '../../src/rules/source-duplicate-server.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(rule, {
  valid: [
    {
      name: 'fragments with distinct servers',
      path: '.agents/mcp/servers/a.json',
      text: '{ "mcpServers": { "a": { "command": "a" } } }',
      others: [
        {
          path: '.agents/mcp/servers/b.json',
          text: '{ "mcpServers": { "b": { "command": "b" } } }'
        },
        {
          path: '.agents/mcp/mcp-servers.json',
          text: '{ "mcpServers": { "c": { "command": "c" } } }'
        }
      ]
    }
  ],
  invalid: [
    {
      name: 'a server in two fragments',
      path: '.agents/mcp/servers/b.json',
      text: '{\n  "mcpServers": { "a": { "command": "other" } }\n}',
      others: [
        {
          path: '.agents/mcp/servers/a.json',
          text: '{ "mcpServers": { "a": { "command": "a" } } }'
        }
      ],
      errors: [
        {
          messageId: 'duplicate',
          line: 2,
          column: 19,
          message:
            'server "a" is already defined in .agents/mcp/servers/a.json:1:19; that definition is used'
        }
      ]
    },
    {
      name: 'the main file wins over a fragment',
      path: '.agents/mcp/servers/a.json',
      text: '{ "mcpServers": { "a": { "command": "a" } } }',
      others: [
        {
          path: '.agents/mcp/mcp-servers.json',
          text: '{ "mcpServers": { "a": { "command": "main" } } }'
        }
      ],
      errors: [
        {
          messageId: 'duplicate',
          line: 1,
          column: 19,
          message: /already defined in \.agents\/mcp\/mcp-servers\.json:1:19/
        }
      ]
    }
  ]
})
