import { parseConfigText } from '../parse/load.js'
import type { ConfigFile, ServerEntry } from '../model/workspace.js'
import type { PlainObject } from '../model/tree.js'
import type { Dialect } from '../platforms/platform.js'
import { diffEntry, matchServers } from '../source/drift.js'
import { closestEntry, entryEdits, entryObject, type EntryEdit } from './closest-entry.js'
import {
  editJsonEntry,
  editJsonServers,
  jsonPathAt,
  renameJsonKey,
  setJsonInputs
} from './json-edit.js'
import { replaceTomlServers } from './toml-edit.js'
import { editTomlEntry, renameTomlServer, tomlServerPath } from './toml-entry-edit.js'
import { editYamlEntry } from './yaml-entry-edit.js'
import { replaceYamlServers } from './yaml-write.js'

/** A server sync found under a wrong key and renamed. */
export interface Rename {
  readonly from: string
  readonly to: string
}

/** One server to change in place: its entry (under its current name) and the edits. */
interface ServerEdit {
  readonly entry: ServerEntry
  readonly name: string
  readonly target: PlainObject
  readonly edits: readonly EntryEdit[]
}

/**
 * The text of an existing file made to hold the expected servers with the fewest changes: a
 * server equal in meaning is not touched, one that differs gets only its differing values
 * edited (in the file's own spelling where it means the same), a server under a wrong key is
 * renamed; others are added or removed. Undefined when a YAML file cannot be rewritten.
 */
export function editServers(
  file: ConfigFile<Dialect> & { readonly source: NonNullable<ConfigFile['source']> },
  expected: ReadonlyMap<string, PlainObject>,
  inputs: readonly PlainObject[]
): {
  readonly text: string | undefined
  readonly renames: readonly Rename[]
  /** How the text was made: no change needed, values edited where they are, or servers rewritten. */
  readonly how: 'unchanged' | 'in-place' | 'rewritten'
  /** Why there is no text: the file cannot be written so that it holds the source's servers. */
  readonly reason?: string
} {
  const platform = file.platform
  const match = matchServers(
    platform,
    file.servers,
    [...expected].map(([name, value]) => ({ name, value }))
  )
  const renames = match.renamed.map(({ want, entry }) => ({
    from: entry.name.value,
    to: want.name
  }))
  const edits: ServerEdit[] = []
  for (const { want, entry } of [...match.found, ...match.renamed]) {
    if (want.name === entry.name.value && diffEntry(platform, want.value, entry).length === 0)
      continue
    const actual = entryObject(entry)
    const target = closestEntry(platform, want.value, actual)
    edits.push({ entry, name: want.name, target, edits: entryEdits(actual, target) })
  }
  const add = new Map(match.missing.map((want) => [want.name, want.value]))
  const remove = match.extras.map((entry) => entry.name.value)
  const text = file.source.text
  if (edits.length === 0 && add.size === 0 && remove.length === 0)
    return {
      text: platform.format === 'json' ? setJsonInputs(text, inputs) : text,
      renames,
      how: 'unchanged'
    }
  const inPlace = editInPlace(file, text, edits, add, remove)
  const fits = inPlace !== undefined && holds(file, inPlace, expected)
  const rewritten = fits ? undefined : rewrite(file, text, expected)
  // What cannot be written so that it reads back as the source's servers is not written at all.
  const written = fits
    ? inPlace
    : rewritten !== undefined && holds(file, rewritten, expected)
      ? rewritten
      : undefined
  if (written === undefined)
    return {
      text: undefined,
      renames,
      how: 'rewritten',
      reason:
        rewritten === undefined && platform.format === 'yaml'
          ? 'has YAML aliases into its server list, which sync cannot rewrite: edit it by hand'
          : "would not read back as the central source's servers after any edit sync can make (a server key written twice, or servers kept where sync does not write them): edit it by hand"
    }
  return {
    text: platform.format === 'json' ? setJsonInputs(written, inputs) : written,
    renames,
    how: fits ? 'in-place' : 'rewritten'
  }
}

function editInPlace(
  file: ConfigFile<Dialect>,
  text: string,
  edits: readonly ServerEdit[],
  add: ReadonlyMap<string, PlainObject>,
  remove: readonly string[]
): string | undefined {
  const platform = file.platform
  const mapKey = file.serversProperty?.key.value ?? platform.serversKeys[0]
  const nameKey = platform.serverList?.nameKey
  if (platform.format === 'json') {
    const mapPath = serversMapPath(file, text)
    if (mapPath === undefined) return undefined
    let result: string | undefined = text
    for (const edit of edits) {
      // The map the server is in (OpenCode's V2 servers are under mcp.servers), from the text
      // before any edit: keys above a server do not move.
      const inMap = jsonPathAt(text, edit.entry.value.location.offset)?.slice(0, -1)
      const from = edit.entry.name.value
      if (inMap === undefined) return undefined
      if (from !== edit.name) result = result && renameJsonKey(result, inMap, from, edit.name)
      if (result === undefined) return undefined
      result = editJsonEntry(result, inMap, edit.name, edit.edits)
    }
    return editJsonServers(result, mapPath, add, remove)
  }
  // Adding or removing servers in a TOML or YAML file rewrites its server list.
  if (add.size > 0 || remove.length > 0) return undefined
  let result: string | undefined = text
  for (const edit of edits) {
    const from = edit.entry.name.value
    const renamed: EntryEdit[] =
      from === edit.name || nameKey === undefined ? [] : [{ path: [nameKey], value: edit.name }]
    if (platform.format === 'yaml') {
      result =
        result && editYamlEntry(result, file.path, platform, from, [...renamed, ...edit.edits])
      continue
    }
    if (result === undefined) return undefined
    // A map is renamed in its table headers; a list entry by its name field, with the edits.
    const mapRename = from !== edit.name && nameKey === undefined
    if (mapRename) result = renameTomlServer(result, mapKey, from, edit.name)
    const path =
      result === undefined
        ? undefined
        : tomlServerPath(result, mapKey, mapRename ? edit.name : from, nameKey)
    if (result === undefined || path === undefined) return undefined
    const target = nameKey === undefined ? edit.target : { ...edit.target, [nameKey]: edit.name }
    result = editTomlEntry(result, path, [...renamed, ...edit.edits], target)
  }
  return result
}

/**
 * The servers written anew, the rest of the file kept: when an in-place edit cannot be made or
 * does not read back right. JSON gets each differing server replaced whole; TOML and YAML their
 * server tables or list.
 */
function rewrite(
  file: ConfigFile<Dialect>,
  text: string,
  expected: ReadonlyMap<string, PlainObject>
): string | undefined {
  const platform = file.platform
  const key = platform.serversKeys[0]
  const nameKey = platform.serverList?.nameKey
  if (platform.format === 'yaml') return replaceYamlServers(text, key, expected, nameKey ?? 'name')
  if (platform.format === 'toml') return replaceTomlServers(text, expected, key, nameKey)
  const mapPath = serversMapPath(file, text)
  if (mapPath === undefined) return undefined
  const set = new Map(
    [...expected].filter(([name, value]) => {
      const entry = file.servers.find((candidate) => candidate.name.value === name)
      return entry === undefined || diffEntry(platform, value, entry).length > 0
    })
  )
  const remove = file.servers.map((entry) => entry.name.value).filter((name) => !expected.has(name))
  return editJsonServers(text, mapPath, set, remove)
}

/** The keys to a JSON file's server map (`mcpServers`, OpenCode's `mcp`), as its text is. */
function serversMapPath(file: ConfigFile<Dialect>, text: string): string[] | undefined {
  const at = file.serversProperty?.value.location.offset
  return at === undefined ? [file.platform.serversKeys[0]] : jsonPathAt(text, at)
}

/** Whether an edited text holds exactly the expected servers: the check every in-place edit must pass. */
function holds(
  file: ConfigFile<Dialect>,
  text: string,
  expected: ReadonlyMap<string, PlainObject>
): boolean {
  const edited = parseConfigText(file.path, file.platform, text)
  if (edited.syntaxProblems.length > 0 || edited.servers.length !== expected.size) return false
  return edited.servers.every((entry) => {
    const want = expected.get(entry.name.value)
    return want !== undefined && diffEntry(file.platform, want, entry).length === 0
  })
}
