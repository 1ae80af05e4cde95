import { toolHash } from '../../src/model/tools.js'
import { formatLockfile } from '../../src/lockfile/lockfile.js'
import { listedExample as listed } from '../../src/rules/examples.js'
import rule from '../../src/rules/tool-name-collision.js'
import { testRule } from '../helpers/rule-tester.js'

const servers = (entries: Record<string, string>) =>
  `{\n  "mcpServers": {\n${Object.entries(entries)
    .map(([name, body]) => `    "${name}": ${body}`)
    .join(',\n')}\n  }\n}\n`
const npx = (pkg: string) => `{ "command": "npx", "args": ["-y", "${pkg}"] }`
const long = (middle: string) => `${'a'.repeat(34)}_${middle}_${'z'.repeat(34)}`

testRule(rule, {
  valid: [
    {
      name: 'different tools',
      path: '.mcp.json',
      text: servers({ github: npx('gh-mcp@1.0.0'), memory: npx('memory-mcp@1.0.0') }),
      enumeration: [
        listed('.mcp.json', 'github', ['create_issue']),
        listed('.mcp.json', 'memory', ['read_graph'])
      ]
    },
    {
      name: 'a disabled server does not collide',
      path: '.agents/mcp_config.json',
      text: servers({
        github: npx('gh-mcp@1.0.0'),
        'github-old': '{ "command": "npx", "args": ["-y", "gh-mcp@0.9.0"], "disabled": true }'
      }),
      enumeration: [
        listed('.agents/mcp_config.json', 'github', ['create_issue']),
        listed('.agents/mcp_config.json', 'github-old', ['create_issue'])
      ]
    },
    {
      name: 'a shared tool filtered out by excludeTools',
      path: '.gemini/settings.json',
      text: servers({
        github: npx('gh-mcp@1.0.0'),
        gitlab:
          '{ "command": "npx", "args": ["-y", "gl-mcp@1.0.0"], "excludeTools": ["create_issue"] }'
      }),
      enumeration: [
        listed('.gemini/settings.json', 'github', ['create_issue']),
        listed('.gemini/settings.json', 'gitlab', ['create_issue', 'list_pipelines'])
      ]
    },
    {
      name: 'Codex shortens colliding names with a hash instead',
      path: '.codex/config.toml',
      text: '[mcp_servers."a.b"]\ncommand = "npx"\nargs = ["-y", "x@1.0.0"]\n\n[mcp_servers.a_b]\ncommand = "npx"\nargs = ["-y", "y@1.0.0"]\n',
      enumeration: [
        listed('.codex/config.toml', 'a.b', ['one_tool']),
        listed('.codex/config.toml', 'a_b', ['other_tool'])
      ]
    },
    {
      name: 'the central source is read by no client',
      path: '.agents/mcp/mcp-servers.json',
      text: servers({ one: npx('x@1.0.0'), two: npx('x@1.0.0') })
    },
    {
      name: 'tools unknown: nothing to compare',
      path: '.mcp.json',
      text: servers({ github: npx('gh-mcp@1.0.0'), gitlab: npx('gl-mcp@1.0.0') })
    }
  ],
  invalid: [
    {
      name: 'Gemini CLI: two server names sanitise to one prefix',
      path: '.gemini/settings.json',
      text: servers({ 'issue tracker': npx('a@1.0.0'), issue_tracker: npx('b@1.0.0') }),
      enumeration: [
        listed('.gemini/settings.json', 'issue tracker', ['create_issue']),
        listed('.gemini/settings.json', 'issue_tracker', ['create_issue'])
      ],
      errors: [
        {
          messageId: 'exposedTwice',
          line: 4,
          column: 5,
          severity: 'error',
          server: 'issue_tracker',
          message:
            'Gemini CLI exposes tool "create_issue" of server "issue_tracker" and tool "create_issue" of server "issue tracker" under one name, "mcp_issue_tracker_create_issue": Gemini CLI keeps the one registered last and drops the other'
        }
      ]
    },
    {
      name: 'Gemini CLI: two long names of one server truncate to one name',
      path: '.gemini/settings.json',
      text: servers({ warehouse: npx('w@1.0.0') }),
      enumeration: [listed('.gemini/settings.json', 'warehouse', [long('read'), long('write')])],
      errors: [
        {
          messageId: 'exposedTwice',
          line: 3,
          column: 5,
          message: /under one name, "mcp_warehouse_a{16}\.\.\.z{30}"/
        }
      ]
    },
    {
      name: 'VS Code: ids cut at 64 characters collide; the prefix comes from serverInfo.title',
      path: '.vscode/mcp.json',
      text: '{\n  "servers": {\n    "wh": { "type": "stdio", "command": "npx", "args": ["-y", "w@1.0.0"] }\n  }\n}\n',
      enumeration: [
        listed('.vscode/mcp.json', 'wh', [`${'x'.repeat(60)}_read`, `${'x'.repeat(60)}_write`], {
          title: 'Warehouse Inventory System'
        })
      ],
      errors: [
        {
          messageId: 'exposedTwice',
          line: 3,
          column: 5,
          message:
            /under one name, "mcp_warehouse_inv_x{46}": VS Code cuts tool ids at 64 characters/
        }
      ]
    },
    {
      name: 'Claude Code: characters the API refuses become "_"',
      path: '.mcp.json',
      text: servers({ store: npx('s@1.0.0') }),
      enumeration: [listed('.mcp.json', 'store', ['get.item', 'get_item'])],
      errors: [
        {
          messageId: 'exposedTwice',
          line: 3,
          column: 5,
          message:
            /"mcp__store__get_item": Claude Code 2\.1\.332 sends the name only once \(for two servers, from whichever connects first\), so the other tool cannot be called$/
        }
      ]
    },
    {
      name: 'the same raw tool name in two servers',
      path: '.cursor/mcp.json',
      text: servers({ github: npx('gh-mcp@1.0.0'), gitlab: npx('gl-mcp@1.0.0') }),
      enumeration: [
        listed('.cursor/mcp.json', 'github', ['create_issue', 'search', 'get_me']),
        listed('.cursor/mcp.json', 'gitlab', ['search', 'create_issue'])
      ],
      errors: [
        {
          messageId: 'sharedTools',
          line: 4,
          column: 5,
          severity: 'warning',
          message:
            'servers "github" and "gitlab" both have 2 tools named "create_issue", "search": the model has to tell them apart by the server prefix alone; filter one of them out or keep one server'
        }
      ]
    },
    {
      name: 'Zed renames tools two servers share',
      path: '.zed/settings.json',
      text: '{\n  "context_servers": {\n    "one": { "command": "npx", "args": ["-y", "a@1.0.0"] },\n    "two": { "command": "npx", "args": ["-y", "b@1.0.0"] }\n  }\n}\n',
      enumeration: [
        listed('.zed/settings.json', 'one', ['fetch']),
        listed('.zed/settings.json', 'two', ['fetch'])
      ],
      errors: [
        {
          messageId: 'sharedTools',
          line: 4,
          column: 5,
          message: /both have the tool "fetch": Zed renames them to <server>_<tool>/
        }
      ]
    },
    {
      name: 'a server that lists one tool twice',
      path: '.cursor/mcp.json',
      text: servers({ notes: npx('notes-mcp@1.0.0') }),
      enumeration: [listed('.cursor/mcp.json', 'notes', ['add_note', 'list_notes', 'add_note'])],
      errors: [
        {
          messageId: 'listedTwice',
          line: 3,
          column: 5,
          severity: 'error',
          message:
            'server "notes" lists the tool "add_note" more than once: tool names must be unique within a server (MCP specification)'
        }
      ]
    },
    {
      name: 'two entries that start the same server',
      path: '.cursor/mcp.json',
      text: servers({ memory: npx('memory-mcp@1.0.0'), 'memory-copy': npx('memory-mcp@1.0.0') }),
      errors: [
        {
          messageId: 'sameLaunch',
          line: 4,
          column: 5,
          severity: 'warning',
          message:
            'servers "memory" and "memory-copy" start the same server with the same settings: Cursor loads each of its tools twice; keep one'
        }
      ]
    },
    {
      name: 'entries that differ only in their env are different launches',
      path: '.cursor/mcp.json',
      text: servers({
        a: '{ "command": "npx", "args": ["-y", "m@1.0.0"], "env": { "X": "1" } }',
        b: '{ "command": "npx", "args": ["-y", "m@1.0.0"], "env": { "X": "2" } }',
        c: '{ "command": "npx", "args": ["-y", "m@1.0.0"], "env": { "X": "1" } }'
      }),
      errors: [
        {
          messageId: 'sameLaunch',
          line: 5,
          column: 5,
          server: 'c',
          message: /^servers "a" and "c" start the same server with the same settings/
        }
      ]
    },
    {
      name: 'many entries that start the same server: one finding at the second',
      path: '.cursor/mcp.json',
      text: servers(
        Object.fromEntries(['m1', 'm2', 'm3', 'm4', 'm5'].map((n) => [n, npx('memory-mcp@1.0.0')]))
      ),
      errors: [
        {
          messageId: 'sameLaunch',
          line: 4,
          column: 5,
          severity: 'warning',
          server: 'm2',
          message:
            'servers "m1", "m2", "m3" and 2 more start the same server with the same settings: Cursor loads each of its tools 5 times; keep one'
        }
      ]
    },
    {
      name: 'copies of one launch share their tools with another server once',
      path: '.cursor/mcp.json',
      text: servers({
        memory: npx('memory-mcp@1.0.0'),
        'memory-copy': npx('memory-mcp@1.0.0'),
        'memory-copy-2': npx('memory-mcp@1.0.0'),
        graph: npx('graph-mcp@1.0.0')
      }),
      enumeration: [
        listed('.cursor/mcp.json', 'memory', ['read_graph']),
        listed('.cursor/mcp.json', 'memory-copy', ['read_graph']),
        listed('.cursor/mcp.json', 'memory-copy-2', ['read_graph']),
        listed('.cursor/mcp.json', 'graph', ['read_graph'])
      ],
      errors: [
        {
          messageId: 'sameLaunch',
          line: 4,
          column: 5,
          message:
            /^servers "memory", "memory-copy", "memory-copy-2" start the same server .* 3 times/
        },
        {
          messageId: 'sharedTools',
          line: 6,
          column: 5,
          server: 'graph',
          message: /^servers "memory" and "graph" both have the tool "read_graph"/
        }
      ]
    },
    {
      name: 'a copy still counts for a tool the first entry filters out',
      path: '.gemini/settings.json',
      text: servers({
        memory:
          '{ "command": "npx", "args": ["-y", "memory-mcp@1.0.0"], "excludeTools": ["read_graph"] }',
        'memory-copy': npx('memory-mcp@1.0.0'),
        graph: npx('graph-mcp@1.0.0')
      }),
      enumeration: [
        listed('.gemini/settings.json', 'memory', ['read_graph', 'create_entities']),
        listed('.gemini/settings.json', 'memory-copy', ['read_graph', 'create_entities']),
        listed('.gemini/settings.json', 'graph', ['read_graph'])
      ],
      errors: [
        { messageId: 'sameLaunch', line: 4, column: 5, server: 'memory-copy' },
        {
          messageId: 'sharedTools',
          line: 5,
          column: 5,
          server: 'graph',
          message: /^servers "memory-copy" and "graph" both have the tool "read_graph"/
        }
      ]
    },
    {
      name: 'servers with the same shared tools are one finding, overlapping sets one per set',
      path: '.cursor/mcp.json',
      text: servers({
        github: npx('gh-mcp@1.0.0'),
        gitlab: npx('gl-mcp@1.0.0'),
        gitea: npx('gitea-mcp@1.0.0'),
        jira: npx('jira-mcp@1.0.0')
      }),
      enumeration: [
        listed('.cursor/mcp.json', 'github', ['create_issue', 'search']),
        listed('.cursor/mcp.json', 'gitlab', ['create_issue', 'search']),
        listed('.cursor/mcp.json', 'gitea', ['create_issue', 'search']),
        listed('.cursor/mcp.json', 'jira', ['create_issue'])
      ],
      errors: [
        {
          messageId: 'sharedTools',
          line: 4,
          column: 5,
          server: 'gitlab',
          message:
            'servers "github", "gitlab", "gitea" all have the tool "search": the model has to tell them apart by the server prefix alone; filter them out of all but one or keep one server'
        },
        {
          messageId: 'sharedTools',
          line: 4,
          column: 5,
          server: 'gitlab',
          message:
            /^servers "github", "gitlab", "gitea" and 1 more all have the tool "create_issue"/
        }
      ]
    },
    {
      name: 'three tools under one exposed name: one finding listing them',
      path: '.gemini/settings.json',
      text: servers({
        'issue tracker': npx('a@1.0.0'),
        issue_tracker: npx('b@1.0.0'),
        'issue/tracker': npx('c@1.0.0')
      }),
      enumeration: [
        listed('.gemini/settings.json', 'issue tracker', ['create_issue']),
        listed('.gemini/settings.json', 'issue_tracker', ['create_issue']),
        listed('.gemini/settings.json', 'issue/tracker', ['create_issue'])
      ],
      errors: [
        {
          messageId: 'exposedTwice',
          line: 4,
          column: 5,
          severity: 'error',
          server: 'issue_tracker',
          message:
            'Gemini CLI exposes 3 tools (tool "create_issue" of server "issue tracker", tool "create_issue" of server "issue_tracker", tool "create_issue" of server "issue/tracker") under one name, "mcp_issue_tracker_create_issue": Gemini CLI keeps the one registered last and drops the other'
        }
      ]
    },
    {
      name: 'tools from the lockfile when enumeration did not run',
      path: '.mcp.json',
      text: servers({ github: npx('gh-mcp@1.0.0'), gitlab: npx('gl-mcp@1.0.0') }),
      lockfile: formatLockfile({
        lockfileVersion: 1,
        servers: Object.fromEntries(
          ['github', 'gitlab'].map((server) => [
            server,
            {
              launch: { command: 'npx', args: [] },
              tools: { search: { hash: toolHash({ name: 'search' }) } }
            }
          ])
        )
      }),
      errors: [{ messageId: 'sharedTools', line: 4, column: 5, severity: 'warning' }]
    },
    {
      name: 'hostile tool names are quoted with escapes',
      path: '.cursor/mcp.json',
      text: servers({ a: npx('a@1.0.0'), b: npx('b@1.0.0') }),
      enumeration: [
        listed('.cursor/mcp.json', 'a', ['x\n::error::owned\u202e']),
        listed('.cursor/mcp.json', 'b', ['x\n::error::owned\u202e'])
      ],
      errors: [
        {
          messageId: 'sharedTools',
          line: 4,
          column: 5,
          message: /both have the tool "x\\u\{000A\}::error::owned\\u\{202E\}"/
        }
      ]
    }
  ]
})
