import fc from 'fast-check'
import {
  fromCanonical,
  parseCanonical,
  type ReferenceStyle,
  type Segment
} from '../../src/canonical/references.js'

/** The definition, a character at a time: what the faster scan must agree with. */
function parseSlowly(value: string): Segment[] {
  const segments: Segment[] = []
  let literal = ''
  let index = 0
  const reference = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^{}]*))?\}/
  while (index < value.length) {
    if (value.startsWith('$${', index)) {
      literal += '${'
      index += 3
      continue
    }
    const match = value[index] === '$' ? reference.exec(value.slice(index)) : null
    if (match === null) {
      literal += value[index] ?? ''
      index++
      continue
    }
    if (literal !== '') segments.push({ text: literal })
    literal = ''
    const [text, name = '', fallback] = match
    segments.push(fallback === undefined ? { text, name } : { text, name, fallback })
    index += text.length
  }
  if (literal !== '') segments.push({ text: literal })
  return segments
}

// Values made of the characters that matter to references, and a few that do not.
const values = fc
  .array(fc.constantFrom('$', '{', '}', ':', '-', 'A', 'b_1', 'env:', ' ', 'é', '${X}', '$${'), {
    maxLength: 12
  })
  .map((parts) => parts.join(''))

describe('parseCanonical', () => {
  it('splits every value as the character-by-character definition does', () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(parseCanonical(value)).toEqual(parseSlowly(value))
      }),
      { numRuns: 5000 }
    )
  })
})

describe('fromCanonical', () => {
  it('returns a value without `$` as it is, unless the style would read it as a reference', () => {
    const styles: ReferenceStyle[] = [
      'brace',
      'env-prefix',
      'curly-env',
      'secrets-template',
      'none'
    ]
    for (const style of styles) {
      expect(fromCanonical('plain text', style, false)).toBe('plain text')
      expect(fromCanonical('', style, false)).toBe('')
    }
    expect(fromCanonical('a {env:HOME} b', 'curly-env', false)).toBeUndefined()
    expect(fromCanonical('a {env:HOME} b', 'brace', false)).toBe('a {env:HOME} b')
  })
})
