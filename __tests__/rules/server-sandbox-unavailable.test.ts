import rule from '../../src/rules/server-sandbox-unavailable.js'
import { skipped } from '../helpers/runs.js'
import { testRule } from '../helpers/rule-tester.js'

const config =
  '{ "mcpServers": { "a": { "command": "npx", "args": ["a"] }, "b": { "command": "npx", "args": ["b"] } } }'

testRule(rule, {
  valid: [{ name: 'servers that ran', path: '.mcp.json', text: config, enumeration: [] }],
  invalid: [
    {
      name: 'one finding, at the first server',
      path: '.mcp.json',
      text: config,
      enumeration: [
        skipped('.mcp.json', 'a', 'sandbox-unavailable', 'bubblewrap (bwrap) is not installed'),
        skipped('.mcp.json', 'b', 'sandbox-unavailable', 'bubblewrap (bwrap) is not installed')
      ],
      errors: [
        {
          messageId: 'unavailable',
          line: 1,
          column: 19,
          message: 'servers were not enumerated: bubblewrap (bwrap) is not installed'
        }
      ]
    },
    {
      name: 'a privileged event',
      path: '.mcp.json',
      text: config,
      enumeration: [
        skipped(
          '.mcp.json',
          'a',
          'refused-event',
          'servers are not launched in pull_request_target runs'
        )
      ],
      errors: [{ messageId: 'unavailable', line: 1, column: 19 }]
    }
  ]
})
