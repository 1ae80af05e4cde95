import { beforeAll, describe, expect, it } from '@jest/globals'
import { findReferences } from '../../src/model/interpolation.js'
import { parseJson } from '../../src/parse/json.js'
import { loadThoroughToml, parseToml } from '../../src/parse/toml.js'
import { SourceText } from '../../src/model/location.js'
import { locateInString } from '../../src/model/string-range.js'
import { resolvePath, type StringNode } from '../../src/model/tree.js'

// Texts the quick reader leaves to toml-eslint-parser need it loaded.
beforeAll(loadThoroughToml)

function locate(source: SourceText, node: StringNode, needle: string) {
  const start = node.value.indexOf(needle)
  const location = locateInString(source, node, start, start + needle.length)
  return source.text.slice(location.offset, location.offset + location.length)
}

describe('locateInString', () => {
  it('maps decoded offsets through JSON escapes', () => {
    const source = new SourceText('f.json', '["a\\"b\\u00e9\\\\ ${X} \\ud83d\\ude00 ${Y}"]')
    const node = resolvePath(
      parseJson(source).root ?? { kind: 'null', value: null, location: source.locate(0, 0) },
      ['0']
    )
    if (node?.kind !== 'string') throw new Error('string expected')
    expect(locate(source, node, '${X}')).toBe('${X}')
    expect(locate(source, node, '${Y}')).toBe('${Y}')
  })

  it.each([
    ['basic', 'a = "x\\t${X}"'],
    ['literal', "a = 'x\\t${X}'"],
    ['multi-line literal', "a = '''\nx ${X}'''"]
  ])('maps TOML %s strings', (_, text) => {
    const source = new SourceText('c.toml', text)
    const node = resolvePath(
      parseToml(source).root ?? { kind: 'null', value: null, location: source.locate(0, 0) },
      ['a']
    )
    if (node?.kind !== 'string') throw new Error('string expected')
    expect(locate(source, node, '${X}')).toBe('${X}')
  })
})

describe('findReferences', () => {
  it('finds every syntax with its kind, name and offsets', () => {
    const refs = findReferences(
      '${A} ${B:-x} ${env:C} ${input:d} $E {env:F} ${workspaceFolder} ${/} $lower $${G}'
    )
    expect(refs.map((r) => [r.kind, r.name, r.prefix ?? null, r.hasDefault, r.text])).toEqual([
      ['brace', 'A', null, false, '${A}'],
      ['brace', 'B', null, true, '${B:-x}'],
      ['prefixed', 'C', 'env', false, '${env:C}'],
      ['prefixed', undefined, 'input', false, '${input:d}'],
      ['bare', 'E', null, false, '$E'],
      ['curly-env', 'F', 'env', false, '{env:F}'],
      ['brace', 'workspaceFolder', null, false, '${workspaceFolder}'],
      ['brace', undefined, null, false, '${/}']
    ])
  })
})
