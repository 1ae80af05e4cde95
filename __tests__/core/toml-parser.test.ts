import { describe, expect, it } from '@jest/globals'
import { parseToml } from '../../src/core/parse/toml.js'
import { SourceText } from '../../src/core/source.js'
import { resolvePath, toPlain } from '../../src/core/tree.js'

const parse = (text: string) => parseToml(new SourceText('config.toml', text))

describe('parseToml', () => {
  const text = [
    'model = "o3" # comment',
    '',
    '[mcp_servers.github]',
    'command = "npx"',
    'args = [\'-y\', "pkg"]',
    'env = { TOKEN = "x", "QUOTED KEY" = "y" }',
    'tool.timeout = 5',
    '',
    '[mcp_servers.github.tools.search]',
    'approval_mode = "auto"',
    '',
    '[[profiles]]',
    'name = "a"',
    '[[profiles]]',
    'name = "b"',
    'when = 1979-05-27T07:32:00Z',
    ''
  ].join('\n')

  it('builds the same value a TOML reader would', () => {
    const { root, problems } = parse(text)
    expect(problems).toEqual([])
    expect(root === undefined ? undefined : toPlain(root)).toEqual({
      model: 'o3',
      mcp_servers: {
        github: {
          command: 'npx',
          args: ['-y', 'pkg'],
          env: { TOKEN: 'x', 'QUOTED KEY': 'y' },
          tool: { timeout: 5 },
          tools: { search: { approval_mode: 'auto' } }
        }
      },
      profiles: [{ name: 'a' }, { name: 'b', when: '1979-05-27T07:32:00Z' }]
    })
  })

  it('positions table headers, keys and values', () => {
    const { root } = parse(text)
    if (root?.kind !== 'object') throw new Error('object expected')
    const servers = resolvePath(root, ['mcp_servers'])
    if (servers?.kind !== 'object') throw new Error('object expected')
    const github = servers.properties[0]
    expect(github?.key.location.range).toEqual({
      start: { line: 3, column: 14 },
      end: { line: 3, column: 20 }
    })
    expect(resolvePath(root, ['mcp_servers', 'github', 'args', '1'])?.location.range.start).toEqual(
      { line: 5, column: 15 }
    )
    expect(
      resolvePath(root, ['mcp_servers', 'github', 'env', 'QUOTED KEY'])?.location.range.start
    ).toEqual({ line: 6, column: 37 })
    expect(
      resolvePath(root, ['mcp_servers', 'github', 'tool', 'timeout'])?.location.range.start
    ).toEqual({ line: 7, column: 16 })
  })

  it('reports a syntax error at its position, without quoting the input', () => {
    const { root, problems } = parse(
      '[mcp_servers.x]\ntoken = ghp_abcdefghijklmnopqrstuvwxyz0123456789\n'
    )
    expect(root).toBeUndefined()
    expect(problems).toHaveLength(1)
    expect(problems[0]?.location.range.start).toEqual({ line: 2, column: 9 })
    expect(problems[0]?.detail).not.toContain('ghp_')
  })

  it('does not count brackets inside strings and comments as nesting', () => {
    const brackets = '['.repeat(200)
    expect(
      parse(`a = "${brackets}"\nb = '${brackets}'\n# ${brackets}\nc = """\n${brackets}\n"""\n`)
        .problems
    ).toEqual([])
  })
})
