import rule from '../../src/rules/config-syntax.js'
import { testRule } from '../helpers/rule-tester.js'

const server = '{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }'

testRule(rule, {
  valid: [
    {
      name: 'strict JSON in Claude Code',
      path: '.mcp.json',
      text: `{ "mcpServers": { "memory": ${server} } }`
    },
    {
      name: 'comments and trailing commas in VS Code',
      path: '.vscode/mcp.json',
      text: `{\n  // c\n  "servers": { "memory": ${server}, },\n}`
    },
    {
      name: 'comments in Gemini CLI',
      path: '.gemini/settings.json',
      text: `{\n  /* block */\n  // line\n  "mcpServers": {}\n}`
    },
    {
      name: 'comments and trailing commas in Zed',
      path: '.zed/settings.json',
      text: '{ "context_servers": {}, // c\n}'
    },
    {
      name: 'TOML in Codex',
      path: '.codex/config.toml',
      text: '[mcp_servers.memory]\ncommand = "npx"\n'
    },
    {
      name: 'CRLF line endings',
      path: '.cursor/mcp.json',
      text: '{\r\n  "mcpServers": {}\r\n}\r\n'
    },
    { name: 'a UTF-8 byte order mark', path: '.mcp.json', text: '\uFEFF{ "mcpServers": {} }' },
    { name: 'an empty TOML file is valid TOML', path: '.codex/config.toml', text: '' }
  ],
  invalid: [
    {
      name: 'a byte order mark in Gemini CLI settings (0.61.0 stops on it)',
      path: '.gemini/settings.json',
      text: '\uFEFF{ "mcpServers": {} }',
      errors: [
        {
          messageId: 'byteOrderMark',
          line: 1,
          column: 1,
          message:
            'the file starts with a byte order mark, which Gemini CLI does not accept (Gemini CLI 0.61.0 stops with a fatal error and loads nothing): save it as UTF-8 without a BOM'
        }
      ]
    },
    {
      name: 'truncated file',
      path: '.cursor/mcp.json',
      text: '{\n  "mcpServers": {\n    "memory": {\n',
      errors: [
        {
          messageId: 'syntax',
          line: 4,
          column: 1,
          message: 'invalid JSON: the file ends before the object opened at 3:15 is closed'
        }
      ]
    },
    {
      name: 'unquoted value next to a secret is reported without quoting it',
      path: '.mcp.json',
      text: '{\n  "mcpServers": { "x": { "env": { "T": ghp_abcdefghijklmnopqrstuvwxyz0123456789 } } }\n}',
      errors: [
        {
          messageId: 'syntax',
          line: 2,
          column: 40,
          message: /^invalid JSON: expected a value[^_]*$/
        }
      ]
    },
    {
      name: 'unterminated string',
      path: '.mcp.json',
      text: '{ "mcpServers": { "x": { "command": "npx } } }',
      errors: [
        { messageId: 'syntax', line: 1, column: 37, message: 'invalid JSON: unterminated string' }
      ]
    },
    {
      name: 'missing comma',
      path: '.mcp.json',
      text: '{\n  "mcpServers": {}\n  "other": 1\n}',
      errors: [
        { messageId: 'syntax', line: 3, column: 3, message: 'invalid JSON: expected "," or "}"' }
      ]
    },
    {
      name: 'two top-level values',
      path: '.mcp.json',
      text: '{}\n{}',
      errors: [{ messageId: 'syntax', line: 2, column: 1 }]
    },
    {
      name: 'empty file',
      path: '.mcp.json',
      text: '',
      errors: [{ messageId: 'empty', line: 1, column: 1 }]
    },
    {
      name: 'only whitespace',
      path: '.cursor/mcp.json',
      text: '  \n\t\n',
      errors: [{ messageId: 'empty', line: 1, column: 1 }]
    },
    {
      name: 'comment in Cursor (strict JSON)',
      path: '.cursor/mcp.json',
      text: '{\n  // servers\n  "mcpServers": {}\n}',
      errors: [{ messageId: 'comment', line: 2, column: 3, endColumn: 13, severity: 'error' }]
    },
    {
      name: 'trailing comma in Gemini CLI',
      path: '.gemini/settings.json',
      text: '{\n  "mcpServers": {\n    "a": { "command": "x" },\n  }\n}',
      errors: [{ messageId: 'trailingComma', line: 3, column: 28, severity: 'error' }]
    },
    {
      name: 'trailing comma in Antigravity',
      path: '.agents/mcp_config.json',
      text: '{ "mcpServers": { "a": { "command": "x", "args": ["y",] } } }',
      errors: [{ messageId: 'trailingComma', line: 1, column: 54 }]
    },
    {
      name: 'a comment in .mcp.json: Claude Code 2.1.332 drops the whole file',
      path: '.mcp.json',
      text: '/* team servers */\n{ "mcpServers": {} }',
      errors: [
        {
          messageId: 'comment',
          line: 1,
          column: 1,
          severity: 'error',
          message:
            'Claude Code reads this file as strict JSON (Claude Code 2.1.332 drops the whole file, "MCP config is not a valid JSON": no server in it loads): remove the comment'
        }
      ]
    },
    {
      name: 'a trailing comma in .mcp.json: Claude Code 2.1.332 drops the whole file',
      path: '.mcp.json',
      text: '{ "mcpServers": {}, }',
      errors: [{ messageId: 'trailingComma', line: 1, column: 19, severity: 'error' }]
    },
    {
      name: 'nesting deeper than 64 levels',
      path: '.vscode/mcp.json',
      text: '['.repeat(100000),
      errors: [{ messageId: 'tooDeep', line: 1, column: 65 }]
    },
    {
      name: 'TOML syntax error',
      path: '.codex/config.toml',
      text: '[mcp_servers.x]\ncommand = "npx\n',
      errors: [
        {
          messageId: 'syntax',
          line: 2,
          column: 15,
          message: 'invalid TOML: unterminated string constant'
        }
      ]
    },
    {
      name: 'TOML duplicate key',
      path: '.codex/config.toml',
      text: '[mcp_servers.x]\ncommand = "a"\ncommand = "b"\n',
      errors: [
        {
          messageId: 'syntax',
          line: 3,
          column: 1,
          message: 'invalid TOML: defining a key multiple times is invalid'
        }
      ]
    },
    {
      name: 'TOML nesting deeper than 64 levels',
      path: '.codex/config.toml',
      text: `a = ${'['.repeat(100000)}`,
      errors: [{ messageId: 'tooDeep', line: 1, column: 69 }]
    }
  ]
})
