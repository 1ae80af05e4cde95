import rule from '../../src/rules/config-duplicate-key.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(rule, {
  valid: [
    {
      name: 'same key in different objects',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x" }, "b": { "command": "x" } } }'
    },
    {
      name: 'TOML tables extending one server',
      path: '.codex/config.toml',
      text: '[mcp_servers.a]\ncommand = "x"\n[mcp_servers.a.env]\nK = "v"\n'
    }
  ],
  invalid: [
    {
      name: 'a server defined twice',
      path: '.mcp.json',
      text: '{\n  "mcpServers": {\n    "memory": { "command": "a" },\n    "memory": { "command": "b" }\n  }\n}',
      errors: [
        {
          messageId: 'duplicate',
          line: 4,
          column: 5,
          server: 'memory',
          message: '"memory" is already defined at 3:5; Claude Code keeps only this last value'
        }
      ]
    },
    {
      name: 'an env key hiding a secret in its first copy',
      path: '.cursor/mcp.json',
      text: '{ "mcpServers": { "gh": { "command": "x", "env": { "T": "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "T": "${env:T}" } } } }',
      errors: [
        {
          messageId: 'duplicate',
          line: 1,
          column: 101,
          server: 'gh',
          message: '"T" is already defined at 1:52; Cursor keeps only this last value'
        }
      ]
    },
    {
      name: 'three copies at the root',
      path: '.vscode/mcp.json',
      text: '{ "servers": {}, "servers": {}, "servers": {} }',
      errors: [
        { messageId: 'duplicate', line: 1, column: 18 },
        { messageId: 'duplicate', line: 1, column: 33 }
      ]
    }
  ]
})
