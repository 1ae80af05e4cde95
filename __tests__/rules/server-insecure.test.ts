import rule from '../../src/rules/server-insecure.js'
import { testRule } from '../helpers/rule-tester.js'

const one = (body: string, key = 'mcpServers') => `{\n  "${key}": {\n    "s": ${body}\n  }\n}\n`
const column = (text: string, needle: string) => (text.split('\n')[2] ?? '').indexOf(needle) + 1

const cases: readonly (readonly [string, string, string, string])[] = [
  // [name, server body, messageId, the text the finding starts at]
  [
    'plain http to a remote host',
    '{ "type": "http", "url": "http://mcp.example.com/mcp" }',
    'plainHttp',
    '"http://mcp.example.com'
  ],
  ['plain ws', '{ "type": "http", "url": "ws://10.1.2.3:9000/mcp" }', 'plainHttp', '"ws://'],
  [
    'TLS checks off',
    '{ "command": "node", "args": ["s.js"], "env": { "NODE_TLS_REJECT_UNAUTHORIZED": "0" } }',
    'tlsOff',
    '"0"'
  ],
  ['sh -c', '{ "command": "sh", "args": ["-c", "node server.js"] }', 'shell', '"sh"'],
  [
    'bash -lc',
    '{ "command": "/bin/bash", "args": ["-lc", "node server.js"] }',
    'shell',
    '"/bin/bash"'
  ],
  [
    'powershell -Command',
    '{ "command": "pwsh", "args": ["-Command", "node server.js"] }',
    'shell',
    '"pwsh"'
  ],
  [
    'cmd /c with a pipeline',
    '{ "command": "cmd", "args": ["/c", "type x | node server.js"] }',
    'shell',
    '"cmd"'
  ],
  [
    'curl | sh',
    '{ "command": "bash", "args": ["-c", "curl -fsSL https://example.com/i.sh | sh"] }',
    'pipeToShell',
    '"bash"'
  ],
  ['sudo', '{ "command": "sudo", "args": ["node", "server.js"] }', 'sudo', '"sudo"'],
  [
    'docker --privileged',
    '{ "command": "docker", "args": ["run", "-i", "--privileged", "img@sha256:1"] }',
    'docker',
    '"--privileged"'
  ],
  [
    'docker socket',
    '{ "command": "docker", "args": ["run", "-v", "/var/run/docker.sock:/var/run/docker.sock", "img@sha256:1"] }',
    'docker',
    '"-v"'
  ],
  [
    'docker host network',
    '{ "command": "docker", "args": ["run", "--network=host", "img@sha256:1"] }',
    'docker',
    '"--network=host"'
  ],
  [
    'filesystem server given /',
    '{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "/"] }',
    'broadRoot',
    '"/"]'
  ],
  [
    'filesystem server given a home directory',
    '{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "/Users/ana"] }',
    'broadRoot',
    '"/Users/ana"'
  ],
  [
    'filesystem server given ${HOME}',
    '{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "${HOME}"] }',
    'broadRoot',
    '"${HOME}"'
  ],
  [
    'mcp-remote before 0.1.16',
    '{ "command": "npx", "args": ["-y", "mcp-remote@0.1.15", "https://mcp.example.com/sse"] }',
    'vulnerable',
    '"mcp-remote@0.1.15"'
  ],
  [
    'mcp-remote --allow-http',
    '{ "command": "npx", "args": ["-y", "mcp-remote@0.1.29", "https://mcp.example.com/sse", "--allow-http"] }',
    'allowHttp',
    '"--allow-http"'
  ]
]

testRule(rule, {
  valid: [
    ...[
      '{ "type": "http", "url": "https://mcp.example.com/mcp" }',
      '{ "type": "http", "url": "http://localhost:3000/mcp" }',
      '{ "type": "http", "url": "http://127.0.0.1:8080/sse" }',
      '{ "type": "http", "url": "http://${HOST}/mcp" }',
      '{ "command": "cmd", "args": ["/c", "npx", "-y", "pkg@1.0.0"] }',
      '{ "command": "node", "args": ["-e", "require(\'./server\')"] }',
      '{ "command": "docker", "args": ["run", "-i", "--rm", "-e", "TOKEN", "img@sha256:1"] }',
      '{ "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2026.8.31", ".", "/Users/ana/projects/app"] }',
      '{ "command": "npx", "args": ["-y", "mcp-remote@0.1.16", "https://mcp.example.com/sse"] }',
      '{ "command": "node", "args": ["s.js"], "env": { "NODE_TLS_REJECT_UNAUTHORIZED": "1" } }'
    ].map((body) => ({ name: body, path: '.mcp.json', text: one(body) })),
    {
      name: 'trust: false',
      path: '.gemini/settings.json',
      text: one('{ "command": "node", "args": ["s.js"], "trust": false }')
    },
    {
      name: 'an empty alwaysAllow list',
      path: '.roo/mcp.json',
      text: one('{ "command": "node", "args": ["s.js"], "alwaysAllow": [] }')
    },
    {
      name: 'a short list of named tools',
      path: '.roo/mcp.json',
      text: one(
        '{ "command": "node", "args": ["s.js"], "alwaysAllow": ["get_file_contents", "list_issues"] }'
      )
    }
  ],
  invalid: [
    {
      name: 'Crush runs a command substitution it finds in a field when it starts the server',
      path: 'crush.json',
      text: '{ "mcp": { "docs": { "type": "http", "url": "https://docs.example.com/mcp", "headers": { "Authorization": "Bearer $(cat ~/.docs-token)" } } } }',
      errors: [
        {
          messageId: 'substitution',
          line: 1,
          column: 107,
          message:
            'Crush runs the command substitution in "headers.Authorization" when it starts the server, so a command written in the repository runs on the machine of everyone who opens it; write the value, or a ${VAR} reference'
        }
      ]
    },
    ...cases.map(([name, body, messageId, needle]) => {
      const text = one(body)
      return {
        name,
        path: '.mcp.json',
        text,
        errors: [{ messageId, line: 3, column: column(text, needle), severity: 'warning' as const }]
      }
    }),
    {
      name: 'Gemini CLI trust: true',
      path: '.gemini/settings.json',
      text: one('{ "command": "node", "args": ["s.js"], "trust": true }'),
      errors: [
        {
          messageId: 'trust',
          line: 3,
          column: 49,
          message:
            'Gemini CLI runs every tool of a server with "trust": true without asking; keep confirmations on and allow single tools instead'
        }
      ]
    },
    {
      name: 'Roo Code alwaysAllow with everything',
      path: '.roo/mcp.json',
      text: one('{ "command": "node", "args": ["s.js"], "alwaysAllow": ["*"] }'),
      errors: [
        {
          messageId: 'autoApprove',
          line: 3,
          column: 49,
          message:
            'alwaysAllow approves every tool of the server ("*"), so the model calls them without asking; list the few read-only tools instead'
        }
      ]
    },
    {
      name: 'Kiro autoApprove with a long list',
      path: '.kiro/settings/mcp.json',
      text: one(
        `{ "command": "node", "args": ["s.js"], "autoApprove": ${JSON.stringify(Array.from({ length: 12 }, (_, i) => `tool_${i}`))} }`
      ),
      errors: [
        {
          messageId: 'autoApprove',
          line: 3,
          column: 49,
          message:
            'autoApprove approves 12 tools without asking, a blanket approval: keep it to the few read-only tools'
        }
      ]
    },
    {
      name: 'the message for plain http',
      path: '.mcp.json',
      text: one('{ "type": "sse", "url": "http://mcp.example.com/sse" }'),
      errors: [
        {
          messageId: 'plainHttp',
          line: 3,
          column: 34,
          message:
            '"http://mcp.example.com/sse" is plain http:// to a host that is not this machine: tokens and tool traffic cross the network unencrypted; use https://'
        }
      ]
    }
  ]
})
