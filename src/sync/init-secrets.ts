import { findSecrets } from '../detect/secrets.js'
import { plainObject, type PlainObject, type PlainValue } from '../model/tree.js'
import { isObject } from '../canonical/normalize.js'

/** A literal secret `init` kept out of the central source, described without its value. */
export interface ReplacedSecret {
  readonly server: string
  /** Where it was: `env.GITHUB_TOKEN`, `headers.Authorization`, `args[3]`, `url`. */
  readonly field: string
  readonly kind: string
  readonly masked: string
  /** The environment variable the source now reads instead. */
  readonly variable: string
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The fields replaceSecrets reads with their own naming; any other is scrubbed by scrubAll. */
const scanned = new Set(['env', 'headers', 'args', 'url', 'command'])

type Scrub = (value: string, field: string, key: string | undefined, name: string) => string

/** Every string under a value, scrubbed with the key it sits under; the variable named after that key. */
function scrubAll(
  value: PlainValue,
  field: string,
  key: string,
  scrub: Scrub,
  base: string
): PlainValue {
  if (typeof value === 'string') return scrub(value, field, key, `${base}_${variableBase(key)}`)
  if (Array.isArray(value))
    return value.map((item, index) =>
      scrubAll(item, `${field}[${String(index)}]`, key, scrub, base)
    )
  if (!isObject(value)) return value
  const out = plainObject()
  for (const [name, item] of Object.entries(value))
    out[name] = scrubAll(item, `${field}.${name}`, name, scrub, base)
  return out
}

/**
 * The server entry with every literal secret (a provider token, a literal Bearer header, a
 * secret under a secret-named key, a password in a URL) replaced by a `${VAR}` reference, and
 * what was replaced. `taken` holds the variable names already used in the source, so two
 * different secrets never share one.
 */
export function replaceSecrets(
  server: string,
  entry: PlainObject,
  taken: Set<string>
): { readonly value: PlainObject; readonly replaced: readonly ReplacedSecret[] } {
  const replaced: ReplacedSecret[] = []
  const scrub = (value: string, field: string, key: string | undefined, name: string) => {
    let result = value
    // From the end, so earlier offsets stay valid.
    for (const match of [...findSecrets(value, { key })].reverse()) {
      if (match.confidence === 'low') continue
      const variable = freeName(name, taken)
      result = `${result.slice(0, match.start)}\${${variable}}${result.slice(match.end)}`
      replaced.push({ server, field, kind: match.kind, masked: match.masked, variable })
    }
    return result
  }
  const base = variableBase(server)
  const value: PlainObject = { ...entry }
  const env = entry.env
  if (isObject(env)) {
    value.env = mapObject(env, (key, item) =>
      scrub(item, `env.${key}`, key, identifier.test(key) ? key : `${base}_SECRET`)
    )
  }
  const headers = entry.headers
  if (isObject(headers)) {
    value.headers = mapObject(headers, (key, item) =>
      scrub(item, `headers.${key}`, key, `${base}_${key === 'Authorization' ? 'TOKEN' : 'KEY'}`)
    )
  }
  if (Array.isArray(entry.args)) {
    const args = entry.args
    value.args = args.map((item, index) => {
      if (typeof item !== 'string') return item
      const previous = args[index - 1]
      const flag = typeof previous === 'string' && previous.startsWith('-') ? previous : undefined
      const name = flag === undefined ? `${base}_SECRET` : variableBase(flag.replace(/^-+/, ''))
      return scrub(item, `args[${String(index)}]`, flag, name)
    })
  }
  if (typeof entry.url === 'string') value.url = scrub(entry.url, 'url', undefined, `${base}_TOKEN`)
  if (typeof entry.command === 'string')
    value.command = scrub(entry.command, 'command', undefined, `${base}_SECRET`)
  // A platform's own fields (Crush's oauth_client_secret, an inputs default) are scrubbed too.
  for (const [key, item] of Object.entries(entry)) {
    if (!scanned.has(key)) value[key] = scrubAll(item, key, key, scrub, base)
  }
  return { value, replaced }
}

/** `docs-search` → `DOCS_SEARCH`; a name that cannot start a variable gets `MCP_` in front. */
function variableBase(name: string): string {
  const upper = name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return /^[A-Z_]/.test(upper) ? upper : `MCP_${upper}`
}

function freeName(name: string, taken: Set<string>): string {
  let candidate = name
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${name}_${String(suffix)}`
  taken.add(candidate)
  return candidate
}

function mapObject(object: PlainObject, map: (key: string, value: string) => string): PlainObject {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [
      key,
      typeof value === 'string' ? map(key, value) : value
    ])
  )
}
