import { testRule } from '../helpers/rule-tester.js'
import rule from '../../src/rules/settings-changed.js'

const base = '{\n  "rules": { "server-secret": "error" },\n  "maxFileBytes": 1048576\n}\n'

testRule(rule, {
  valid: [
    { name: 'the same file', path: 'mcp-lint.json', text: base, baseSettings: base },
    {
      name: 'the same settings, spaced and ordered differently',
      path: 'mcp-lint.json',
      text: '{ "maxFileBytes": 1048576, "rules": { "server-secret": "error" } }',
      baseSettings: base
    },
    { name: 'no file on either side', path: '.mcp.json', text: '{}', baseSettings: null }
  ],
  invalid: [
    {
      name: 'a pull request that switches its own check off and ignores everything',
      path: 'mcp-lint.json',
      text: '{\n  "rules": { "server-secret": "off" },\n  "maxFileBytes": 1048576,\n  "ignores": [{ "files": ["**"], "reason": "noise" }]\n}\n',
      baseSettings: base,
      errors: [
        {
          messageId: 'changed',
          line: 2,
          column: 14,
          severity: 'warning',
          message:
            "this branch's mcp-lint.json changes rules.server-secret, adds ignores; pull requests are checked with the base branch's mcp-lint.json, so this takes effect after merge"
        }
      ]
    },
    {
      name: 'a key removed, found at the object that lost it',
      path: 'mcp-lint.json',
      text: '{\n  "rules": {},\n  "maxFileBytes": 1048576\n}\n',
      baseSettings: base,
      errors: [
        { messageId: 'changed', line: 2, column: 12, message: /removes rules\.server-secret;/ }
      ]
    },
    {
      name: 'more changes than are named',
      path: 'mcp-lint.json',
      text: '{ "rules": { "config-syntax": "off", "config-schema": "off", "server-secret": "off", "server-insecure": "off", "tool-poisoning": "off", "tools-limit": "off" } }',
      baseSettings: '{ "rules": {} }',
      errors: [
        {
          messageId: 'changed',
          line: 1,
          column: 14,
          message:
            /adds rules\.config-syntax, adds rules\.config-schema, adds rules\.server-secret, adds rules\.server-insecure and 2 more;/
        }
      ]
    },
    {
      name: 'hostile key names are escaped, not echoed',
      path: 'mcp-lint.json',
      text: '{ "enumeration": { "servers": { "x\\n::error::pwned\\u202e": { "timeoutSeconds": 9 } } } }',
      baseSettings: '{}',
      errors: [
        {
          messageId: 'changed',
          line: 1,
          column: 3,
          message: /adds enumeration;/
        }
      ]
    },
    {
      name: 'hostile server names in settings are escaped',
      path: 'mcp-lint.json',
      text: '{ "enumeration": { "servers": { "x\\n::error::pwned\\u202e": { "timeoutSeconds": 9 } } } }',
      baseSettings: '{ "enumeration": { "servers": {} } }',
      errors: [
        {
          messageId: 'changed',
          line: 1,
          column: 33,
          message: /adds enumeration\.servers\."x\\u\{000A\}::error::pwned\\u\{202E\}";/
        }
      ]
    },
    {
      name: 'nesting deeper than the parser allows: invalid, at the level that overflows',
      path: 'mcp-lint.json',
      text: `{ "paths": ${'['.repeat(5000)}${']'.repeat(5000)} }`,
      baseSettings: '{ "paths": [] }',
      errors: [
        { messageId: 'invalid', line: 1, column: 75, message: /nesting deeper than 64 levels/ }
      ]
    },
    {
      name: 'added where the base has none: the defaults apply',
      path: 'mcp-lint.json',
      text: '{ "rules": { "server-secret": "off" } }',
      baseSettings: null,
      errors: [
        {
          messageId: 'added',
          line: 1,
          column: 1,
          message:
            'this branch adds mcp-lint.json; the base branch has none, so pull requests are checked with the defaults until it is merged'
        }
      ]
    },
    {
      name: 'removed by the branch',
      path: '.mcp.json',
      text: '{ "mcpServers": {} }',
      baseSettings: base,
      errors: [{ messageId: 'removed', line: 1, column: 1 }]
    },
    {
      name: 'not JSON: at the syntax error',
      path: 'mcp-lint.json',
      text: '{\n  "rules": { "server-secret": "off", }\n  oops\n}\n',
      baseSettings: base,
      errors: [
        {
          messageId: 'invalid',
          line: 3,
          column: 3,
          message:
            /would stop every run once merged \(exit 2\): invalid JSON in the mcp-lint config/
        }
      ]
    },
    {
      name: 'an unknown rule: at its key, with the suggestion the run would print',
      path: 'mcp-lint.json',
      text: '{\n  "rules": { "server-secrets": "off" }\n}\n',
      baseSettings: base,
      errors: [
        {
          messageId: 'invalid',
          line: 2,
          column: 14,
          message:
            'this branch\'s mcp-lint.json would stop every run once merged (exit 2): unknown rule "server-secrets" in "rules" (did you mean "server-secret"?); the base branch\'s settings apply until then'
        }
      ]
    }
  ]
})
