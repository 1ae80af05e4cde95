import { startOf } from '../model/location.js'
import { defineRule } from './rule.js'

export default defineRule({
  id: 'source-unused',
  phase: 'workspace',
  severity: 'notice',
  docs: {
    description: 'Disallow a second central source that mcp-lint does not use',
    rationale:
      'Teams that generate their client files with rulesync (`.rulesync/mcp.jsonc`) or ruler (`.ruler/ruler.toml`, ' +
      'legacy `.ruler/mcp.json`) already keep a central source. Without `.agents/mcp/mcp-servers.json`, mcp-lint ' +
      'reads theirs and checks every client file against it (source-drift; the report names the source used, and ' +
      '`mcp-lint sync` points to the generator instead of writing over its output). Where several exist, one is ' +
      "used: mcp-lint's own, else rulesync's (its `.jsonc` before the legacy names), else ruler's. A source that is " +
      'not used still describes servers someone may edit in vain: merge it into the one used, or delete it.',
    examples: {
      invalid: [
        {
          path: '.rulesync/mcp.jsonc',
          text: '{\n  // shared by every tool\n  "mcpServers": { "docs": { "type": "http", "url": "https://docs.example.com/mcp" } }\n}\n',
          others: [
            {
              path: '.agents/mcp/mcp-servers.json',
              text: '{ "mcpServers": { "docs": { "type": "http", "url": "https://docs.example.com/mcp" } } }\n'
            }
          ]
        }
      ],
      valid: [
        {
          path: '.rulesync/mcp.jsonc',
          text: '{\n  // shared by every tool\n  "mcpServers": { "docs": { "type": "http", "url": "https://docs.example.com/mcp" } }\n}\n'
        }
      ]
    }
  },
  messages: {
    unused: (d: { source: string }) =>
      `this central source is not used: ${d.source} is; merge its servers there, or delete this file`
  },
  check({ workspace, report }) {
    const source = workspace.source
    if (source === undefined) return
    const used = source.main?.path ?? source.files[0]?.path ?? 'another file'
    for (const file of source.unused)
      if (file.root !== undefined) report('unused', startOf(file.root.location), { source: used })
  }
})
