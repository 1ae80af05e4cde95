import { quote } from '../util/quote.js'
import { findEntry, groupByLaunch } from '../model/inventory.js'
import { listedExample } from './examples.js'
import { defineRule } from './rule.js'

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export default defineRule({
  id: 'server-slow-start',
  phase: 'tools',
  severity: 'notice',
  docs: {
    description: 'Limit how long a server takes to start',
    rationale:
      'Start-up time is what users feel first: clients start every configured server when a session opens, ' +
      'and Codex gives up on a server after 10 seconds by default (`startup_timeout_sec`). The time is ' +
      'measured from spawn to the answer to `initialize`, inside the sandbox with packages already fetched; ' +
      'a server slower than the threshold while others started beside it is started again alone and judged ' +
      "on that time, so it is the server's own start, not the download or mcp-lint's concurrency. The threshold is 5 seconds; `slowStartSeconds` in " +
      'mcp-lint.json changes it.',
    examples: {
      invalid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "browser": { "command": "npx", "args": ["-y", "browser-mcp@0.9.0"] }\n  }\n}\n',
          enumeration: [listedExample('.mcp.json', 'browser', ['navigate'], { initializeMs: 8400 })]
        }
      ],
      valid: [
        {
          path: '.mcp.json',
          text: '{\n  "mcpServers": {\n    "browser": { "command": "npx", "args": ["-y", "browser-mcp@0.9.0"] }\n  }\n}\n',
          enumeration: [
            listedExample('.mcp.json', 'browser', ['navigate'], { initializeMs: 8400 })
          ],
          settings: { slowStartMs: 10000 }
        }
      ]
    }
  },
  messages: {
    slow: (d: { server: string; took: string; threshold: string }) =>
      `server ${quote(d.server)} took ${d.took} to answer initialize (threshold ${d.threshold}); clients wait for it at every session start, and Codex gives up after 10 s by default`
  },
  check({ workspace, tools, settings, report }) {
    for (const { primary } of groupByLaunch(tools.entries)) {
      if (primary.run?.status !== 'ok') continue
      const took = primary.run.timings.initializeMs
      // A time measured while other servers started beside it is mcp-lint's contention, not the server's.
      if (took <= settings.slowStartMs || primary.run.timings.alone === false) continue
      const found = findEntry(workspace, primary)
      if (found === undefined) continue
      report(
        'slow',
        found.entry.name.location,
        { server: primary.name, took: seconds(took), threshold: seconds(settings.slowStartMs) },
        { server: primary.name }
      )
    }
  }
})
