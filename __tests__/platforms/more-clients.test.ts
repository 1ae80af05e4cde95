import { beforeAll, describe, expect, it } from '@jest/globals'
import { loadParsing } from '../helpers/load-parsing.js'
import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { PlainObject } from '../../src/model/tree.js'
import { lint } from '../../src/lint.js'
import { lintFiles } from '../../src/lint-text.js'
import { getPlatform } from '../../src/platforms/index.js'
import type { PlatformId } from '../../src/platforms/platform.js'
import { rules } from '../../src/rules/index.js'
import { normalizeServer } from '../../src/canonical/normalize.js'
import { makeRepo } from '../helpers/temp-repo.js'

// The clients' texts are linted in memory: a check loads the parser and validator of each file it reads.
beforeAll(loadParsing)

/** The name each tool of each server reaches the model as, under a client's naming. */
function names(id: PlatformId, servers: Record<string, readonly string[]>) {
  const naming = getPlatform(id).tools?.naming
  if (naming === undefined) throw new Error(`${id} has no naming`)
  return naming
    .expose(Object.entries(servers).map(([name, tools]) => ({ name, tools })))
    .map((tool) => [tool.server, tool.tool, tool.exposed, tool.changes.join(',')])
}

/** Findings for one file, as `line:column severity rule: message`. */
function check(path: string, text: string): string[] {
  return lintFiles([{ path, text }], rules).map(
    (d) =>
      `${String(d.range.start.line)}:${String(d.range.start.column)} ${d.severity} ${d.ruleId}: ${d.message}`
  )
}

describe('tool names as each client sends them', () => {
  it('Qwen Code 0.24.4: mcp__<server>__<tool>, a hash whenever a name had to change', () => {
    // The four names Qwen Code 0.24.4 sent to a fake OpenAI API here (2026-12-03).
    expect(
      names('qwen-code', { appr: ['dotted.tool'], 'my.srv': ['add'], 'a.b': ['add'], a_b: ['add'] })
    ).toEqual([
      ['appr', 'dotted.tool', 'mcp__appr__dotted_tool_01q9po0', 'sanitized,hashed'],
      ['my.srv', 'add', 'mcp__my_srv__add_0qegrl9', 'sanitized,hashed'],
      ['a.b', 'add', 'mcp__a_b__add_1yrlbbx', 'sanitized,hashed'],
      ['a_b', 'add', 'mcp__a_b__add', '']
    ])
    const long = names('qwen-code', { server: ['t'.repeat(70)] })[0]
    expect(String(long?.[2]).length).toBe(63)
    expect(long?.[3]).toBe('truncated,hashed')
  })

  it('Amazon Q: the raw name, other characters deleted, "a" before a digit, "1" on a clash, refused over 64', () => {
    expect(
      names('amazon-q', {
        docs: ['search_docs', 'get-file', 'getfile', '2fa', 'x___y', 'n'.repeat(65), '日本']
      })
    ).toEqual([
      ['docs', 'search_docs', 'search_docs', ''],
      ['docs', 'get-file', 'getfile', 'sanitized'],
      ['docs', 'getfile', 'getfile1', 'renamed'],
      ['docs', '2fa', 'a2fa', 'sanitized'],
      ['docs', 'x___y', 'xy', 'sanitized'],
      ['docs', 'n'.repeat(65), undefined, 'dropped'],
      // Nothing left: "a" and three digits of Rust's DefaultHasher (SipHash-1-3, zero keys).
      ['docs', '日本', expect.stringMatching(/^a\d{3}$/) as unknown, 'sanitized']
    ])
  })

  it('OpenCode 1.18.33: <server>_<tool>, other characters replaced, so "a.b" and "a_b" meet', () => {
    expect(names('opencode', { 'a.b': ['add'], a_b: ['add'], srv: ['dotted.tool'] })).toEqual([
      ['a.b', 'add', 'a_b_add', 'sanitized'],
      ['a_b', 'add', 'a_b_add', ''],
      ['srv', 'dotted.tool', 'srv_dotted_tool', 'sanitized']
    ])
  })

  it('Mistral Vibe 2.18.4 (source): <name>_<tool>, the name normalised and the tool as it is', () => {
    expect(names('mistral-vibe', { 'my server!': ['read.file'], '-x-': ['t'] })).toEqual([
      ['my server!', 'read.file', 'my_server_read.file', 'sanitized'],
      ['-x-', 't', 'x_t', 'sanitized']
    ])
  })

  it('Continue (IDE core): the lower-cased server name, runs of other characters as "_", unless the tool starts with it', () => {
    expect(
      names('continue', { 'GitHub MCP': ['search', 'github_mcp_issues'], '--x--': ['t'] })
    ).toEqual([
      ['GitHub MCP', 'search', 'github_mcp_search', 'sanitized'],
      ['GitHub MCP', 'github_mcp_issues', 'github_mcp_issues', 'sanitized'],
      ['--x--', 't', 'x_t', 'sanitized']
    ])
  })

  it('Crush: mcp_<server>_<tool>, nothing replaced', () => {
    expect(names('crush', { 'my.server': ['read file'] })).toEqual([
      ['my.server', 'read file', 'mcp_my.server_read file', '']
    ])
  })
})

describe('file facts of the clients read since 2026-12-03', () => {
  it('Amazon Q: a disabled server may leave "command" empty; a wrong "type" drops the file', () => {
    expect(
      check(
        '.amazonq/mcp.json',
        '{ "mcpServers": { "old": { "command": "", "disabled": true }, "a": { "type": "sse", "url": "https://x/sse" } } }'
      )
    ).toEqual([
      '1:78 error config-schema: "type" of server "a" must be one of "stdio", "http"; Amazon Q Developer CLI drops every server in this file (the error is only logged)'
    ])
  })

  it('Crush: "type" has no default, and a value of the wrong type stops Crush', () => {
    expect(
      check(
        'crush.json',
        '{ "mcp": { "a": { "command": "x" }, "b": { "type": "stdio", "command": "y", "timeout": "9" } } }'
      )
    ).toEqual([
      '1:12 error config-schema: server "a": a server needs "type" ("stdio", "http" or "sse"): Crush has no default and refuses to start it ("unsupported mcp type")',
      '1:88 error config-schema: "timeout" of server "b" must be an integer, not a string; Crush fails to load its configuration and does not start'
    ])
  })

  it('Kilo Code: a legacy "url" without "type", or "type": "http", is skipped on import', () => {
    expect(
      check(
        '.kilocode/mcp.json',
        '{ "mcpServers": { "a": { "url": "https://x/sse" }, "b": { "type": "streamable-http", "url": "https://x/mcp" } } }'
      )
    ).toEqual([
      '1:19 error config-schema: server "a": a server needs "command", or "type": "streamable-http" (or "sse") with "url": Kilo Code skips the server when it imports .kilocode/mcp.json'
    ])
  })

  it("Kilo 7.7.7: kilo.json is OpenCode's V1 shape, {env:VAR} in a project file costs the file, and a V2 map is a broken server", () => {
    expect(
      check(
        'kilo.json',
        '{ "mcp": { "a": { "type": "local", "command": ["x", "{env:A}"] }, "servers": { "b": { "type": "local", "command": ["b"] } } } }'
      ).map((line) => line.split(';')[0])
    ).toEqual([
      '1:54 error config-env-syntax: "{env:A}": Kilo 7.7.7 refuses environment references in project config and skips the whole file',
      '1:67 error config-schema: server "servers": a server needs "type": "local" (with "command") or "remote" (with "url")'
    ])
  })

  it('Qwen Code: "disabled" is ignored, and a trailing comma costs the whole file', () => {
    expect(
      check(
        '.qwen/settings.json',
        '{ "mcpServers": { "a": { "command": "x", "disabled": true }, } }'
      )
    ).toEqual([
      '1:42 warning config-unknown-field: Qwen Code 0.24.4 ignores "disabled" and starts the server: list it in "mcp.excluded" instead',
      '1:60 error config-syntax: Qwen Code does not accept trailing commas (Qwen Code 0.24.4 moves the file to settings.json.corrupted and replaces it with {}: no server loads and every other setting in it is lost): remove it'
    ])
  })

  it('OpenCode: a bad V1 entry refuses the whole configuration, a bad V2 entry only itself', () => {
    expect(
      check(
        'opencode.json',
        '{ "mcp": { "a": { "type": "local", "command": "x y" }, "servers": { "b": { "type": "stdio", "command": ["b"] } } } }'
      )
    ).toEqual([
      '1:47 error config-schema: "command" of server "a": must be an array, the program first ("command": ["npx", "-y", "pkg"]), as OpenCode has no "args": OpenCode 1.18.33 refuses the whole configuration ("Configuration is invalid") and starts no server',
      '1:84 error config-schema: "type" of server "b": must be "local" or "remote": OpenCode 1.18.33 drops the server'
    ])
  })

  it('OpenCode: a V1 server is switched off by "enabled": false, a V2 one by "disabled": true', () => {
    const opencode = getPlatform('opencode')
    const disabled = (entry: PlainObject) => normalizeServer(opencode, entry).disabled?.value
    expect(disabled({ type: 'local', command: ['x'], enabled: false })).toBe(true)
    expect(disabled({ type: 'local', command: ['x'], disabled: true })).toBe(true)
    expect(disabled({ type: 'local', command: ['x'], disabled: false })).toBe(false)
    expect(disabled({ type: 'local', command: ['x'] })).toBeUndefined()
    expect(normalizeServer(getPlatform('kilo'), { disabled: true }).disabled).toBeUndefined()
  })

  it('OpenCode: {env:VAR} is its only reference syntax', () => {
    expect(
      check(
        'opencode.jsonc',
        '{ "mcp": { "a": { "type": "local", "command": ["x", "{env:A}", "${B}", "$C"] } } }'
      )
    ).toEqual([
      '1:65 warning config-env-syntax: "${B}" is not expanded by OpenCode; write "{env:B}"',
      '1:73 warning config-env-syntax: "$C" is not expanded by OpenCode; write "{env:C}"'
    ])
  })

  it('Mistral Vibe: [[mcp_servers]] entries named by "name"; one bad entry or a repeated name refuses the file', () => {
    const refused =
      'Mistral Vibe 2.18.4 refuses the whole configuration ("Invalid configuration") and does not start'
    expect(
      check(
        '.vibe/config.toml',
        [
          '[[mcp_servers]]',
          'name = "a b"',
          'transport = "stdio"',
          'command = "x"',
          '[[mcp_servers]]',
          'name = "a_b"',
          'command = "y"',
          'type = "stdio"'
        ].join('\n')
      )
    ).toEqual([
      `5:1 error config-schema: server "a_b": a server needs "transport" ("stdio", "http" or "streamable-http"): Vibe has no default, and ${refused}`,
      `6:8 error config-schema: server name "a_b" is the same as "a b" at 2:8 once the client normalises names: ${refused}`,
      '8:1 warning config-unknown-field: Mistral Vibe reads "transport", not "type"'
    ])
  })

  it('Mistral Vibe: a string command is split as shlex does, so it equals the same words in command and args', async () => {
    const { root, remove } = makeRepo({
      '.agents/mcp/mcp-servers.json': JSON.stringify({
        targets: ['mistral-vibe'],
        mcpServers: { notes: { command: 'uvx', args: ['notes-mcp==1.4.2', '--root', 'my notes'] } }
      }),
      '.vibe/config.toml':
        '[[mcp_servers]]\nname = "notes"\ntransport = "stdio"\ncommand = "uvx notes-mcp==1.4.2 --root \'my notes\'"\n'
    })
    try {
      expect((await lint({ root })).diagnostics).toEqual([])
    } finally {
      remove()
    }
  })

  it('Continue: every .yaml and .yml block under .continue/mcpServers/, subfolders too, with ${{ secrets.X }} as its reference', async () => {
    const block = (name: string) =>
      `name: ${name}\nversion: 0.0.1\nmcpServers:\n  - name: ${name}\n    command: ${name}-mcp\n    env:\n      A: \${{ secrets.A }}\n      B: \${{ inputs.B }}\n`
    const { root, remove } = makeRepo({
      '.continue/mcpServers/a.yaml': block('a'),
      '.continue/mcpServers/team/b.yml': block('b'),
      '.continue/mcpServers/notes.md': block('c'),
      '.continue/mcpServers/node_modules/d.yaml': block('d'),
      '.mcp.json':
        '{ "mcpServers": { "e": { "command": "e", "env": { "A": "${{ secrets.A }}" } } } }'
    })
    try {
      const result = await lint({ root })
      expect(result.files.map((file) => [file.path, file.platform, file.servers])).toEqual([
        ['.continue/mcpServers/a.yaml', 'continue', ['a']],
        ['.continue/mcpServers/team/b.yml', 'continue', ['b']],
        ['.mcp.json', 'claude-code', ['e']]
      ])
      expect(result.diagnostics.map((d) => `${d.file}:${d.ruleId}: ${d.message}`)).toEqual([
        '.mcp.json:config-env-syntax: "${{ secrets.A }}" is not expanded by Claude Code; write "${A}"'
      ])
    } finally {
      remove()
    }
  })

  it('Continue: a JSON file in .continue/mcpServers/ holds a server map, or is one server named by the file', async () => {
    const { root, remove } = makeRepo({
      '.continue/mcpServers/map.json':
        '{ "mcpServers": { "a": { "command": "a-mcp" }, "b": { "type": "http", "url": "https://b/mcp" } } }',
      '.continue/mcpServers/team/github.json': '{ /* one server */ "command": "gh-mcp" }',
      '.continue/mcpServers/notes.json': '{ "theme": "dark" }'
    })
    try {
      const result = await lint({ root })
      expect(result.files.map((file) => [file.path, file.platform, file.servers])).toEqual([
        ['.continue/mcpServers/map.json', 'continue-json', ['a', 'b']],
        ['.continue/mcpServers/notes.json', 'continue-json', []],
        ['.continue/mcpServers/team/github.json', 'continue-json', ['github']]
      ])
      expect(result.diagnostics).toEqual([])
    } finally {
      remove()
    }
  })

  it('Continue: a folder symlinked out of the repository is not walked; several block files are not checked one by one against the source', async () => {
    const outside = makeRepo({
      'private.yaml': 'name: p\nversion: 0.0.1\nmcpServers:\n  - name: p\n    command: p\n'
    })
    const block = (name: string) =>
      `name: ${name}\nversion: 0.0.1\nmcpServers:\n  - name: ${name}\n    command: ${name}-mcp\n`
    const { root, remove } = makeRepo({
      '.agents/mcp/mcp-servers.json': JSON.stringify({
        mcpServers: { a: { command: 'a-mcp' }, b: { command: 'b-mcp' } }
      }),
      '.continue/mcpServers/a.yaml': block('a'),
      '.continue/mcpServers/b.yaml': block('b')
    })
    try {
      symlinkSync(outside.root, join(root, '.continue/linked'))
      mkdirSync(join(root, '.continue/mcpServers/more'))
      symlinkSync(outside.root, join(root, '.continue/mcpServers/more/linked'))
      const result = await lint({ root })
      expect(result.files.map((file) => file.path)).toEqual([
        '.agents/mcp/mcp-servers.json',
        '.continue/mcpServers/a.yaml',
        '.continue/mcpServers/b.yaml'
      ])
      expect(result.diagnostics).toEqual([])
    } finally {
      remove()
      outside.remove()
    }
  })

  it('Junie and Trae, known from their docs only: format findings are notices, secrets are not', () => {
    const token = 'ghp_' + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
    expect(
      check(
        '.trae/mcp.json',
        `{ "mcpServers": { "a": { "command": "npx -y pkg@1.0.0", "env": { "GITHUB_TOKEN": "${token}" } } } }`
      ).map((line) => line.split(': ')[0])
    ).toEqual(['1:37 notice config-schema', '1:83 error server-secret'])
    expect(
      check('.junie/mcp/mcp.json', '{ "mcpServers": { "a": { "url": "https://x/mcp" } } }').map(
        (line) => line.split(': ')[0]
      )
    ).toEqual(['1:19 notice config-schema', '1:26 notice config-unknown-field'])
  })
})
