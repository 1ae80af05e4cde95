import { describe, expect, it } from '@jest/globals'
import { parseJson } from '../../src/parse/json.js'
import { SourceText } from '../../src/model/location.js'
import { findProperty, resolvePath, toPlain, type ValueNode } from '../../src/model/tree.js'

const parse = (text: string) => parseJson(new SourceText('f.json', text))
const at = (node: ValueNode | undefined) => node?.location.range

describe('parseJson', () => {
  it('gives every key and value its 1-based position, end exclusive', () => {
    const { root } = parse('{\n  "mcpServers": {\n    "gh": { "args": ["-y", 2] }\n  }\n}')
    expect(root).toBeDefined()
    if (root?.kind !== 'object') throw new Error('object expected')
    const servers = findProperty(root, 'mcpServers')
    expect(servers?.key.location.range).toEqual({
      start: { line: 2, column: 3 },
      end: { line: 2, column: 15 }
    })
    expect(at(resolvePath(root, ['mcpServers', 'gh', 'args', '0']))).toEqual({
      start: { line: 3, column: 22 },
      end: { line: 3, column: 26 }
    })
    expect(at(resolvePath(root, ['mcpServers', 'gh']))).toEqual({
      start: { line: 3, column: 11 },
      end: { line: 3, column: 32 }
    })
  })

  it('keeps duplicate keys in source order and lets the last one win', () => {
    const { root } = parse('{ "a": 1, "a": 2 }')
    if (root?.kind !== 'object') throw new Error('object expected')
    expect(root.properties.map((p) => p.key.location.range.start.column)).toEqual([3, 11])
    expect(toPlain(root)).toEqual({ a: 2 })
  })

  it('keeps __proto__ as an ordinary key', () => {
    const { root } = parse('{ "__proto__": { "polluted": 1 } }')
    if (root === undefined) throw new Error('parsed value expected')
    const plain = toPlain(root) as Record<string, unknown>
    // No Object.prototype on the chain: nothing is inherited, and `__proto__` is a key.
    expect(['constructor' in plain, 'toString' in plain]).toEqual([false, false])
    expect(Object.keys(plain)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('records comments and trailing commas without rejecting them', () => {
    const result = parse('{\n  // a\n  "a": [1, 2,], /* b */\n}')
    expect(result.problems).toEqual([])
    expect(result.comments.map((c) => c.range.start)).toEqual([
      { line: 2, column: 3 },
      { line: 3, column: 17 }
    ])
    expect(result.trailingCommas.map((c) => c.range.start)).toEqual([
      { line: 3, column: 13 },
      { line: 3, column: 15 }
    ])
  })

  it('decodes escapes in strings', () => {
    const { root } = parse('["a\\"b\\u0041\\n"]')
    expect(root === undefined ? undefined : toPlain(root)).toEqual(['a"bA\n'])
  })

  it.each([
    ['{', 'the file ends before the object opened at 1:1 is closed', 1, 2],
    ['[1, 2', 'the file ends before the array opened at 1:1 is closed', 1, 6],
    ['{"a" 1}', 'expected ":" after the property name', 1, 6],
    ["{'a': 1}", 'expected a property name in double quotes', 1, 2],
    [
      '{"a": NaN}',
      'expected a value: a string in double quotes, a number, an object, an array, true, false or null',
      1,
      7
    ],
    ['{"a": "\\q"}', 'invalid escape character in a string', 1, 7],
    ['{"a": "x\ty"}', 'control character inside a string: escape it', 1, 7],
    ['/* open', 'unterminated block comment', 1, 1],
    ['[1 2]', 'expected "," or "]"', 1, 4],
    ['{}}', 'unexpected content after the end of the top-level value', 1, 3]
  ])('reports %j as "%s" at %i:%i', (text, detail, line, column) => {
    const result = parse(text)
    expect(result.root).toBeUndefined()
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]?.detail).toBe(detail)
    expect(result.problems[0]?.location.range.start).toEqual({ line, column })
  })

  it('never quotes the input in a problem', () => {
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'
    for (const text of [
      `{"a": ${secret}}`,
      `{"a": "${secret}`,
      `{${secret}: 1}`,
      `[${secret}`,
      `{"a":"${secret}"`
    ]) {
      for (const problem of parse(text).problems) expect(problem.detail).not.toContain('ghp_')
    }
  })

  it('handles 100,000 levels of nesting without overflowing the stack', () => {
    for (const open of ['[', '{"a":']) {
      const result = parse(open.repeat(100000))
      expect(result.problems[0]?.kind).toBe('too-deep')
    }
    expect(parse(`${'['.repeat(64)}${']'.repeat(64)}`).problems).toEqual([])
  })

  it('reads a string of 900,000 characters: JSON strings have no length limit here', () => {
    const long = 'a'.repeat(900_000)
    const { root, problems } = parse(`{ "mcpServers": { "a": { "args": ["${long}"] } } }`)
    expect(problems).toEqual([])
    expect(root && toPlain(root)).toEqual({ mcpServers: { a: { args: [long] } } })
  })
})
