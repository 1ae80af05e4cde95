import rule from '../../src/rules/source-drift.js'
import { testRule } from '../helpers/rule-tester.js'

const SOURCE = '.agents/mcp/mcp-servers.json'
const json = (value: unknown) => JSON.stringify(value, null, 2)
const source = (servers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  json({ ...extra, mcpServers: servers })

const github = {
  command: 'npx',
  args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
  env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${GITHUB_TOKEN}', LOG_LEVEL: 'info' }
}
const docs = {
  type: 'http',
  url: 'https://mcp.example.com/mcp',
  headers: { Authorization: 'Bearer ${DOCS_TOKEN}' }
}

testRule(rule, {
  valid: [
    {
      name: 'every platform rendered from the source',
      path: SOURCE,
      text: source({ github, docs }),
      others: [
        { path: '.mcp.json', text: json({ mcpServers: { github, docs } }) },
        {
          path: '.cursor/mcp.json',
          text: json({
            mcpServers: {
              github: {
                ...github,
                env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${env:GITHUB_TOKEN}', LOG_LEVEL: 'info' }
              },
              docs: { url: docs.url, headers: { Authorization: 'Bearer ${env:DOCS_TOKEN}' } }
            }
          })
        },
        {
          path: '.vscode/mcp.json',
          text: json({
            servers: {
              github: {
                type: 'stdio',
                ...github,
                env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${env:GITHUB_TOKEN}', LOG_LEVEL: 'info' }
              },
              docs: {
                type: 'http',
                url: docs.url,
                headers: { Authorization: 'Bearer ${env:DOCS_TOKEN}' }
              }
            }
          })
        },
        {
          path: '.codex/config.toml',
          text: [
            '[mcp_servers.github]',
            'command = "npx"',
            'args = ["-y", "@modelcontextprotocol/server-github@2025.4.8"]',
            'env = { LOG_LEVEL = "info" }',
            '',
            '[mcp_servers.docs]',
            'url = "https://mcp.example.com/mcp"',
            'bearer_token_env_var = "DOCS_TOKEN"',
            ''
          ].join('\n')
        },
        {
          path: '.windsurf/mcp_config.json',
          text: json({
            mcpServers: {
              github: {
                ...github,
                env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${env:GITHUB_TOKEN}', LOG_LEVEL: 'info' }
              },
              docs: { serverUrl: docs.url, headers: { Authorization: 'Bearer ${env:DOCS_TOKEN}' } }
            }
          })
        }
      ]
    },
    {
      name: 'platforms, aliases and overrides',
      path: SOURCE,
      text: source({
        github: {
          ...github,
          platforms: ['claude', 'gemini'],
          overrides: { gemini: { trust: false, includeTools: ['search'] } }
        },
        docs: { ...docs, platforms: ['copilot'] }
      }),
      others: [
        { path: '.mcp.json', text: json({ mcpServers: { github } }) },
        {
          path: '.gemini/settings.json',
          text: json({
            mcpServers: { github: { ...github, trust: false, includeTools: ['search'] } }
          })
        }
      ]
    },
    {
      name: 'fields the platform ignores are left to config-unknown-field',
      path: SOURCE,
      text: source({ github }),
      others: [
        {
          path: '.mcp.json',
          text: json({ mcpServers: { github: { ...github, cwd: '.', _note: 'x' } } })
        }
      ]
    },
    {
      name: 'a reference in another syntax is left to config-env-syntax',
      path: SOURCE,
      text: source({ github }),
      others: [
        {
          path: '.mcp.json',
          text: json({
            mcpServers: {
              github: {
                ...github,
                env: { ...github.env, GITHUB_PERSONAL_ACCESS_TOKEN: '${env:GITHUB_TOKEN}' }
              }
            }
          })
        }
      ]
    },
    {
      name: "the source's own ${env:VAR} is read as a reference",
      path: SOURCE,
      text: source({
        github: {
          ...github,
          env: { GITHUB_PERSONAL_ACCESS_TOKEN: '${env:GITHUB_TOKEN}', LOG_LEVEL: 'info' }
        }
      }),
      others: [{ path: '.mcp.json', text: json({ mcpServers: { github } }) }]
    },
    { name: 'no targets', path: SOURCE, text: source({ github }) }
  ],
  invalid: [
    {
      name: 'a missing server, at the server map key',
      path: SOURCE,
      text: source({ github, docs }),
      others: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "docs": { "type": "http", "url": "https://mcp.example.com/mcp", "headers": { "Authorization": "Bearer ${DOCS_TOKEN}" } }\n  }\n}'
        }
      ],
      errors: [
        {
          messageId: 'missingServer',
          line: 2,
          column: 3,
          server: 'github',
          message:
            'server "github" from the central source is missing here: run "mcp-lint sync" or add it'
        }
      ]
    },
    {
      name: 'an extra server, at its key',
      path: SOURCE,
      text: source({ docs: { ...docs, platforms: ['cursor'] }, github }),
      others: [{ path: '.mcp.json', text: json({ mcpServers: { github, docs } }) }],
      errors: [
        {
          messageId: 'extraServer',
          line: 14,
          column: 5,
          message:
            'server "docs" is in the central source, but not for Claude Code: add Claude Code to its "platforms" or remove it here'
        }
      ]
    },
    {
      name: 'a renamed server',
      path: SOURCE,
      text: source({ 'fng-chatbot': { command: 'python', args: ['-m', 'bot'] } }),
      others: [
        {
          path: '.codex/config.toml',
          text: '[mcp_servers.fng_chatbot]\ncommand = "python"\nargs = ["-m", "bot"]\n'
        }
      ],
      errors: [
        {
          messageId: 'renamedServer',
          line: 1,
          column: 14,
          message: 'server "fng_chatbot" is named "fng-chatbot" in the central source'
        }
      ]
    },
    {
      name: 'the command, one changed arg and one inserted arg',
      path: SOURCE,
      text: source({ a: { command: 'npx', args: ['-y', 'pkg@1.0.0', '--stdio'] } }),
      others: [
        {
          path: '.cursor/mcp.json',
          text: '{ "mcpServers": { "a": { "command": "pnpx", "args": ["-y", "--verbose", "pkg@1.0.0", "--http"] } } }'
        }
      ],
      errors: [
        {
          messageId: 'changed',
          line: 1,
          column: 37,
          message: 'command of server "a" is "pnpx" here but "npx" from the central source'
        },
        {
          messageId: 'added',
          line: 1,
          column: 60,
          message: 'args[1] of server "a" is not in the central source'
        },
        {
          messageId: 'changed',
          line: 1,
          column: 86,
          message: 'args[3] of server "a" is "--http" here but "--stdio" from the central source'
        }
      ]
    },
    {
      name: 'a removed arg, at the args key',
      path: SOURCE,
      text: source({ a: { command: 'npx', args: ['-y', 'pkg@1.0.0'] } }),
      others: [
        {
          path: '.mcp.json',
          text: '{ "mcpServers": { "a": { "command": "npx", "args": ["pkg@1.0.0"] } } }'
        }
      ],
      errors: [
        {
          messageId: 'removed',
          line: 1,
          column: 44,
          message: 'server "a" lacks args[0] ("-y") from the central source'
        }
      ]
    },
    {
      name: 'env added, removed, renamed and changed, with a secret masked',
      path: SOURCE,
      text: source({
        a: {
          command: 'x',
          env: { KEEP: '1', OLD_NAME: '${TOKEN}', GONE: 'g', API_KEY: '${API_KEY}' }
        }
      }),
      others: [
        {
          path: '.mcp.json',
          text: json({
            mcpServers: {
              a: {
                command: 'x',
                env: {
                  KEEP: '1',
                  NEW_NAME: '${TOKEN}',
                  EXTRA: 'e',
                  API_KEY: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789'
                }
              }
            }
          })
        }
      ],
      errors: [
        {
          messageId: 'removed',
          line: 5,
          column: 7,
          message: 'server "a" lacks env.GONE ("g") from the central source'
        },
        {
          messageId: 'renamedKey',
          line: 7,
          column: 9,
          message: 'env.NEW_NAME of server "a" is named OLD_NAME in the central source'
        },
        {
          messageId: 'added',
          line: 8,
          column: 9,
          message: 'env.EXTRA of server "a" is not in the central source'
        },
        {
          messageId: 'changed',
          line: 9,
          column: 20,
          message:
            'env.API_KEY of server "a" is sk-proj-… (44 chars) here but "${API_KEY}" from the central source'
        }
      ]
    },
    {
      name: 'a transport change, at the server key',
      path: SOURCE,
      text: source({ docs }),
      others: [
        {
          path: '.cursor/mcp.json',
          text: '{ "mcpServers": { "docs": { "command": "docs-mcp" } } }'
        }
      ],
      errors: [
        {
          messageId: 'transport',
          line: 1,
          column: 19,
          message: 'server "docs" is a stdio server here but http in the central source'
        }
      ]
    },
    {
      name: 'url and headers',
      path: SOURCE,
      text: source({ docs }),
      others: [
        {
          path: '.vscode/mcp.json',
          text: '{ "servers": { "docs": { "type": "http", "url": "https://staging.example.com/mcp", "headers": { "Authorization": "Bearer ${input:token}" } } } }'
        }
      ],
      errors: [
        {
          messageId: 'changed',
          line: 1,
          column: 49,
          message:
            'url of server "docs" is "https://staging.example.com/mcp" here but "https://mcp.example.com/mcp" from the central source'
        },
        {
          messageId: 'changed',
          line: 1,
          column: 114,
          message:
            'headers.Authorization of server "docs" is "Bearer ${input:token}" here but "Bearer ${env:DOCS_TOKEN}" from the central source'
        }
      ]
    },
    {
      name: 'disabled on one platform only',
      path: SOURCE,
      text: source({ a: { command: 'x', overrides: { kiro: { disabled: true } } } }),
      others: [
        {
          path: '.windsurf/mcp_config.json',
          text: '{ "mcpServers": { "a": { "command": "x", "disabled": true } } }'
        },
        { path: '.kiro/settings/mcp.json', text: '{ "mcpServers": { "a": { "command": "x" } } }' }
      ],
      errors: [
        {
          messageId: 'enabled',
          line: 1,
          column: 19,
          message: 'the central source disables server "a" for Kiro, but it is enabled here'
        },
        {
          messageId: 'disabled',
          line: 1,
          column: 42,
          message: 'server "a" is disabled here but not in the central source'
        }
      ]
    },
    {
      name: 'platform-only fields from overrides',
      path: SOURCE,
      text: source({ a: { command: 'x', overrides: { 'gemini-cli': { timeout: 30000 } } } }),
      others: [
        {
          path: '.gemini/settings.json',
          text: '{ "mcpServers": { "a": { "command": "x", "timeout": 60000, "trust": true } } }'
        }
      ],
      errors: [
        {
          messageId: 'changed',
          line: 1,
          column: 53,
          message: 'toolTimeoutSec of server "a" is 60 here but 30 from the central source'
        },
        {
          messageId: 'added',
          line: 1,
          column: 60,
          message: 'trust of server "a" is not in the central source'
        }
      ]
    },
    {
      name: 'a declared target that does not exist',
      path: SOURCE,
      text: '{\n  "targets": ["claude-code", { "platform": "cursor", "path": ".cursor/mcp.json" }],\n  "mcpServers": {}\n}',
      others: [{ path: '.mcp.json', text: '{ "mcpServers": {} }' }],
      errors: [
        {
          messageId: 'missingFile',
          line: 2,
          column: 30,
          message:
            'target .cursor/mcp.json (Cursor) does not exist: run "mcp-lint sync" to create it'
        }
      ]
    },
    {
      name: 'Codex env_vars and bearer token',
      path: SOURCE,
      text: source({ github, docs }),
      others: [
        {
          path: '.codex/config.toml',
          text: '[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "@modelcontextprotocol/server-github@2025.4.8"]\nenv = { LOG_LEVEL = "debug" }\n\n[mcp_servers.docs]\nurl = "https://mcp.example.com/mcp"\nbearer_token_env_var = "TOKEN"\n'
        }
      ],
      errors: [
        {
          messageId: 'changed',
          line: 4,
          column: 21,
          message:
            'env.LOG_LEVEL of server "github" is "debug" here but "info" from the central source'
        },
        {
          messageId: 'changed',
          line: 8,
          column: 24,
          message: /^headers.Authorization of server "docs" is "Bearer \$\{TOKEN\}" here/
        }
      ]
    }
  ]
})
