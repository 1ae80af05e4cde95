import { parseTOML } from 'toml-eslint-parser'
import type { PlainObject } from '../model/tree.js'
import { TOML_VERSION } from '../parse/toml-thorough.js'
import { keyName } from './toml-entry-edit.js'
import { writeTomlServers } from './toml-write.js'

/**
 * Replaces every `[mcp_servers…]` table (or `[[mcp_servers]]` entry) of a TOML file with freshly
 * written ones, appended at the end; the rest of the file (model, profiles, comments outside those
 * tables) is kept.
 */
export function replaceTomlServers(
  text: string,
  servers: ReadonlyMap<string, PlainObject>,
  mapKey = 'mcp_servers',
  nameKey?: string
): string {
  const program = parseTOML(text, { tomlVersion: TOML_VERSION })
  const ranges: [number, number][] = []
  for (const item of program.body[0].body) {
    const first = item.key.keys[0]
    const name = first === undefined ? '' : keyName(first)
    if (name !== mapKey) continue
    // A table runs to its last key; its line break and the blank lines below it go with it.
    ranges.push([item.range[0], endOfBlankLines(text, item.range[1])])
  }
  let kept = text
  for (const [start, end] of ranges.reverse()) kept = kept.slice(0, start) + kept.slice(end)
  kept = kept.replace(/\s+$/, '')
  const block = writeTomlServers(servers, mapKey, nameKey)
  if (block === '') return kept === '' ? '' : `${kept}\n`
  return kept === '' ? block : `${kept}\n\n${block}`
}

/** The offset after the rest of the line at `offset` and any blank lines that follow it. */
function endOfBlankLines(text: string, offset: number): number {
  let end = offset
  const lineBreak = /^[ \t]*\r?\n/
  let match = lineBreak.exec(text.slice(end))
  while (match !== null) {
    end += match[0].length
    match = lineBreak.exec(text.slice(end))
  }
  return end
}
