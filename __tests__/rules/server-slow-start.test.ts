import { listedExample as listed } from '../../src/rules/examples.js'
import rule from '../../src/rules/server-slow-start.js'
import { failed } from '../helpers/runs.js'
import { testRule } from '../helpers/rule-tester.js'

const config =
  '{\n  "mcpServers": {\n    "browser": { "command": "npx", "args": ["-y", "browser-mcp@0.9.0"] }\n  }\n}\n'

testRule(rule, {
  valid: [
    {
      name: 'a quick start',
      path: '.mcp.json',
      text: config,
      enumeration: [listed('.mcp.json', 'browser', ['navigate'], { initializeMs: 900 })]
    },
    {
      name: 'exactly at the threshold',
      path: '.mcp.json',
      text: config,
      enumeration: [listed('.mcp.json', 'browser', ['navigate'], { initializeMs: 5000 })]
    },
    {
      name: "a failed start is server-start-failed's",
      path: '.mcp.json',
      text: config,
      enumeration: [failed('.mcp.json', 'browser', 'timeout', 'no answer')]
    },
    {
      name: 'slow only while other servers started beside it, and not measured again alone',
      path: '.mcp.json',
      text: config,
      enumeration: [
        listed('.mcp.json', 'browser', ['navigate'], { initializeMs: 8400, alone: false })
      ]
    },
    {
      name: 'a higher threshold from mcp-lint.json',
      path: '.mcp.json',
      text: config,
      enumeration: [listed('.mcp.json', 'browser', ['navigate'], { initializeMs: 8400 })],
      settings: { slowStartMs: 10_000 }
    }
  ],
  invalid: [
    {
      name: 'slower than 5 s when measured again alone',
      path: '.mcp.json',
      text: config,
      enumeration: [
        listed('.mcp.json', 'browser', ['navigate'], { initializeMs: 6100, alone: true })
      ],
      errors: [{ messageId: 'slow', line: 3, column: 5, severity: 'notice' }]
    },
    {
      name: 'slower than 5 s',
      path: '.mcp.json',
      text: config,
      enumeration: [listed('.mcp.json', 'browser', ['navigate'], { initializeMs: 8400 })],
      errors: [
        {
          messageId: 'slow',
          line: 3,
          column: 5,
          severity: 'notice',
          message:
            'server "browser" took 8.4 s to answer initialize (threshold 5.0 s); clients wait for it at every session start, and Codex gives up after 10 s by default'
        }
      ]
    },
    {
      name: 'a lower threshold from mcp-lint.json',
      path: '.mcp.json',
      text: config,
      enumeration: [listed('.mcp.json', 'browser', ['navigate'], { initializeMs: 1500 })],
      settings: { slowStartMs: 1000 },
      errors: [
        { messageId: 'slow', line: 3, column: 5, message: /took 1\.5 s .*\(threshold 1\.0 s\)/ }
      ]
    }
  ]
})
