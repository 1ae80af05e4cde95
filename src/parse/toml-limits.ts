import { MAX_DEPTH, MAX_TOKEN_LENGTH } from './syntax-problem.js'

/** Where a TOML text passes a limit, found before toml-eslint-parser sees it. */
export interface TomlLimitBreach {
  readonly kind: 'too-deep' | 'too-long'
  readonly detail: string
  readonly offset: number
}

/** Characters that end a bare key, number, boolean or date outside strings and comments. */
const DELIMITERS = new Set([' ', '\t', '\r', '\n', '[', ']', '{', '}', ',', '=', '#', '"', "'"])

/**
 * Finds the first place the text passes a limit, in one pass without recursion: `[`/`{` nesting
 * deeper than MAX_DEPTH, or a string, key or value longer than MAX_TOKEN_LENGTH. The length matters
 * because toml-eslint-parser builds each token with `String.fromCodePoint(...codePoints)`, which
 * passes every code point as an argument on the stack and overflows it at about 120,000.
 */
export function findTomlLimitBreach(text: string): TomlLimitBreach | undefined {
  let depth = 0
  let index = 0
  let runStart = -1
  const tooLong = (start: number, what: string): TomlLimitBreach => ({
    kind: 'too-long',
    detail: `${what} longer than ${MAX_TOKEN_LENGTH.toLocaleString('en-US')} characters`,
    offset: start
  })
  while (index < text.length) {
    const char = text.charAt(index)
    if (!DELIMITERS.has(char)) {
      if (runStart === -1) runStart = index
      if (index - runStart >= MAX_TOKEN_LENGTH) return tooLong(runStart, 'a key or value')
      index++
      continue
    }
    runStart = -1
    if (char === '#') {
      while (index < text.length && text[index] !== '\n') index++
    } else if (char === '"' || char === "'") {
      const start = index
      const triple = text.startsWith(char.repeat(3), index)
      const quote = triple ? char.repeat(3) : char
      index += quote.length
      const content = index
      while (index < text.length && !text.startsWith(quote, index)) {
        if (char === '"' && text[index] === '\\') index++
        else if (!triple && text[index] === '\n') break
        index++
        // Raw characters: escapes only shorten the value, so this bounds its code points too.
        if (index - content > MAX_TOKEN_LENGTH) return tooLong(start, 'a string')
      }
    } else if (char === '[' || char === '{') {
      depth++
      if (depth > MAX_DEPTH)
        return {
          kind: 'too-deep',
          detail: `nesting deeper than ${MAX_DEPTH} levels`,
          offset: index
        }
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1)
    index++
  }
  return undefined
}
