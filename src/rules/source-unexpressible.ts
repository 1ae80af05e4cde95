import { fieldName } from '../canonical/canonical.js'
import { carries, expectedFor } from '../source/expect.js'
import { locateField } from '../source/locate.js'
import { SOURCE_PATH } from '../source/model.js'
import { defineRule } from './rule.js'

const source = (servers: string, targets: string) =>
  `{\n  "targets": ${targets},\n  "mcpServers": {\n${servers}\n  }\n}\n`

export default defineRule({
  id: 'source-unexpressible',
  phase: 'workspace',
  severity: 'error',
  docs: {
    description: 'Disallow central source servers that a target platform cannot express',
    rationale:
      'Rendering the central source into a platform file must not lose anything silently. Codex has no SSE ' +
      'transport, Claude Desktop runs local servers only, Cursor and VS Code have no `${VAR:-default}`, Codex, ' +
      'Zed and Antigravity expand no references, and several platforms have no `cwd`. Each such server or value ' +
      'is reported on the central source with the platforms it cannot reach: change it, or leave those platforms ' +
      'out of its `platforms`.',
    examples: {
      invalid: [
        {
          path: SOURCE_PATH,
          text: source(
            '    "events": { "type": "sse", "url": "https://mcp.example.com/sse" }',
            '["claude-code", "codex"]'
          )
        }
      ],
      valid: [
        {
          path: SOURCE_PATH,
          text: source(
            '    "events": { "type": "sse", "url": "https://mcp.example.com/sse", "platforms": ["claude-code"] }',
            '["claude-code", "codex"]'
          )
        }
      ]
    }
  },
  messages: {
    unexpressible: (d: { server: string; field: string; reason: string; others: string }) =>
      `${d.field === '' ? `server "${d.server}"` : `${d.field} of server "${d.server}"`}: ${d.reason}${d.others}`
  },
  check({ workspace, report }) {
    const model = workspace.source
    if (model === undefined) return
    const platforms = [
      ...new Map(model.targets.map((target) => [target.platform.id, target])).values()
    ]
    // Each target's servers rendered once (source-drift renders the same ones), looked up by server.
    const renderings = new Map(
      platforms.map((target) => [
        target,
        new Map(expectedFor(model, target).map((expected) => [expected.server, expected]))
      ])
    )
    for (const server of model.servers) {
      // One finding per value, listing every platform that cannot take it.
      const byPath = new Map<
        string,
        { path: readonly string[]; reasons: string[]; platforms: string[] }
      >()
      for (const target of platforms) {
        if (!carries(server, target.platform)) continue
        const expected = renderings.get(target)?.get(server)
        for (const problem of expected?.rendered.problems ?? []) {
          const key = problem.path.join('/')
          const entry = byPath.get(key) ?? { path: problem.path, reasons: [], platforms: [] }
          entry.reasons.push(problem.reason)
          entry.platforms.push(target.platform.displayName)
          byPath.set(key, entry)
        }
      }
      for (const { path, reasons, platforms: names } of byPath.values()) {
        const others = names.length > 1 ? ` (also ${names.slice(1).join(', ')})` : ''
        const data = {
          server: server.name,
          field: fieldName(path),
          reason: reasons[0] ?? '',
          others
        }
        report('unexpressible', locateField(server.entry, path, false), data, {
          server: server.name
        })
      }
    }
  }
})
