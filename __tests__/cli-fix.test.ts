import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fakeToken } from './helpers/fake-tokens.js'
import { tempRepos } from './helpers/temp-repo.js'
import { runCli } from './helpers/cli-run.js'

const token = fakeToken('github-pat', 7)

/** Every kind of mechanical fix, in three formats, with bytes around them that must not move. */
const files = {
  '.mcp.json': `{
  "mcpServers": {
    "github": {
      "command": "npx",
      "args": ["-y",   "@modelcontextprotocol/server-github"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${token}", "OTHER": "\${env:OTHER_TOKEN}" }
    },
    "tools-server":    { "command": "node", "arg": ["./tools/server.mjs"] }
  }
}
`,
  '.codex/config.toml': `# Codex servers
[mcp_servers.tools-server]
command = "node"   # the local one
arg = ["./tools/server.mjs"]
`,
  '.agents/mcp/mcp-lock.json': JSON.stringify({
    lockfileVersion: 1,
    servers: {
      github: {
        launch: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] },
        package: { name: '@modelcontextprotocol/server-github', version: '2025.4.8' },
        tools: {}
      }
    }
  })
}

/** The same files as a person would fix them by hand. */
const fixed = {
  '.mcp.json': files['.mcp.json']
    .replace(
      '"@modelcontextprotocol/server-github"]',
      '"@modelcontextprotocol/server-github@2025.4.8"]'
    )
    .replace(`"${token}"`, '"${GITHUB_PERSONAL_ACCESS_TOKEN}"')
    .replace('"${env:OTHER_TOKEN}"', '"${OTHER_TOKEN}"')
    .replace('"arg":', '"args":'),
  '.codex/config.toml': files['.codex/config.toml'].replace('\narg =', '\nargs =')
}

const repo = tempRepos()

describe('check --fix', () => {
  it('fixes every finding that has a fix, keeps every other byte, and check finds none of them after', async () => {
    const root = repo(files)
    const before = await runCli(['check', root, '--format', 'json'])
    const report = JSON.parse(before.stdout) as {
      diagnostics: { ruleId: string; fix?: { description: string; edits: { text: string }[] } }[]
    }
    const fixable = report.diagnostics.filter((d) => d.fix !== undefined)
    expect(fixable.map((d) => d.ruleId).sort()).toEqual([
      'config-env-syntax',
      'config-unknown-field',
      'config-unknown-field',
      'server-secret',
      'server-unpinned'
    ])

    const run = await runCli(['check', root, '--fix'])
    expect(run.stderr).toContain('fixed 5 findings in 2 files: .codex/config.toml, .mcp.json')
    for (const [path, text] of Object.entries(fixed))
      expect(readFileSync(join(root, path), 'utf8')).toBe(text)

    const after = await runCli(['check', root, '--format', 'json'])
    const left = JSON.parse(after.stdout) as typeof report
    expect(left.diagnostics.filter((d) => d.fix !== undefined)).toEqual([])
    expect(left.diagnostics.map((d) => d.ruleId)).not.toContain('server-secret')
    expect(after.stdout + run.stdout + run.stderr).not.toContain(token)
  })

  it('shows the fixes as a masked diff with --fix-dry-run, and writes nothing', async () => {
    const root = repo(files)
    const run = await runCli(['check', root, '--fix-dry-run'])
    expect(run.stdout).toContain(
      '+    "tools-server":    { "command": "node", "args": ["./tools/server.mjs"] }'
    )
    expect(run.stdout).toContain('-arg = ["./tools/server.mjs"]\n+args = ["./tools/server.mjs"]')
    expect(run.stdout).toContain('"${GITHUB_PERSONAL_ACCESS_TOKEN}"')
    expect(run.stdout + run.stderr).not.toContain(token)
    expect(run.stderr).toContain('5 findings can be fixed in 2 files: run "mcp-lint check --fix"')
    for (const [path, text] of Object.entries(files))
      expect(readFileSync(join(root, path), 'utf8')).toBe(text)
  })

  it('carries each fix in JSON and as SARIF fixes, never with the secret', async () => {
    const root = repo(files)
    const sarif = await runCli(['check', root, '--format', 'sarif'])
    const log = JSON.parse(sarif.stdout) as {
      runs: {
        results: {
          ruleId: string
          fixes?: { artifactChanges: { replacements: { insertedContent: { text: string } }[] }[] }[]
        }[]
      }[]
    }
    const inserted = log.runs[0]?.results.flatMap((result) =>
      (result.fixes ?? []).flatMap((fix) =>
        fix.artifactChanges.flatMap((change) =>
          change.replacements.map((r) => r.insertedContent.text)
        )
      )
    )
    expect(inserted?.sort()).toEqual(
      [
        '"@modelcontextprotocol/server-github@2025.4.8"',
        '${GITHUB_PERSONAL_ACCESS_TOKEN}',
        '${OTHER_TOKEN}',
        '"args"',
        'args'
      ].sort()
    )
    expect(sarif.stdout).not.toContain(token)
  })

  it('refuses --fix with --enumerate', async () => {
    const run = await runCli(['check', repo(files), '--fix', '--enumerate'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('leave out --enumerate')
  })

  it('writes a drifted value in the platform syntax, and never copies a secret from the central source', async () => {
    const password = 'Zq8rTk2vWx9pLm4n'
    const root = repo({
      '.agents/mcp/mcp-servers.json': JSON.stringify({
        mcpServers: {
          db: {
            command: 'db-mcp',
            args: ['--password', password],
            env: { T: '${GITHUB_TOKEN}', DB_PASSWORD: password }
          }
        }
      }),
      '.cursor/mcp.json': JSON.stringify({
        mcpServers: {
          db: {
            command: 'db-mcp',
            args: ['--password', 'x'],
            env: { T: '${env:OTHER}', DB_PASSWORD: 'y' }
          }
        }
      })
    })
    const run = await runCli(['check', root, '--fix-dry-run', '--format', 'json'])
    // The diff goes to standard error, which leaves the JSON report on standard output whole.
    expect(run.stderr).toContain(
      '+{"mcpServers":{"db":{"command":"db-mcp","args":["--password","x"],"env":{"T":"${env:GITHUB_TOKEN}","DB_PASSWORD":"y"}}}}'
    )
    expect(JSON.parse(run.stdout)).toHaveProperty('schemaVersion', 1)
    expect(run.stdout + run.stderr).not.toContain(password)
  })

  it('keeps the fixes that hold when another one in the file would break it', async () => {
    // In a YAML flow mapping the `${{ … }}` reference would end the plain value early.
    const yaml = `name: tools\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: gh\n    command: npx\n    arg: [-y, pkg@1.0.0]\n    env: {AUTH: Bearer ${token}}\n`
    const root = repo({ '.continue/mcpServers/tools.yaml': yaml })
    const run = await runCli(['check', root, '--fix'])
    expect(run.stderr).toContain(
      'skipped .continue/mcpServers/tools.yaml: 1 fix would break it and was left out'
    )
    expect(readFileSync(join(root, '.continue/mcpServers/tools.yaml'), 'utf8')).toBe(
      yaml.replace('    arg:', '    args:')
    )
  })
})
