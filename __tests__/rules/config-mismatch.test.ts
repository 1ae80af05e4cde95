import rule from '../../src/rules/config-mismatch.js'
import { testRule } from '../helpers/rule-tester.js'

const json = (value: unknown) => JSON.stringify(value)

testRule(rule, {
  valid: [
    {
      name: 'one Windows path written with either separator',
      path: '.cursor/mcp.json',
      text: json({ mcpServers: { a: { command: 'C:\\Users\\me\\npm\\tool.cmd' } } }),
      others: [
        {
          path: '.mcp.json',
          text: json({ mcpServers: { a: { command: 'C:/Users/me/npm/tool.cmd' } } })
        }
      ]
    },
    {
      name: 'the same server in each platform syntax',
      path: '.mcp.json',
      text: json({
        mcpServers: {
          gh: { command: 'gh-mcp', env: { TOKEN: '${TOKEN}' } },
          docs: { type: 'http', url: 'https://x/mcp' }
        }
      }),
      others: [
        {
          path: '.cursor/mcp.json',
          text: json({
            mcpServers: {
              gh: { command: 'gh-mcp', env: { TOKEN: '${env:TOKEN}' } },
              docs: { url: 'https://x/mcp' }
            }
          })
        },
        {
          path: '.vscode/mcp.json',
          text: json({
            servers: { gh: { type: 'stdio', command: 'gh-mcp', env: { TOKEN: '${env:TOKEN}' } } }
          })
        },
        {
          path: '.codex/config.toml',
          text: '[mcp_servers.gh]\ncommand = "gh-mcp"\nenv_vars = ["TOKEN"]\n'
        },
        {
          path: '.windsurf/mcp_config.json',
          text: json({ mcpServers: { docs: { serverUrl: 'https://x/mcp' } } })
        }
      ]
    },
    {
      name: 'platform-only fields and pass-through variables a platform cannot show',
      path: '.mcp.json',
      text: json({ mcpServers: { gh: { command: 'gh-mcp', env: { TOKEN: '${TOKEN}' } } } }),
      others: [
        {
          path: '.zed/settings.json',
          text: json({ context_servers: { gh: { command: 'gh-mcp', enabled: true } } })
        }
      ]
    },
    {
      name: 'only the central source compares, when there is one',
      path: '.mcp.json',
      text: json({ mcpServers: { gh: { command: 'a' } } }),
      others: [
        { path: '.cursor/mcp.json', text: json({ mcpServers: { gh: { command: 'b' } } }) },
        { path: '.agents/mcp/mcp-servers.json', text: json({ mcpServers: {} }) }
      ]
    }
  ],
  invalid: [
    {
      name: 'an argument that differs',
      path: '.mcp.json',
      text: json({
        mcpServers: { db: { command: 'npx', args: ['-y', 'pg-mcp', 'postgresql://localhost/app'] } }
      }),
      others: [
        {
          path: '.cursor/mcp.json',
          text: json({
            mcpServers: {
              db: { command: 'npx', args: ['-y', 'pg-mcp', 'postgresql://localhost/test'] }
            }
          })
        }
      ],
      errors: [
        {
          messageId: 'differs',
          line: 1,
          column: 60,
          severity: 'warning',
          message:
            'args[2] of server "db" is "postgresql://localhost/app" here but "postgresql://localhost/test" in .cursor/mcp.json'
        }
      ]
    },
    {
      name: 'env missing, extra and changed: one finding at the first, naming the others',
      path: '.cursor/mcp.json',
      text: json({
        mcpServers: {
          a: { command: 'x', env: { MODE: 'prod', API_KEY: 'sk-live-0123456789abcdef' } }
        }
      }),
      others: [
        {
          path: '.mcp.json',
          text: json({
            mcpServers: {
              a: { command: 'x', env: { API_KEY: 'sk-test-abcdef0123456789', EXTRA: '1' } }
            }
          })
        }
      ],
      errors: [
        {
          messageId: 'missingField',
          line: 1,
          column: 35,
          message:
            'server "a" lacks env.MODE, which it has in .cursor/mcp.json, and 2 more differences: env.API_KEY, env.EXTRA'
        }
      ]
    },
    {
      name: 'a secret that differs, masked',
      path: '.cursor/mcp.json',
      text: json({
        mcpServers: { a: { command: 'x', env: { API_KEY: 'sk-live-0123456789abcdef' } } }
      }),
      others: [
        {
          path: '.mcp.json',
          text: json({
            mcpServers: { a: { command: 'x', env: { API_KEY: 'sk-test-abcdef0123456789' } } }
          })
        }
      ],
      errors: [
        {
          messageId: 'differs',
          line: 1,
          column: 52,
          message:
            'env.API_KEY of server "a" is sk-… (24 chars) here but sk-… (24 chars) in .cursor/mcp.json'
        }
      ]
    },
    {
      name: 'a transport that differs',
      path: '.mcp.json',
      text: json({ mcpServers: { docs: { type: 'sse', url: 'https://x/sse' } } }),
      others: [
        {
          path: '.vscode/mcp.json',
          text: json({ servers: { docs: { type: 'http', url: 'https://x/sse' } } })
        }
      ],
      errors: [
        {
          messageId: 'transport',
          line: 1,
          column: 13,
          message: 'server "docs" is a http server here but sse in .mcp.json'
        }
      ]
    },
    {
      name: 'names that differ only in separators',
      path: '.mcp.json',
      text: json({ mcpServers: { 'fng-chatbot': { command: 'x' } } }),
      others: [{ path: '.codex/config.toml', text: '[mcp_servers.fng_chatbot]\ncommand = "x"\n' }],
      errors: [
        {
          messageId: 'nameVariant',
          line: 1,
          column: 16,
          message:
            'server "fng-chatbot" is called "fng_chatbot" in .codex/config.toml: use one name, since platforms name tools after it'
        }
      ]
    }
  ]
})
