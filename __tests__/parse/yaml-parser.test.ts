import { describe, expect, it } from '@jest/globals'
import { parse as parseWithYaml } from 'yaml'
import { parseYaml } from '../../src/parse/yaml.js'
import { SourceText } from '../../src/model/location.js'
import { locateInString } from '../../src/model/string-range.js'
import { resolvePath, toPlain, type StringNode } from '../../src/model/tree.js'

const parse = (text: string) => parseYaml(new SourceText('block.yaml', text))

describe('parseYaml', () => {
  const text = [
    'name: Servers # a comment',
    'version: "0.0.1"',
    'mcpServers:',
    '  - name: github',
    '    command: npx',
    '    args: [\'-y\', "pkg@1.0.0", 3, true, ~]',
    '    env:',
    '      TOKEN: Bearer ${{ secrets.TOKEN }}',
    '      QUOTED: "a\\tb ${{ secrets.B }}"',
    '  - name: docs',
    '    url: |',
    '      https://x/mcp',
    ''
  ].join('\n')

  it('builds the value the yaml library reads', () => {
    const { root, problems } = parse(text)
    expect(problems).toEqual([])
    expect(root === undefined ? undefined : toPlain(root)).toEqual(parseWithYaml(text))
  })

  it('locates keys and values, and references inside flow scalars', () => {
    const source = new SourceText('block.yaml', text)
    const { root } = parseYaml(source)
    if (root === undefined) throw new Error('no root')
    const at = (path: string[]) => resolvePath(root, path)?.location.range.start
    expect(at(['mcpServers', '0', 'command'])).toEqual({ line: 5, column: 14 })
    expect(at(['mcpServers', '0', 'args', '1'])).toEqual({ line: 6, column: 18 })
    expect(at(['mcpServers', '1', 'url'])).toEqual({ line: 11, column: 10 })
    const plain = resolvePath(root, ['mcpServers', '0', 'env', 'TOKEN']) as StringNode
    expect(plain.style).toBe('yaml-plain')
    expect(locateInString(source, plain, 7, plain.value.length).range.start).toEqual({
      line: 8,
      column: 21
    })
    const quoted = resolvePath(root, ['mcpServers', '0', 'env', 'QUOTED']) as StringNode
    const from = quoted.value.indexOf('$')
    expect(locateInString(source, quoted, from, quoted.value.length).range.start).toEqual({
      line: 9,
      column: 21
    })
  })

  it('keeps both copies of a repeated key', () => {
    const { root, problems } = parse('a: 1\na: 2\n')
    expect(problems).toEqual([])
    expect(root?.kind === 'object' ? root.properties.map((p) => p.key.value) : []).toEqual([
      'a',
      'a'
    ])
  })

  it('reports a syntax error by its code and position, never quoting the file', () => {
    const secret = 'ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
    const { root, problems } = parse(`env:\n  TOKEN: "${secret}\n  other: [1, 2\n`)
    expect(root).toBeUndefined()
    expect(problems).toHaveLength(1)
    expect(problems[0]?.kind).toBe('syntax')
    expect(JSON.stringify(problems)).not.toContain('ghp_')
  })

  it('refuses an alias bomb and nesting deeper than mcp-lint walks', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level <= 6; level++) {
      const previous = String.fromCharCode(96 + level)
      const name = String.fromCharCode(97 + level)
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`)
    }
    expect(parse(bomb.join('\n')).problems[0]?.kind).toBe('too-long')
    expect(parse(`${'['.repeat(100)}${']'.repeat(100)}`).problems[0]?.kind).toBe('too-deep')
  })

  it('calls an empty file empty', () => {
    expect(parse('# only a comment\n').problems[0]?.kind).toBe('empty')
  })
})
