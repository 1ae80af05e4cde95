import type { Location, SourceText } from '../model/location.js'
import type { PropertyNode, StringNode, StringStyle, ValueNode } from '../model/tree.js'
import { MAX_DEPTH } from './syntax-problem.js'

/*
 * A TOML document as toml-eslint-parser's AST gives it, reduced to what the tree is built from,
 * so the quick reader (toml-quick.ts) can give the same. Ranges are [start, end) offsets.
 */
type Range = readonly [number, number]
export type TomlKeyPart =
  | { readonly type: 'TOMLBare'; readonly name: string; readonly range: Range }
  | {
      readonly type: 'TOMLQuoted'
      readonly value: string
      readonly style: 'basic' | 'literal'
      readonly range: Range
    }
export interface TomlKey {
  readonly keys: readonly TomlKeyPart[]
  readonly range: Range
}
export interface TomlKeyValue {
  readonly type: 'TOMLKeyValue'
  readonly key: TomlKey
  readonly value: TomlContent
}
export interface TomlTable {
  readonly type: 'TOMLTable'
  readonly kind: 'standard' | 'array'
  readonly key: TomlKey
  readonly body: readonly TomlKeyValue[]
  readonly range: Range
}
export type TomlContent =
  | { readonly type: 'TOMLArray'; readonly elements: readonly TomlContent[]; readonly range: Range }
  | {
      readonly type: 'TOMLInlineTable'
      readonly body: readonly TomlKeyValue[]
      readonly range: Range
    }
  | {
      readonly type: 'TOMLValue'
      readonly kind: 'string'
      readonly value: string
      readonly style: 'basic' | 'literal'
      readonly multiline: boolean
      readonly range: Range
    }
  | {
      readonly type: 'TOMLValue'
      readonly kind: 'integer' | 'float'
      readonly value: number
      readonly range: Range
    }
  | {
      readonly type: 'TOMLValue'
      readonly kind: 'boolean'
      readonly value: boolean
      readonly range: Range
    }
  | {
      readonly type: 'TOMLValue'
      readonly kind: 'offset-date-time' | 'local-date-time' | 'local-date' | 'local-time'
      readonly range: Range
    }
/** The name a key part stands for: a bare key as written, a quoted one decoded. */
export function partName(part: TomlKeyPart | undefined): string {
  return part === undefined ? '' : part.type === 'TOMLBare' ? part.name : part.value
}

/** The top-level table's items in source order: key/values, then each table with its own. */
export type TomlItems = readonly (TomlKeyValue | TomlTable)[]

/**
 * Builds the positioned tree of a TOML document: one object from many headers and dotted keys.
 * Throws TooDeep past MAX_DEPTH.
 */
export function buildTomlTree(source: SourceText, items: TomlItems): ValueNode {
  const root = newTable(source.locate(0, 0), 1)
  let current = root
  for (const item of items) {
    if (item.type === 'TOMLKeyValue') assign(source, current, item)
    else {
      current = openTable(source, root, item)
      for (const entry of item.body) assign(source, current, entry)
    }
  }
  return finish(root)
}

/** A table under construction: TOML builds one object from many headers and dotted keys. */
interface TableBuilder {
  readonly kind: 'table'
  readonly location: Location
  /** Objects and arrays from the root down to this table, itself included; the root is 1. */
  readonly depth: number
  readonly properties: PropertyBuilder[]
  /** The properties by key, so a file of 100,000 tables is read in linear time. */
  readonly byKey: Map<string, PropertyBuilder>
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

/** A tree deeper than MAX_DEPTH, which the recursive walkers downstream must never see. */
export class TooDeep extends Error {
  constructor(
    readonly detail: string,
    readonly location: Location
  ) {
    super(detail)
  }
}

function newTable(location: Location, depth: number): TableBuilder {
  if (depth > MAX_DEPTH) throw new TooDeep(`nesting deeper than ${MAX_DEPTH} levels`, location)
  return { kind: 'table', location, depth, properties: [], byKey: new Map() }
}

function addProperty(table: TableBuilder, property: PropertyBuilder): void {
  table.properties.push(property)
  if (!table.byKey.has(property.key.value)) table.byKey.set(property.key.value, property)
}

function keyNode(source: SourceText, key: TomlKeyPart): StringNode {
  const style: StringStyle =
    key.type === 'TOMLBare' ? 'toml-bare' : key.style === 'basic' ? 'toml-basic' : 'toml-literal'
  return { kind: 'string', value: partName(key), style, location: locate(source, key.range) }
}

function locate(source: SourceText, range: readonly [number, number]): Location {
  return source.locate(range[0], range[1] - range[0])
}

function lookup(table: TableBuilder, key: string): PropertyBuilder | undefined {
  return table.byKey.get(key)
}

/** All of a dotted key's parts, refused past MAX_DEPTH: each part but the last opens a table. */
function keyParts(source: SourceText, key: TomlKey): readonly TomlKeyPart[] {
  const extra = key.keys[MAX_DEPTH]
  if (extra !== undefined)
    throw new TooDeep(`a key of more than ${MAX_DEPTH} parts`, locate(source, extra.range))
  return key.keys
}

/** Walks (and creates) the tables named by all but the last segment of a dotted key or header. */
function descend(
  source: SourceText,
  table: TableBuilder,
  segments: readonly TomlKeyPart[]
): TableBuilder {
  let current = table
  for (const segment of segments) {
    // Most segments name a table that exists: its key node is made only for a new one.
    const existing = lookup(current, partName(segment))
    if (existing === undefined) {
      const key = keyNode(source, segment)
      const child = newTable(key.location, current.depth + 1)
      addProperty(current, { key, value: child })
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

function openTable(source: SourceText, root: TableBuilder, table: TomlTable): TableBuilder {
  const segments = keyParts(source, table.key)
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
    // The array is one level, each of its tables the next.
    const element = newTable(header, parent.depth + 2)
    if (existing?.value.kind === 'tables') existing.value.tables.push(element)
    else
      addProperty(parent, { key, value: { kind: 'tables', location: header, tables: [element] } })
    return element
  }
  if (existing?.value.kind === 'table') return existing.value
  const created = newTable(header, parent.depth + 1)
  addProperty(parent, { key, value: created })
  return created
}

function assign(source: SourceText, table: TableBuilder, entry: TomlKeyValue): void {
  const segments = keyParts(source, entry.key)
  const last = segments.at(-1)
  if (last === undefined) throw new Error('key without segments')
  const parent = descend(source, table, segments.slice(0, -1))
  addProperty(parent, {
    key: keyNode(source, last),
    value: convert(source, entry.value, parent.depth + 1)
  })
}

/** A value whose objects and arrays start at `depth`; the limit scan keeps the recursion shallow. */
function convert(source: SourceText, node: TomlContent, depth: number): ValueNode {
  const location = locate(source, node.range)
  switch (node.type) {
    case 'TOMLArray':
      if (depth > MAX_DEPTH) throw new TooDeep(`nesting deeper than ${MAX_DEPTH} levels`, location)
      return {
        kind: 'array',
        items: node.elements.map((element) => convert(source, element, depth + 1)),
        location
      }
    case 'TOMLInlineTable': {
      const table = newTable(location, depth)
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
