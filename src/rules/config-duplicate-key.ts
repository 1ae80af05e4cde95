import { serverAtPath } from '../parse/schema.js'
import { forEachObject, hasDuplicateKeys, type StringNode } from '../model/tree.js'
import { defineRule } from './rule.js'

export default defineRule({
  id: 'config-duplicate-key',
  phase: 'file',
  severity: 'error',
  docs: {
    description: 'Disallow a key defined twice in the same object',
    rationale:
      'JSON parsers keep the last value of a repeated key without a word, so the first copy is dead text that ' +
      'reviewers still read. A secret can hide in it: `"TOKEN": "ghp_…"` above `"TOKEN": "${TOKEN}"` looks safe in ' +
      'the parsed config and is still committed. Two servers with the same name keep only the last one.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] },\n    "memory": { "command": "node", "args": ["memory.js"] }\n  }\n}\n'
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }\n  }\n}\n'
        }
      ]
    }
  },
  messages: {
    duplicate: (d: { key: string; line: number; column: number; platform: string }) =>
      `"${d.key}" is already defined at ${d.line}:${d.column}; ${d.platform} keeps only this last value`
  },
  check({ file, report }) {
    if (file.root === undefined) return
    forEachObject(file.root, (owner, path) => {
      if (!hasDuplicateKeys(owner)) return
      const seen = new Map<string, StringNode>()
      for (const property of owner.properties) {
        const first = seen.get(property.key.value)
        if (first === undefined) {
          seen.set(property.key.value, property.key)
          continue
        }
        const { line, column } = first.location.range.start
        const server =
          path.length === 1 && file.platform.serversKeys.includes(path[0] ?? '')
            ? property.key.value
            : serverAtPath(file, path)?.server
        const data = { key: property.key.value, line, column, platform: file.platform.displayName }
        const lastWins = file.platform.duplicateKeys?.keeps === 'last'
        report('duplicate', property.key.location, data, {
          ...(server === undefined ? {} : { server }),
          ...(lastWins ? { milder: 1 as const } : {})
        })
      }
    })
  }
})
