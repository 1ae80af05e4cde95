import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { lint } from '../../src/lint.js'
import { getPlatform, platforms, sourceDialects } from '../../src/platforms/index.js'
import { runCli } from '../helpers/cli-run.js'
import { tempRepos } from '../helpers/temp-repo.js'

const repo = tempRepos('each')

/** A writable copy of a repository, without the golden file of the fixture tests. */
const copy = (from: string) =>
  repo({}, { copy: { '.': from }, leaveOut: (path) => path.endsWith('expected.txt') })

const driftRules = new Set(['source-drift', 'config-mismatch'])
const drift = async (root: string) =>
  (await lint({ root })).diagnostics
    .filter((d) => driftRules.has(d.ruleId))
    .map((d) => `${d.file}:${d.range.start.line} ${d.message}`)

const scenarios = readdirSync('fixtures/scenarios')
  .filter(
    (name) =>
      name.startsWith('ng-drift-') ||
      ['ok-in-sync', 'ng-fragments', 'ng-vscode-inputs'].includes(name)
  )
  .map((name) => join('fixtures/scenarios', name))
const corpus = 'fixtures/corpus'
const withSource = readdirSync(corpus).filter((repo) =>
  existsSync(join(corpus, repo, '.agents/mcp/mcp-servers.json'))
)

describe('mcp-lint sync', () => {
  it.each([...scenarios, ...withSource.map((repo) => join(corpus, repo)), 'fixtures/demo'])(
    'makes %s match its central source, and a second sync changes nothing',
    async (fixture) => {
      const root = copy(fixture)
      const first = await runCli(['sync', root])
      expect(first.code).toBe(0)
      expect(await drift(root)).toEqual([])
      const second = await runCli(['sync', root, '--check'])
      expect([second.code, second.stdout]).toEqual([
        0,
        'every platform file matches the central source\n'
      ])
    }
  )

  // Every client's file written from one source: it reads back with no finding, and in sync.
  it.each(platforms.map((platform) => platform.id))(
    'writes the %s file from the central source, which then checks clean',
    async (id) => {
      const remote = getPlatform(id).translation.transports.includes('http')
      const root = repo({
        '.agents/mcp/mcp-servers.json': JSON.stringify({
          targets: [id],
          mcpServers: {
            'file-tools': {
              command: 'npx',
              args: ['-y', '@modelcontextprotocol/server-filesystem@2026.8.31', 'docs and notes'],
              env: { LOG_LEVEL: 'debug' }
            },
            ...(remote ? { tracker: { type: 'http', url: 'https://tracker.example.com/mcp' } } : {})
          }
        })
      })
      const first = await runCli(['sync', root])
      expect([first.code, first.stderr]).toEqual([0, ''])
      const result = await lint({ root })
      expect(
        result.files
          .filter((file) => file.platform !== 'source')
          .map((file) => [file.platform, file.servers.length])
      ).toEqual([[id, remote ? 2 : 1]])
      expect(result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([])
      const second = await runCli(['sync', root, '--check'])
      expect(second.code).toBe(0)
    }
  )

  it('leaves a Continue file alone that it cannot rewrite: one server at its root, or aliases into its list', async () => {
    const single = '{ "command": "srv-mcp", "args": ["--v1"] }\n'
    const aliased =
      'name: b\nversion: 0.0.1\nmcpServers:\n  - &base\n    name: srv\n    command: srv-mcp\nmodels:\n  - *base\n'
    const root = repo({
      '.agents/mcp/mcp-servers.json': JSON.stringify({
        targets: [
          { platform: 'continue-json', path: '.continue/mcpServers/srv.json' },
          { platform: 'continue', path: '.continue/mcpServers/block.yaml' }
        ],
        mcpServers: { srv: { command: 'srv-mcp', args: ['--v2'] } }
      }),
      '.continue/mcpServers/srv.json': single,
      '.continue/mcpServers/block.yaml': aliased
    })
    const result = await runCli(['sync', root])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'skipped .continue/mcpServers/srv.json: it holds one server at its root'
    )
    expect(result.stderr).toContain(
      'skipped .continue/mcpServers/block.yaml: it has YAML aliases into its server list'
    )
    expect(readFileSync(join(root, '.continue/mcpServers/srv.json'), 'utf8')).toBe(single)
    expect(readFileSync(join(root, '.continue/mcpServers/block.yaml'), 'utf8')).toBe(aliased)
  })

  it('renames a server found under a wrong key and says which key it had', async () => {
    const root = repo({
      '.agents/mcp/mcp-servers.json': JSON.stringify({
        mcpServers: { github: { command: 'gh-mcp' } }
      }),
      '.mcp.json': '{ "mcpServers": { "GitHub": { "command": "gh-mcp" } } }\n'
    })
    const check = await runCli(['sync', root, '--check'])
    expect(check.code).toBe(1)
    expect(check.stderr).toContain(
      '.mcp.json: server "GitHub" is "github" in the central source: sync renames it\n'
    )
    const result = await runCli(['sync', root])
    expect(result.stderr).toBe(
      '.mcp.json: server "GitHub" is "github" in the central source: renamed\n'
    )
    expect(readFileSync(join(root, '.mcp.json'), 'utf8')).toBe(
      '{ "mcpServers": { "github": { "command": "gh-mcp" } } }\n'
    )
  })

  it('--check shows a diff per file and exits 1, writing nothing', async () => {
    const root = copy('fixtures/scenarios/ng-drift-cursor')
    const before = readFileSync(join(root, '.cursor/mcp.json'), 'utf8')
    const result = await runCli(['sync', root, '--check'])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('--- a/.cursor/mcp.json\n+++ b/.cursor/mcp.json\n@@ ')
    // Only the differing values change: one item of the args list, not the list.
    expect(result.stdout).toContain(
      '-        "@modelcontextprotocol/server-github"\n+        "@modelcontextprotocol/server-github@2025.4.8"\n'
    )
    expect(result.stderr).toBe(
      '1 file differs from the central source: .cursor/mcp.json\nrun "mcp-lint sync" to write them\n'
    )
    expect(readFileSync(join(root, '.cursor/mcp.json'), 'utf8')).toBe(before)
  })

  it('leaves a file it cannot read alone, and exits 1 rather than calling it in sync', async () => {
    const root = copy('fixtures/scenarios/ok-in-sync')
    const target = '.mcp.json'
    writeFileSync(join(root, target), '{ "mcpServers": { "a": ')
    for (const args of [['--check'], []]) {
      const result = await runCli(['sync', root, ...args])
      expect(result.code).toBe(1)
      expect(result.stdout).not.toContain('every platform file matches')
      expect(result.stderr).toContain(
        `skipped ${target}: it cannot be read or parsed: fix the config-syntax or config-unreadable finding first\n`
      )
      expect(result.stderr).toContain(
        `1 file was not ${args.length > 0 ? 'checked' : 'written'}: ${target}\n`
      )
      expect(readFileSync(join(root, target), 'utf8')).toBe('{ "mcpServers": { "a": ')
    }
  })

  it('keeps the other settings of a shared settings file', async () => {
    const root = copy('fixtures/scenarios/ng-drift-zed')
    await runCli(['sync', root])
    const settings = JSON.parse(readFileSync(join(root, '.zed/settings.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(settings.theme).toBe('One Dark')
    expect(Object.keys(settings.context_servers as object)).toEqual([
      'github',
      'docs',
      'search',
      'memory'
    ])
  })

  it('creates missing target files', async () => {
    const root = copy('fixtures/scenarios/ok-in-sync')
    rmSync(join(root, '.cursor'), { recursive: true })
    expect((await runCli(['sync', root])).stdout).toBe('created .cursor/mcp.json\n')
    expect(await drift(root)).toEqual([])
  })

  it('refuses to write a TOML file it could not read back, writing nothing', async () => {
    const server = { command: 'npx', args: ['-y', 'x@1.0.0', 'a'.repeat(70_000)] }
    const root = repo({
      '.agents/mcp/mcp-servers.json': JSON.stringify({
        mcpServers: { a: server },
        targets: ['codex', 'cursor']
      })
    })
    const result = await runCli(['sync', root])
    expect([result.code, result.stderr]).toEqual([
      2,
      'mcp-lint: cannot write .codex/config.toml: it would hold a string longer than 65,536 characters, more than mcp-lint reads back; shorten it in the central source\n'
    ])
    expect(readdirSync(root).sort()).toEqual(['.agents'])
  })

  it('needs a central source', async () => {
    const root = copy('fixtures/platforms/cursor/ok-project')
    const result = await runCli(['sync', root])
    expect([result.code, result.stderr]).toEqual([
      2,
      'mcp-lint: no central source at .agents/mcp/mcp-servers.json: create one with "mcp-lint sync --init"\n'
    ])
  })

  it('refuses options of other commands', async () => {
    expect((await runCli(['sync', '.', '--format', 'json'])).code).toBe(2)
    expect((await runCli(['check', '.', '--init'])).code).toBe(2)
    expect((await runCli(['sync', '.', '--check', '--init'])).code).toBe(2)
  })
})

const multiFile = readdirSync(corpus).filter((repo) => {
  const dir = join(corpus, repo)
  return (
    !withSource.includes(repo) &&
    existsSync(dir) &&
    readFileSync('__tests__/corpus.expected.txt', 'utf8').includes(`## ${repo}\n`)
  )
})

describe('mcp-lint sync --init', () => {
  it.each(multiFile)('builds a central source for %s that sync then matches', async (repo) => {
    const root = copy(join(corpus, repo))
    const result = await lint({ root })
    const sourceIds: readonly string[] = sourceDialects.map((dialect) => dialect.id)
    const clientFiles = result.files.filter((file) => !sourceIds.includes(file.platform))
    if (clientFiles.length === 0) return
    const init = await runCli(['sync', root, '--init'])
    // A comment, trailing comma or BOM is a finding, but mcp-lint still parses the file.
    const parsedAnyway = ['comment', 'trailingComma', 'byteOrderMark']
    const unreadable = new Set(
      result.diagnostics
        .filter(
          (d) =>
            (d.ruleId === 'config-syntax' && !parsedAnyway.includes(d.messageId)) ||
            d.ruleId === 'config-unreadable'
        )
        .map((d) => d.file)
        .filter((file) => clientFiles.some((client) => client.path === file))
    )
    const readable = unreadable.size < clientFiles.length
    expect(init.code).toBe(readable ? 0 : 2)
    expect(init.stderr.includes('no platform config file can be read or parsed')).toBe(!readable)
    if (!readable) return
    expect(existsSync(join(root, '.agents/mcp/mcp-servers.json'))).toBe(true)
    expect((await runCli(['sync', root])).code).toBe(0)
    expect(await drift(root)).toEqual([])
    expect((await runCli(['sync', root, '--check'])).code).toBe(0)
  })

  // Five files that launch the same servers, each in its own idiom: relative paths and
  // ${workspaceFolder}, ${VAR}, ${env:VAR}, $VAR and env_vars, type/url and Gemini's httpUrl.
  it('adopts five files equal in meaning without changing a byte of them', async () => {
    const root = copy('fixtures/scenarios/ok-equal-meaning')
    const files = ['.mcp.json', '.cursor/mcp.json', '.vscode/mcp.json', '.gemini/settings.json']
    const before = [...files, '.codex/config.toml'].map((file) =>
      readFileSync(join(root, file), 'utf8')
    )
    expect((await lint({ root })).diagnostics).toEqual([])
    expect((await runCli(['sync', root, '--init'])).code).toBe(0)
    expect(await runCli(['sync', root])).toEqual({
      code: 0,
      stdout: 'every platform file matches the central source\n',
      stderr: ''
    })
    expect(
      [...files, '.codex/config.toml'].map((file) => readFileSync(join(root, file), 'utf8'))
    ).toEqual(before)
    expect((await runCli(['sync', root, '--check'])).code).toBe(0)
    expect(await drift(root)).toEqual([])
  })

  // Files that disagree, each with settings only its platform has: init keeps every one of them
  // (as overrides) and sync then writes nothing.
  it('adopts disagreeing files with platform-only settings without changing a byte of them', async () => {
    const files: Record<string, string> = {
      '.mcp.json': `{
  "mcpServers": {
    "tools": {
      "command": "node",
      "args": ["./tools/server.mjs", "--root", "."],
      "env": { "TOKEN": "\${TOKEN}" },
      "cwd": "/srv/ignored-by-claude"
    },
    "api": {
      "type": "http",
      "url": "https://api.example.com/mcp",
      "headers": { "Authorization": "Bearer \${API_TOKEN}" }
    }
  }
}
`,
      '.codex/config.toml': `model = "o3"

[mcp_servers.tools]
command = "node"
args = ["./tools/server.mjs", "--root", "/srv/app"] # Codex runs from elsewhere
cwd = "/srv/app"
enabled = false
env_vars = ["TOKEN"]
startup_timeout_sec = 20

[mcp_servers.api]
url = "https://api.example.com/mcp"
bearer_token_env_var = "API_TOKEN"
enabled = true
`,
      '.gemini/settings.json': `{
  "mcpServers": {
    "tools": {
      "command": "node",
      "args": ["./tools/server.mjs", "--root", "."],
      "env": { "TOKEN": "$TOKEN" },
      "trust": true
    },
    "api": {
      "httpUrl": "https://api.example.com/mcp",
      "headers": { "Authorization": "Bearer $API_TOKEN" },
      "description": "The team API"
    }
  }
}
`,
      'claude_desktop_config.json': `{
  "mcpServers": {
    "tools": {
      "command": "node",
      "args": ["/Users/me/project/tools/server.mjs", "--root", "/Users/me/project"]
    }
  }
}
`,
      '.cursor/mcp.json': `{
  "mcpServers": {
    "tools": {
      "command": "node",
      "args": ["\${workspaceFolder}/tools/server.mjs", "--root", "\${workspaceFolder}"],
      "env": { "TOKEN": "\${env:TOKEN}" }
    },
    "api": {
      "url": "https://api.example.com/mcp",
      "headers": { "Authorization": "Bearer \${env:API_TOKEN}" }
    }
  }
}
`
    }
    const root = repo(files)
    const init = await runCli(['sync', root, '--init'])
    expect(init.code).toBe(0)
    expect(init.stderr).toContain(
      'warning: server "tools": args[2] in .codex/config.toml differs from .mcp.json; kept as overrides.codex\n'
    )
    expect(init.stderr).toContain(
      'warning: server "tools": args[0] in claude_desktop_config.json differs from .mcp.json; kept as overrides.claude-desktop\n'
    )
    expect(await runCli(['sync', root])).toEqual({
      code: 0,
      stdout: 'every platform file matches the central source\n',
      stderr: ''
    })
    for (const [path, text] of Object.entries(files))
      expect(readFileSync(join(root, path), 'utf8')).toBe(text)
    expect((await runCli(['sync', root, '--check'])).code).toBe(0)
    expect(await drift(root)).toEqual([])
    const source = JSON.parse(readFileSync(join(root, '.agents/mcp/mcp-servers.json'), 'utf8')) as {
      mcpServers: Record<string, { overrides?: Record<string, unknown> }>
    }
    expect(source.mcpServers.tools?.overrides).toEqual({
      'claude-code': { cwd: '/srv/ignored-by-claude' },
      codex: {
        args: ['./tools/server.mjs', '--root', '/srv/app'],
        cwd: '/srv/app',
        startupTimeoutSec: 20,
        disabled: true
      },
      'gemini-cli': { trust: true },
      'claude-desktop': {
        // Claude Desktop expands no references: the server inherits TOKEN, as the others pass it.
        args: ['/Users/me/project/tools/server.mjs', '--root', '/Users/me/project']
      }
    })
  })

  it('keeps the VS Code inputs a server prompts for with the server', async () => {
    const input = { type: 'promptString', id: 'token', description: 'Token', password: true }
    const vscode = JSON.stringify(
      {
        inputs: [input, { type: 'promptString', id: 'unused' }],
        servers: { gh: { command: 'gh-mcp', env: { TOKEN: '${input:token}' } } }
      },
      null,
      2
    )
    const root = repo({ '.vscode/mcp.json': vscode })
    expect((await runCli(['sync', root, '--init'])).code).toBe(0)
    const source = JSON.parse(readFileSync(join(root, '.agents/mcp/mcp-servers.json'), 'utf8')) as {
      mcpServers: { gh: unknown }
    }
    expect(source.mcpServers.gh).toEqual({
      command: 'gh-mcp',
      env: { TOKEN: '${input:token}' },
      overrides: { vscode: { inputs: [input] } }
    })
    // Written from the source alone, the file prompts for the token again.
    writeFileSync(join(root, '.vscode/mcp.json'), '{ "servers": {} }\n')
    expect((await runCli(['sync', root])).code).toBe(0)
    expect(JSON.parse(readFileSync(join(root, '.vscode/mcp.json'), 'utf8'))).toEqual({
      inputs: [input],
      servers: { gh: { type: 'stdio', command: 'gh-mcp', env: { TOKEN: '${input:token}' } } }
    })
  })

  it('scrubs secrets in platform-only fields, and names what it cannot keep', async () => {
    const secret = 'ghp_' + 'ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210'
    const root = repo({
      'crush.json': JSON.stringify({
        mcp: {
          gh: { type: 'http', url: 'https://gh.example.com/mcp', oauth_client_secret: secret }
        }
      }),
      '.gemini/settings.json': JSON.stringify({
        mcpServers: { tools: { command: 'tools-mcp', disabled: true } }
      }),
      '.mcp.json': JSON.stringify({ mcpServers: { tools: { command: 'tools-mcp' } } }),
      '.claude/mcp.json': JSON.stringify({ mcpServers: {} })
    })
    const init = await runCli(['sync', root, '--init'])
    expect(init.code).toBe(0)
    const source = readFileSync(join(root, '.agents/mcp/mcp-servers.json'), 'utf8')
    for (const text of [init.stdout, init.stderr, source]) expect(text).not.toContain(secret)
    expect(source).toContain('"oauth_client_secret": "${GH_OAUTH_CLIENT_SECRET}"')
    expect(init.stderr).toContain(
      'warning: server "tools" in .gemini/settings.json: Gemini CLI ignores "disabled" (the server runs there); not kept\n'
    )
    expect(init.stderr).toContain(
      'warning: server "tools" is in .mcp.json but not in .claude/mcp.json, a file of the same platform; sync will add it there\n'
    )
  })

  it('replaces a literal token with a ${VAR} reference, names the variable and never prints or stores the token', async () => {
    const token = 'ghp_' + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
    const header = 'tvly-dev-' + 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'
    const file = JSON.stringify({
      mcpServers: {
        github: { command: 'gh-mcp', env: { GITHUB_TOKEN: token } },
        docs: {
          type: 'http',
          url: 'https://docs.example.com/mcp',
          headers: { Authorization: `Bearer ${header}` }
        }
      }
    })
    const root = repo({ '.mcp.json': file })
    const init = await runCli(['sync', root, '--init'])
    expect(init.code).toBe(0)
    expect(init.stderr).toContain(
      'server "github": env.GITHUB_TOKEN held a literal GitHub personal access token (ghp_… (40 chars)); the source reads ${GITHUB_TOKEN} instead: set GITHUB_TOKEN where the clients run'
    )
    expect(init.stderr).toContain('the source reads ${DOCS_TOKEN} instead')
    const source = readFileSync(join(root, '.agents/mcp/mcp-servers.json'), 'utf8')
    for (const text of [init.stdout, init.stderr, source]) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(header)
    }
    expect(source).toContain('"Authorization": "Bearer ${DOCS_TOKEN}"')
    // The source passes check; sync then takes the tokens out of the client file.
    expect((await runCli(['sync', root])).code).toBe(0)
    const result = await lint({ root })
    expect(result.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual([])
    expect(readFileSync(join(root, '.mcp.json'), 'utf8')).not.toContain(token)
  })

  it('builds from the files it can read and names the ones it cannot', async () => {
    const root = copy('fixtures/scenarios/ok-in-sync')
    rmSync(join(root, '.agents'), { recursive: true })
    writeFileSync(join(root, '.mcp.json'), '{ "mcpServers": ')
    const init = await runCli(['sync', root, '--init'])
    expect(init.code).toBe(0)
    expect(init.stderr).toContain(
      'warning: .mcp.json cannot be read or parsed: its servers are not in the source\n'
    )
  })

  it('reports disagreements and refuses to overwrite an existing source', async () => {
    const root = copy('fixtures/scenarios/ng-cross-file')
    const init = await runCli(['sync', root, '--init'])
    expect(init.code).toBe(0)
    expect(init.stderr).toContain(
      'warning: server "db": args[2] in .cursor/mcp.json differs from .mcp.json; kept as overrides.cursor'
    )
    const source = JSON.parse(readFileSync(join(root, '.agents/mcp/mcp-servers.json'), 'utf8')) as {
      mcpServers: Record<string, unknown>
    }
    expect(source.mcpServers['fng-chatbot']).toEqual({
      command: 'python',
      args: ['-m', 'bot'],
      platforms: ['claude-code']
    })
    // What Cursor's file says differently is kept for Cursor, so sync writes both files back as they are.
    expect(source.mcpServers.db).toEqual({
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-postgres@0.6.2', 'postgresql://localhost/app'],
      overrides: {
        cursor: {
          args: [
            '-y',
            '@modelcontextprotocol/server-postgres@0.6.2',
            'postgresql://localhost/test'
          ],
          env: { PGPASSWORD: '${PGPASSWORD}' }
        }
      },
      platforms: ['claude-code', 'cursor']
    })
    expect(init.stdout).toBe(
      [
        'created .agents/mcp/mcp-servers.json from the platform files',
        '  server "db" from .mcp.json (also in .cursor/mcp.json)',
        '  server "fng-chatbot" from .mcp.json',
        '  server "fng_chatbot" from .codex/config.toml',
        'next: review it, then run "mcp-lint sync" to write every platform file from it',
        ''
      ].join('\n')
    )
    expect((await runCli(['sync', root, '--check'])).code).toBe(0)
    expect((await runCli(['sync', root, '--init'])).code).toBe(2)
  })
})

describe('environments', () => {
  it('applies an overlay selected by name', async () => {
    const result = await lint({ root: 'fixtures/scenarios/ng-fragments', environment: 'staging' })
    expect(
      result.diagnostics.filter((d) => d.ruleId === 'source-drift').map((d) => d.message)
    ).toEqual([
      'server "docs" from the central source is missing here: run "mcp-lint sync" or add it',
      'env.GITHUB_TOOLSETS of server "github" is "repos,issues" here but "repos" from the central source'
    ])
  })

  it('names the environments there are when one is missing', async () => {
    await expect(
      lint({ root: 'fixtures/scenarios/ng-fragments', environment: 'prod' })
    ).rejects.toThrow(
      'environment "prod" not found: there is no .agents/mcp/environments/prod.json (available: staging)'
    )
    await expect(
      lint({ root: 'fixtures/scenarios/ng-fragments', environment: '../x' })
    ).rejects.toThrow('is not a valid name')
  })
})
