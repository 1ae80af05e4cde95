import type { ServerEntry } from '../model/workspace.js'
import type { PlainObject, PlainValue } from '../model/tree.js'
import { plainEntry } from '../model/plain-entry.js'
import type { Dialect, ServerTransport, TimeoutField } from '../platforms/platform.js'
import { fieldPath, item, itemPath, type CanonicalServer, type Item } from './canonical.js'
import { escapeLiteral, toCanonical } from './references.js'
import { commandLineOf, commandOf, stringItem } from './command.js'
import { derivedKey, getOrCompute, type DerivedKey } from '../util/memo.js'
import { isRecord } from '../util/is-record.js'

/** Fields every platform writes the same way, plus the ones normalisation consumes per platform. */
const codexEnvFields = ['env_vars', 'bearer_token_env_var', 'env_http_headers', 'http_headers']

/** What normalisation needs of a platform: worked out once per platform, not once per entry. */
interface Reading {
  readonly canonical: (value: string) => string
  readonly envKey: string
  readonly typeKey: string
  readonly urlKeys: readonly string[]
  /** Codex's literal headers, Continue's requestOptions.headers, or everyone else's headers. */
  readonly headersPath: readonly [string, ...string[]]
  /** The fields normalisation reads whatever their values; the rest are the entry's extras. */
  readonly consumed: ReadonlySet<string>
}

const readings = new WeakMap<Dialect, Reading>()

function readingOf(platform: Dialect): Reading {
  return getOrCompute(readings, platform, () => {
    const t = platform.translation
    const bare = platform.interpolation.syntaxes.includes('bare')
    const envKey = t.envKey ?? 'env'
    const typeKey = t.typeKey ?? 'type'
    const urlKeys = Object.keys(t.urlKeys)
    const headersPath: readonly [string, ...string[]] =
      t.references === 'env-vars' ? ['http_headers'] : (t.headersAt ?? ['headers'])
    const consumed = new Set(['command', 'args', envKey, 'headers', ...urlKeys, headersPath[0]])
    if (Object.keys(t.readTypes).length > 0) consumed.add(typeKey)
    if (platform.serverList !== undefined) consumed.add(platform.serverList.nameKey)
    if (t.cwd) consumed.add('cwd')
    if (t.description) consumed.add('description')
    if (t.disabled !== undefined) consumed.add(t.disabled.key)
    if (t.disabledToo !== undefined) consumed.add(t.disabledToo.key)
    if (t.references === 'env-vars') for (const field of codexEnvFields) consumed.add(field)
    return {
      canonical: (value: string) =>
        toCanonical(value, t.references, bare, t.lenientReferences === true),
      envKey,
      typeKey,
      urlKeys,
      headersPath,
      consumed
    }
  })
}

/**
 * A platform's server entry (its loaded value) in canonical form, with the path of every value in
 * the entry so differences can be located. Values of the wrong type are left out: config-schema
 * reports them.
 */
export function normalizeServer(platform: Dialect, entry: PlainValue): CanonicalServer {
  const server = isObject(entry) ? entry : {}
  const t = platform.translation
  const reading = readingOf(platform)
  const { canonical, envKey, typeKey, headersPath } = reading
  // Fields consumed only for some values: a tool list of strings, a timeout that is a number.
  const consumedHere: string[] = []
  const type = server[typeKey]

  const urlKey = reading.urlKeys.find((key) => typeof server[key] === 'string')
  const url = urlKey === undefined ? undefined : stringItem(server, urlKey, canonical)
  // Made for the first value: most entries have no env or headers.
  let env: Map<string, Item<string>> | undefined
  let headers: Map<string, Item<string>> | undefined
  for (const [key, value] of entries(server[envKey])) {
    if (typeof value === 'string')
      env = put(
        env,
        key,
        item(t.references === 'env-vars' ? escapeLiteral(value) : canonical(value), [envKey, key])
      )
  }
  for (const [key, value] of entries(valueAt(server, headersPath))) {
    if (typeof value === 'string') {
      headers = put(
        headers,
        key,
        item(t.references === 'env-vars' ? escapeLiteral(value) : canonical(value), [
          ...headersPath,
          key
        ])
      )
    }
  }
  if (t.references === 'env-vars') ({ env, headers } = readCodexReferences(server, env, headers))

  // Tool lists by the platform's names; a list that is not all strings stays the platform's own field.
  const filters = platform.tools?.filters
  const includeTools = toolList(server, filters?.allow, consumedHere)
  const excludeTools = toolList(server, filters?.deny, consumedHere)
  const toolTimeout = timeout(server, t.timeouts?.tool, consumedHere)
  const startupTimeout = timeout(server, t.timeouts?.startup, consumedHere)

  let extras: Map<string, Item<PlainValue>> | undefined
  for (const key of Object.keys(server))
    if (!reading.consumed.has(key) && !consumedHere.includes(key))
      extras = put(extras, key, item(server[key] ?? null, [key]))

  // The first marker present decides: OpenCode's V1 "enabled", else its V2 "disabled".
  const marker =
    t.disabled !== undefined && typeof server[t.disabled.key] === 'boolean'
      ? t.disabled
      : t.disabledToo !== undefined && typeof server[t.disabledToo.key] === 'boolean'
        ? t.disabledToo
        : undefined
  return {
    transport: transportOf(platform, type, urlKey),
    // A url key that names its transport (Gemini CLI's httpUrl) says as much as a "type".
    typed:
      (typeof type === 'string' && Object.hasOwn(t.readTypes, type)) ||
      (urlKey !== undefined && t.urlKeys[urlKey] !== undefined),
    ...(t.commandLine === true
      ? commandLineOf(server, canonical)
      : commandOf(server, t.commandArray === true, canonical)),
    env: orNone(env),
    cwd: t.cwd ? stringItem(server, 'cwd', canonical) : undefined,
    url,
    headers: orNone(headers),
    disabled:
      marker === undefined
        ? undefined
        : item(server[marker.key] === marker.whenDisabled, fieldPath(marker.key)),
    includeTools,
    excludeTools,
    toolTimeout,
    startupTimeout,
    extras: orNone(extras)
  }
}

/** A tool list of strings, each at its index; another value stays the platform's own field. */
function toolList(
  server: PlainObject,
  key: string | undefined,
  consumed: string[]
): Item<string>[] | undefined {
  const value = key === undefined ? undefined : server[key]
  if (key === undefined || !Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    return undefined
  consumed.push(key)
  return value.map((name, index) => item(name, itemPath(key, index)))
}

/** A timeout in milliseconds, whatever unit the platform writes. */
function timeout(
  server: PlainObject,
  field: TimeoutField | undefined,
  consumed: string[]
): Item<number> | undefined {
  const value = field === undefined ? undefined : server[field.key]
  if (field === undefined || typeof value !== 'number') return undefined
  consumed.push(field.key)
  return item(field.unit === 's' ? Math.round(value * 1000) : value, fieldPath(field.key))
}

/**
 * Most servers have no env, headers or extra fields. Their empty maps would outlive the run (each
 * canonical form is kept for the rules), and thousands of them cost every collection a copy.
 */
const none: ReadonlyMap<string, never> = new Map<string, never>()

function orNone<V>(map: ReadonlyMap<string, V> | undefined): ReadonlyMap<string, V> {
  return map === undefined || map.size === 0 ? none : map
}

/** Sets a key in a map, made on the first call. */
function put<V>(map: Map<string, V> | undefined, key: string, value: V): Map<string, V> {
  return (map ?? new Map<string, V>()).set(key, value)
}

/** Codex forwards variables by name: env_vars, bearer_token_env_var and env_http_headers. */
function readCodexReferences(
  server: PlainObject,
  envRead: Map<string, Item<string>> | undefined,
  headersRead: Map<string, Item<string>> | undefined
): { env: Map<string, Item<string>> | undefined; headers: Map<string, Item<string>> | undefined } {
  let env = envRead
  let headers = headersRead
  const vars = Array.isArray(server.env_vars) ? server.env_vars : []
  vars.forEach((entry, index) => {
    const name =
      typeof entry === 'string'
        ? entry
        : isObject(entry) && typeof entry.name === 'string'
          ? entry.name
          : undefined
    if (name !== undefined) env = put(env, name, item(`\${${name}}`, itemPath('env_vars', index)))
  })
  if (typeof server.bearer_token_env_var === 'string') {
    headers = put(
      headers,
      'Authorization',
      item(`Bearer \${${server.bearer_token_env_var}}`, ['bearer_token_env_var'])
    )
  }
  for (const [key, value] of entries(server.env_http_headers)) {
    if (typeof value === 'string')
      headers = put(headers, key, item(`\${${value}}`, ['env_http_headers', key]))
  }
  return { env, headers }
}

function transportOf(
  platform: Dialect,
  type: PlainValue | undefined,
  urlKey: string | undefined
): ServerTransport {
  const t = platform.translation
  const declared =
    typeof type === 'string' && Object.hasOwn(t.readTypes, type) ? t.readTypes[type] : undefined
  if (urlKey === undefined) return declared === 'sse' || declared === 'http' ? declared : 'stdio'
  const implied = t.urlKeys[urlKey]
  if (implied !== undefined) return implied
  return declared === 'sse' ? 'sse' : 'http'
}

function valueAt(server: PlainObject, path: readonly string[]): PlainValue | undefined {
  let value: PlainValue | undefined = server
  for (const key of path) value = isObject(value) ? value[key] : undefined
  return value
}

function entries(value: PlainValue | undefined): [string, PlainValue][] {
  return isObject(value) ? Object.entries(value) : []
}

/** isRecord, for a loaded value: an object of PlainValues. */
export function isObject(value: PlainValue | undefined): value is PlainObject {
  return isRecord(value)
}

/** One key per platform: an entry is read as its own file's platform, and rarely another. */
const canonicalAs = new Map<string, DerivedKey<CanonicalServer>>()

/**
 * A located server entry in canonical form, computed once per entry and platform: several rules
 * look at every entry, and a repository can hold thousands.
 */
export function normalizeEntry(platform: Dialect, entry: ServerEntry): CanonicalServer {
  const key = getOrCompute(canonicalAs, platform.id, () =>
    derivedKey<CanonicalServer>(`canonical as ${platform.id}`)
  )
  return entry.derived.get(key, () => normalizeServer(platform, plainEntry(entry)))
}
