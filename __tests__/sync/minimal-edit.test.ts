import { afterEach, describe, expect, it } from '@jest/globals'
import { sync } from '../../src/sync/run.js'
import { makeRepo } from '../helpers/temp-repo.js'

const repos: (() => void)[] = []
afterEach(() => {
  for (const remove of repos.splice(0)) remove()
})

/** What sync writes to `path` in a repository holding these files, and the servers it renames. */
async function synced(files: Record<string, string>, path: string) {
  const repo = makeRepo(files)
  repos.push(repo.remove)
  const result = await sync({ root: repo.root })
  return {
    after: result.changes.find((change) => change.path === path)?.after,
    renames: result.renames.map((rename) => `${rename.path}: ${rename.from} -> ${rename.to}`)
  }
}

const source = (servers: Record<string, unknown>, targets?: unknown) =>
  JSON.stringify({ ...(targets === undefined ? {} : { targets }), mcpServers: servers })

describe('sync edits only the values that differ', () => {
  it('JSONC: one arg and one env value, keeping comments, spelling and every other byte', async () => {
    const cursor = [
      '{',
      '  // the team servers',
      '  "mcpServers": {',
      '    "tools": {',
      '      "type": "stdio", // explicit, and kept',
      '      "command": "node",',
      '      "args": ["${workspaceFolder}/tools/server.mjs", "--mode", "old"],',
      '      "env": { "LEVEL": "debug", "TOKEN": "${env:TOKEN}" }',
      '    },',
      '    "other": { "command": "other-mcp" },',
      '  },',
      '}',
      ''
    ].join('\n')
    const { after } = await synced(
      {
        '.agents/mcp/mcp-servers.json': source({
          tools: {
            command: 'node',
            args: ['./tools/server.mjs', '--mode', 'new'],
            env: { LEVEL: 'info', TOKEN: '${TOKEN}' }
          },
          other: { command: 'other-mcp' }
        }),
        '.cursor/mcp.json': cursor
      },
      '.cursor/mcp.json'
    )
    expect(after).toBe(cursor.replace('"old"', '"new"').replace('"debug"', '"info"'))
  })

  it('JSON: adds a missing key and removes an extra one inside the server, nothing else', async () => {
    const claude = [
      '{',
      '  "mcpServers": {',
      '    "api": {',
      '      "type": "http",',
      '      "url": "https://api.example.com/mcp",',
      '      "timeout": 5',
      '    }',
      '  }',
      '}',
      ''
    ].join('\n')
    const { after } = await synced(
      {
        '.agents/mcp/mcp-servers.json': source({
          api: {
            type: 'http',
            url: 'https://api.example.com/mcp',
            headers: { 'X-Team': 'core' }
          }
        }),
        '.mcp.json': claude
      },
      '.mcp.json'
    )
    expect(after).toBe(
      [
        '{',
        '  "mcpServers": {',
        '    "api": {',
        '      "type": "http",',
        '      "url": "https://api.example.com/mcp",',
        '      "headers": {',
        '        "X-Team": "core"',
        '      }',
        '    }',
        '  }',
        '}',
        ''
      ].join('\n')
    )
  })

  it('TOML: replaces a value where it is written and keeps comments, enabled = true and other tables', async () => {
    const codex = [
      'model = "o3" # my model',
      '',
      '# docs server',
      '[mcp_servers.docs]',
      'command = "npx"',
      'args = ["-y", "docs-mcp@1.0.0"] # pinned',
      'enabled = true',
      'env_vars = ["DOCS_TOKEN"]',
      '',
      '[mcp_servers.docs.env]',
      'LEVEL = "debug"',
      '',
      '[profiles.fast]',
      'model = "o4-mini"',
      ''
    ].join('\n')
    const { after } = await synced(
      {
        '.agents/mcp/mcp-servers.json': source({
          docs: {
            command: 'npx',
            args: ['-y', 'docs-mcp@1.1.0'],
            env: { DOCS_TOKEN: '${DOCS_TOKEN}', LEVEL: 'info', MODE: 'fast' }
          }
        }),
        '.codex/config.toml': codex
      },
      '.codex/config.toml'
    )
    expect(after).toBe(
      codex
        .replace('"docs-mcp@1.0.0"', '"docs-mcp@1.1.0"')
        .replace('LEVEL = "debug"\n', 'LEVEL = "info"\nMODE = "fast"\n')
    )
  })

  it('TOML: removes a key with its line, and rewrites an inline table it changes', async () => {
    const codex = [
      '[mcp_servers.docs]',
      'command = "docs-mcp"',
      'startup_timeout_sec = 30',
      'env = { LEVEL = "debug", MODE = "x" }',
      ''
    ].join('\n')
    const { after } = await synced(
      {
        '.agents/mcp/mcp-servers.json': source({
          docs: { command: 'docs-mcp', env: { LEVEL: 'debug' } }
        }),
        '.codex/config.toml': codex
      },
      '.codex/config.toml'
    )
    expect(after).toBe(
      ['[mcp_servers.docs]', 'command = "docs-mcp"', 'env = { LEVEL = "debug" }', ''].join('\n')
    )
  })

  it('TOML: a value under dotted keys is replaced in place; a key added to them rewrites the server', async () => {
    const codex = [
      'model = "o3"',
      '',
      '[mcp_servers]',
      'docs.command = "docs-mcp"',
      'docs.args = ["--old"]',
      ''
    ]
    const write = async (server: Record<string, unknown>) =>
      (
        await synced(
          {
            '.agents/mcp/mcp-servers.json': source({ docs: { command: 'docs-mcp', ...server } }),
            '.codex/config.toml': codex.join('\n')
          },
          '.codex/config.toml'
        )
      ).after
    expect(await write({ args: ['--new'] })).toBe(codex.join('\n').replace('--old', '--new'))
    expect(await write({ args: ['--old'], cwd: '/srv' })).toBe(
      [
        'model = "o3"',
        '',
        '[mcp_servers.docs]',
        'command = "docs-mcp"',
        'args = ["--old"]',
        'cwd = "/srv"',
        ''
      ].join('\n')
    )
  })

  it('YAML: replaces a scalar in place, keeping comments and quoting elsewhere', async () => {
    const block = [
      'name: Team MCP # shown in the IDE',
      'version: 0.0.1',
      'schema: v1',
      'mcpServers:',
      '  - name: docs',
      "    command: 'npx'",
      '    args:',
      '      - -y',
      '      - docs-mcp@1.0.0 # pinned',
      ''
    ].join('\n')
    const { after } = await synced(
      {
        '.agents/mcp/mcp-servers.json': source(
          { docs: { command: 'npx', args: ['-y', 'docs-mcp@1.1.0'] } },
          [{ platform: 'continue', path: '.continue/mcpServers/team.yaml' }]
        ),
        '.continue/mcpServers/team.yaml': block
      },
      '.continue/mcpServers/team.yaml'
    )
    expect(after).toBe(block.replace('docs-mcp@1.0.0', '"docs-mcp@1.1.0"'))
  })
})

describe('sync renames a server found under a wrong key', () => {
  it.each([
    [
      '.mcp.json',
      '{\n  "mcpServers": {\n    "GitHub": { "command": "gh-mcp" }\n  }\n}\n',
      '{\n  "mcpServers": {\n    "github": { "command": "gh-mcp" }\n  }\n}\n'
    ],
    [
      '.codex/config.toml',
      '[mcp_servers.GitHub]\ncommand = "gh-mcp"\n\n[mcp_servers.GitHub.env]\nA = "1"\n',
      '[mcp_servers.github]\ncommand = "gh-mcp"\n\n[mcp_servers.github.env]\nA = "1"\n'
    ],
    [
      '.vibe/config.toml',
      '[[mcp_servers]]\nname = "GitHub"\ntransport = "stdio"\ncommand = "gh-mcp"\nenv = { A = "1" }\n',
      '[[mcp_servers]]\nname = "github"\ntransport = "stdio"\ncommand = "gh-mcp"\nenv = { A = "1" }\n'
    ]
  ])('%s', async (path, before, expected) => {
    const { after, renames } = await synced(
      {
        '.agents/mcp/mcp-servers.json': source({
          github: { command: 'gh-mcp', env: { A: '1' } }
        }),
        [path]: before
      },
      path
    )
    // Claude Code's file has no env: the source's env is added to the renamed server.
    expect(after).toBe(
      path === '.mcp.json'
        ? '{\n  "mcpServers": {\n    "github": { "command": "gh-mcp", "env": { "A": "1" } }\n  }\n}\n'
        : expected
    )
    expect(renames).toEqual([`${path}: GitHub -> github`])
  })
})

describe('tool lists are one meaning, written under each platform name', () => {
  it('writes includeTools and excludeTools as Gemini CLI, Codex and Windsurf name them', async () => {
    const files = {
      '.agents/mcp/mcp-servers.json': source(
        {
          gh: { command: 'gh-mcp', includeTools: ['search_issues'], excludeTools: ['delete_repo'] }
        },
        ['gemini-cli', 'codex', 'windsurf', 'claude-code']
      )
    }
    const repo = makeRepo(files)
    repos.push(repo.remove)
    const result = await sync({ root: repo.root })
    const written = (path: string) => result.changes.find((change) => change.path === path)?.after
    expect(JSON.parse(written('.gemini/settings.json') ?? '')).toEqual({
      mcpServers: {
        gh: { command: 'gh-mcp', includeTools: ['search_issues'], excludeTools: ['delete_repo'] }
      }
    })
    expect(written('.codex/config.toml')).toBe(
      '[mcp_servers.gh]\ncommand = "gh-mcp"\nenabled_tools = ["search_issues"]\ndisabled_tools = ["delete_repo"]\n'
    )
    // Windsurf has a deny-list only; Claude Code has neither: both are reported, not dropped silently.
    expect(result.unexpressible.map((d) => d.message)).toEqual([
      'includeTools of server "gh": Windsurf has no allow-list of tools: it would load every tool of the server (also Claude Code)',
      'excludeTools of server "gh": Claude Code has no deny-list of tools: it would load the listed tools too'
    ])
  })
})

describe('timeouts are one meaning, in each platform field and unit', () => {
  it('writes toolTimeoutSec and startupTimeoutSec as Gemini CLI (ms) and Codex (s) take them', async () => {
    const repo = makeRepo({
      '.agents/mcp/mcp-servers.json': source(
        { gh: { command: 'gh-mcp', toolTimeoutSec: 30, startupTimeoutSec: 5 } },
        ['gemini-cli', 'codex']
      )
    })
    repos.push(repo.remove)
    const result = await sync({ root: repo.root })
    const written = (path: string) => result.changes.find((change) => change.path === path)?.after
    expect(JSON.parse(written('.gemini/settings.json') ?? '')).toEqual({
      mcpServers: { gh: { command: 'gh-mcp', timeout: 30000 } }
    })
    expect(written('.codex/config.toml')).toBe(
      '[mcp_servers.gh]\ncommand = "gh-mcp"\ntool_timeout_sec = 30\nstartup_timeout_sec = 5\n'
    )
    expect(result.unexpressible.map((d) => d.message)).toEqual([
      'startupTimeoutSec of server "gh": Gemini CLI has no timeout for the server\'s start: it uses its own default'
    ])
  })
})

describe('renames and edits together, and files sync must not write', () => {
  it('JSONC: two renames and an edit elsewhere keep every comment', async () => {
    const cursor = [
      '{',
      '  "mcpServers": {',
      '    // pinned',
      '    "GitHub": { "command": "gh-mcp" },',
      '    "Docs": { "command": "docs-mcp" }, // docs',
      '    "db": { "command": "db-mcp", "args": ["--old"] }',
      '  }',
      '}',
      ''
    ].join('\n')
    const { after, renames } = await synced(
      {
        '.agents/mcp/mcp-servers.json': source({
          github: { command: 'gh-mcp' },
          docs: { command: 'docs-mcp' },
          db: { command: 'db-mcp', args: ['--new'] }
        }),
        '.cursor/mcp.json': cursor
      },
      '.cursor/mcp.json'
    )
    expect(after).toBe(
      cursor.replace('"GitHub"', '"github"').replace('"Docs"', '"docs"').replace('--old', '--new')
    )
    expect(renames).toEqual([
      '.cursor/mcp.json: GitHub -> github',
      '.cursor/mcp.json: Docs -> docs'
    ])
  })

  it('YAML: a rename and an edit of the same server are made in place', async () => {
    const block =
      'name: b\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: Docs # ours\n    command: docs-mcp\n    args:\n      - --old\n'
    const { after } = await synced(
      {
        '.agents/mcp/mcp-servers.json': source({ docs: { command: 'docs-mcp', args: ['--new'] } }, [
          { platform: 'continue', path: '.continue/mcpServers/b.yaml' }
        ]),
        '.continue/mcpServers/b.yaml': block
      },
      '.continue/mcpServers/b.yaml'
    )
    expect(after).toBe(block.replace('name: Docs', 'name: "docs"').replace('--old', '"--new"'))
  })

  it('OpenCode V2: edits the server under mcp.servers where it is', async () => {
    const opencode =
      '{\n  "mcp": {\n    "servers": {\n      "a": { "command": ["a-mcp", "--old"] }\n    }\n  }\n}\n'
    const { after } = await synced(
      {
        '.agents/mcp/mcp-servers.json': source({ a: { command: 'a-mcp', args: ['--new'] } }),
        'opencode.json': opencode
      },
      'opencode.json'
    )
    // OpenCode refuses a server without its type: sync adds it.
    expect(after).toBe(opencode.replace('"--old"] }', '"--new"], "type": "local" }'))
  })

  it('leaves a file whose server key is written twice, and says why', async () => {
    const repo = makeRepo({
      '.agents/mcp/mcp-servers.json': source({ a: { command: 'a-mcp', args: ['--new'] } }),
      '.mcp.json':
        '{ "mcpServers": { "a": { "command": "a-mcp" }, "a": { "command": "a-mcp", "args": ["--old"] } } }\n'
    })
    repos.push(repo.remove)
    const result = await sync({ root: repo.root })
    expect(result.changes).toEqual([])
    expect(result.skipped).toEqual([
      {
        path: '.mcp.json',
        reason:
          "would not read back as the central source's servers after any edit sync can make (a server key written twice, or servers kept where sync does not write them): edit it by hand",
        unreadable: true
      }
    ])
  })
})
