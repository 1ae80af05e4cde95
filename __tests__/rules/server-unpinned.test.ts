import { describe, expect, it } from '@jest/globals'
import { lint } from '../../src/lint.js'
import rule from '../../src/rules/server-unpinned.js'
import { testRule } from '../helpers/rule-tester.js'
import { makeRepo } from '../helpers/temp-repo.js'

/** One server launched with this command and these args, in .mcp.json (the spec at line 3). */
const launch = (command: string, args: readonly string[]) =>
  `{\n  "mcpServers": {\n    "s": ${JSON.stringify({ command, args })}\n  }\n}\n`

testRule(rule, {
  valid: [
    ...(
      [
        ['npx', ['-y', 'pkg@1.2.3']],
        ['npx', ['-y', '@scope/pkg@1.2.3-beta.1']],
        ['npx', ['--yes', '-p', 'pkg@2.0.0', 'pkg-bin']],
        ['npx', ['-y', 'github:org/repo#0123456789abcdef0123456789abcdef01234567']],
        ['npx', ['-y', './local/server']],
        ['bunx', ['pkg@1.0.0']],
        ['pnpm', ['dlx', 'pkg@1.0.0']],
        ['cmd', ['/c', 'npx', '-y', 'pkg@1.2.3']],
        ['uvx', ['mcp-server-fetch==2025.4.7']],
        ['uvx', ['mcp-server-git@2025.1.1']],
        ['uvx', ['--from', 'pkg[cli]==1.0.0', 'pkg-cli']],
        ['pipx', ['run', 'pkg==1.0.0']],
        ['docker', ['run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/org/image@sha256:abc']],
        ['node', ['server.js']],
        ['npx', ['-y', '${PACKAGE}']],
        ['npx', ['-y', '<your-mcp-server>']]
      ] as const
    ).map(([command, args]) => ({
      name: `${command} ${args.join(' ')}`,
      path: '.mcp.json',
      text: launch(command, args)
    })),
    {
      name: 'a client entry generated from the central source is reported there, not here',
      path: '.cursor/mcp.json',
      text: launch('npx', ['-y', 'pkg']),
      others: [
        {
          path: '.agents/mcp/mcp-servers.json',
          text: '{ "mcpServers": { "s": { "command": "npx", "args": ["-y", "pkg@1.0.0"] } } }'
        }
      ]
    }
  ],
  invalid: [
    {
      name: 'one finding for a server run the same way in several files, naming the others',
      path: '.cursor/mcp.json',
      text: launch('npx', ['-y', '@modelcontextprotocol/server-github']),
      others: [
        { path: '.mcp.json', text: launch('npx', ['-y', '@modelcontextprotocol/server-github']) },
        {
          path: '.gemini/settings.json',
          text: launch('npx', ['-y', '@modelcontextprotocol/server-github'])
        }
      ],
      errors: [
        {
          messageId: 'noVersion',
          line: 3,
          column: 40,
          message:
            'the npm package "@modelcontextprotocol/server-github" has no version, so each start may run a different release: pin an exact version ("@modelcontextprotocol/server-github@1.2.3") (the same in .gemini/settings.json, .mcp.json)'
        }
      ]
    },
    {
      name: 'npx without a version',
      path: '.mcp.json',
      text: launch('npx', ['-y', '@modelcontextprotocol/server-github']),
      errors: [
        {
          messageId: 'noVersion',
          line: 3,
          column: 40,
          severity: 'warning',
          server: 's',
          message:
            'the npm package "@modelcontextprotocol/server-github" has no version, so each start may run a different release: pin an exact version ("@modelcontextprotocol/server-github@1.2.3")'
        }
      ]
    },
    ...(
      [
        ['npx', ['-y', 'pkg@latest'], 'floating', 'pkg@latest'],
        ['npx', ['-y', 'pkg@^1.2.0'], 'floating', 'pkg@^1.2.0'],
        ['npx', ['-y', '@scope/pkg@next'], 'floating', '@scope/pkg@next'],
        ['npx', ['-y', 'github:org/repo'], 'gitRef', 'github:org/repo'],
        ['npx', ['-p', 'pkg', 'bin'], 'noVersion', 'pkg'],
        ['cmd', ['/c', 'npx', '-y', 'pkg'], 'noVersion', 'pkg'],
        ['npm', ['exec', '--yes', '--', 'pkg'], 'noVersion', 'pkg'],
        ['yarn', ['dlx', 'pkg@~1.0'], 'floating', 'pkg@~1.0'],
        ['uvx', ['mcp-server-fetch'], 'noVersion', 'mcp-server-fetch'],
        ['uvx', ['mcp-server-fetch>=1.0'], 'floating', 'mcp-server-fetch>=1.0'],
        ['uvx', ['--python', '3.12', 'pkg@latest'], 'floating', 'pkg@latest'],
        ['uv', ['tool', 'run', 'pkg'], 'noVersion', 'pkg'],
        [
          'uvx',
          ['--from', 'git+https://github.com/org/repo', 'tool'],
          'gitRef',
          'git+https://github.com/org/repo'
        ],
        ['pipx', ['run', 'pkg'], 'noVersion', 'pkg'],
        // After the package, options are the package's own: this -p is lsmcp's preset.
        ['npx', ['-y', '@mizchi/lsmcp', '-p', 'typescript'], 'noVersion', '@mizchi/lsmcp'],
        ['uvx', ['mcp-server-git', '--from', 'x==1.0.0'], 'noVersion', 'mcp-server-git'],
        ['docker', ['run', '-i', '--rm', '-e', 'TOKEN', 'mcp/grafana'], 'floating', 'mcp/grafana'],
        [
          'docker',
          ['run', '-i', '--rm', 'ghcr.io/github/github-mcp-server:v1.0.0'],
          'imageTag',
          'ghcr.io/github/github-mcp-server:v1.0.0'
        ]
      ] as const
    ).map(([command, args, messageId, spec]) => {
      const text = launch(command, args)
      const line = text.split('\n')[2] ?? ''
      return {
        name: `${command} ${args.join(' ')}`,
        path: '.mcp.json',
        text,
        errors: [{ messageId, line: 3, column: line.indexOf(`"${spec}"`) + 1 }]
      }
    })
  ]
})

describe('npx of a dependency of the repository', () => {
  it('is the locked local copy, not an unpinned download', async () => {
    const repo = makeRepo({
      'package.json': JSON.stringify({ devDependencies: { tsx: '^4.0.0' } }),
      '.mcp.json': launch('npx', ['-y', 'tsx', './src/server.ts']),
      '.cursor/mcp.json': launch('npx', ['-y', 'other-mcp'])
    })
    try {
      const result = await lint({ root: repo.root })
      expect(
        result.diagnostics
          .filter((d) => d.ruleId === 'server-unpinned')
          .map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column}`)
      ).toEqual(['.cursor/mcp.json:3:40'])
    } finally {
      repo.remove()
    }
  })
})
