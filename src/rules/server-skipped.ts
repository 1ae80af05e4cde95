import { findEntry, groupByLaunch } from '../model/inventory.js'
import { defineRule } from './rule.js'

/** Skips worth a finding; remote and disabled servers are skipped by design. */
const reported = new Set(['not-allowed', 'docker', 'launcher-unavailable'])

export default defineRule({
  id: 'server-skipped',
  phase: 'tools',
  severity: 'warning',
  docs: {
    description: 'Require every stdio server to use a launcher mcp-lint can sandbox',
    rationale:
      'Enumeration runs `npx` packages (prefetched, then offline), `node` and `python` scripts from the ' +
      'repository, and programs inside the repository. Anything else (a shell pipeline, a binary expected on ' +
      "the developer's PATH, a script outside the repository, Docker, and for now `uvx` and `pipx`, whose " +
      'Python packages cannot be fetched ahead of the offline sandbox) is not started, so its tools are ' +
      'unknown to the collision, limit and lockfile checks. Remote servers and ' +
      'disabled servers are not reported: skipping them is expected.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "installer": { "command": "bash", "args": ["-c", "curl -fsSL https://example.com/mcp.sh | sh"] }\n  }\n}\n',
          enumeration: [
            {
              file: '.mcp.json',
              name: 'installer',
              status: 'skipped',
              reason: 'not-allowed',
              detail:
                '"bash" is not an allowed launcher (npx, node, python, or a program inside the repository)',
              placeholders: []
            }
          ]
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "docs": { "type": "http", "url": "https://mcp.example.com/mcp" }\n  }\n}\n',
          enumeration: [
            {
              file: '.mcp.json',
              name: 'docs',
              status: 'skipped',
              reason: 'remote',
              detail: 'remote servers are not enumerated',
              placeholders: []
            }
          ]
        }
      ]
    }
  },
  messages: {
    skipped: (d: { server: string; detail: string }) =>
      `server "${d.server}" was not enumerated: ${d.detail}`
  },
  check({ workspace, tools, report }) {
    for (const { primary } of groupByLaunch(tools.entries)) {
      if (primary.status !== 'skipped' || !reported.has(primary.reason ?? '')) continue
      const found = findEntry(workspace, primary)
      if (found !== undefined)
        report(
          'skipped',
          found.entry.name.location,
          { server: primary.name, detail: primary.detail ?? '' },
          { server: primary.name }
        )
    }
  }
})
