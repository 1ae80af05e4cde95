import rule from '../../src/rules/source-unexpressible.js'
import { testRule } from '../helpers/rule-tester.js'

const SOURCE = '.agents/mcp/mcp-servers.json'
const source = (servers: Record<string, unknown>, targets: unknown) =>
  JSON.stringify({ targets, mcpServers: servers }, null, 2)

testRule(rule, {
  valid: [
    {
      name: 'every target can express every server',
      path: SOURCE,
      text: source(
        { a: { command: 'x', env: { T: '${T}' } }, b: { type: 'http', url: 'https://x' } },
        ['claude-code', 'cursor', 'codex', 'zed']
      )
    },
    {
      name: 'platforms leave out the ones that cannot',
      path: SOURCE,
      text: source(
        { events: { type: 'sse', url: 'https://x/sse', platforms: ['claude-code', 'gemini'] } },
        ['claude-code', 'codex', 'gemini-cli']
      )
    },
    {
      name: 'targets found on disk only',
      path: SOURCE,
      text: JSON.stringify({ mcpServers: { e: { type: 'sse', url: 'https://x' } } })
    }
  ],
  invalid: [
    {
      name: 'SSE for Codex, remote for Claude Desktop',
      path: SOURCE,
      text: source({ events: { type: 'sse', url: 'https://x/sse' } }, ['codex', 'claude-desktop']),
      errors: [
        {
          messageId: 'unexpressible',
          line: 7,
          column: 5,
          server: 'events',
          message: 'server "events": Codex cannot run a remote (sse) server (also Claude Desktop)'
        }
      ]
    },
    {
      name: 'a default value for Cursor and VS Code',
      path: SOURCE,
      text: source({ a: { command: 'x', args: ['--port=${PORT:-8080}'] } }, [
        'claude-code',
        'cursor',
        'vscode'
      ]),
      errors: [
        {
          messageId: 'unexpressible',
          line: 11,
          column: 9,
          message: 'args[0] of server "a": Cursor has no ${VAR:-default} syntax (also VS Code)'
        }
      ]
    },
    {
      name: 'cwd where there is none',
      path: SOURCE,
      text: source({ a: { command: 'x', cwd: 'tools' } }, ['claude-code']),
      errors: [
        {
          messageId: 'unexpressible',
          line: 8,
          column: 14,
          message: /^cwd of server "a": Claude Code has no "cwd"/
        }
      ]
    },
    {
      name: 'a variable under another name for Codex',
      path: SOURCE,
      text: source(
        { gh: { command: 'x', env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}' } } },
        ['codex']
      ),
      errors: [
        {
          messageId: 'unexpressible',
          line: 9,
          column: 41,
          message: /Codex forwards variables only under their own name/
        }
      ]
    },
    {
      name: 'a header Codex cannot take from a variable',
      path: SOURCE,
      text: source(
        { api: { type: 'http', url: 'https://x', headers: { 'X-Key': 'key ${KEY}' } } },
        ['codex']
      ),
      errors: [
        { messageId: 'unexpressible', line: 10, column: 18, message: /only to a whole variable/ }
      ]
    },
    {
      name: 'disabled where a platform cannot say so',
      path: SOURCE,
      text: source({ a: { command: 'x', overrides: { cursor: { disabled: true } } } }, ['cursor']),
      errors: [
        {
          messageId: 'unexpressible',
          line: 10,
          column: 23,
          message: /Cursor files cannot mark a server disabled/
        }
      ]
    }
  ]
})
