import { Code, isDigit, readEscape, shortEscapes } from './char-codes.js'
import { MAX_DEPTH, MAX_TOKEN_LENGTH } from './syntax-problem.js'
import { endsValue, isBareKeyCharacter, openTable, type TableShape } from './toml-grammar.js'
import {
  partName,
  type TomlContent,
  type TomlItems,
  type TomlKey,
  type TomlKeyPart,
  type TomlKeyValue,
  type TomlTable
} from './toml-tree.js'

/**
 * Well inside the limits findTomlLimitBreach enforces (nesting, and the length of a key or value):
 * a text the quick reader accepts never breaches them, so it needs no scan for them first.
 */
const MAX_QUICK_DEPTH = MAX_DEPTH / 2
const MAX_QUICK_LENGTH = MAX_TOKEN_LENGTH / 2

/**
 * A reader for the TOML nearly every Codex and Vibe config is written in: `[a.b]` headers,
 * `key = value` with one-part keys, one-line strings, integers, plain decimals, booleans, arrays
 * and one-line inline tables. It gives the items toml-eslint-parser's AST would give, with the
 * same ranges, at a fraction of the cost, and without loading that parser. On anything else (a
 * syntax error, a redefined key or table, `[[arrays of tables]]`, dotted keys in a key/value,
 * multi-line strings, dates, exponents, underscores, rare escapes) it gives up, returning
 * undefined, and toml-eslint-parser reads the file, which words any problem.
 */
export function readTomlQuickly(text: string): TomlItems | undefined {
  return new QuickTomlReader(text).read()
}

class QuickTomlReader {
  readonly #text: string
  #pos = 0
  /** Arrays and inline tables open around the value being read. */
  #depth = 0

  constructor(text: string) {
    this.#text = text
  }

  read(): TomlItems | undefined {
    const items: (TomlKeyValue | TomlTable)[] = []
    const root: TableShape = { keys: new Map(), opened: true }
    let table: TableShape = root
    let body: TomlKeyValue[] | undefined
    for (;;) {
      const code = this.#skipSpaces()
      if (Number.isNaN(code)) return items
      if (code === Code.openBracket) {
        const start = this.#pos++
        if (this.#text.charCodeAt(this.#pos) === Code.openBracket) return undefined
        this.#skipSpaces()
        const key = this.#key(true)
        if (key === undefined || key.range[1] - key.range[0] > MAX_QUICK_LENGTH) return undefined
        if (this.#skipSpaces() !== Code.closeBracket) return undefined
        this.#pos++
        const opened = openTable(root, key.keys)
        if (opened === undefined) return undefined
        table = opened
        body = []
        items.push({ type: 'TOMLTable', kind: 'standard', key, body, range: [start, this.#pos] })
      } else if (code !== Code.hash && code !== Code.lineFeed && code !== Code.carriageReturn) {
        const entry = this.#keyValue(table)
        if (entry === undefined) return undefined
        if (body === undefined) items.push(entry)
        else body.push(entry)
      }
      if (!this.#endLine()) return undefined
    }
  }

  /** Spaces and tabs; the code of the next character (NaN at the end). */
  #skipSpaces(): number {
    const text = this.#text
    let code = text.charCodeAt(this.#pos)
    while (code === Code.space || code === Code.tab) code = text.charCodeAt(++this.#pos)
    return code
  }

  /** Spaces, tabs, comments and line breaks, as between an array's elements. */
  #skipBlank(): number {
    for (;;) {
      const code = this.#skipSpaces()
      if (code === Code.hash || code === Code.lineFeed || code === Code.carriageReturn) {
        if (!this.#endLine()) return -1
      } else return code
    }
  }

  /** Steps over a comment and the line break that ends a line (or the end of the text). */
  #endLine(): boolean {
    const text = this.#text
    let code = this.#skipSpaces()
    if (code === Code.hash)
      do code = text.charCodeAt(++this.#pos)
      while (
        // A surrogate ends the quick read: a lone one (text from code, never a decoded file) is no
        // code point, which toml-eslint-parser refuses, and an emoji in a comment is rare.
        code === Code.tab ||
        (code >= Code.space && code !== Code.delete && (code < 0xd800 || code > 0xdfff))
      )
    if (Number.isNaN(code)) return true
    if (code === Code.carriageReturn && text.charCodeAt(this.#pos + 1) === Code.lineFeed)
      this.#pos++
    else if (code !== Code.lineFeed) return false
    this.#pos++
    return true
  }

  #keyValue(table: TableShape): TomlKeyValue | undefined {
    const key = this.#key(false)
    if (key === undefined || this.#skipSpaces() !== Code.equals) return undefined
    const name = partName(key.keys[0])
    if (table.keys.has(name)) return undefined
    this.#pos++
    this.#skipSpaces()
    const value = this.#value()
    if (value === undefined) return undefined
    table.keys.set(name, 'value')
    return { type: 'TOMLKeyValue', key, value }
  }

  /** A key: dotted only in a header, where each part but the last names a table. */
  #key(dotted: boolean): TomlKey | undefined {
    const keys: TomlKeyPart[] = []
    for (;;) {
      const part = this.#keyPart()
      if (part === undefined) return undefined
      keys.push(part)
      if (this.#skipSpaces() !== Code.dot) break
      if (!dotted) return undefined
      this.#pos++
      this.#skipSpaces()
    }
    return { keys, range: [keys[0]?.range[0] ?? 0, keys.at(-1)?.range[1] ?? 0] }
  }

  #keyPart(): TomlKeyPart | undefined {
    const text = this.#text
    const start = this.#pos
    const code = text.charCodeAt(start)
    if (code === Code.quote || code === Code.apostrophe) {
      const value = this.#string(code)
      return value === undefined
        ? undefined
        : {
            type: 'TOMLQuoted',
            value,
            style: code === Code.quote ? 'basic' : 'literal',
            range: [start, this.#pos]
          }
    }
    let end = start
    while (isBareKeyCharacter(text.charCodeAt(end))) end++
    if (end === start || end - start > MAX_QUICK_LENGTH) return undefined
    this.#pos = end
    return { type: 'TOMLBare', name: text.slice(start, end), range: [start, end] }
  }

  #value(): TomlContent | undefined {
    const text = this.#text
    const start = this.#pos
    const code = text.charCodeAt(start)
    if (code === Code.quote || code === Code.apostrophe) {
      const value = this.#string(code)
      if (value === undefined) return undefined
      const style = code === Code.quote ? 'basic' : 'literal'
      const range = [start, this.#pos] as const
      return { type: 'TOMLValue', kind: 'string', value, style, multiline: false, range }
    }
    if (code === Code.openBracket || code === Code.openBrace) {
      if (this.#depth === MAX_QUICK_DEPTH) return undefined
      this.#depth++
      const value = code === Code.openBracket ? this.#array() : this.#inlineTable()
      this.#depth--
      return value
    }
    for (const word of ['true', 'false'] as const)
      if (text.startsWith(word, start) && endsValue(text.charCodeAt(start + word.length))) {
        this.#pos = start + word.length
        const range = [start, this.#pos] as const
        return { type: 'TOMLValue', kind: 'boolean', value: word === 'true', range }
      }
    return this.#number()
  }

  /** `-12`, `0`, `3.5`: no `+`, no signed zero, leading zeros, underscores, exponents or bases. */
  #number(): TomlContent | undefined {
    const text = this.#text
    const start = this.#pos
    const negative = text.charCodeAt(start) === Code.minus
    const digits = negative ? start + 1 : start
    let at = digits
    if (text.charCodeAt(at) === Code.zero) {
      if (negative) return undefined
      at++
    } else while (isDigit(text.charCodeAt(at))) at++
    // Past 15 digits a number may not be exact, and toml-eslint-parser then keeps a BigInt too.
    if (at === digits || at - digits > 15) return undefined
    let kind: 'integer' | 'float' = 'integer'
    if (text.charCodeAt(at) === Code.dot) {
      const fraction = ++at
      while (isDigit(text.charCodeAt(at))) at++
      if (at === fraction || at - digits > 16) return undefined
      kind = 'float'
    }
    if (!endsValue(text.charCodeAt(at))) return undefined
    this.#pos = at
    return { type: 'TOMLValue', kind, value: Number(text.slice(start, at)), range: [start, at] }
  }

  #array(): TomlContent | undefined {
    const start = this.#pos++
    const elements: TomlContent[] = []
    for (;;) {
      const code = this.#skipBlank()
      if (code === Code.closeBracket) break
      if (code < 0) return undefined
      const element = this.#value()
      if (element === undefined) return undefined
      elements.push(element)
      const next = this.#skipBlank()
      if (next === Code.comma) this.#pos++
      else if (next === Code.closeBracket) break
      else return undefined
    }
    this.#pos++
    return { type: 'TOMLArray', elements, range: [start, this.#pos] }
  }

  /** `{ a = 1, b = "x" }` on one line, without a trailing comma. */
  #inlineTable(): TomlContent | undefined {
    const start = this.#pos++
    const body: TomlKeyValue[] = []
    const shape: TableShape = { keys: new Map(), opened: true }
    if (this.#skipSpaces() !== Code.closeBrace)
      for (;;) {
        const entry = this.#keyValue(shape)
        if (entry === undefined) return undefined
        body.push(entry)
        const next = this.#skipSpaces()
        if (next === Code.closeBrace) break
        if (next !== Code.comma) return undefined
        this.#pos++
        this.#skipSpaces()
      }
    this.#pos++
    return { type: 'TOMLInlineTable', body, range: [start, this.#pos] }
  }

  /** A one-line basic or literal string from its opening quote; the decoded value. */
  #string(quote: number): string | undefined {
    const text = this.#text
    if (text.charCodeAt(this.#pos + 1) === quote && text.charCodeAt(this.#pos + 2) === quote)
      return undefined
    let value = ''
    let from = this.#pos + 1
    let at = from
    for (;;) {
      const code = text.charCodeAt(at)
      if (code === quote) break
      if (Number.isNaN(code) || (code < Code.space && code !== Code.tab) || code === Code.delete)
        return undefined
      if (at - this.#pos > MAX_QUICK_LENGTH) return undefined
      if (code === Code.backslash && quote === Code.quote) {
        const escaped = readEscape(text, at, shortEscapes, true)
        if (escaped === undefined) return undefined
        value += text.slice(from, at) + escaped.character
        at = from = escaped.end
      } else at++
    }
    value += text.slice(from, at)
    this.#pos = at + 1
    return value
  }
}
