import { isMap, isSeq, parseDocument, visit } from 'yaml'
import { parseConfigText } from '../parse/load.js'
import { resolvePath, type PlainValue, type ValueNode } from '../model/tree.js'
import type { Dialect } from '../platforms/platform.js'
import type { EntryEdit } from './closest-entry.js'

/** The scalar styles a JSON-quoted value can replace in place (block scalars fold text). */
const inline = new Set(['yaml-plain', 'yaml-single', 'yaml-double'])

/**
 * Applies edits to one server of a YAML server list: a scalar is replaced where it is written, byte
 * for byte around it; anything else goes through the yaml library, which keeps comments but may
 * rewrite the layout. Undefined when the server is not found or the document cannot be written.
 */
export function editYamlEntry(
  text: string,
  path: string,
  platform: Dialect,
  name: string,
  edits: readonly EntryEdit[]
): string | undefined {
  // An edit inside an anchored value would change every alias of it too.
  const aliases = { found: false }
  visit(parseDocument(text, { uniqueKeys: false }), {
    Alias: () => {
      aliases.found = true
      return visit.BREAK
    }
  })
  if (aliases.found) return undefined
  let result = text
  // A rename is an edit of the name field: the edits after it find the server by its new name.
  let current = name
  const nameKey = platform.serverList?.nameKey ?? 'name'
  for (const edit of edits) {
    const entry = parseConfigText(path, platform, result).servers.find(
      (candidate) => candidate.name.value === current
    )
    if (entry === undefined) return undefined
    // The copy of a key written twice that the client reads, as everywhere else.
    const node = resolvePath(entry.value, edit.path.map(String))
    const value = edit.value
    if (node !== undefined && value !== undefined && spliceable(node, value)) {
      const { offset, length } = node.location
      result = result.slice(0, offset) + JSON.stringify(value) + result.slice(offset + length)
    } else {
      const edited = editDocument(result, platform, current, edit)
      if (edited === undefined) return undefined
      result = edited
    }
    if (edit.path.length === 1 && edit.path[0] === nameKey && typeof value === 'string')
      current = value
  }
  return result
}

function editDocument(
  text: string,
  platform: Dialect,
  name: string,
  edit: EntryEdit
): string | undefined {
  const key = platform.serversKeys[0]
  const nameKey = platform.serverList?.nameKey ?? 'name'
  const document = parseDocument(text, { uniqueKeys: false })
  const list = document.get(key)
  if (!isSeq(list)) return undefined
  const index = list.items.findIndex((item) => isMap(item) && item.get(nameKey) === name)
  if (index === -1) return undefined
  const at = [key, index, ...edit.path]
  if (edit.value === undefined) document.deleteIn(at)
  else document.setIn(at, document.createNode(edit.value))
  try {
    return document.toString()
  } catch {
    return undefined
  }
}

/** Whether a scalar can be replaced by a JSON-quoted one where it is written. */
function spliceable(node: ValueNode, value: PlainValue): boolean {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    return false
  return node.kind === 'string'
    ? inline.has(node.style)
    : node.kind !== 'object' && node.kind !== 'array'
}
