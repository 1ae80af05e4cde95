import { listedExample as listed } from '../../src/rules/examples.js'
import rule from '../../src/rules/tools-limit.js'
import { testRule } from '../helpers/rule-tester.js'

const servers = (key: string, entries: Record<string, string>) =>
  `{\n  "${key}": {\n${Object.entries(entries)
    .map(([name, body]) => `    "${name}": ${body}`)
    .join(',\n')}\n  }\n}\n`
const npx = '{ "command": "npx", "args": ["-y", "x-mcp@1.0.0"] }'
const tools = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => `${prefix}_${index + 1}`)

testRule(rule, {
  valid: [
    {
      name: 'under the limit',
      path: '.windsurf/mcp_config.json',
      text: servers('mcpServers', { a: npx, b: npx }),
      enumeration: [
        listed('.windsurf/mcp_config.json', 'a', tools(50, 'a')),
        listed('.windsurf/mcp_config.json', 'b', tools(50, 'b'))
      ]
    },
    {
      name: 'a disabled server does not count',
      path: '.windsurf/mcp_config.json',
      text: servers('mcpServers', {
        a: npx,
        b: '{ "command": "npx", "args": ["-y", "x@1.0.0"], "disabled": true }'
      }),
      enumeration: [
        listed('.windsurf/mcp_config.json', 'a', tools(60, 'a')),
        listed('.windsurf/mcp_config.json', 'b', tools(60, 'b'))
      ]
    },
    {
      name: 'Gemini CLI includeTools keeps the count down',
      path: '.gemini/settings.json',
      text: servers('mcpServers', {
        a: '{ "command": "npx", "args": ["-y", "x@1.0.0"], "includeTools": ["a_1", "a_2(path)"] }'
      }),
      enumeration: [listed('.gemini/settings.json', 'a', tools(60, 'a'))]
    },
    {
      name: 'an empty includeTools lets no tool through (Gemini CLI 0.61.0)',
      path: '.gemini/settings.json',
      text: servers('mcpServers', {
        a: '{ "command": "npx", "args": ["-y", "x@1.0.0"], "includeTools": [] }'
      }),
      enumeration: [listed('.gemini/settings.json', 'a', tools(60, 'a'))]
    },
    {
      name: 'a string includeTools lets no tool through, a string excludeTools removes substrings (Gemini CLI 0.61.0)',
      path: '.gemini/settings.json',
      text: servers('mcpServers', {
        a: '{ "command": "npx", "args": ["-y", "x@1.0.0"], "includeTools": "a_1" }',
        b: '{ "command": "npx", "args": ["-y", "x@1.0.0"], "excludeTools": "b_1 b_2 b_3 b_4 b_5 b_6 b_7 b_8 b_9 b_10 b_11" }'
      }),
      enumeration: [
        listed('.gemini/settings.json', 'a', tools(60, 'a')),
        listed('.gemini/settings.json', 'b', tools(60, 'b'))
      ]
    },
    {
      name: 'includeTools entries with a ${VAR:-default} name the default',
      path: '.gemini/settings.json',
      text: servers('mcpServers', {
        a: '{ "command": "npx", "args": ["-y", "x@1.0.0"], "includeTools": ["${PICK:-a_1}"] }'
      }),
      enumeration: [listed('.gemini/settings.json', 'a', tools(60, 'a'))]
    },
    {
      name: 'servers Gemini CLI mcp.allowed and mcp.excluded keep out do not count',
      path: '.gemini/settings.json',
      text: `{ "mcpServers": { "a": ${npx}, "b": ${npx}, "c": ${npx} }, "mcp": { "allowed": ["a", "b"], "excluded": ["b"] } }`,
      enumeration: [
        listed('.gemini/settings.json', 'a', tools(40, 'a')),
        listed('.gemini/settings.json', 'b', tools(40, 'b')),
        listed('.gemini/settings.json', 'c', tools(40, 'c'))
      ]
    },
    {
      name: 'a threshold turned off in mcp-lint.json',
      path: '.windsurf/mcp_config.json',
      text: servers('mcpServers', { a: npx }),
      enumeration: [listed('.windsurf/mcp_config.json', 'a', tools(150, 'a'))],
      settings: { toolLimits: { windsurf: { error: null } } }
    },
    {
      name: 'Zed has no known limit',
      path: '.zed/settings.json',
      text: servers('context_servers', { a: npx }),
      enumeration: [listed('.zed/settings.json', 'a', tools(300, 'a'))]
    },
    {
      name: 'no tools known',
      path: '.windsurf/mcp_config.json',
      text: servers('mcpServers', { a: npx })
    }
  ],
  invalid: [
    {
      name: 'Windsurf: over 100, counts per server',
      path: '.windsurf/mcp_config.json',
      text: servers('mcpServers', { small: npx, big: npx, mid: npx }),
      enumeration: [
        listed('.windsurf/mcp_config.json', 'small', tools(5, 's')),
        listed('.windsurf/mcp_config.json', 'big', tools(70, 'b')),
        listed('.windsurf/mcp_config.json', 'mid', tools(30, 'm'))
      ],
      errors: [
        {
          messageId: 'over',
          line: 2,
          column: 3,
          severity: 'error',
          message:
            'Windsurf loads 105 tools from this file, over its limit of 100: "big" 70, "mid" 30, "small" 5. Cascade loads at most 100 tools; the user has to pick which ones; trim tools with "disabledTools", or drop servers this project does not need'
        }
      ]
    },
    {
      name: 'Antigravity: over the warning threshold, with filters applied',
      path: '.agents/mcp_config.json',
      text: servers('mcpServers', {
        a: '{ "command": "npx", "args": ["-y", "x@1.0.0"], "disabledTools": ["a_1", "a_2"] }',
        b: npx
      }),
      enumeration: [
        listed('.agents/mcp_config.json', 'a', tools(40, 'a')),
        listed('.agents/mcp_config.json', 'b', tools(20, 'b'))
      ],
      errors: [
        {
          messageId: 'over',
          line: 2,
          column: 3,
          severity: 'warning',
          message:
            'Antigravity loads 58 tools from this file, over its warning threshold of 50: "a" 38 (of 40, after filters), "b" 20. Antigravity refuses to add a server that takes the enabled tools over its limit; trim tools with "disabledTools", or drop servers this project does not need'
        }
      ]
    },
    {
      name: 'Codex: the 128 limit is unconfirmed, so a warning',
      path: '.codex/config.toml',
      text: '[mcp_servers.a]\ncommand = "npx"\nargs = ["-y", "x@1.0.0"]\n',
      enumeration: [listed('.codex/config.toml', 'a', tools(130, 'a'))],
      errors: [{ messageId: 'over', line: 1, column: 2, severity: 'warning' }]
    },
    {
      name: 'a threshold from mcp-lint.json, and servers whose tools are unknown',
      path: '.cursor/mcp.json',
      text: servers('mcpServers', { a: npx, b: npx }),
      enumeration: [listed('.cursor/mcp.json', 'a', tools(12, 'a'))],
      settings: { toolLimits: { cursor: { error: 10 } } },
      errors: [
        {
          messageId: 'over',
          line: 2,
          column: 3,
          severity: 'error',
          message:
            'Cursor loads 12 tools from this file, over its limit of 10: "a" 12. The threshold comes from mcp-lint.json; drop or disable servers this project does not need (1 more server is not counted: its tools are unknown)'
        }
      ]
    },
    {
      name: 'Claude Code: the guide warns above 100',
      path: '.mcp.json',
      text: servers('mcpServers', { a: npx }),
      enumeration: [listed('.mcp.json', 'a', tools(101, 'a'))],
      errors: [{ messageId: 'over', line: 2, column: 3, severity: 'warning' }]
    }
  ]
})
