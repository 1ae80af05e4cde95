import { parseTOML, type AST } from 'toml-eslint-parser'
import { plainAt, type PlainValue } from '../model/tree.js'
import { TOML_VERSION } from '../parse/toml-thorough.js'
import type { EntryEdit, EntryPath } from './closest-entry.js'
import { writeKey, writeValue } from './toml-write.js'

/** Where a path's value is written in a TOML file. */
type Slot =
  | { readonly kind: 'value'; readonly node: AST.TOMLKeyValue; readonly inline: boolean }
  | { readonly kind: 'table'; readonly node: AST.TOMLTable }
  /** A prefix of dotted keys (`env.A = "x"`): a table with no place of its own to write into. */
  | { readonly kind: 'dotted' }

/**
 * Applies edits to one server of a TOML file in place: a value is replaced where it is written, a
 * key is added as a line at the end of its table and removed with its line; a change inside an
 * inline table or list rewrites that one value. Undefined when the server is written in a way this
 * cannot edit (dotted keys, tables replaced by values): the caller then rewrites the server.
 */
export function editTomlEntry(
  text: string,
  server: EntryPath,
  edits: readonly EntryEdit[],
  target: PlainValue
): string | undefined {
  let result: string | undefined = text
  for (const edit of edits) {
    if (result === undefined) return undefined
    result = applyEdit(result, server, edit.path, edit.value, target)
  }
  return result
}

function applyEdit(
  text: string,
  server: EntryPath,
  path: EntryPath,
  value: PlainValue | undefined,
  target: PlainValue
): string | undefined {
  if (path.length === 0) return undefined
  const slots = indexSlots(text)
  const slot = slots.get(pathKey([...server, ...path]))
  const parentPath = path.slice(0, -1)
  const parent = slots.get(pathKey([...server, ...parentPath]))
  // Rewriting the enclosing value is always possible once it has a place of its own.
  const enclose = () =>
    parentPath.length === 0
      ? undefined
      : applyEdit(text, server, parentPath, plainAt(target, parentPath), target)
  if (slot?.kind === 'dotted' || slot?.kind === 'table' || parent?.kind === 'dotted')
    return undefined
  const last = path[path.length - 1]
  if (value === undefined) {
    if (slot === undefined) return text
    if (slot.inline) return enclose()
    return (
      text.slice(0, lineStart(text, slot.node.range[0])) +
      text.slice(lineEnd(text, slot.node.range[1]))
    )
  }
  if (slot !== undefined) return splice(text, slot.node.value.range, writeValue(value))
  if (parent?.kind === 'value') {
    const list = parent.node.value
    if (list.type === 'TOMLArray' && typeof last === 'number') {
      const element = list.elements[last]
      if (element !== undefined) return splice(text, element.range, writeValue(value))
    }
    return enclose()
  }
  if (parent?.kind === 'table' && typeof last === 'string') {
    const after = parent.node.body.at(-1)?.range[1] ?? parent.node.key.range[1] + 1
    const at = lineEnd(text, after)
    const eol = text.includes('\r\n') ? '\r\n' : '\n'
    const line = `${writeKey(last)} = ${writeValue(value)}${eol}`
    const before = at > 0 && text[at - 1] !== '\n' ? eol : ''
    return text.slice(0, at) + before + line + text.slice(at)
  }
  return enclose()
}

function indexSlots(text: string): Map<string, Slot> {
  const program = parseTOML(text, { tomlVersion: TOML_VERSION })
  const slots = new Map<string, Slot>()
  const visit = (prefix: EntryPath, node: AST.TOMLKeyValue, inline: boolean) => {
    const keys = node.key.keys.map(keyName)
    for (let length = 1; length < keys.length; length++)
      slots.set(pathKey([...prefix, ...keys.slice(0, length)]), { kind: 'dotted' })
    const path = [...prefix, ...keys]
    slots.set(pathKey(path), { kind: 'value', node, inline })
    if (node.value.type === 'TOMLInlineTable')
      for (const child of node.value.body) visit(path, child, true)
  }
  for (const item of program.body[0].body) {
    if (item.type === 'TOMLKeyValue') visit([], item, false)
    else {
      slots.set(pathKey(item.resolvedKey), { kind: 'table', node: item })
      for (const child of item.body) visit(item.resolvedKey, child, false)
    }
  }
  return slots
}

/** A TOML key as the text it names: bare or quoted. */
export function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === 'TOMLBare' ? key.name : key.value
}

function pathKey(path: EntryPath): string {
  return JSON.stringify(path)
}

function splice(text: string, [start, end]: readonly [number, number], content: string): string {
  return text.slice(0, start) + content + text.slice(end)
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** The offset after the line break that ends the line at `offset` (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset)
  return next === -1 ? text.length : next + 1
}

/**
 * The path of a server's table: `[mcp_servers, name]`, or for a server list the index of the
 * `[[mcp_servers]]` entry that names it first.
 */
export function tomlServerPath(
  text: string,
  mapKey: string,
  name: string,
  nameKey: string | undefined
): EntryPath | undefined {
  if (nameKey === undefined) return [mapKey, name]
  const program = parseTOML(text, { tomlVersion: TOML_VERSION })
  for (const item of program.body[0].body) {
    if (item.type !== 'TOMLTable' || item.kind !== 'array' || item.resolvedKey[0] !== mapKey)
      continue
    const named = item.body.some(
      (child) =>
        child.key.keys.map(keyName).join('.') === nameKey &&
        child.value.type === 'TOMLValue' &&
        child.value.value === name
    )
    if (named && item.resolvedKey.length === 2) return item.resolvedKey
  }
  return undefined
}

/**
 * Renames a server of a TOML map in every table header that names it (`[mcp_servers.old]`,
 * `[mcp_servers.old.env]`); undefined when it is also written with dotted keys or inline.
 */
export function renameTomlServer(
  text: string,
  mapKey: string,
  from: string,
  to: string
): string | undefined {
  const program = parseTOML(text, { tomlVersion: TOML_VERSION })
  const ranges: (readonly [number, number])[] = []
  for (const item of program.body[0].body) {
    const keys = item.key.keys
    const names = keys.map(keyName)
    if (names[0] !== mapKey || names[1] !== from) continue
    const key = keys[1]
    if (item.type !== 'TOMLTable' || key === undefined) return undefined
    ranges.push(key.range)
  }
  if (ranges.length === 0) return undefined
  let result = text
  for (const range of ranges.reverse()) result = splice(result, range, writeKey(to))
  return result
}
