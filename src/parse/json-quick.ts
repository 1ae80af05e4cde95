import type { Location, SourceText } from '../model/location.js'
import type { PropertyNode, StringNode, ValueNode } from '../model/tree.js'
import { Code, readEscape, shortEscapes } from './char-codes.js'
import { MAX_DEPTH } from './syntax-problem.js'

/** What parseJson returns for a file with no syntax problem. */
export interface QuickJsonParse {
  readonly root: ValueNode
  readonly comments: readonly Location[]
  readonly trailingCommas: readonly Location[]
}

/** The one-character escapes JSON allows: the ones TOML has, and `\/`. */
const escapes = new Map([...shortEscapes, [Code.slash, '/']])

// Sticky patterns step over a run of characters in one native call, where a loop would call
// charCodeAt per character: a third of a formatted file is indentation. `test` makes no match array.
/** Whitespace between tokens. */
const whitespace = /[ \t\n\r]*/y
/** A string's characters up to a quote, a backslash or a control character. */
// eslint-disable-next-line no-control-regex -- JSON strings may not hold control characters: the run stops at them
const stringRun = /[^"\\\u0000-\u001f]*/y

/**
 * A reader for the files nearly every repository has: well-formed JSON or JSONC with ASCII
 * whitespace. It reads the text once, by character code, and builds the same tree as the
 * jsonc-parser path of parseJson (same values, same locations) at about a third of the cost. On
 * anything else (a syntax error, a character jsonc-parser reads as whitespace or a line break
 * that this reader does not, nesting past MAX_DEPTH) it gives up, returning undefined, and
 * parseJson reads the file again the thorough way, which words the finding.
 */
export function parseJsonQuickly(source: SourceText): QuickJsonParse | undefined {
  return new QuickReader(source).read()
}

class QuickReader {
  readonly #source: SourceText
  readonly #text: string
  #pos = 0
  readonly comments: Location[] = []
  readonly trailingCommas: Location[] = []
  // The children of the containers being read, on one stack each, taken off with splice when a
  // container closes: splice makes a list of the exact length, where pushing into a container's
  // own list leaves room for 16 more on each of thousands.
  readonly #properties: PropertyNode[] = []
  readonly #items: ValueNode[] = []

  constructor(source: SourceText) {
    this.#source = source
    this.#text = source.text
  }

  read(): QuickJsonParse | undefined {
    if (this.#skip() === -1) return undefined
    const root = this.#value(0)
    if (root === undefined || this.#skip() !== -1) return undefined
    return { root, comments: this.comments, trailingCommas: this.trailingCommas }
  }

  /**
   * Skips whitespace and comments; returns the code of the next character, -1 at the end of the
   * text, or -2 where this reader gives up.
   */
  #skip(): number {
    const text = this.#text
    let pos = this.#pos
    for (;;) {
      let code = text.charCodeAt(pos)
      if (
        code === Code.space ||
        code === Code.lineFeed ||
        code === Code.carriageReturn ||
        code === Code.tab
      ) {
        whitespace.lastIndex = pos + 1
        whitespace.test(text)
        pos = whitespace.lastIndex
        code = text.charCodeAt(pos)
      }
      this.#pos = pos
      if (Number.isNaN(code)) return -1
      if (code !== Code.slash) return code > 127 || code < Code.space ? -2 : code
      if (!this.#comment()) return -2
      pos = this.#pos
    }
  }

  #comment(): boolean {
    const text = this.#text
    const start = this.#pos
    const second = text.charCodeAt(start + 1)
    let end: number
    if (second === Code.slash) {
      end = start + 2
      for (; end < text.length; end++) {
        const code = text.charCodeAt(end)
        if (code === Code.lineFeed || code === Code.carriageReturn) break
        if (code === Code.lineSeparator || code === Code.paragraphSeparator) return false
      }
    } else if (second === Code.asterisk) {
      const close = text.indexOf('*/', start + 2)
      if (close === -1) return false
      end = close + 2
    } else return false
    this.comments.push(this.#source.locate(start, end - start))
    this.#pos = end
    return true
  }

  #value(depth: number): ValueNode | undefined {
    const text = this.#text
    const start = this.#pos
    const code = text.charCodeAt(start)
    if (code === Code.quote) return this.#string()
    if (code === Code.openBrace) return depth >= MAX_DEPTH ? undefined : this.#object(depth + 1)
    if (code === Code.openBracket) return depth >= MAX_DEPTH ? undefined : this.#array(depth + 1)
    if (code === Code.minus || (code >= Code.zero && code <= Code.nine)) return this.#number()
    const word = text.startsWith('true', start)
      ? 'true'
      : text.startsWith('false', start)
        ? 'false'
        : text.startsWith('null', start)
          ? 'null'
          : undefined
    if (word === undefined || !this.#endsWord(start + word.length)) return undefined
    this.#pos = start + word.length
    const location = this.#source.locate(start, word.length)
    return word === 'null'
      ? { kind: 'null', value: null, location }
      : { kind: 'boolean', value: word === 'true', location }
  }

  /** Whether a literal or number ends here, as jsonc-parser would end the word. */
  #endsWord(at: number): boolean {
    const code = this.#text.charCodeAt(at)
    return (
      Number.isNaN(code) ||
      code === Code.space ||
      code === Code.lineFeed ||
      code === Code.carriageReturn ||
      code === Code.tab ||
      code === Code.comma ||
      code === Code.closeBrace ||
      code === Code.closeBracket ||
      code === Code.slash
    )
  }

  #object(depth: number): ValueNode | undefined {
    const start = this.#pos++
    const base = this.#properties.length
    let next = this.#skip()
    for (;;) {
      if (next === Code.closeBrace) {
        const properties = this.#properties.splice(base)
        return { kind: 'object', properties, location: this.#close(start) }
      }
      if (next !== Code.quote) return undefined
      const key = this.#string()
      if (key === undefined || this.#skip() !== Code.colon) return undefined
      this.#pos++
      if (this.#skip() < 0) return undefined
      const value = this.#value(depth)
      if (value === undefined) return undefined
      this.#properties.push({ key, value })
      next = this.#skip()
      if (next === Code.comma) next = this.#afterComma(Code.closeBrace)
      else if (next !== Code.closeBrace) return undefined
    }
  }

  #array(depth: number): ValueNode | undefined {
    const start = this.#pos++
    const base = this.#items.length
    let next = this.#skip()
    for (;;) {
      if (next === Code.closeBracket) {
        const items = this.#items.splice(base)
        return { kind: 'array', items, location: this.#close(start) }
      }
      if (next < 0) return undefined
      const item = this.#value(depth)
      if (item === undefined) return undefined
      this.#items.push(item)
      next = this.#skip()
      if (next === Code.comma) next = this.#afterComma(Code.closeBracket)
      else if (next !== Code.closeBracket) return undefined
    }
  }

  /** Steps over a comma; a closer right after it makes the comma a trailing one. */
  #afterComma(closer: number): number {
    const comma = this.#pos++
    const next = this.#skip()
    if (next === closer) this.trailingCommas.push(this.#source.locate(comma, 1))
    return next
  }

  /** Steps over a container's closing character; the container's location. */
  #close(start: number): Location {
    this.#pos++
    return this.#source.locate(start, this.#pos - start)
  }

  #string(): StringNode | undefined {
    const text = this.#text
    const start = this.#pos
    let value = ''
    let from = start + 1
    let at = from
    for (;;) {
      stringRun.lastIndex = at
      stringRun.test(text)
      at = stringRun.lastIndex
      const code = text.charCodeAt(at)
      if (code === Code.quote) break
      if (code !== Code.backslash) return undefined
      const escaped = readEscape(text, at, escapes, false)
      if (escaped === undefined) return undefined
      value += text.slice(from, at) + escaped.character
      at = from = escaped.end
    }
    value += text.slice(from, at)
    this.#pos = at + 1
    return {
      kind: 'string',
      value,
      style: 'json',
      location: this.#source.locate(start, at + 1 - start)
    }
  }

  #number(): ValueNode | undefined {
    const text = this.#text
    const start = this.#pos
    let at = start
    if (text.charCodeAt(at) === Code.minus) at++
    if (text.charCodeAt(at) === Code.zero) at++
    else if ((at = skipDigits(text, at)) === -1) return undefined
    if (text.charCodeAt(at) === Code.dot && (at = skipDigits(text, at + 1)) === -1) return undefined
    const exponent = text.charCodeAt(at)
    if (exponent === Code.lowerE || exponent === Code.upperE) {
      at++
      const sign = text.charCodeAt(at)
      if (sign === Code.plus || sign === Code.minus) at++
      if ((at = skipDigits(text, at)) === -1) return undefined
    }
    if (!this.#endsWord(at)) return undefined
    this.#pos = at
    return {
      kind: 'number',
      value: Number(text.slice(start, at)),
      location: this.#source.locate(start, at - start)
    }
  }
}

/** The index after a run of digits from `at`, or -1 when there is none. */
function skipDigits(text: string, from: number): number {
  let at = from
  for (let code = text.charCodeAt(at); code >= Code.zero && code <= Code.nine;)
    code = text.charCodeAt(++at)
  return at > from ? at : -1
}
