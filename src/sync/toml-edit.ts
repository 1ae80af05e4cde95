import { parseTOML } from 'toml-eslint-parser'
import type { PlainObject } from '../core/tree.js'
import { writeTomlServers } from './toml-write.js'

/**
 * Replaces every `[mcp_servers…]` table of a TOML file with freshly written ones, appended at the
 * end; the rest of the file (model, profiles, comments outside those tables) is kept.
 */
export function replaceTomlServers(
  text: string,
  servers: ReadonlyMap<string, PlainObject>,
  mapKey = 'mcp_servers'
): string {
  const program = parseTOML(text, { tomlVersion: '1.0' })
  const ranges: [number, number][] = []
  for (const item of program.body[0].body) {
    const first = item.key.keys[0]
    const name = first === undefined ? '' : first.type === 'TOMLBare' ? first.name : first.value
    if (name !== mapKey) continue
    // A table runs to its last key; the line break after it goes too, blank lines below stay.
    let end = item.range[1]
    if (text.startsWith('\r\n', end)) end += 2
    else if (text[end] === '\n') end += 1
    ranges.push([item.range[0], end])
  }
  let kept = text
  for (const [start, end] of ranges.reverse()) kept = kept.slice(0, start) + kept.slice(end)
  kept = kept.replace(/\s+$/, '')
  const block = writeTomlServers(servers, mapKey)
  if (block === '') return kept === '' ? '' : `${kept}\n`
  return kept === '' ? block : `${kept}\n\n${block}`
}
