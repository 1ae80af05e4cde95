import { listedExample as listed } from '../../src/rules/examples.js'
import rule from '../../src/rules/server-tools-unknown.js'
import { failed, skipped } from '../helpers/runs.js'
import { testRule } from '../helpers/rule-tester.js'

const config =
  '{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "gh@1.0.0"] },\n    "docs": { "type": "http", "url": "https://mcp.example.com/mcp" }\n  }\n}\n'
const lock = (names: readonly string[]) =>
  JSON.stringify({
    lockfileVersion: 1,
    servers: Object.fromEntries(
      names.map((name) => [
        name,
        { launch: { command: 'npx', args: [] }, tools: { t: { hash: 'sha256:0' } } }
      ])
    )
  })

testRule(rule, {
  valid: [
    {
      name: 'not enumerated and no lockfile: the tool checks are off, nothing to say',
      path: '.mcp.json',
      text: config
    },
    {
      name: 'every server has tools, live or locked',
      path: '.mcp.json',
      text: config,
      enumeration: [
        listed('.mcp.json', 'github', ['create_issue']),
        skipped('.mcp.json', 'docs', 'remote', 'remote servers are enumerated only when enabled')
      ],
      lockfile: lock(['docs'])
    },
    {
      name: 'a disabled server',
      path: '.windsurf/mcp_config.json',
      text: '{ "mcpServers": { "old": { "command": "npx", "args": ["-y", "x@1.0.0"], "disabled": true } } }',
      enumeration: [
        skipped('.windsurf/mcp_config.json', 'old', 'disabled', 'the server is disabled')
      ]
    }
  ],
  invalid: [
    {
      name: 'a remote server and a server that failed',
      path: '.mcp.json',
      text: config,
      enumeration: [
        failed('.mcp.json', 'github', 'needs-credentials', 'it needs credentials'),
        skipped(
          '.mcp.json',
          'docs',
          'remote',
          'remote (http) servers are enumerated only when enabled'
        )
      ],
      errors: [
        {
          messageId: 'unknown',
          line: 3,
          column: 5,
          severity: 'notice',
          message:
            'the tool checks skip server "github": it failed to start (needs-credentials), and the lockfile has no entry for it; run "mcp-lint lock" where it can start to pin its tools'
        },
        {
          messageId: 'unknown',
          line: 4,
          column: 5,
          message:
            'the tool checks skip server "docs": it was not started (remote (http) servers are enumerated only when enabled), and the lockfile has no entry for it; run "mcp-lint lock" where it can start to pin its tools'
        }
      ]
    },
    {
      name: 'a lockfile without enumeration: servers it lacks',
      path: '.mcp.json',
      text: config,
      lockfile: lock(['github']),
      errors: [
        {
          messageId: 'unknown',
          line: 4,
          column: 5,
          message: /^the tool checks skip server "docs": servers were not enumerated in this run,/
        }
      ]
    },
    {
      name: 'once per server, on the central source entry',
      path: '.agents/mcp/mcp-servers.json',
      text: '{\n  "mcpServers": {\n    "docs": { "type": "http", "url": "https://mcp.example.com/mcp" }\n  }\n}\n',
      others: [
        {
          path: '.cursor/mcp.json',
          text: '{ "mcpServers": { "docs": { "url": "https://mcp.example.com/mcp" } } }'
        }
      ],
      lockfile: lock([]),
      errors: [{ messageId: 'unknown', line: 3, column: 5 }]
    }
  ]
})
