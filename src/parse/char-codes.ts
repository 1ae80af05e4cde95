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
