import rule from '../../src/rules/config-unknown-field.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(rule, {
  valid: [
    {
      name: 'Gemini CLI reads cwd',
      path: '.gemini/settings.json',
      text: '{ "mcpServers": { "a": { "command": "x", "cwd": "tools" } } }'
    },
    {
      name: 'comment-like keys',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "_comment": "why", "//": "note", "$comment": "c" } } }'
    },
    {
      name: 'unknown top-level keys are not server fields',
      path: '.mcp.json',
      text: '{ "setup": {}, "mcpServers": {} }'
    },
    {
      name: 'VS Code gallery metadata',
      path: '.vscode/mcp.json',
      text: '{ "servers": { "a": { "command": "x", "gallery": "https://api.mcp.github.com", "version": "1.0.0" } } }'
    },
    {
      name: 'notes for people that no client acts on',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "description": "d", "docs": "https://d", "metadata": { "owner": "me" }, "install": "npm i x" } } }'
    },
    {
      name: 'a type that says what the command or URL already says',
      path: '.windsurf/mcp_config.json',
      text: '{ "mcpServers": { "a": { "type": "stdio", "command": "x" }, "b": { "type": "http", "serverUrl": "https://x" } } }'
    },
    {
      name: 'a file the client never reads (config-schema says so once)',
      path: '.claude/mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "cwd": "tools", "tools": ["a - does a"] } } }'
    },
    {
      name: 'enabled: true and disabled: false, which ask for what the client does anyway',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "enabled": true }, "b": { "command": "y", "disabled": false } } }'
    },
    {
      name: 'fields inside nested objects are free',
      path: '.gemini/settings.json',
      text: '{ "mcpServers": { "a": { "command": "x", "oauth": { "anything": 1 } } } }'
    }
  ],
  invalid: [
    {
      name: 'cwd in Claude Code',
      path: '.mcp.json',
      text: '{\n  "mcpServers": {\n    "a": { "command": "x", "cwd": "tools" }\n  }\n}',
      errors: [
        {
          messageId: 'ignored',
          line: 3,
          column: 28,
          severity: 'warning',
          server: 'a',
          message: /^Claude Code ignores "cwd"/
        }
      ]
    },
    {
      name: 'a typo',
      path: '.cursor/mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "arg": ["y"] } } }',
      errors: [
        {
          messageId: 'unknown',
          line: 1,
          column: 42,
          severity: 'notice',
          message: 'Cursor does not read "arg"; it is ignored (did you mean "args"?)'
        }
      ]
    },
    {
      name: 'enabled and timeout in Antigravity (unconfirmed: a notice)',
      path: '.agents/mcp_config.json',
      text: '{ "mcpServers": { "a": { "command": "x", "enabled": false, "timeout": 5 } } }',
      errors: [
        {
          messageId: 'ignored',
          line: 1,
          column: 42,
          severity: 'notice',
          message: 'Antigravity does not read "enabled": use "disabled": true'
        },
        { messageId: 'ignored', line: 1, column: 60, severity: 'notice' }
      ]
    },
    {
      name: 'a field another client acts on, which this one ignores',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "disabledTools": ["rm"] } } }',
      errors: [
        {
          messageId: 'unknown',
          line: 1,
          column: 42,
          message: 'Claude Code does not read "disabledTools"; it is ignored'
        }
      ]
    },
    {
      name: 'a type that says otherwise than the URL, where the type is not read',
      path: '.windsurf/mcp_config.json',
      text: '{ "mcpServers": { "a": { "type": "sse", "serverUrl": "https://x" } } }',
      errors: [{ messageId: 'unknown', line: 1, column: 26, severity: 'notice' }]
    },
    {
      name: 'enabled: false where the client does not read it: the server still starts',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "enabled": false } } }',
      errors: [
        {
          messageId: 'unknown',
          line: 1,
          column: 42,
          message: 'Claude Code does not read "enabled"; it is ignored'
        }
      ]
    },
    {
      name: 'a synonym of a field the platform reads: the server starts without its args',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "arguments": ["y"] } } }',
      errors: [
        {
          messageId: 'unknown',
          line: 1,
          column: 42,
          message: 'Claude Code does not read "arguments"; it is ignored (did you mean "args"?)'
        }
      ]
    },
    {
      name: 'type in Codex',
      path: '.codex/config.toml',
      text: '[mcp_servers.a]\ncommand = "x"\ntype = "stdio"\n',
      errors: [
        {
          messageId: 'ignored',
          line: 3,
          column: 1,
          severity: 'warning',
          message: /^Codex ignores "type"/
        }
      ]
    },
    {
      name: 'disabled in Gemini CLI',
      path: '.gemini/settings.json',
      text: '{ "mcpServers": { "a": { "command": "x", "disabled": true } } }',
      errors: [{ messageId: 'ignored', line: 1, column: 42, message: /gemini mcp disable/ }]
    },
    {
      name: 'disabled in VS Code',
      path: '.vscode/mcp.json',
      text: '{ "servers": { "a": { "command": "x", "disabled": true } } }',
      errors: [
        {
          messageId: 'unknown',
          line: 1,
          column: 39,
          severity: 'warning',
          message: 'VS Code does not read "disabled"; it is ignored'
        }
      ]
    },
    {
      name: 'remote server in Claude Desktop',
      path: 'claude_desktop_config.json',
      text: '{ "mcpServers": { "a": { "command": "x", "url": "https://x" } } }',
      errors: [{ messageId: 'ignored', line: 1, column: 42, message: /Settings > Connectors/ }]
    }
  ]
})
