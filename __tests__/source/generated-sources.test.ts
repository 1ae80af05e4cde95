import { describe, expect, it } from '@jest/globals'
import { UsageError } from '../../src/util/errors.js'
import { lint, loadWorkspace } from '../../src/lint.js'
import { sync } from '../../src/sync/run.js'
import { makeRepo } from '../helpers/temp-repo.js'

const cursor = (servers: object) => JSON.stringify({ mcpServers: servers }, null, 2)

describe('rulesync and ruler as the central source', () => {
  it('reads rulesync targets, enabled, per-tool sections and command arrays', async () => {
    const { root, remove } = makeRepo({
      '.rulesync/mcp.jsonc': `{
        "mcpServers": {
          "files": { "command": ["npx", "-y", "files-mcp@1.0.0"], "args": ["."] },
          "claude-only": { "command": "a", "targets": ["claudecode"] },
          "off": { "command": "b", "enabled": false },
          "swapped": { "command": "c" },
        },
        "cursor": { "mcpServers": { "swapped": { "type": "http", "url": "https://x.example/mcp" } } },
        "claudecode": { "mcpServers": { "files": null } }
      }`
    })
    try {
      const { workspace } = await loadWorkspace({ root })
      const servers = Object.fromEntries(
        (workspace.source?.servers ?? []).map((server) => [
          server.name,
          {
            value: server.value,
            platforms: server.platforms?.map((platform) => platform.id),
            overrides: Object.fromEntries(server.overrides)
          }
        ])
      )
      expect(servers.files?.value).toEqual({ command: 'npx', args: ['-y', 'files-mcp@1.0.0', '.'] })
      expect(servers.files?.platforms).not.toContain('claude-code')
      expect(servers.files?.platforms).toContain('cursor')
      expect(servers['claude-only']?.platforms).toEqual(['claude-code'])
      expect(servers.off?.platforms).toEqual([])
      expect(servers.swapped?.overrides.cursor).toMatchObject({
        type: 'http',
        url: 'https://x.example/mcp',
        command: null
      })
      expect(workspace.source?.generator?.name).toBe('rulesync')
    } finally {
      remove()
    }
  })

  it('checks client files against ruler.toml, which wins over the legacy JSON per server', async () => {
    const { root, remove } = makeRepo({
      '.ruler/ruler.toml':
        '[mcp]\nenabled = true\n\n[mcp_servers.git]\ncommand = "git-mcp"\nargs = ["--repo", "."]\n',
      '.ruler/mcp.json':
        '{ "mcpServers": { "git": { "command": "old-git-mcp" }, "docs": { "url": "https://d.example/mcp", "type": "stdio" } } }',
      '.cursor/mcp.json': cursor({ git: { command: 'git-mcp', args: ['--repo', 'src'] } })
    })
    try {
      const result = await lint({ root })
      expect(
        result.diagnostics.map(
          (d) => `${d.file}:${String(d.range.start.line)} ${d.ruleId}: ${d.message}`
        )
      ).toEqual([
        '.cursor/mcp.json:2 source-drift: server "docs" from the central source is missing here: run "npx @intellectronica/ruler apply" or add it',
        '.cursor/mcp.json:7 source-drift: args[1] of server "git" is "src" here but "." from the central source'
      ])
      expect(result.generatedBy).toEqual({ tool: 'ruler', source: '.ruler/ruler.toml' })
    } finally {
      remove()
    }
  })

  it('sync does not write over a generator: it names the command to run instead', async () => {
    const { root, remove } = makeRepo({
      '.rulesync/mcp.jsonc': '{ "mcpServers": { "git": { "command": "git-mcp" } } }',
      '.cursor/mcp.json': cursor({})
    })
    try {
      await expect(sync({ root })).rejects.toThrow(UsageError)
      await expect(sync({ root })).rejects.toThrow(
        /rulesync's \(\.rulesync\/mcp\.jsonc\).*run "npx rulesync generate --features mcp"/
      )
    } finally {
      remove()
    }
  })
})
