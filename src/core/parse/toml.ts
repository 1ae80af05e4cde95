import { parseTOML } from 'toml-eslint-parser'
import type { AST } from 'toml-eslint-parser'
import type { Location, SourceText } from '../source.js'
import type { PropertyNode, StringNode, StringStyle, ValueNode } from '../tree.js'
import { MAX_DEPTH, type SyntaxProblem } from './syntax-problem.js'

export interface TomlParse {
  readonly root: ValueNode | undefined
  readonly problems: readonly SyntaxProblem[]
}

/** A table under construction: TOML builds one object from many headers and dotted keys. */
interface TableBuilder {
  readonly kind: 'table'
  readonly location: Location
  readonly properties: PropertyBuilder[]
}
interface ArrayOfTablesBuilder {
  readonly kind: 'tables'
  readonly location: Location
  readonly tables: TableBuilder[]
}
interface PropertyBuilder {
  readonly key: StringNode
  value: TableBuilder | ArrayOfTablesBuilder | ValueNode
}

/** Parses TOML (1.0) into the same positioned tree as JSON, so rules see one model. */
export function parseToml(source: SourceText): TomlParse {
  const deep = findExcessiveNesting(source.text)
  if (deep !== undefined) {
    const detail = `nesting deeper than ${MAX_DEPTH} levels`
    return {
      root: undefined,
      problems: [{ kind: 'too-deep', detail, location: source.locate(deep, 1) }]
    }
  }
  let program: AST.TOMLProgram
  try {
    program = parseTOML(source.text, { tomlVersion: '1.0' })
  } catch (error) {
    return { root: undefined, problems: [toProblem(source, error)] }
  }
  const root = newTable(source.locate(0, 0))
  const topLevel = program.body[0]
  let current = root
  for (const item of topLevel.body) {
    if (item.type === 'TOMLKeyValue') assign(source, current, item)
    else {
      current = openTable(source, root, item)
      for (const entry of item.body) assign(source, current, entry)
    }
  }
  return { root: finish(root), problems: [] }
}

function newTable(location: Location): TableBuilder {
  return { kind: 'table', location, properties: [] }
}

function keyNode(source: SourceText, key: AST.TOMLBare | AST.TOMLQuoted): StringNode {
  const style: StringStyle =
    key.type === 'TOMLBare' ? 'toml-bare' : key.style === 'basic' ? 'toml-basic' : 'toml-literal'
  const value = key.type === 'TOMLBare' ? key.name : key.value
  return { kind: 'string', value, style, location: locate(source, key.range) }
}

function locate(source: SourceText, range: readonly [number, number]): Location {
  return source.locate(range[0], range[1] - range[0])
}

function lookup(table: TableBuilder, key: string): PropertyBuilder | undefined {
  return table.properties.find((property) => property.key.value === key)
}

/** Walks (and creates) the tables named by all but the last segment of a dotted key or header. */
function descend(
  source: SourceText,
  table: TableBuilder,
  segments: readonly (AST.TOMLBare | AST.TOMLQuoted)[]
): TableBuilder {
  let current = table
  for (const segment of segments) {
    const key = keyNode(source, segment)
    const existing = lookup(current, key.value)
    if (existing === undefined) {
      const child = newTable(key.location)
      current.properties.push({ key, value: child })
      current = child
    } else if (existing.value.kind === 'table') current = existing.value
    else if (existing.value.kind === 'tables') {
      const last = existing.value.tables.at(-1)
      if (last === undefined) throw new Error('empty array of tables')
      current = last
    } else throw new Error('TOML key redefined; the parser should have rejected it')
  }
  return current
}

function openTable(source: SourceText, root: TableBuilder, table: AST.TOMLTable): TableBuilder {
  const segments = table.key.keys
  const last = segments.at(-1)
  if (last === undefined) throw new Error('table without a key')
  const parent = descend(source, root, segments.slice(0, -1))
  const key = keyNode(source, last)
  const header = locate(source, [
    table.range[0],
    table.key.range[1] + (table.kind === 'array' ? 2 : 1)
  ])
  const existing = lookup(parent, key.value)
  if (table.kind === 'array') {
    const element = newTable(header)
    if (existing?.value.kind === 'tables') existing.value.tables.push(element)
    else
      parent.properties.push({
        key,
        value: { kind: 'tables', location: header, tables: [element] }
      })
    return element
  }
  if (existing?.value.kind === 'table') return existing.value
  const created = newTable(header)
  parent.properties.push({ key, value: created })
  return created
}

function assign(source: SourceText, table: TableBuilder, entry: AST.TOMLKeyValue): void {
  const segments = entry.key.keys
  const last = segments.at(-1)
  if (last === undefined) throw new Error('key without segments')
  const parent = descend(source, table, segments.slice(0, -1))
  parent.properties.push({ key: keyNode(source, last), value: convert(source, entry.value) })
}

function convert(source: SourceText, node: AST.TOMLContentNode): ValueNode {
  const location = locate(source, node.range)
  switch (node.type) {
    case 'TOMLArray':
      return {
        kind: 'array',
        items: node.elements.map((element) => convert(source, element)),
        location
      }
    case 'TOMLInlineTable': {
      const table = newTable(location)
      for (const entry of node.body) assign(source, table, entry)
      return finish(table)
    }
    case 'TOMLValue':
      switch (node.kind) {
        case 'string': {
          const style: StringStyle = node.multiline
            ? node.style === 'basic'
              ? 'toml-multiline-basic'
              : 'toml-multiline-literal'
            : node.style === 'basic'
              ? 'toml-basic'
              : 'toml-literal'
          return { kind: 'string', value: node.value, style, location }
        }
        case 'integer':
        case 'float':
          return { kind: 'number', value: node.value, location }
        case 'boolean':
          return { kind: 'boolean', value: node.value, location }
        default:
          return {
            kind: 'datetime',
            value: source.text.slice(node.range[0], node.range[1]),
            location
          }
      }
  }
}

function finish(table: TableBuilder): ValueNode {
  const properties: PropertyNode[] = table.properties.map(({ key, value }) => {
    if (value.kind === 'table') return { key, value: finish(value) }
    if (value.kind === 'tables') {
      return {
        key,
        value: { kind: 'array', items: value.tables.map(finish), location: value.location }
      }
    }
    return { key, value }
  })
  return { kind: 'object', properties, location: table.location }
}

interface TomlParseError {
  readonly index: number
  readonly message: string
}

function isTomlParseError(error: unknown): error is TomlParseError {
  return (
    error instanceof SyntaxError && typeof (error as Partial<TomlParseError>).index === 'number'
  )
}

/** toml-eslint-parser's messages are fixed templates; only the code-point one carries input text. */
function toProblem(source: SourceText, error: unknown): SyntaxProblem {
  if (!isTomlParseError(error)) throw error
  const message = error.message.startsWith('Invalid code point')
    ? 'Invalid code point'
    : error.message
  const detail = message.charAt(0).toLowerCase() + message.slice(1)
  return { kind: 'syntax', detail, location: source.locate(error.index, 1) }
}

/** Finds where `[`/`{` nesting outside strings and comments passes MAX_DEPTH, without recursion. */
function findExcessiveNesting(text: string): number | undefined {
  let depth = 0
  let index = 0
  while (index < text.length) {
    const char = text[index]
    if (char === '#') {
      while (index < text.length && text[index] !== '\n') index++
    } else if (char === '"' || char === "'") {
      const triple = text.startsWith(char.repeat(3), index)
      const quote = triple ? char.repeat(3) : char
      index += quote.length
      while (index < text.length && !text.startsWith(quote, index)) {
        if (char === '"' && text[index] === '\\') index++
        else if (!triple && text[index] === '\n') break
        index++
      }
    } else if (char === '[' || char === '{') {
      depth++
      if (depth > MAX_DEPTH) return index
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1)
    index++
  }
  return undefined
}
