import type { Platform } from '../platforms/platform.js'
import type { ConfigFile, ServerEntry, Transport } from './model.js'
import { parseJson } from './parse/json.js'
import { parseToml } from './parse/toml.js'
import { decode, readRepoFile, type ReadOptions, type ReadOutcome } from './read-file.js'
import { SourceText } from './source.js'
import {
  effectiveProperties,
  findProperty,
  type ObjectNode,
  type PropertyNode,
  type ValueNode
} from './tree.js'

/** Reads, parses and models one config file. Undefined when the file does not exist. */
export async function loadConfigFile(
  root: string,
  path: string,
  platform: Platform,
  options: ReadOptions
): Promise<ConfigFile | undefined> {
  const outcome = await readRepoFile(root, path, options)
  return outcome.status === 'missing' ? undefined : modelOutcome(path, platform, outcome)
}

/** Models file bytes that are already in memory (rule examples, tests). */
export function loadConfigBytes(path: string, platform: Platform, bytes: Uint8Array): ConfigFile {
  const outcome = decode(bytes)
  if (outcome.status === 'missing') throw new Error('decode never reports a missing file')
  return modelOutcome(path, platform, outcome)
}

function modelOutcome(
  path: string,
  platform: Platform,
  outcome: Exclude<ReadOutcome, { status: 'missing' }>
): ConfigFile {
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

/** Parses config text that is already in memory (tests, rule examples). */
export function parseConfigText(
  path: string,
  platform: Platform,
  text: string,
  byteOrderMark = false
): ConfigFile {
  const source = new SourceText(path, text)
  const parsed =
    platform.format === 'toml'
      ? { ...parseToml(source), comments: [], trailingCommas: [] }
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
    servers: serversProperty?.value.kind === 'object' ? extractServers(serversProperty.value) : []
  }
}

function emptyFile(path: string, platform: Platform): ConfigFile {
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
  platform: Platform
): PropertyNode | undefined {
  if (root?.kind !== 'object') return undefined
  for (const key of platform.serversKeys) {
    const property = findProperty(root, key)
    if (property !== undefined) return property
  }
  return undefined
}

/** The server entries of a server map, one per name (the last definition wins). */
export function extractServers(map: ObjectNode): ServerEntry[] {
  return effectiveProperties(map).map(({ key, value }) => {
    const fields = new Map(
      value.kind === 'object' ? effectiveProperties(value).map((p) => [p.key.value, p]) : []
    )
    return { name: key, value, fields, transport: detectTransport(fields) }
  })
}

function detectTransport(fields: ReadonlyMap<string, PropertyNode>): Transport {
  const type = fields.get('type')?.value
  const declared = type?.kind === 'string' ? type.value : undefined
  if (fields.has('url') || fields.has('serverUrl') || fields.has('httpUrl'))
    return declared === 'sse' ? 'sse' : 'http'
  if (fields.has('command')) return 'stdio'
  return 'unknown'
}
