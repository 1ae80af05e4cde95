import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parse,
  parseTree,
  type FormattingOptions
} from 'jsonc-parser'
import { formatValue } from '../core/json-format.js'
import type { PlainObject, PlainValue } from '../core/tree.js'
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
  serversKey: string,
  set: ReadonlyMap<string, PlainObject>,
  remove: readonly string[]
): string {
  const formattingOptions = detectFormatting(text)
  let result = text
  for (const name of remove) {
    result = applyEdits(
      result,
      modify(result, [serversKey, name], undefined, { formattingOptions })
    )
  }
  for (const [name, value] of set)
    result = setServer(result, serversKey, name, value, formattingOptions)
  return result
}

function setServer(
  text: string,
  serversKey: string,
  name: string,
  value: PlainObject,
  options: FormattingOptions
): string {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false })
  const map = root === undefined ? undefined : findNodeAtLocation(root, [serversKey])
  if (map?.type !== 'object') {
    // No server map yet: jsonc-parser adds the key where it belongs.
    return applyEdits(text, modify(text, [serversKey, name], value, { formattingOptions: options }))
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
  serversKey: string,
  name: string,
  edits: readonly EntryEdit[]
): string {
  const formattingOptions = detectFormatting(text)
  let result = text
  for (const edit of edits)
    result = applyEdits(
      result,
      // A removal is not formatted: formatting would re-indent the values around it too.
      modify(
        result,
        [serversKey, name, ...edit.path],
        edit.value,
        edit.value === undefined ? {} : { formattingOptions }
      )
    )
  return result
}
