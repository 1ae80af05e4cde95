import type { PlainObject, PlainValue } from '../model/tree.js'
import { isObject } from '../canonical/normalize.js'

/**
 * Writes MCP server tables as TOML: `[mcp_servers.<name>]`, scalars and arrays inline, objects as
 * tables; or, for a server list (`nameKey`), one `[[mcp_servers]]` entry per server with its name
 * first and everything inline.
 */
export function writeTomlServers(
  servers: ReadonlyMap<string, PlainObject>,
  mapKey = 'mcp_servers',
  nameKey?: string
): string {
  const blocks: string[] = []
  for (const [name, server] of servers)
    blocks.push(
      nameKey === undefined
        ? writeTable([mapKey, name], server)
        : writeListEntry(mapKey, { [nameKey]: name, ...server })
    )
  return blocks.join('\n')
}

function writeListEntry(key: string, entry: PlainObject): string {
  const lines = [`[[${writeKey(key)}]]`]
  for (const [field, value] of Object.entries(entry))
    lines.push(`${writeKey(field)} = ${writeValue(value)}`)
  return lines.join('\n') + '\n'
}

function writeTable(path: readonly string[], table: PlainObject): string {
  const lines = [`[${path.map(writeKey).join('.')}]`]
  const subtables: string[] = []
  for (const [key, value] of Object.entries(table)) {
    // Small maps of strings (env, headers) read best inline; anything nested gets its own table.
    if (isObject(value) && !isFlatStringMap(value))
      subtables.push(writeTable([...path, key], value))
    else lines.push(`${writeKey(key)} = ${writeValue(value)}`)
  }
  return [lines.join('\n') + '\n', ...subtables].join('\n')
}

function isFlatStringMap(value: PlainObject): boolean {
  return Object.values(value).every((entry) => typeof entry === 'string')
}

export function writeKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : writeString(key)
}

export function writeValue(value: PlainValue): string {
  if (typeof value === 'string') return writeString(value)
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : value > 0 ? 'inf' : value < 0 ? '-inf' : 'nan'
  if (typeof value === 'boolean') return String(value)
  if (value === null) return '""'
  if (Array.isArray(value)) return `[${value.map(writeValue).join(', ')}]`
  const entries = Object.entries(value).map(
    ([key, entry]) => `${writeKey(key)} = ${writeValue(entry)}`
  )
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
}

/** A TOML basic string. */
export function writeString(value: string): string {
  let out = '"'
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    if (char === '"') out += '\\"'
    else if (char === '\\') out += '\\\\'
    else if (char === '\n') out += '\\n'
    else if (char === '\t') out += '\\t'
    else if (char === '\r') out += '\\r'
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += char
  }
  return `${out}"`
}
