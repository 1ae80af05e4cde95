import { describe, expect, it } from '@jest/globals'
import { splitCommandLine } from '../../src/parse/command-line.js'
import { parseConfigText } from '../../src/parse/load.js'
import type { ServerEntry } from '../../src/model/workspace.js'
import { toPlain } from '../../src/model/tree.js'
import { geminiCli } from '../../src/platforms/gemini-cli.js'
import { claudeCode } from '../../src/platforms/claude-code.js'

/** Each server as the platform loads it: name, plain value, and where its name points. */
function servers(path: string, text: string, platform = geminiCli) {
  return parseConfigText(path, platform, text).servers.map((entry: ServerEntry) => ({
    name: entry.name.value,
    value: toPlain(entry.value),
    at: `${String(entry.name.location.range.start.line)}:${String(entry.name.location.range.start.column)}`
  }))
}

describe('splitCommandLine', () => {
  it('splits as shell-quote does, keeping variables as references', () => {
    expect(splitCommandLine(`node "my server.js" 'a b' c\\ d $HOME \${TOKEN}`)).toEqual({
      words: ['node', 'my server.js', 'a b', 'c d', '${HOME}', '${TOKEN}']
    })
  })

  it.each([
    ['npx server | tee log', '"|"'],
    ['npx server && rm -rf x', '"&&"'],
    ['npx server > log', '">"'],
    ['npx server *.json', 'a glob'],
    ['npx server # legacy', 'a comment']
  ])('names the construct that stops %j', (line, construct) => {
    expect(splitCommandLine(line)).toEqual({ construct })
  })
})

describe('servers a platform loads outside its server map', () => {
  it('reads Gemini CLI mcp.serverCommand as the server "mcp", replacing the map\'s', () => {
    const text =
      '{\n  "mcpServers": { "mcp": { "command": "old" }, "a": { "command": "x" } },\n  "mcp": { "serverCommand": "node \'s.js\' --port 1" }\n}\n'
    expect(servers('.gemini/settings.json', text)).toEqual([
      { name: 'a', value: { command: 'x' }, at: '2:48' },
      { name: 'mcp', value: { command: 'node', args: ['s.js', '--port', '1'] }, at: '3:12' }
    ])
  })

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['cut by a shell operator', 'node s.js | cat']
  ])('adds no server for an mcp.serverCommand that is %s', (_, line) => {
    const text = JSON.stringify({ mcp: { serverCommand: line } })
    expect(servers('.gemini/settings.json', text)).toEqual([])
  })

  it('numbers the items of a Gemini CLI mcpServers array', () => {
    const text = '{ "mcpServers": [{ "command": "a" }, { "url": "https://x/mcp" }] }'
    expect(servers('.gemini/settings.json', text)).toEqual([
      { name: '0', value: { command: 'a' }, at: '1:18' },
      { name: '1', value: { url: 'https://x/mcp' }, at: '1:38' }
    ])
  })

  it('reads no servers from an array where the platform does not number them', () => {
    expect(servers('.mcp.json', '{ "mcpServers": [{ "command": "a" }] }', claudeCode)).toEqual([])
  })
})
