import rule from '../../src/rules/config-unreadable.js'
import { testRule } from '../helpers/rule-tester.js'

testRule(rule, {
  valid: [
    { name: 'UTF-8 with a BOM', path: '.mcp.json', text: '\uFEFF{ "mcpServers": {} }' },
    {
      name: 'non-ASCII text',
      path: 'claude_desktop_config.json',
      text: '{ "mcpServers": { "한국어": { "command": "x" } } }'
    }
  ],
  invalid: [
    {
      name: 'NUL bytes',
      path: '.mcp.json',
      text: '{\n  "a": 1\u0000\n}',
      errors: [
        {
          messageId: 'unreadable',
          line: 2,
          column: 9,
          message: 'the file contains NUL bytes: it is binary, not a text config'
        }
      ]
    }
  ]
})
