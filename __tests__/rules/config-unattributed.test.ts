import { describe, expect, it } from '@jest/globals'
import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { lint } from '../../src/lint.js'
import rule from '../../src/rules/config-unattributed.js'
import { testRule } from '../helpers/rule-tester.js'
import { makeRepo } from '../helpers/temp-repo.js'

testRule(rule, {
  valid: [
    {
      name: 'a JSON file without a server map',
      path: 'config/app.json',
      text: '{ "servers": ["eu-1"], "mcp": "not an object" }'
    },
    {
      name: "a file at a path a client reads is that client's",
      path: '.cursor/mcp.json',
      text: '{ "mcpServers": {} }'
    }
  ],
  invalid: [
    {
      name: 'an mcpServers map in an unknown folder',
      path: 'tools/agent/mcp.json',
      text: '{\n  "mcpServers": { "a": { "command": "x" } }\n}\n',
      errors: [{ messageId: 'unattributed', line: 2, column: 4, severity: 'notice' }]
    },
    {
      name: 'a TOML mcp_servers table and a YAML mcpServers list',
      path: 'tools/agent/config.toml',
      text: 'model = "x"\n\n[mcp_servers.docs]\ncommand = "docs"\n',
      others: [
        {
          path: 'tools/agent/mcp.yaml',
          text: 'name: docs\nmcpServers:\n  - name: docs\n'
        }
      ],
      errors: [
        { messageId: 'unattributed', line: 3, column: 2 },
        { messageId: 'unattributed', line: 2, column: 1 }
      ]
    }
  ]
})

describe('the repository walk', () => {
  const map = '{ "mcpServers": { "a": { "command": "x" } } }'

  it('reports likely paths up to four folders deep, skips dependencies, data folders, deeper files and symlinks, and knows the source and configured paths', async () => {
    const { root, remove } = makeRepo({
      'a/b/c/d/mcp.json': map,
      'data/fixtures/settings.json': map,
      'amp.json': '{ "mcp": { "a": { "type": "local", "command": ["x"] } } }',
      'a/b/c/d/e/mcp.json': map,
      'node_modules/pkg/mcp.json': map,
      'dist/mcp.json': map,
      '.agents/mcp/servers/x.json': map,
      'extra/claude.json': map,
      'mcp-lint.json': '{ "paths": [{ "path": "extra/claude.json", "platform": "claude-code" }] }'
    })
    try {
      symlinkSync(join(root, 'a/b/c/d/mcp.json'), join(root, 'link.json'))
      const result = await lint({ root })
      expect(
        result.diagnostics.filter((d) => d.ruleId === 'config-unattributed').map((d) => d.file)
      ).toEqual(['a/b/c/d/mcp.json', 'amp.json'])
    } finally {
      remove()
    }
  })
})
