import { createScanner } from 'jsonc-parser/lib/esm/impl/scanner.js'
import type { Location, SourceText } from '../model/location.js'
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from '../model/tree.js'
import { parseJsonQuickly } from './json-quick.js'
import { MAX_DEPTH, type SyntaxProblem } from './syntax-problem.js'

/** jsonc-parser's SyntaxKind and ScanError are ambient const enums, unusable under isolatedModules. */
const Token = {
  OpenBrace: 1,
  CloseBrace: 2,
  OpenBracket: 3,
  CloseBracket: 4,
  Comma: 5,
  Colon: 6,
  Null: 7,
  True: 8,
  False: 9,
  String: 10,
  Number: 11,
  LineComment: 12,
  BlockComment: 13,
  LineBreak: 14,
  Trivia: 15,
  Unknown: 16,
  EOF: 17
} as const

const scanErrorDetail: Record<number, string> = {
  1: 'unterminated block comment',
  2: 'unterminated string',
  3: 'incomplete number',
  4: 'invalid \\u escape in a string',
  5: 'invalid escape character in a string',
  6: 'control character inside a string: escape it'
}

export interface JsonParse {
  /** The value tree, or undefined when the file has a syntax error and nothing can be trusted. */
  readonly root: ValueNode | undefined
  readonly problems: readonly SyntaxProblem[]
  /** JSONC features found; whether they are allowed depends on the platform reading the file. */
  readonly comments: readonly Location[]
  readonly trailingCommas: readonly Location[]
}

interface ObjectFrame {
  readonly kind: 'object'
  readonly start: number
  readonly properties: PropertyNode[]
  key: StringNode | undefined
}
interface ArrayFrame {
  readonly kind: 'array'
  readonly start: number
  readonly items: ValueNode[]
}
type Frame = ObjectFrame | ArrayFrame

class Failure extends Error {
  constructor(
    readonly kind: SyntaxProblem['kind'],
    readonly detail: string,
    readonly offset: number,
    readonly length: number
  ) {
    super(detail)
  }
}

/**
 * Parses JSON and JSONC with a position on every key and value. Most files take the quick reader
 * (json-quick.ts); the thorough parser reads the rest and words their problems. It is iterative
 * (an explicit stack), so 100,000 nested brackets give a finding instead of a stack overflow.
 */
export function parseJson(source: SourceText): JsonParse {
  const quick = parseJsonQuickly(source)
  return quick === undefined ? parseJsonThoroughly(source) : { ...quick, problems: [] }
}

/** parseJson without the quick reader: what the quick reader's tests compare it with. */
export function parseJsonThoroughly(source: SourceText): JsonParse {
  const comments: Location[] = []
  const trailingCommas: Location[] = []
  const scanner = createScanner(source.text, false)
  const stack: Frame[] = []

  const next = (): number => {
    for (;;) {
      const token: number = scanner.scan()
      if (token === Token.LineComment || token === Token.BlockComment) {
        const error: number = scanner.getTokenError()
        if (error !== 0) fail('syntax', scanErrorDetail[error] ?? 'invalid comment')
        comments.push(source.locate(scanner.getTokenOffset(), scanner.getTokenLength()))
      } else if (token !== Token.LineBreak && token !== Token.Trivia) return token
    }
  }
  const fail = (
    kind: SyntaxProblem['kind'],
    detail: string,
    length = scanner.getTokenLength()
  ): never => {
    throw new Failure(kind, detail, scanner.getTokenOffset(), length)
  }
  const here = (): Location => source.locate(scanner.getTokenOffset(), scanner.getTokenLength())
  const stringNode = (): StringNode => {
    const error: number = scanner.getTokenError()
    if (error !== 0) fail('syntax', scanErrorDetail[error] ?? 'invalid string')
    return { kind: 'string', value: scanner.getTokenValue(), style: 'json', location: here() }
  }
  const closer = (frame: Frame): number =>
    frame.kind === 'object' ? Token.CloseBrace : Token.CloseBracket
  const unclosed = (frame: Frame): string => {
    const { line, column } = source.positionAt(frame.start)
    const what = frame.kind === 'object' ? 'object' : 'array'
    return `the file ends before the ${what} opened at ${line}:${column} is closed`
  }
  const readKey = (frame: ObjectFrame, token: number): void => {
    if (token === Token.EOF) fail('syntax', unclosed(frame))
    if (token !== Token.String) fail('syntax', 'expected a property name in double quotes')
    frame.key = stringNode()
    if (next() !== Token.Colon) fail('syntax', 'expected ":" after the property name')
  }
  const containerNode = (frame: Frame): ObjectNode | ArrayNode => {
    const end = scanner.getTokenOffset() + scanner.getTokenLength()
    const location = source.locate(frame.start, end - frame.start)
    return frame.kind === 'object'
      ? { kind: 'object', properties: frame.properties, location }
      : { kind: 'array', items: frame.items, location }
  }

  /**
   * Attaches a finished value to its parent and closes every container that ends right after it.
   * Returns the finished root, or the token that starts the next value.
   */
  const complete = (first: ValueNode): { root: ValueNode } | { token: number } => {
    let value = first
    for (;;) {
      const parent = stack.at(-1)
      if (parent === undefined) {
        if (next() !== Token.EOF)
          fail('syntax', 'unexpected content after the end of the top-level value')
        return { root: value }
      }
      if (parent.kind === 'object') {
        if (parent.key === undefined) throw new Error('object value without a key')
        parent.properties.push({ key: parent.key, value })
        parent.key = undefined
      } else parent.items.push(value)

      let token = next()
      if (token === Token.Comma) {
        const comma = here()
        token = next()
        if (token !== closer(parent)) {
          if (parent.kind === 'object') {
            readKey(parent, token)
            return { token: next() }
          }
          if (token === Token.EOF) fail('syntax', unclosed(parent))
          return { token }
        }
        trailingCommas.push(comma)
      }
      if (token !== closer(parent)) {
        if (token === Token.EOF) fail('syntax', unclosed(parent))
        fail('syntax', parent.kind === 'object' ? 'expected "," or "}"' : 'expected "," or "]"')
      }
      stack.pop()
      value = containerNode(parent)
    }
  }

  try {
    let token = next()
    if (token === Token.EOF) {
      return { root: undefined, problems: [emptyProblem(source)], comments, trailingCommas }
    }
    for (;;) {
      let finished: ValueNode | undefined
      switch (token) {
        case Token.OpenBrace:
        case Token.OpenBracket: {
          if (stack.length >= MAX_DEPTH) fail('too-deep', `nesting deeper than ${MAX_DEPTH} levels`)
          const start = scanner.getTokenOffset()
          const frame: Frame =
            token === Token.OpenBrace
              ? { kind: 'object', start, properties: [], key: undefined }
              : { kind: 'array', start, items: [] }
          stack.push(frame)
          token = next()
          if (token === closer(frame)) {
            stack.pop()
            finished = containerNode(frame)
          } else if (frame.kind === 'object') {
            readKey(frame, token)
            token = next()
            continue
          } else continue
          break
        }
        case Token.String:
          finished = stringNode()
          break
        case Token.Number: {
          const error: number = scanner.getTokenError()
          if (error !== 0) fail('syntax', 'incomplete number')
          finished = { kind: 'number', value: Number(scanner.getTokenValue()), location: here() }
          break
        }
        case Token.True:
        case Token.False:
          finished = { kind: 'boolean', value: token === Token.True, location: here() }
          break
        case Token.Null:
          finished = { kind: 'null', value: null, location: here() }
          break
        case Token.EOF: {
          const open = stack.at(-1)
          fail('syntax', open ? unclosed(open) : 'expected a value')
          break
        }
        default:
          fail(
            'syntax',
            'expected a value: a string in double quotes, a number, an object, an array, true, false or null'
          )
      }
      if (finished === undefined) throw new Error('value not parsed')
      const outcome = complete(finished)
      if ('root' in outcome) return { root: outcome.root, problems: [], comments, trailingCommas }
      token = outcome.token
    }
  } catch (error) {
    if (!(error instanceof Failure)) throw error
    const problem: SyntaxProblem = {
      kind: error.kind,
      detail: error.detail,
      location: source.locate(error.offset, error.length)
    }
    return { root: undefined, problems: [problem], comments, trailingCommas }
  }
}

function emptyProblem(source: SourceText): SyntaxProblem {
  return { kind: 'empty', detail: 'the file is empty', location: source.locate(0, 0) }
}
