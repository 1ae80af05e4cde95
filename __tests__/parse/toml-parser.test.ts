import { beforeAll, describe, expect, it } from '@jest/globals'
import { loadThoroughToml, parseToml } from '../../src/parse/toml.js'
import { SourceText } from '../../src/model/location.js'
import { resolvePath, toPlain } from '../../src/model/tree.js'

// Texts the quick reader leaves to toml-eslint-parser need it loaded.
beforeAll(loadThoroughToml)

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

  it('reads TOML 1.1 as Codex 0.171.0 does, with exact positions', () => {
    const { root, problems } = parse(
      [
        'at = 07:32',
        '[mcp_servers]',
        'a = {',
        '  command = "x", # comment',
        '  args = ["\\e[1m", "\\x41"],',
        '}',
        ''
      ].join('\n')
    )
    expect(problems).toEqual([])
    expect(root === undefined ? undefined : toPlain(root)).toEqual({
      at: '07:32',
      mcp_servers: { a: { command: 'x', args: ['\u001b[1m', 'A'] } }
    })
    if (root === undefined) throw new Error('parsed root expected')
    expect(resolvePath(root, ['mcp_servers', 'a', 'args', '1'])?.location.range.start).toEqual({
      line: 5,
      column: 20
    })
  })

  it('rejects non-ASCII bare keys, as Codex 0.171.0 does', () => {
    expect(parse('[mcp_servers.café]\ncommand = "x"\n').root).toBeUndefined()
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

  describe('limits: a positioned problem, never a stack overflow', () => {
    const server = '[mcp_servers.a]\ncommand = "x"\n'
    const problem = (text: string) => {
      const { root, problems } = parse(text)
      expect(root).toBeUndefined()
      const [first] = problems
      return first && { kind: first.kind, detail: first.detail, at: first.location.range.start }
    }

    it('reports strings and values longer than 65,536 characters at their start', () => {
      const tooLong = { kind: 'too-long', at: { line: 3, column: 5 } }
      expect(problem(`${server}z = "${'a'.repeat(500_000)}"\n`)).toEqual({
        ...tooLong,
        detail: 'a string longer than 65,536 characters'
      })
      expect(problem(`${server}z = '''${'a'.repeat(1_000_000)}'''\n`)).toEqual({
        ...tooLong,
        detail: 'a string longer than 65,536 characters'
      })
      expect(problem(`${server}z = ${'1'.repeat(500_000)}\n`)).toEqual({
        ...tooLong,
        detail: 'a key or value longer than 65,536 characters'
      })
    })

    it('reads a string of exactly 65,536 characters', () => {
      const long = 'a'.repeat(65_536)
      const { root, problems } = parse(`${server}z = "${long}"\nw = '''${long}'''\n`)
      expect(problems).toEqual([])
      expect(root && toPlain(root)).toEqual({
        mcp_servers: { a: { command: 'x', z: long, w: long } }
      })
    })

    it('reports a key of more than 64 parts at its 65th part', () => {
      expect(problem(`${server}${Array(3000).fill('z').join('.')} = 1\n`)).toEqual({
        kind: 'too-deep',
        detail: 'a key of more than 64 parts',
        at: { line: 3, column: 129 }
      })
    })

    it('counts tables, dotted keys, arrays and inline tables as nesting, to 64 levels', () => {
      // Root, mcp_servers and a are three levels; every dotted part but the last adds one.
      const dotted = (parts: number) => `${server}${Array(parts).fill('z').join('.')} = 1\n`
      expect(parse(dotted(62)).problems).toEqual([])
      expect(problem(dotted(63))).toEqual({
        kind: 'too-deep',
        detail: 'nesting deeper than 64 levels',
        at: { line: 3, column: 123 }
      })
      expect(problem(`${server}z = ${'[{ y = '.repeat(31)}1${' }]'.repeat(31)}\n`)).toMatchObject({
        kind: 'too-deep',
        detail: 'nesting deeper than 64 levels'
      })
      const tables = Array.from(
        { length: 40 },
        (_, depth) =>
          `[[${Array(depth + 1)
            .fill('t')
            .join('.')}]]`
      )
      expect(problem(tables.join('\n'))).toEqual({
        kind: 'too-deep',
        detail: 'nesting deeper than 64 levels',
        at: { line: 32, column: 1 }
      })
    })
  })
})
