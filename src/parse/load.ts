import type { Dialect } from '../platforms/platform.js'
import { splitCommandLine } from './command-line.js'
import type { ConfigFile, ServerEntry, Transport } from '../model/workspace.js'
import { parseJson } from './json.js'
import { loadThoroughToml, parseToml, prepareTomlText } from './toml.js'
import { loadYamlParser, yamlParser } from './load-yaml.js'
import { loadPrecompiledValidator } from './generated/validators.js'
import { decode, readRepoFile, type ReadOptions, type ReadOutcome } from './read-file.js'
import { SourceText } from '../model/location.js'
import { Derived } from '../util/memo.js'
import {
  effectiveFields,
  effectiveProperties,
  findProperty,
  type ObjectNode,
  type PropertyNode,
  type StringNode,
  type ValueNode
} from '../model/tree.js'

/** Reads, parses and models one config file. Undefined when the file does not exist. */
export async function loadConfigFile<D extends Dialect>(
  root: string,
  path: string,
  platform: D,
  options: ReadOptions
): Promise<ConfigFile<D> | undefined> {
  const outcome = await readRepoFile(root, path, options)
  if (outcome.status === 'missing') return undefined
  await Promise.all([
    prepareValidation([platform]),
    // toml-eslint-parser loads only for a file the quick reader leaves to it.
    ...(platform.format === 'toml' && outcome.status === 'ok'
      ? [prepareTomlText(outcome.text)]
      : [])
  ])
  return modelOutcome(path, platform, outcome)
}

/**
 * Loads what parsing and validating these clients' files needs: the YAML parser if one of them is
 * YAML, toml-eslint-parser if one is TOML, and each one's schema validator. Kept out of the start
 * of every run, since a repository has few clients' files; code that parses or lints text
 * (loadConfigBytes, parseConfigText, lintFiles) awaits it first. loadConfigFile needs less: it
 * loads toml-eslint-parser only for a file the quick TOML reader cannot read.
 */
export async function prepareDialects(dialects: Iterable<Dialect>): Promise<void> {
  const list = [...dialects]
  await Promise.all([
    prepareValidation(list),
    ...(list.some((dialect) => dialect.format === 'toml') ? [loadThoroughToml()] : [])
  ])
}

async function prepareValidation(dialects: readonly Dialect[]): Promise<void> {
  await Promise.all([
    ...(dialects.some((dialect) => dialect.format === 'yaml') ? [loadYamlParser()] : []),
    ...dialects.map((dialect) => loadPrecompiledValidator(dialect.id))
  ])
}

/** Models file bytes that are already in memory (rule examples, tests): prepareDialects first. */
export function loadConfigBytes<D extends Dialect>(
  path: string,
  platform: D,
  bytes: Uint8Array
): ConfigFile<D> {
  const outcome = decode(bytes)
  if (outcome.status === 'missing') throw new Error('decode never reports a missing file')
  return modelOutcome(path, platform, outcome)
}

function modelOutcome<D extends Dialect>(
  path: string,
  platform: D,
  outcome: Exclude<ReadOutcome, { status: 'missing' }>
): ConfigFile<D> {
  if (outcome.status === 'problem') {
    const { problem } = outcome
    const prefix = new SourceText(path, problem.prefix ?? '')
    return {
      ...emptyFile(path, platform),
      readProblem: { ...problem, location: prefix.locate(problem.at ?? 0, 0) }
    }
  }
  return parseConfigText(path, platform, outcome.text, outcome.byteOrderMark)
}

/** Parses config text that is already in memory (tests, rule examples): prepareDialects first. */
export function parseConfigText<D extends Dialect>(
  path: string,
  platform: D,
  text: string,
  byteOrderMark = false
): ConfigFile<D> {
  const source = new SourceText(path, text)
  const parsed =
    platform.format === 'toml'
      ? { ...parseToml(source), comments: [], trailingCommas: [] }
      : platform.format === 'yaml'
        ? { ...yamlParser()(source), comments: [], trailingCommas: [] }
        : parseJson(source)
  const serversProperty = findServersProperty(parsed.root, platform)
  return {
    path,
    platform,
    source,
    readProblem: undefined,
    byteOrderMark,
    syntaxProblems: parsed.problems,
    comments: parsed.comments,
    trailingCommas: parsed.trailingCommas,
    root: parsed.root,
    serversProperty,
    servers: platformServers(path, parsed.root, serversProperty, platform)
  }
}

function emptyFile<D extends Dialect>(path: string, platform: D): ConfigFile<D> {
  return {
    path,
    platform,
    source: undefined,
    readProblem: undefined,
    byteOrderMark: false,
    syntaxProblems: [],
    comments: [],
    trailingCommas: [],
    root: undefined,
    serversProperty: undefined,
    servers: []
  }
}

function findServersProperty(
  root: ValueNode | undefined,
  platform: Dialect
): PropertyNode | undefined {
  if (root?.kind !== 'object') return undefined
  for (const key of platform.serversKeys) {
    const property = findProperty(root, key)
    if (property !== undefined) return property
  }
  return undefined
}

/**
 * The servers the platform loads from a file: the server map, an array of servers where the
 * platform numbers them (`serverArray`), and a server written as a command-line setting
 * (`commandSetting`), which replaces the map's server of that name.
 */
function platformServers(
  path: string,
  root: ValueNode | undefined,
  serversProperty: PropertyNode | undefined,
  platform: Dialect
): ServerEntry[] {
  const map = serversProperty?.value
  if (map === undefined && platform.fileServer === true && root?.kind === 'object') {
    const fields = effectiveProperties(root)
    if (fields.some(({ key }) => key.value === 'command' || key.value === 'url'))
      return [toEntry(derivedString(baseName(path), root), root, platform)]
  }
  const servers =
    map?.kind === 'object'
      ? [...nestedServers(map, platform), ...extractServers(map, platform.nestedServers, platform)]
      : map?.kind === 'array' && platform.serverList !== undefined
        ? listedServers(map.items, platform.serverList, platform)
        : map?.kind === 'array' && platform.serverArray !== undefined
          ? map.items.map((value, index) =>
              toEntry(derivedString(String(index), value), value, platform)
            )
          : []
  const setting = platform.commandSetting
  const line =
    setting === undefined || root === undefined ? undefined : settingAt(root, setting.path)
  if (setting === undefined || line === undefined) return servers
  const split = splitCommandLine(line.value.value)
  // An empty line is no server (`if (mcpServerCommand)`), nor one of blanks (no command).
  if (!('words' in split) || split.words.length === 0) return servers
  const [command = '', ...args] = split.words
  const field = (name: string, value: ValueNode): PropertyNode => ({
    key: derivedString(name, line.key),
    value
  })
  const fields = [
    field('command', derivedString(command, line.value)),
    field('args', {
      kind: 'array',
      items: args.map((arg) => derivedString(arg, line.value)),
      location: line.value.location
    })
  ]
  const entry: ServerEntry = {
    name: derivedString(setting.server, line.key),
    value: { kind: 'object', properties: fields, location: line.value.location },
    fields: new Map(fields.map((property) => [property.key.value, property])),
    transport: 'stdio',
    derived: new Derived()
  }
  return [...servers.filter((server) => server.name.value !== setting.server), entry]
}

/** The string property at a path of objects, when every step is there. */
function settingAt(
  root: ValueNode,
  path: readonly string[]
): { key: StringNode; value: StringNode } | undefined {
  let property: PropertyNode | undefined
  let node: ValueNode | undefined = root
  for (const segment of path) {
    property = node?.kind === 'object' ? findProperty(node, segment) : undefined
    node = property?.value
  }
  return property?.value.kind === 'string'
    ? { key: property.key, value: property.value }
    : undefined
}

/** A file's name without its folder and extension. */
function baseName(path: string): string {
  return (path.split('/').at(-1) ?? path).replace(/\.[^.]*$/, '')
}

/** A string the platform makes from source text: located at that text, sub-ranges not mapped. */
function derivedString(value: string, at: ValueNode | StringNode): StringNode {
  return { kind: 'string', value, style: 'derived', location: at.location }
}

/** The server entries of a server map, one per name (the last definition wins), but `skip`'s. */
export function extractServers(map: ObjectNode, skip?: string, platform?: Dialect): ServerEntry[] {
  return effectiveProperties(map)
    .filter(({ key, value }) => key.value !== skip || !holdsNestedServers(value))
    .map(({ key, value }) => toEntry(key, value, platform))
}

/**
 * The entries of a server list, named by their `nameKey` string, one per name, the definition the
 * client keeps winning: the last, as in a map, unless it keeps the first.
 */
function listedServers(
  items: readonly ValueNode[],
  list: NonNullable<Dialect['serverList']>,
  platform: Dialect
): ServerEntry[] {
  const byName = new Map<string, ServerEntry>()
  for (const value of items) {
    const name = listedName(value, list.nameKey)
    if (name === undefined) continue
    if (list.keeps === 'first' && byName.has(name.value)) continue
    byName.delete(name.value)
    byName.set(name.value, toEntry(name, value, platform))
  }
  return [...byName.values()]
}

/** The name a server-list entry carries under `nameKey`, when it is an object with a string there. */
export function listedName(entry: ValueNode | undefined, nameKey: string): StringNode | undefined {
  const name = entry?.kind === 'object' ? findProperty(entry, nameKey)?.value : undefined
  return name?.kind === 'string' ? name : undefined
}

/** OpenCode's V2 `mcp.servers`: the servers under the platform's nested key, if it holds a map. */
function nestedServers(map: ObjectNode, platform: Dialect): ServerEntry[] {
  const key = platform.nestedServers
  const nested = key === undefined ? undefined : findProperty(map, key)?.value
  return nested !== undefined && holdsNestedServers(nested)
    ? extractServers(nested, undefined, platform)
    : []
}

/** A map of servers rather than a V1 server that happens to be named like the nested key. */
export function holdsNestedServers(value: ValueNode): value is ObjectNode {
  return value.kind === 'object' && findProperty(value, 'type')?.value.kind !== 'string'
}

function toEntry(name: StringNode, value: ValueNode, platform?: Dialect): ServerEntry {
  const fields = value.kind === 'object' ? effectiveFields(value) : new Map<string, PropertyNode>()
  return {
    name,
    value,
    fields,
    transport: detectTransport(fields, platform?.translation.typeKey ?? 'type'),
    derived: new Derived()
  }
}

function detectTransport(fields: ReadonlyMap<string, PropertyNode>, typeKey: string): Transport {
  const type = fields.get(typeKey)?.value
  const declared = type?.kind === 'string' ? type.value : undefined
  if (fields.has('url') || fields.has('serverUrl') || fields.has('httpUrl'))
    return declared === 'sse' ? 'sse' : 'http'
  if (fields.has('command')) return 'stdio'
  return 'unknown'
}
