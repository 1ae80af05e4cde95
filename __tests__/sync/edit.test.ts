import { describe, expect, it } from '@jest/globals'
import { formatValue } from '../../src/model/json-format.js'
import { detectFormatting, editJsonServers } from '../../src/sync/json-edit.js'
import { replaceTomlServers } from '../../src/sync/toml-edit.js'
import { unifiedDiff } from '../../src/sync/unified-diff.js'

describe('editJsonServers', () => {
  const jsonc = [
    '{',
    '  // team servers',
    '  "inputs": [],',
    '  "servers": {',
    '    "a": { "command": "a" }, // keep me',
    '    "b": { "command": "old" },',
    '  },',
    '}',
    ''
  ].join('\n')

  it('replaces one server in place and keeps comments, trailing commas and neighbours', () => {
    expect(
      editJsonServers(
        jsonc,
        'servers',
        new Map([['b', { command: 'new', args: ['-y', 'pkg'] }]]),
        []
      )
    ).toBe(
      [
        '{',
        '  // team servers',
        '  "inputs": [],',
        '  "servers": {',
        '    "a": { "command": "a" }, // keep me',
        '    "b": {',
        '      "command": "new",',
        '      "args": ["-y", "pkg"]',
        '    },',
        '  },',
        '}',
        ''
      ].join('\n')
    )
  })

  it('adds a server after the last one, keeping the trailing-comma style', () => {
    const added = editJsonServers(jsonc, 'servers', new Map([['c', { command: 'c' }]]), [])
    expect(added).toContain(
      '    "b": { "command": "old" },\n    "c": {\n      "command": "c"\n    },\n  },'
    )
  })

  it('adds after the last server in strict JSON with a comma, in tabs and CRLF when the file uses them', () => {
    const text = '{\r\n\t"mcpServers": {\r\n\t\t"a": {}\r\n\t}\r\n}\r\n'
    expect(detectFormatting(text)).toEqual({ insertSpaces: false, tabSize: 1, eol: '\r\n' })
    expect(editJsonServers(text, 'mcpServers', new Map([['b', { command: 'b' }]]), [])).toBe(
      '{\r\n\t"mcpServers": {\r\n\t\t"a": {},\r\n\t\t"b": {\r\n\t\t\t"command": "b"\r\n\t\t}\r\n\t}\r\n}\r\n'
    )
  })

  it('fills an empty map, creates a missing one and removes servers', () => {
    expect(
      editJsonServers('{ "mcpServers": {} }', 'mcpServers', new Map([['a', { command: 'a' }]]), [])
    ).toBe('{ "mcpServers": {\n  "a": {\n    "command": "a"\n  }\n} }')
    expect(
      JSON.parse(
        editJsonServers('{ "ui": {} }', 'mcpServers', new Map([['a', { command: 'a' }]]), [])
      )
    ).toEqual({
      ui: {},
      mcpServers: { a: { command: 'a' } }
    })
    expect(
      JSON.parse(
        editJsonServers('{ "mcpServers": { "a": {}, "b": {} } }', 'mcpServers', new Map(), ['a'])
      )
    ).toEqual({
      mcpServers: { b: {} }
    })
  })

  it('writes short arrays of scalars inline and long ones one item per line', () => {
    expect(formatValue({ args: ['a'], env: {} }, '', '  ', '\n')).toBe(
      '{\n  "args": ["a"],\n  "env": {}\n}'
    )
    const long = Array.from({ length: 12 }, (_, index) => `--option-number-${index}`)
    expect(formatValue(long, '', '  ', '\n').split('\n')).toHaveLength(14)
  })
})

describe('replaceTomlServers', () => {
  const toml = [
    'model = "o3" # keep',
    '',
    '[mcp_servers.old]',
    'command = "old"',
    '',
    '# profiles stay',
    '[profiles.fast]',
    'model = "o4-mini"',
    '',
    '[mcp_servers.old.env]',
    'A = "1"',
    ''
  ].join('\n')

  it('drops every mcp_servers table, keeps the rest and appends the new ones', () => {
    expect(replaceTomlServers(toml, new Map([['new', { command: 'new', env: { B: '2' } }]]))).toBe(
      [
        'model = "o3" # keep',
        '',
        '# profiles stay',
        '[profiles.fast]',
        'model = "o4-mini"',
        '',
        '[mcp_servers.new]',
        'command = "new"',
        'env = { B = "2" }',
        ''
      ].join('\n')
    )
  })

  it('is stable when run again', () => {
    const once = replaceTomlServers(
      toml,
      new Map([['a', { command: 'a', tools: { search: { approval_mode: 'auto' } } }]])
    )
    expect(
      replaceTomlServers(
        once,
        new Map([['a', { command: 'a', tools: { search: { approval_mode: 'auto' } } }]])
      )
    ).toBe(once)
  })
})

describe('unifiedDiff', () => {
  it('shows hunks with context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n'
    const after = ['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n') + '\n'
    expect(unifiedDiff('x.json', before, after)).toBe(
      [
        '--- a/x.json',
        '+++ b/x.json',
        '@@ -2,9 +2,10 @@',
        ' b',
        ' c',
        ' d',
        '-e',
        '+E',
        ' f',
        ' g',
        ' h',
        ' i',
        ' j',
        '+k',
        ''
      ].join('\n')
    )
    expect(unifiedDiff('x', 'same\n', 'same\n')).toBe('')
    expect(unifiedDiff('new.json', '', '{}\n')).toBe(
      '--- a/new.json\n+++ b/new.json\n@@ -0,0 +1,1 @@\n+{}\n'
    )
  })
})
