import { quote } from '../util/quote.js'
import { closest } from '../util/suggest.js'
import { filteredTool, surfaceOf } from '../canonical/surface.js'
import { listedExample } from './examples.js'
import { defineRule } from './rule.js'

export default defineRule({
  id: 'tool-filter-unknown',
  phase: 'workspace',
  severity: 'warning',
  docs: {
    description: 'Disallow tool filter entries that name no tool of the server',
    rationale:
      'Allow- and deny-lists (Gemini CLI `includeTools`/`excludeTools`, Codex `enabled_tools`/`disabled_tools`, ' +
      '`disabledTools` in Antigravity, Windsurf, Kiro and Roo Code) match tool names exactly, and no platform ' +
      'says when an entry matches nothing. A typo or a tool the server renamed leaves a tool enabled that ' +
      'was meant to be off, or an allow-list that lets nothing through. Checked against the tools the ' +
      'server lists (enumeration, or the lockfile).',
    examples: {
      invalid: [
        {
          path: '.gemini/settings.json',
          text: '{\n  "mcpServers": {\n    "github": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],\n      "excludeTools": ["delete_repository", "push_file"]\n    }\n  }\n}\n',
          enumeration: [
            listedExample('.gemini/settings.json', 'github', ['push_files', 'create_issue'])
          ]
        }
      ],
      valid: [
        {
          path: '.gemini/settings.json',
          text: '{\n  "mcpServers": {\n    "github": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],\n      "excludeTools": ["push_files"]\n    }\n  }\n}\n',
          enumeration: [
            listedExample('.gemini/settings.json', 'github', ['push_files', 'create_issue'])
          ]
        }
      ]
    }
  },
  messages: {
    unknown: (d: { field: string; tool: string; server: string; effect: string; hint: string }) =>
      `${d.field} names ${quote(d.tool)}, which server ${quote(d.server)} does not have: ${d.effect}${d.hint}`
  },
  check({ workspace, report }) {
    for (const file of workspace.files) {
      for (const surface of surfaceOf(workspace, file)) {
        if (surface.tools === undefined) continue
        const names = surface.tools.map((tool) => tool.name)
        for (const filter of surface.filters) {
          const tool = filteredTool(filter)
          if (names.includes(tool)) continue
          const guess = closest(tool, names)
          const server = surface.entry.name.value
          report(
            'unknown',
            filter.node.location,
            {
              field: filter.field,
              tool,
              server,
              effect:
                filter.kind === 'allow'
                  ? 'the entry lets nothing through'
                  : 'the entry turns nothing off',
              hint:
                (guess === undefined ? '' : ` (did you mean ${quote(guess)}?)`) +
                (surface.from === 'lockfile' ? ' (tools from the lockfile)' : '')
            },
            { server }
          )
        }
      }
    }
  }
})
