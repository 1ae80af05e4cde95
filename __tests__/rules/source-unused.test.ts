import rule from '../../src/rules/source-unused.js'
import { testRule } from '../helpers/rule-tester.js'

const docs =
  '{ "mcpServers": { "docs": { "type": "http", "url": "https://docs.example.com/mcp" } } }'

testRule(rule, {
  valid: [
    { name: 'a rulesync source alone is the source', path: '.rulesync/mcp.jsonc', text: docs },
    {
      name: 'ruler.toml and its legacy JSON are one source',
      path: '.ruler/mcp.json',
      text: docs,
      others: [{ path: '.ruler/ruler.toml', text: '[mcp_servers.git]\ncommand = "git-mcp"\n' }]
    }
  ],
  invalid: [
    {
      name: "mcp-lint's own source outranks rulesync's",
      path: '.rulesync/mcp.jsonc',
      text: docs,
      others: [{ path: '.agents/mcp/mcp-servers.json', text: docs }],
      errors: [
        {
          messageId: 'unused',
          line: 1,
          column: 1,
          message:
            'this central source is not used: .agents/mcp/mcp-servers.json is; merge its servers there, or delete this file'
        }
      ]
    },
    {
      name: "rulesync's .jsonc outranks its legacy names, and rulesync outranks ruler",
      path: '.rulesync/mcp.json',
      text: docs,
      others: [
        { path: '.rulesync/mcp.jsonc', text: docs },
        { path: '.ruler/ruler.toml', text: '[mcp_servers.git]\ncommand = "git-mcp"\n' }
      ],
      errors: [
        { messageId: 'unused', line: 1, column: 1 },
        { messageId: 'unused', line: 1, column: 1 }
      ]
    }
  ]
})
