/** 1-based line and column; columns count UTF-16 code units, as editors and GitHub annotations do. */
export interface Position {
  readonly line: number
  readonly column: number
}

/** A span of text; `end` is exclusive (as in stylelint and reviewdog). */
export interface Range {
  readonly start: Position
  readonly end: Position
}

/** Where something is: the repo-relative file and its range, plus the raw offsets for sub-ranges. */
export interface Location {
  readonly file: string
  readonly range: Range
  readonly offset: number
  readonly length: number
}

/** The decoded text of one file with a line index, so any offset becomes a position in O(log lines). */
export class SourceText {
  readonly #lineStarts: number[]
  /** The line of the last lookup: parsers ask in text order, so the next answer is usually on it. */
  #lastLine = 0

  constructor(
    readonly path: string,
    readonly text: string
  ) {
    this.#lineStarts = indexLines(text)
  }

  get lineCount(): number {
    return this.#lineStarts.length
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length))
    // Between the \r and \n of a CRLF is still the end of the line, not a column past it.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--
    const starts = this.#lineStarts
    let line = this.#lastLine
    // The last line or the few after it; else a binary search.
    if ((starts[line] ?? 0) <= clamped) {
      const stop = Math.min(line + 4, starts.length - 1)
      while (line < stop && (starts[line + 1] ?? 0) <= clamped) line++
    }
    if (
      (starts[line] ?? 0) > clamped ||
      (line + 1 < starts.length && (starts[line + 1] ?? 0) <= clamped)
    ) {
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if ((starts[middle] ?? 0) <= clamped) low = middle
        else high = middle - 1
      }
      line = low
    }
    this.#lastLine = line
    return { line: line + 1, column: clamped - (starts[line] ?? 0) + 1 }
  }

  rangeAt(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + Math.max(0, length)) }
  }

  /** A location, clamped to the text: a parser error at the end of input points at the end. */
  locate(offset: number, length: number): Location {
    const start = Math.max(0, Math.min(offset, this.text.length))
    const end = Math.max(start, Math.min(offset + Math.max(0, length), this.text.length))
    return new TextLocation(this, start, end - start)
  }
}

/**
 * A location whose line and column are worked out when first read. Most located values are never
 * reported, and four objects per key and value (location, range, two positions) were a third of a
 * large repository's parse trees. `range` is an own, enumerable property (an accessor), so spreads,
 * JSON and deep equality see the same four fields as a plain Location's.
 */
class TextLocation implements Location {
  // Declared, not initialised: the constructor adds them in a Location's own order.
  declare readonly file: string
  declare readonly range: Range
  declare readonly offset: number
  declare readonly length: number
  readonly #source: SourceText
  #range: Range | undefined

  constructor(source: SourceText, offset: number, length: number) {
    this.file = source.path
    Object.defineProperty(this, 'range', TextLocation.#rangeProperty)
    this.offset = offset
    this.length = length
    this.#source = source
  }

  // One descriptor for every instance, so all of them share one hidden class.
  static readonly #rangeProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: TextLocation): Range {
      return (this.#range ??= this.#source.rangeAt(this.offset, this.length))
    }
  }
}

/** Line starts for `\n`, `\r\n` and a lone `\r`, the three line breaks JSON and TOML editors honour. */
function indexLines(text: string): number[] {
  const starts = [0]
  // Without a \r, indexOf finds each line break natively instead of a loop over every character.
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
      starts.push(at + 1)
    return starts
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) starts.push(index + 1)
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++
      starts.push(index + 1)
    }
  }
  return starts
}

/** The whole-file location, for findings about a file that has no parsed content. */
export function locateFileStart(path: string): Location {
  return {
    file: path,
    range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    offset: 0,
    length: 0
  }
}

/** The zero-width location at the start of another, for findings about a whole object. */
export function startOf(location: Location): Location {
  return {
    ...location,
    length: 0,
    range: { start: location.range.start, end: location.range.start }
  }
}
