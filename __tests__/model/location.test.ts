import { SourceText } from '../../src/model/location.js'

/** Line and column by walking the text from its start: the slow definition positionAt must match. */
function walk(text: string, offset: number): { line: number; column: number } {
  let clamped = Math.max(0, Math.min(offset, text.length))
  if (text.charCodeAt(clamped) === 10 && text.charCodeAt(clamped - 1) === 13) clamped--
  let line = 1
  let lineStart = 0
  for (let index = 0; index < clamped; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: clamped - lineStart + 1 }
}

describe('SourceText.positionAt', () => {
  const text = 'a\nbc\r\n\r\ndef\rg\n\n{\n  "k": 1\n}\r\nlast'

  it('matches a walk from the start for every offset, in text order', () => {
    const source = new SourceText('f.json', text)
    for (let offset = -2; offset <= text.length + 2; offset++)
      expect(source.positionAt(offset)).toEqual(walk(text, offset))
  })

  it('matches it in any order: backwards, and jumping across the text', () => {
    const source = new SourceText('f.json', text)
    for (let offset = text.length + 1; offset >= -1; offset--)
      expect(source.positionAt(offset)).toEqual(walk(text, offset))
    // A fixed pseudo-random walk: far jumps, near steps and repeats.
    let offset = 7
    for (let step = 0; step < 500; step++) {
      offset = (offset * 31 + 17) % (text.length + 3)
      expect(source.positionAt(offset - 1)).toEqual(walk(text, offset - 1))
    }
  })

  it('handles a text without line breaks, and an empty text', () => {
    expect(new SourceText('f', 'abc').positionAt(2)).toEqual({ line: 1, column: 3 })
    expect(new SourceText('f', '').positionAt(5)).toEqual({ line: 1, column: 1 })
  })
})

describe('SourceText.locate', () => {
  const text = '{\n  "key": "value"\n}\n'
  const source = new SourceText('dir/f.json', text)

  it('works out line and column when they are read, as a plain Location would hold them', () => {
    const location = source.locate(text.indexOf('"value"'), 7)
    const plain = {
      file: 'dir/f.json',
      range: { start: { line: 2, column: 10 }, end: { line: 2, column: 17 } },
      offset: 11,
      length: 7
    }
    expect(location).toEqual(plain)
    expect(location.range).toBe(location.range)
    // Spreads, JSON and key order see the same four fields: range is an own, enumerable property.
    expect(Object.keys(location)).toEqual(['file', 'range', 'offset', 'length'])
    expect({ ...location }).toEqual(plain)
    expect(JSON.parse(JSON.stringify(location))).toEqual(plain)
  })

  it('clamps to the text, so a problem at the end of input points at its end', () => {
    expect(source.locate(text.length + 5, 3)).toEqual({
      file: 'dir/f.json',
      range: { start: { line: 4, column: 1 }, end: { line: 4, column: 1 } },
      offset: text.length,
      length: 0
    })
  })
})
