import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { SourceText } from '../../src/model/location.js'
import { parseJsonQuickly } from '../../src/parse/json-quick.js'
import { parseJsonThoroughly } from '../../src/parse/json.js'

/** Everything a parse gives, locations with their lines and columns, as comparable text. */
function snapshot(parse: object): string {
  return JSON.stringify(parse)
}

/**
 * The quick reader either gives up or gives exactly what the thorough parser gives. It never
 * accepts a text the thorough parser has a problem with.
 */
function expectAgreement(text: string): 'quick' | 'thorough' {
  const quick = parseJsonQuickly(new SourceText('f.json', text))
  const thorough = parseJsonThoroughly(new SourceText('f.json', text))
  if (quick === undefined) return 'thorough'
  expect(thorough.problems).toEqual([])
  const { root, comments, trailingCommas } = thorough
  expect(snapshot(quick)).toBe(snapshot({ root, comments, trailingCommas }))
  return 'quick'
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.jsonc?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('parseJsonQuickly', () => {
  it('reads every well-formed fixture as the thorough parser does', () => {
    const files = jsonFiles('fixtures')
    let quick = 0
    for (const file of files) if (expectAgreement(readFileSync(file, 'utf8')) === 'quick') quick++
    // The fixtures include broken files on purpose; the well-formed ones are nearly all.
    expect(files.length).toBeGreaterThan(200)
    expect(quick / files.length).toBeGreaterThan(0.8)
  })

  it('reads comments, trailing commas, escapes, numbers and CRLF line breaks', () => {
    const text =
      '// head\r\n{ /* a */ "a\\u00e9\\n\\"": [1, -0.5e+3, 2E-2, true, false, null,],\r\n "b": {}, "c": [] , }'
    expect(expectAgreement(text)).toBe('quick')
    const parse = parseJsonQuickly(new SourceText('f.json', text))
    expect(parse?.comments.map((comment) => comment.range)).toEqual([
      { start: { line: 1, column: 1 }, end: { line: 1, column: 8 } },
      { start: { line: 2, column: 3 }, end: { line: 2, column: 10 } }
    ])
    expect(parse?.trailingCommas).toHaveLength(2)
  })

  it.each([
    ['an empty text', ''],
    ['only a comment', '// nothing'],
    ['a byte order mark', '\ufeff{}'],
    ['a non-breaking space', '{\u00a0}'],
    ['a line separator in a comment', '// a\u2028{}'],
    ['a lone minus', '[-]'],
    ['a leading zero', '[01]'],
    ['a bare fraction point', '[1.]'],
    ['an exponent without digits', '[1e+]'],
    ['a word that starts like a literal', '[truex]'],
    ['an unknown escape', '["\\x"]'],
    ['a short \\u escape', '["\\u12"]'],
    ['a control character in a string', '["a\tb"]'],
    ['an unterminated string', '["abc'],
    ['an unterminated block comment', '{} /* open'],
    ['a single slash', '{} /'],
    ['two commas', '[1,,2]'],
    ['a missing colon', '{"a" 1}'],
    ['an unquoted key', '{a: 1}'],
    ['content after the value', '{} {}'],
    ['nesting past the limit', `${'['.repeat(65)}${']'.repeat(65)}`]
  ])('leaves %s to the thorough parser', (_, text) => {
    expect(parseJsonQuickly(new SourceText('f.json', text))).toBeUndefined()
  })

  it('reads the deepest nesting the thorough parser accepts', () => {
    expect(expectAgreement(`${'['.repeat(64)}${']'.repeat(64)}`)).toBe('quick')
  })

  it('agrees with the thorough parser on generated JSON, formatted and commented', () => {
    const layout = fc.constantFrom('', ' ', '\n', '\r\n', '\t', ' // c\n', '/* c */')
    fc.assert(
      fc.property(fc.jsonValue(), layout, layout, (value, before, after) => {
        const text = `${before}${JSON.stringify(value, null, 1).replaceAll('\n', `\n${after}`)}${after}`
        expect(expectAgreement(text)).toBe('quick')
      }),
      { numRuns: 300 }
    )
  })

  it('never accepts what the thorough parser refuses, on texts with a character changed', () => {
    const source = JSON.stringify({ a: ['x\\y', 1.5e3, true, null], 'b"': { c: -2 } }, null, 2)
    fc.assert(
      fc.property(
        fc.nat(source.length - 1),
        fc.constantFrom(...Array.from('{}[],:"\\/*-+.eE0 \n\tatrufn\u00a0\u2028x')),
        fc.boolean(),
        (at, character, insert) => {
          const text = `${source.slice(0, at)}${character}${source.slice(insert ? at : at + 1)}`
          expectAgreement(text)
        }
      ),
      { numRuns: 1000 }
    )
  })
})
