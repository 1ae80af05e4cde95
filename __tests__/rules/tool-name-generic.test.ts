import { listedExample as listed } from '../../src/rules/examples.js'
import rule from '../../src/rules/tool-name-generic.js'
import { testRule } from '../helpers/rule-tester.js'

const config =
  '{\n  "mcpServers": {\n    "crm": { "command": "npx", "args": ["-y", "crm@1.0.0"] }\n  }\n}\n'

testRule(rule, {
  valid: [
    {
      name: 'names with a domain',
      path: '.mcp.json',
      text: config,
      enumeration: [listed('.mcp.json', 'crm', ['search_customers', 'get_customer', 'run_report'])]
    },
    { name: 'tools unknown', path: '.mcp.json', text: config }
  ],
  invalid: [
    {
      name: 'bare verbs, reported once per server',
      path: '.mcp.json',
      text: config,
      others: [{ path: '.cursor/mcp.json', text: config }],
      enumeration: [
        listed('.mcp.json', 'crm', ['search', 'Get', 'login', 'update_customer']),
        listed('.cursor/mcp.json', 'crm', ['search', 'Get', 'login', 'update_customer'])
      ],
      errors: [
        {
          messageId: 'generic',
          line: 3,
          column: 5,
          severity: 'notice',
          message:
            'server "crm" has 3 tools with no domain in the name ("search", "Get", "login"): other servers\' tools are named the same, and the model cannot tell what they act on; name the object ("search_issues")'
        }
      ]
    }
  ]
})
