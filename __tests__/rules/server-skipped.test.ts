import rule from '../../src/rules/server-skipped.js'
import { skipped } from '../helpers/runs.js'
import { testRule } from '../helpers/rule-tester.js'

const config = '{ "mcpServers": { "x": { "command": "bash", "args": ["-c", "x"] } } }'

testRule(rule, {
  valid: [
    {
      name: 'remote servers are skipped quietly',
      path: '.mcp.json',
      text: config,
      enumeration: [skipped('.mcp.json', 'x', 'remote', 'remote')]
    },
    {
      name: 'disabled servers are skipped quietly',
      path: '.mcp.json',
      text: config,
      enumeration: [skipped('.mcp.json', 'x', 'disabled', 'disabled')]
    }
  ],
  invalid: [
    {
      name: 'a launcher that is not allowed',
      path: '.mcp.json',
      text: config,
      enumeration: [skipped('.mcp.json', 'x', 'not-allowed', '"bash" is not an allowed launcher')],
      errors: [
        {
          messageId: 'skipped',
          line: 1,
          column: 19,
          severity: 'warning',
          message: 'server "x" was not enumerated: "bash" is not an allowed launcher'
        }
      ]
    },
    {
      name: 'docker',
      path: '.mcp.json',
      text: config,
      enumeration: [skipped('.mcp.json', 'x', 'docker', 'docker launches are not enumerated')],
      errors: [{ messageId: 'skipped', line: 1, column: 19 }]
    }
  ]
})
