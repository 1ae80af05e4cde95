import { listedExample as listed } from '../../src/rules/examples.js'
import rule from '../../src/rules/tool-filter-unknown.js'
import { testRule } from '../helpers/rule-tester.js'

const gemini = (filters: string) =>
  `{\n  "mcpServers": {\n    "github": {\n      "command": "npx",\n      "args": ["-y", "gh@1.0.0"],\n      ${filters}\n    }\n  }\n}\n`
const github = [listed('.gemini/settings.json', 'github', ['push_files', 'create_issue'])]

testRule(rule, {
  valid: [
    {
      name: 'every entry names a tool',
      path: '.gemini/settings.json',
      text: gemini(
        '"includeTools": ["create_issue", "push_files(owner)"], "excludeTools": ["push_files"]'
      ),
      enumeration: github
    },
    {
      name: 'tools unknown: nothing to check against',
      path: '.gemini/settings.json',
      text: gemini('"excludeTools": ["anything"]')
    },
    {
      name: 'a platform without tool filters',
      path: '.cursor/mcp.json',
      text: '{ "mcpServers": { "github": { "command": "npx", "args": ["-y", "gh@1.0.0"], "excludeTools": ["x"] } } }',
      enumeration: [listed('.cursor/mcp.json', 'github', ['push_files'])]
    }
  ],
  invalid: [
    {
      name: 'allow- and deny-list entries that match nothing',
      path: '.gemini/settings.json',
      text: gemini('"includeTools": ["create_isue"], "excludeTools": ["delete_repository"]'),
      enumeration: github,
      errors: [
        {
          messageId: 'unknown',
          line: 6,
          column: 24,
          severity: 'warning',
          message:
            'includeTools names "create_isue", which server "github" does not have: the entry lets nothing through (did you mean "create_issue"?)'
        },
        {
          messageId: 'unknown',
          line: 6,
          column: 57,
          message:
            'excludeTools names "delete_repository", which server "github" does not have: the entry turns nothing off'
        }
      ]
    },
    {
      name: 'Codex disabled_tools, with tools from the lockfile',
      path: '.codex/config.toml',
      text: '[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "gh@1.0.0"]\ndisabled_tools = ["push_file"]\n',
      lockfile:
        '{ "lockfileVersion": 1, "servers": { "github": { "launch": { "command": "npx", "args": [] }, "tools": { "push_files": { "hash": "sha256:0" } } } } }',
      errors: [
        {
          messageId: 'unknown',
          line: 4,
          column: 19,
          message:
            'disabled_tools names "push_file", which server "github" does not have: the entry turns nothing off (did you mean "push_files"?) (tools from the lockfile)'
        }
      ]
    }
  ]
})
