import { quote } from '../util/quote.js'
import { serverHomes, surfaceOf, toolsByName } from '../canonical/surface.js'
import { defineRule } from './rule.js'

export default defineRule({
  id: 'server-tools-unknown',
  phase: 'workspace',
  severity: 'notice',
  docs: {
    description:
      'Require the tools of every enabled server to be known, from enumeration or the lockfile',
    rationale:
      'The tool checks (tool-name-collision, tool-name-invalid, tools-limit, tool-filter-unknown, ' +
      'tool-poisoning, tool-name-generic and the secret scan of tool descriptions) need the list of tools. It ' +
      'comes from starting the server, or from the lockfile for servers that cannot start here (they need ' +
      'credentials, or they are remote). A server with neither is left out of those checks; this says so ' +
      'once per server instead of passing in silence. Run `mcp-lint lock` where the server can start to pin ' +
      'its tools. Reported only when servers were enumerated or a lockfile exists, and not for disabled ' +
      'servers.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "linear": { "type": "http", "url": "https://mcp.linear.app/mcp" }\n  }\n}\n',
          enumeration: [
            {
              file: '.mcp.json',
              name: 'linear',
              status: 'skipped',
              reason: 'remote',
              detail: 'remote (http) servers are enumerated only when enabled',
              placeholders: []
            }
          ]
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "linear": { "type": "http", "url": "https://mcp.linear.app/mcp" }\n  }\n}\n',
          lockfile:
            '{\n  "lockfileVersion": 1,\n  "servers": {\n    "linear": {\n      "launch": { "command": "", "args": [] },\n      "tools": { "list_issues": { "hash": "sha256:0", "description": "List issues" } }\n    }\n  }\n}\n'
        }
      ]
    }
  },
  messages: {
    unknown: (d: { server: string; why: string }) =>
      `the tool checks skip server ${quote(d.server)}: ${d.why}, and the lockfile has no entry for it; run "mcp-lint lock" where it can start to pin its tools`
  },
  check({ workspace, report }) {
    if (workspace.tools === undefined && workspace.lockfile === undefined) return
    const enabled = new Set([
      ...(workspace.source?.servers ?? []).map((server) => server.name),
      ...workspace.files.flatMap((file) =>
        surfaceOf(workspace, file)
          .filter((surface) => surface.enabled)
          .map((surface) => surface.entry.name.value)
      )
    ])
    for (const home of serverHomes(workspace)) {
      if (!enabled.has(home.name) || toolsByName(workspace, home.name) !== undefined) continue
      const results = workspace.tools?.entries.filter((entry) => entry.name === home.name) ?? []
      const result = results.find((entry) => entry.status === 'failed') ?? results[0]
      // Nothing was launched at all: server-sandbox-unavailable says so once for every server.
      if (result?.reason === 'sandbox-unavailable' || result?.reason === 'refused-event') continue
      const why =
        workspace.tools === undefined
          ? 'servers were not enumerated in this run'
          : result === undefined
            ? 'it was not enumerated'
            : result.status === 'failed'
              ? `it failed to start (${result.reason ?? 'error'})`
              : `it was not started (${result.detail ?? result.reason ?? 'skipped'})`
      report('unknown', home.entry.name.location, { server: home.name, why }, { server: home.name })
    }
  }
})
