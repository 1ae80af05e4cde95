import {
  applyEdits,
  findNodeAtLocation,
  findNodeAtOffset,
  getNodePath,
  modify,
  parse,
  parseTree,
  type FormattingOptions
} from 'jsonc-parser'
import { formatValue } from '../model/json-format.js'
import type { PlainObject, PlainValue } from '../model/tree.js'
import type { EntryEdit } from './closest-entry.js'

/** The indentation and line ending a file already uses, so edits look like the rest of it. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const indented = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  '
  const insertSpaces = !indented.startsWith('\t')
  return { insertSpaces, tabSize: insertSpaces ? indented.length : 1, eol }
}

/**
 * Sets, adds and removes servers in a JSON/JSONC file. Only the servers that change are
 * rewritten: comments, other settings and the formatting of untouched servers stay as they are.
 */
export function editJsonServers(
  text: string,
  serversKey: string | readonly string[],
  set: ReadonlyMap<string, PlainObject>,
  remove: readonly string[]
): string {
  const path = typeof serversKey === 'string' ? [serversKey] : serversKey
  const formattingOptions = detectFormatting(text)
  let result = text
  for (const name of remove)
    result = applyEdits(result, modify(result, [...path, name], undefined, {}))
  for (const [name, value] of set) result = setServer(result, path, name, value, formattingOptions)
  return result
}

function setServer(
  text: string,
  path: readonly string[],
  name: string,
  value: PlainObject,
  options: FormattingOptions
): string {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false })
  const map = root === undefined ? undefined : findNodeAtLocation(root, [...path])
  if (map?.type !== 'object') {
    // No server map yet: jsonc-parser adds the key where it belongs.
    return applyEdits(text, modify(text, [...path, name], value, { formattingOptions: options }))
  }
  const unit = options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize ?? 2)
  const eol = options.eol ?? '\n'
  const properties = map.children ?? []
  const first = properties[0]
  const indent =
    first === undefined ? lineIndent(text, map.offset) + unit : lineIndent(text, first.offset)
  const formatted = formatValue(value, indent, unit, eol)
  const existing = properties.find((property) => property.children?.[0]?.value === name)
    ?.children?.[1]
  if (existing !== undefined) return splice(text, existing.offset, existing.length, formatted)
  const entry = `${JSON.stringify(name)}: ${formatted}`
  const last = properties.at(-1)
  if (last === undefined) {
    return splice(
      text,
      map.offset,
      map.length,
      `{${eol}${indent}${entry}${eol}${lineIndent(text, map.offset)}}`
    )
  }
  const end = last.offset + last.length
  const comma = nextSignificant(text, end)
  // Keep a trailing comma where the file has one (JSONC); add one otherwise.
  if (text[comma] === ',') return splice(text, comma + 1, 0, `${eol}${indent}${entry},`)
  return splice(text, end, 0, `,${eol}${indent}${entry}`)
}

/** A new file holding the server map (and VS Code inputs, first, as VS Code writes them). */
export function newJsonFile(
  serversKey: string,
  servers: ReadonlyMap<string, PlainObject>,
  inputs: readonly PlainObject[] = []
): string {
  const document = {
    ...(inputs.length > 0 ? { inputs: [...inputs] } : {}),
    [serversKey]: Object.fromEntries(servers)
  }
  return `${formatValue(document, '', '  ', '\n')}\n`
}

/**
 * Makes the file's VS Code `inputs` contain the given ones (replacing those with the same id); other
 * inputs stay. Unchanged text when nothing is missing.
 */
export function setJsonInputs(text: string, inputs: readonly PlainObject[]): string {
  if (inputs.length === 0) return text
  const current = (
    parse(text, [], { allowTrailingComma: true }) as { inputs?: unknown } | undefined
  )?.inputs
  const existing = Array.isArray(current) ? (current as PlainValue[]) : []
  const id = (value: PlainValue | undefined) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? value.id : undefined
  const merged = [...existing]
  let changed = false
  for (const input of inputs) {
    const index = merged.findIndex((candidate) => id(candidate) === input.id)
    if (index === -1) merged.push(input)
    else if (JSON.stringify(merged[index]) !== JSON.stringify(input)) merged[index] = input
    else continue
    changed = true
  }
  if (!changed) return text
  return applyEdits(
    text,
    modify(text, ['inputs'], merged, { formattingOptions: detectFormatting(text) })
  )
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? ''
}

/** The offset of the next character that is not whitespace or a comment. */
function nextSignificant(text: string, from: number): number {
  let index = from
  while (index < text.length) {
    if (/\s/.test(text[index] ?? '')) index++
    else if (text.startsWith('//', index))
      index = text.includes('\n', index) ? text.indexOf('\n', index) + 1 : text.length
    else if (text.startsWith('/*', index))
      index = text.includes('*/', index) ? text.indexOf('*/', index) + 2 : text.length
    else break
  }
  return index
}

function splice(text: string, offset: number, length: number, content: string): string {
  return text.slice(0, offset) + content + text.slice(offset + length)
}

/**
 * Applies edits to one server of a JSON/JSONC file, each at its own value: the rest of the entry,
 * its comments and its layout stay as they are.
 */
export function editJsonEntry(
  text: string,
  mapPath: readonly string[],
  name: string,
  edits: readonly EntryEdit[]
): string {
  const formattingOptions = detectFormatting(text)
  let result = text
  for (const edit of edits) {
    const path = [...mapPath, name, ...edit.path]
    result =
      insertOnOneLine(result, path, edit.value) ??
      applyEdits(
        result,
        // A removal is not formatted: formatting would re-indent the values around it too.
        modify(result, path, edit.value, edit.value === undefined ? {} : { formattingOptions })
      )
  }
  return result
}

/**
 * A new key in an object written on one line, added on that line (`{ "a": 1, "b": 2 }`): the
 * formatter would spread the whole object over lines. Undefined for anything else.
 */
function insertOnOneLine(
  text: string,
  path: readonly (string | number)[],
  value: PlainValue | undefined
): string | undefined {
  const key = path.at(-1)
  if (value === undefined || typeof key !== 'string') return undefined
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false })
  const parent = root === undefined ? undefined : findNodeAtLocation(root, path.slice(0, -1))
  if (parent?.type !== 'object') return undefined
  const span = text.slice(parent.offset, parent.offset + parent.length)
  if (span.includes('\n') || span.includes('//') || span.includes('/*')) return undefined
  if ((parent.children ?? []).some((property) => property.children?.[0]?.value === key))
    return undefined
  const entry = `${JSON.stringify(key)}: ${inlineJson(value)}`
  const last = parent.children?.at(-1)
  if (last === undefined) return splice(text, parent.offset, parent.length, `{ ${entry} }`)
  return splice(text, last.offset + last.length, 0, `, ${entry}`)
}

/** A value on one line, spaced as people write it: `{ "A": "1" }`, `["-y", "pkg"]`. */
function inlineJson(value: PlainValue): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const entries = Object.entries(value).map(
    ([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`
  )
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
}

/** The path of keys to the object at `offset` (a server map), as the text is now. */
export function jsonPathAt(text: string, offset: number): string[] | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false })
  const node = root === undefined ? undefined : findNodeAtOffset(root, offset)
  if (node === undefined) return undefined
  const path = getNodePath(node)
  return path.every((key) => typeof key === 'string') ? path : undefined
}

/**
 * Renames a key of the object at `mapPath`, in place; undefined when the key is not there once
 * (a duplicate key leaves which one a client reads to the client).
 */
export function renameJsonKey(
  text: string,
  mapPath: readonly string[],
  from: string,
  to: string
): string | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false })
  const map = root === undefined ? undefined : findNodeAtLocation(root, [...mapPath])
  const keys = (map?.children ?? [])
    .map((property) => property.children?.[0])
    .filter((key) => key?.value === from)
  const key = keys[0]
  if (keys.length !== 1 || key === undefined) return undefined
  return splice(text, key.offset, key.length, JSON.stringify(to))
}
