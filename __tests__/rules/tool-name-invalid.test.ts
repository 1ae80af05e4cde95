import { listedExample as listed } from '../../src/rules/examples.js'
import rule from '../../src/rules/tool-name-invalid.js'
import { testRule } from '../helpers/rule-tester.js'

const servers = (key: string, entries: Record<string, string>) =>
  `{\n  "${key}": {\n${Object.entries(entries)
    .map(([name, body]) => `    "${name}": ${body}`)
    .join(',\n')}\n  }\n}\n`
const npx = '{ "command": "npx", "args": ["-y", "x-mcp@1.0.0"] }'

testRule(rule, {
  valid: [
    {
      name: 'short names everywhere',
      path: '.cursor/mcp.json',
      text: servers('mcpServers', { ghe: npx }),
      enumeration: [listed('.cursor/mcp.json', 'ghe', ['get_issue', 'list_pull_requests'])]
    },
    {
      name: 'Cursor keeps a tool whose names together stay under 60',
      path: '.cursor/mcp.json',
      text: servers('mcpServers', { ['s'.repeat(20)]: npx }),
      enumeration: [listed('.cursor/mcp.json', 's'.repeat(20), ['t'.repeat(39)])]
    },
    {
      name: 'Zed uses the raw name',
      path: '.zed/settings.json',
      text: servers('context_servers', { issue_tracker: npx }),
      enumeration: [listed('.zed/settings.json', 'issue_tracker', ['create.issue'])]
    },
    {
      name: 'a disabled server is not checked',
      path: '.agents/mcp_config.json',
      text: servers('mcpServers', {
        tracker: '{ "command": "npx", "args": ["-y", "x-mcp@1.0.0"], "disabled": true }'
      }),
      enumeration: [listed('.agents/mcp_config.json', 'tracker', ['issues.create'])]
    },
    {
      name: 'Gemini CLI server names with "-"',
      path: '.gemini/settings.json',
      text: servers('mcpServers', { 'issue-tracker': npx })
    }
  ],
  invalid: [
    {
      name: 'Cursor drops tools over its 60-character budget',
      path: '.cursor/mcp.json',
      text: servers('mcpServers', { 'github-enterprise-production': npx }),
      enumeration: [
        listed('.cursor/mcp.json', 'github-enterprise-production', [
          'list_repository_collaborators_xy',
          'list_repository_collaborators_xyz',
          'get_issue'
        ])
      ],
      errors: [
        {
          messageId: 'dropped',
          line: 3,
          column: 5,
          severity: 'error',
          server: 'github-enterprise-production',
          message:
            'Cursor drops 2 tools of server "github-enterprise-production" because server and tool names together reach 60 characters: "list_repository_collaborators_xy" (60), "list_repository_collaborators_xyz" (61); shorten the server name'
        }
      ]
    },
    {
      name: 'Claude Code names over 64 characters',
      path: '.mcp.json',
      text: servers('mcpServers', { 'analytics-warehouse': npx }),
      enumeration: [
        listed('.mcp.json', 'analytics-warehouse', ['run_saved_query_with_parameters_and_limits'])
      ],
      errors: [
        {
          messageId: 'tooLong',
          line: 3,
          column: 5,
          severity: 'error',
          message:
            'Claude Code names 1 tool of server "analytics-warehouse" with more than 64 characters, which the Anthropic API rejects: "mcp__analytics-warehouse__run_saved_query_with_parameters_and_limits" (68); shorten the server name'
        }
      ]
    },
    {
      name: 'Gemini CLI cuts long names and rewrites characters',
      path: '.gemini/settings.json',
      text: servers('mcpServers', { warehouse: npx }),
      enumeration: [
        listed('.gemini/settings.json', 'warehouse', [
          'summarise_inventory_levels_across_every_regional_site',
          'get item'
        ])
      ],
      errors: [
        {
          messageId: 'truncated',
          line: 3,
          column: 5,
          severity: 'warning',
          message:
            'Gemini CLI cuts 1 tool name of server "warehouse": "summarise_inventory_levels_across_every_regional_site" becomes "mcp_warehouse_summarise_invent...els_across_every_regional_site"; a shorter server name keeps them whole'
        },
        {
          messageId: 'sanitized',
          line: 3,
          column: 5,
          severity: 'warning',
          message:
            'Gemini CLI rewrites characters in 1 tool name of server "warehouse": "get item" becomes "mcp_warehouse_get_item"'
        },
        { messageId: 'specName', line: 3, column: 5 }
      ]
    },
    {
      name: 'VS Code rewrites dots and cuts at 64; its prefix comes from serverInfo',
      path: '.vscode/mcp.json',
      text: servers('servers', {
        wh: '{ "type": "stdio", "command": "npx", "args": ["-y", "x@1.0.0"] }'
      }),
      enumeration: [
        listed('.vscode/mcp.json', 'wh', ['items.list', 'l'.repeat(51)], {
          title: 'Warehouse'
        })
      ],
      errors: [
        {
          messageId: 'truncated',
          line: 3,
          column: 5,
          message: /^VS Code cuts 1 tool name of server "wh": "l{51}" becomes "mcp_warehouse_l{50}"/
        },
        {
          messageId: 'sanitized',
          line: 3,
          column: 5,
          message:
            'VS Code rewrites characters in 1 tool name of server "wh": "items.list" becomes "mcp_warehouse_items_list"'
        }
      ]
    },
    {
      // Codex 0.171.0 sends long names whole and hashes names that clean up to the same text.
      name: 'Codex appends a hash to tool names that clean up to the same text',
      path: '.codex/config.toml',
      text: '[mcp_servers.warehouse]\ncommand = "npx"\nargs = ["-y", "x@1.0.0"]\n',
      enumeration: [
        listed('.codex/config.toml', 'warehouse', [
          'summarise_inventory_levels_across_every_regional_site',
          'get.item',
          'get_item'
        ])
      ],
      errors: [
        {
          messageId: 'hashed',
          line: 1,
          column: 14,
          severity: 'warning',
          message:
            /^Codex appends a hash to 2 tool names of server "warehouse" because another server or tool cleans up to the same name: "get\.item" becomes "mcp__warehouse__get_item_[0-9a-f]{12}", "get_item" becomes "mcp__warehouse__get_item_[0-9a-f]{12}"$/
        },
        {
          messageId: 'sanitized',
          line: 1,
          column: 14,
          severity: 'warning',
          message: /^Codex rewrites characters in 1 tool name of server "warehouse": "get\.item"/
        }
      ]
    },
    {
      name: 'Antigravity: a server name with a space breaks every tool (unconfirmed: a warning)',
      path: '.agents/mcp_config.json',
      text: servers('mcpServers', { 'my tracker': npx }),
      enumeration: [listed('.agents/mcp_config.json', 'my tracker', ['create_issue'])],
      errors: [
        {
          messageId: 'serverName',
          line: 3,
          column: 5,
          severity: 'warning',
          message:
            'Antigravity checks tool names, server name included, against ^[a-zA-Z0-9_-]{1,64}$, so every tool of "my tracker" fails: use letters, digits, "-" and "_" only'
        }
      ]
    },
    {
      name: 'Antigravity: tool names it refuses',
      path: '.agents/mcp_config.json',
      text: servers('mcpServers', { tracker: npx }),
      enumeration: [listed('.agents/mcp_config.json', 'tracker', ['issues.create', 'ok_tool'])],
      errors: [
        {
          messageId: 'invalid',
          line: 3,
          column: 5,
          severity: 'warning',
          message:
            'Antigravity refuses 1 tool of server "tracker" whose names, server name included, do not match ^[a-zA-Z0-9_-]{1,64}$: "tracker_issues.create" (21); rename the tools or the server'
        }
      ]
    },
    {
      name: 'tool names outside the MCP specification',
      path: '.roo/mcp.json',
      text: servers('mcpServers', { tracker: npx }),
      enumeration: [listed('.roo/mcp.json', 'tracker', ['create issue', 'créer', 'ok'])],
      errors: [
        {
          messageId: 'specName',
          line: 3,
          column: 5,
          severity: 'warning',
          message:
            'server "tracker" has 2 tool names outside the MCP specification (1 to 128 characters of A-Z, a-z, 0-9, "_", "-" and "."): "create issue", "créer"'
        }
      ]
    },
    {
      name: 'Gemini CLI server names with "_" or named mcp',
      path: '.gemini/settings.json',
      text: servers('mcpServers', { issue_tracker: npx, mcp: npx }),
      errors: [
        { messageId: 'serverName', line: 3, column: 5, severity: 'warning' },
        {
          messageId: 'serverName',
          line: 4,
          column: 5,
          severity: 'warning',
          message:
            'Gemini CLI adds no "mcp_" prefix to tools of a server named "mcp", so their names are ambiguous: rename the server'
        }
      ]
    }
  ]
})
