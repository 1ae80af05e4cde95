import rule from '../../src/rules/config-schema.js'
import { testRule } from '../helpers/rule-tester.js'

const lines = (...rows: string[]) => `${rows.join('\n')}\n`

testRule(rule, {
  valid: [
    {
      name: 'Claude Code stdio and http servers',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "npx", "args": ["x"], "env": { "K": "v" } }, "b": { "type": "http", "url": "https://x/mcp", "headers": { "H": "v" } } } }'
    },
    {
      name: 'Claude Code server names with dots, spaces, non-ASCII letters (2.1.332 loads them)',
      path: '.mcp.json',
      text: '{ "mcpServers": { "aws.docs": { "command": "x" }, "my server": { "command": "x" }, "café": { "command": "x" }, "constructor": { "command": "x" } } }'
    },
    {
      name: 'Claude Code command with url and no type (2.1.332 runs it as stdio)',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "url": "https://x/mcp" } } }'
    },
    {
      name: 'Cursor remote server without type',
      path: '.cursor/mcp.json',
      text: '{ "mcpServers": { "a": { "url": "https://x/sse" } } }'
    },
    {
      name: 'Gemini CLI settings with other sections and httpUrl',
      path: '.gemini/settings.json',
      text: '{ "ui": { "theme": "x" }, "mcpServers": { "a": { "httpUrl": "https://x/mcp", "trust": false, "includeTools": ["t"] } } }'
    },
    {
      name: 'Gemini CLI mcp.serverCommand quoted, with a variable',
      path: '.gemini/settings.json',
      text: '{ "mcp": { "serverCommand": "node \\"my server.js\\" --root $HOME" } }'
    },
    {
      name: 'Gemini CLI settings without MCP servers',
      path: '.gemini/settings.json',
      text: '{ "hooks": {} }'
    },
    {
      name: 'Antigravity serverUrl',
      path: '.agents/mcp_config.json',
      text: '{ "mcpServers": { "a": { "serverUrl": "https://x/mcp", "disabled": true } } }'
    },
    {
      name: 'Antigravity IDE path',
      path: '.gemini/antigravity/mcp_config.json',
      text: '{ "mcpServers": { "a": { "command": "x" } } }'
    },
    { name: 'Antigravity root path', path: 'mcp_config.json', text: '{ "mcpServers": {} }' },
    {
      name: 'VS Code servers and inputs',
      path: '.vscode/mcp.json',
      text: '{ "inputs": [{ "type": "promptString", "id": "k", "password": true }], "servers": { "a": { "type": "stdio", "command": "x", "env": { "N": 1, "M": null } }, "b": { "url": "https://x" } } }'
    },
    {
      name: 'Windsurf serverUrl',
      path: '.windsurf/mcp_config.json',
      text: '{ "mcpServers": { "a": { "serverUrl": "https://x", "disabledTools": ["t"] } } }'
    },
    {
      name: 'Codex stdio and http servers',
      path: '.codex/config.toml',
      text: lines(
        'model = "o3"',
        '[mcp_servers.a]',
        'command = "npx"',
        'args = ["-y", "x"]',
        'env_vars = ["TOKEN", { name = "OTHER", source = "local" }]',
        'startup_timeout_sec = 20',
        '[mcp_servers.a.tools.search]',
        'approval_mode = "auto"',
        '[mcp_servers.b]',
        'url = "https://x/mcp"',
        'bearer_token_env_var = "TOKEN"'
      )
    },
    {
      name: 'Codex config without MCP servers',
      path: '.codex/config.toml',
      text: 'model = "o3"\n'
    },
    {
      name: 'Zed context servers',
      path: '.zed/settings.json',
      text: '{ "theme": "x", "context_servers": { "a": { "command": "x", "args": [] }, "b": { "url": "https://x" } } }'
    },
    {
      name: 'Roo',
      path: '.roo/mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "alwaysAllow": ["t"], "disabled": false } } }'
    },
    {
      name: 'Kiro',
      path: '.kiro/settings/mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "autoApprove": ["t"] } } }'
    },
    {
      name: 'Claude Desktop with other settings',
      path: 'claude_desktop_config.json',
      text: '{ "preferences": {}, "mcpServers": { "a": { "command": "x" } } }'
    },
    {
      name: 'central source',
      path: '.agents/mcp/mcp-servers.json',
      text: '{ "mcpServers": { "a": { "command": "x", "platforms": ["cursor"] } } }'
    },
    {
      name: 'central source with the servers alias',
      path: '.agents/mcp/mcp-servers.json',
      text: '{ "servers": { "a": { "command": "x" } } }'
    }
  ],
  invalid: [
    {
      name: "VS Code's servers key in Cursor",
      path: '.cursor/mcp.json',
      text: '{\n  "servers": {}\n}',
      errors: [
        {
          messageId: 'wrongServersKey',
          line: 2,
          column: 3,
          message: '"servers" is the server key of VS Code; Cursor reads "mcpServers"'
        }
      ]
    },
    {
      name: "Claude's mcpServers key in VS Code",
      path: '.vscode/mcp.json',
      text: '{ "mcpServers": {} }',
      errors: [{ messageId: 'wrongServersKey', line: 1, column: 3, message: /reads "servers"$/ }]
    },
    {
      name: 'a second server map that VS Code ignores',
      path: '.vscode/mcp.json',
      text: '{ "servers": {}, "mcpServers": { "a": { "command": "x" } } }',
      errors: [
        {
          messageId: 'ignoredServersKey',
          line: 1,
          column: 18,
          message:
            '"mcpServers" is the server key of Claude Code and 14 other platforms; VS Code reads only "servers" and ignores these'
        }
      ]
    },
    {
      name: 'no server map in a dedicated file',
      path: '.kiro/settings/mcp.json',
      text: '{ "other": 1 }',
      errors: [
        {
          messageId: 'missingServers',
          line: 1,
          column: 1,
          message: 'no "mcpServers" key: Kiro finds no servers in this file'
        }
      ]
    },
    {
      name: 'not an object',
      path: '.mcp.json',
      text: '[]',
      errors: [
        {
          messageId: 'notObject',
          line: 1,
          column: 1,
          message: 'the file must hold an object, not an array'
        }
      ]
    },
    {
      name: 'Claude Code url without type',
      path: '.mcp.json',
      text: '{\n  "mcpServers": {\n    "docs": { "url": "https://x/mcp" }\n  }\n}',
      errors: [
        {
          messageId: 'hint',
          line: 3,
          column: 5,
          server: 'docs',
          message: /^server "docs": a server with "url" needs "type"/
        }
      ]
    },
    {
      name: 'Claude Code remote type without url',
      path: '.mcp.json',
      text: '{ "mcpServers": { "docs": { "type": "sse", "command": "x" } } }',
      errors: [
        {
          messageId: 'hint',
          line: 1,
          column: 19,
          message:
            'server "docs": a remote server needs "url": Claude Code 2.1.332 skips it without'
        }
      ]
    },
    {
      name: 'Claude Code server without command or url',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "args": [] } } }',
      errors: [
        {
          messageId: 'hint',
          line: 1,
          column: 19,
          message: 'server "a": a server needs "command" (local) or "url" (remote)'
        }
      ]
    },
    {
      name: 'args must be strings',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "args": ["--port", 8080] } } }',
      errors: [
        {
          messageId: 'type',
          line: 1,
          column: 61,
          message: '"args[1]" of server "a" must be a string, not an integer'
        }
      ]
    },
    {
      name: 'args as a single string',
      path: '.cursor/mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "args": "--stdio" } } }',
      errors: [
        {
          messageId: 'type',
          line: 1,
          column: 50,
          message: '"args" of server "a" must be an array, not a string'
        }
      ]
    },
    {
      name: 'env values must be strings',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "env": { "PORT": 8080 } } } }',
      errors: [
        {
          messageId: 'type',
          line: 1,
          column: 59,
          message: '"env.PORT" of server "a" must be a string, not an integer'
        }
      ]
    },
    {
      name: 'unknown type value',
      path: '.vscode/mcp.json',
      text: '{ "servers": { "a": { "type": "websocket", "url": "wss://x" } } }',
      errors: [
        {
          messageId: 'enum',
          line: 1,
          column: 31,
          message: '"type" of server "a" must be one of "stdio", "http", "sse"'
        }
      ]
    },
    {
      name: 'Claude Code refuses the server name __proto__',
      path: '.mcp.json',
      text: '{ "mcpServers": { "__proto__": { "command": "x" } } }',
      errors: [{ messageId: 'unsafeKey', line: 1, column: 19 }]
    },
    {
      name: 'Claude Code never reads .claude/mcp.json',
      path: '.claude/mcp.json',
      text: '{ "mcpServers": {} }',
      errors: [
        {
          messageId: 'unread',
          line: 1,
          column: 3,
          message:
            'Claude Code 2.1.332 does not read .claude/mcp.json: none of these servers load; move them to .mcp.json at the repository root'
        }
      ]
    },
    {
      name: 'Claude Code stdio server with url and no command',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "type": "stdio", "url": "https://x/mcp" } } }',
      errors: [
        {
          messageId: 'hint',
          line: 1,
          column: 19,
          message:
            'server "a": a "stdio" server needs "command": Claude Code 2.1.332 skips it without'
        }
      ]
    },
    {
      name: 'Claude Code empty command',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "" } } }',
      errors: [
        {
          messageId: 'hint',
          line: 1,
          column: 37,
          message: '"command" of server "a": is empty: Claude Code 2.1.332 skips the server'
        }
      ]
    },
    {
      name: 'Codex inline bearer_token',
      path: '.codex/config.toml',
      text: '[mcp_servers.api]\nurl = "https://x/mcp"\nbearer_token = "abc"\n',
      errors: [
        {
          messageId: 'hint',
          line: 3,
          column: 1,
          message:
            /^"bearer_token" of server "api": Codex 0\.171\.0 refuses to start with an inline "bearer_token"/
        }
      ]
    },
    {
      name: 'Codex command and url together',
      path: '.codex/config.toml',
      text: '[mcp_servers.api]\ncommand = "x"\nurl = "https://x/mcp"\n',
      errors: [
        { messageId: 'hint', line: 1, column: 14, message: /set "command" or "url", not both/ }
      ]
    },
    {
      name: 'Codex stdio field on an http server',
      path: '.codex/config.toml',
      text: '[mcp_servers.api]\nurl = "https://x/mcp"\nargs = ["x"]\n',
      errors: [
        {
          messageId: 'hint',
          line: 3,
          column: 1,
          message:
            '"args" of server "api": Codex 0.171.0 refuses to start with "args" on a streamable HTTP server ("args is not supported for streamable_http")'
        }
      ]
    },
    {
      name: 'Codex env_vars entries',
      path: '.codex/config.toml',
      text: '[mcp_servers.a]\ncommand = "x"\nenv_vars = [1]\n',
      errors: [
        {
          messageId: 'hint',
          line: 3,
          column: 13,
          message: /^"env_vars\[0\]" of server "a": Codex 0\.171\.0 refuses to start unless/
        }
      ]
    },
    {
      name: 'Antigravity httpUrl',
      path: '.agents/mcp_config.json',
      text: '{ "mcpServers": { "a": { "httpUrl": "https://x" } } }',
      errors: [
        {
          messageId: 'hint',
          line: 1,
          column: 19,
          message: /needs "command" \(local\) or "serverUrl"/
        },
        { messageId: 'hint', line: 1, column: 26, message: /rejects "httpUrl": use "serverUrl"/ }
      ]
    },
    {
      name: 'Claude Desktop needs a command',
      path: 'claude_desktop_config.json',
      text: '{ "mcpServers": { "a": { "url": "https://x" } } }',
      errors: [{ messageId: 'hint', line: 1, column: 19, message: /starts local servers only/ }]
    },
    {
      name: 'Gemini CLI server needs a transport',
      path: '.gemini/settings.json',
      text: '{ "mcpServers": { "a": { "trust": "yes" } } }',
      errors: [
        { messageId: 'hint', line: 1, column: 19 },
        // Gemini CLI 0.61.0 loads a server with a string "trust" (truthy): a warning.
        { messageId: 'tolerated', line: 1, column: 35, severity: 'warning' }
      ]
    },
    {
      name: 'Gemini CLI skips a server with an empty command or a tcp address alone',
      path: '.gemini/settings.json',
      text: '{ "mcpServers": { "a": { "command": "" }, "b": { "tcp": "127.0.0.1:9" } } }',
      errors: [
        {
          messageId: 'hint',
          line: 1,
          column: 37,
          message:
            '"command" of server "a": empty, so Gemini CLI 0.61.0 skips the server without a word'
        },
        { messageId: 'hint', line: 1, column: 43 }
      ]
    },
    {
      name: 'Gemini CLI drops every server of a file with a null entry, and only the entry of another kind',
      path: '.gemini/settings.json',
      text: '{ "mcpServers": { "a": { "command": "x" }, "b": null, "c": 7 } }',
      errors: [
        {
          messageId: 'type',
          line: 1,
          column: 49,
          message:
            'server "b" must be an object, not null; Gemini CLI 0.61.0 then starts none of the servers in this file'
        },
        {
          messageId: 'type',
          line: 1,
          column: 60,
          message: 'server "c" must be an object, not an integer'
        }
      ]
    },
    {
      name: 'Gemini CLI loads an mcpServers array as servers "0", "1" after a warning',
      path: '.gemini/settings.json',
      text: '{ "mcpServers": [{ "command": "x" }] }',
      errors: [
        {
          messageId: 'tolerated',
          line: 1,
          column: 17,
          severity: 'warning',
          message:
            '"mcpServers" should be an object, not an array: Gemini CLI 0.61.0 warns, then loads the items as servers named "0", "1", …'
        }
      ]
    },
    {
      name: 'Gemini CLI starts no server when mcp.serverCommand holds a shell construct',
      path: '.gemini/settings.json',
      text: lines(
        '{ "mcp": { "serverCommand": "npx -y server | tee log" },',
        '  "mcpServers": { "a": { "command": "x" } } }'
      ),
      errors: [
        {
          messageId: 'commandOperator',
          line: 1,
          column: 29,
          message:
            '"mcp.serverCommand" holds "|", which the client does not run in a shell: Gemini CLI 0.61.0 fails with "failed to parse mcpServerCommand" and starts no MCP server at all'
        }
      ]
    },
    {
      name: 'Gemini CLI refuses a url without a scheme',
      path: '.gemini/settings.json',
      text: '{ "mcpServers": { "a": { "url": "not a url" }, "b": { "url": "${URL}" } } }',
      errors: [{ messageId: 'hint', line: 1, column: 33 }]
    },
    {
      name: 'VS Code input without id',
      path: '.vscode/mcp.json',
      text: '{ "inputs": [{ "type": "promptString" }], "servers": {} }',
      errors: [
        { messageId: 'required', line: 1, column: 14, message: '"inputs[0]" is missing "id"' }
      ]
    },
    {
      name: 'Zed server needs command, url or settings',
      path: '.zed/settings.json',
      text: '{ "context_servers": { "a": { "enabled": true } } }',
      errors: [{ messageId: 'hint', line: 1, column: 24 }]
    },
    {
      name: 'Windsurf server entry must be an object',
      path: '.windsurf/mcp_config.json',
      text: '{ "mcpServers": { "a": "npx x" } }',
      errors: [
        {
          messageId: 'type',
          line: 1,
          column: 24,
          message: 'server "a" must be an object, not a string'
        }
      ]
    },
    {
      name: 'Roo type values',
      path: '.roo/mcp.json',
      text: '{ "mcpServers": { "a": { "type": "http", "url": "https://x" } } }',
      errors: [{ messageId: 'enum', line: 1, column: 34 }]
    },
    {
      name: 'central source overrides must be objects',
      path: '.agents/mcp/mcp-servers.json',
      text: '{ "mcpServers": { "a": { "command": "x", "overrides": { "gemini-cli": true } } } }',
      errors: [{ messageId: 'type', line: 1, column: 71 }]
    },
    {
      name: 'central source platform names, in platforms, overrides and targets',
      path: '.agents/mcp/mcp-servers.json',
      text: '{ "targets": ["claude", "cursr"], "mcpServers": { "a": { "command": "x", "platforms": ["copilot", "vscod"], "overrides": { "gemini": {}, "bogus": {} } } } }',
      errors: [
        { messageId: 'hint', line: 1, column: 25, message: /^"targets\[1\]": unknown platform/ },
        {
          messageId: 'hint',
          line: 1,
          column: 99,
          message: /^"platforms\[1\]" of server "a": unknown platform/
        },
        {
          messageId: 'hint',
          line: 1,
          column: 138,
          message: /^key "bogus" of "overrides" of server "a": unknown platform/
        }
      ]
    },
    {
      name: '__proto__ anywhere',
      path: '.mcp.json',
      text: '{ "mcpServers": { "a": { "command": "x", "env": { "__proto__": "y" } } } }',
      errors: [{ messageId: 'unsafeKey', line: 1, column: 51 }]
    },
    {
      name: 'constructor as a server name',
      path: '.cursor/mcp.json',
      text: '{ "mcpServers": { "constructor": { "command": "x" } } }',
      errors: [
        {
          messageId: 'unsafeKey',
          line: 1,
          column: 19,
          message: /^key "constructor" can replace the object prototype/
        }
      ]
    }
  ]
})
