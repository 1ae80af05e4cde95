/** Character codes the quick JSON and TOML readers compare with. */
export const Code = {
  tab: 9,
  lineFeed: 10,
  carriageReturn: 13,
  space: 32,
  quote: 34,
  hash: 35,
  apostrophe: 39,
  asterisk: 42,
  plus: 43,
  comma: 44,
  minus: 45,
  dot: 46,
  slash: 47,
  zero: 48,
  nine: 57,
  colon: 58,
  equals: 61,
  upperE: 69,
  openBracket: 91,
  backslash: 92,
  closeBracket: 93,
  lowerE: 101,
  lowerU: 117,
  openBrace: 123,
  closeBrace: 125,
  delete: 127,
  lineSeparator: 0x2028,
  paragraphSeparator: 0x2029
} as const

/** The one-character escapes JSON and TOML basic strings share, by the code after the backslash. */
export const shortEscapes: ReadonlyMap<number, string> = new Map([
  [Code.quote, '"'],
  [Code.backslash, '\\'],
  [98, '\b'],
  [102, '\f'],
  [110, '\n'],
  [114, '\r'],
  [116, '\t']
])

export function isDigit(code: number): boolean {
  return code >= Code.zero && code <= Code.nine
}

/**
 * The escape at `at` (a backslash) in a quoted string: what it stands for and the index after it.
 * Undefined for one outside `escapes` and `\uXXXX`, or a `\u` surrogate where `scalarsOnly` (TOML
 * escapes name Unicode scalar values; JSON's may name half of a pair).
 */
export function readEscape(
  text: string,
  at: number,
  escapes: ReadonlyMap<number, string>,
  scalarsOnly: boolean
): { readonly character: string; readonly end: number } | undefined {
  const escape = text.charCodeAt(at + 1)
  if (escape !== Code.lowerU) {
    const character = escapes.get(escape)
    return character === undefined ? undefined : { character, end: at + 2 }
  }
  const hex = text.slice(at + 2, at + 6)
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined
  const unit = Number.parseInt(hex, 16)
  if (scalarsOnly && unit >= 0xd800 && unit <= 0xdfff) return undefined
  return { character: String.fromCharCode(unit), end: at + 6 }
}
