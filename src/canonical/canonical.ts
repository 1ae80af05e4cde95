import type { PlainValue } from '../model/tree.js'
import type { ServerTransport } from '../platforms/platform.js'

/** Where a canonical value came from in a platform's server entry: a path of keys and indexes. */
export type FieldPath = readonly string[]

export interface Item<T> {
  readonly value: T
  readonly path: FieldPath
}

/**
 * One server in the platform-neutral shape every file is normalised to. Strings are canonical:
 * references are `${NAME}` / `${NAME:-default}` (see references.ts).
 */
export interface CanonicalServer {
  readonly transport: ServerTransport
  /** Whether the entry states its `type`; platforms that need it for a transport say so in their data. */
  readonly typed: boolean
  readonly command: Item<string> | undefined
  readonly args: readonly Item<string>[]
  readonly env: ReadonlyMap<string, Item<string>>
  readonly cwd: Item<string> | undefined
  readonly url: Item<string> | undefined
  readonly headers: ReadonlyMap<string, Item<string>>
  readonly disabled: Item<boolean> | undefined
  /**
   * The tools the platform loads (an allow-list: Gemini's includeTools, Codex's enabled_tools) and
   * leaves out (a deny-list); undefined where the entry has none. An empty allow-list loads none.
   */
  readonly includeTools: readonly Item<string>[] | undefined
  readonly excludeTools: readonly Item<string>[] | undefined
  /** How long one tool call and the server's start may take, in milliseconds. */
  readonly toolTimeout: Item<number> | undefined
  readonly startupTimeout: Item<number> | undefined
  /** Platform-only fields (Gemini `trust`, Codex `enabled_tools`, …), compared as values. */
  readonly extras: ReadonlyMap<string, Item<PlainValue>>
}

export function item<T>(value: T, path: FieldPath): Item<T> {
  return { value, path }
}

// Paths are never changed once made, so entries share them: thousands of entries each have a
// `command` and an `args[0]`, and a canonical form is kept for every entry of every file. Only the
// platforms' own field names are shared, and the first indexes of a list: the repository chooses
// every other key and how long a list is, and these maps outlive the run.
const fieldPaths = new Map<string, FieldPath>()
const itemPaths = new Map<string, FieldPath[]>()
const sharedIndexes = 64

/** The path of a field a platform names (`command`, `url`, `cwd`…), `[key]`, one per key. */
export function fieldPath(key: string): FieldPath {
  let path = fieldPaths.get(key)
  if (path === undefined) fieldPaths.set(key, (path = Object.freeze([key])))
  return path
}

/** The path of an item of a list field a platform names, `[key, "index"]`. */
export function itemPath(key: string, index: number): FieldPath {
  if (index >= sharedIndexes) return [key, String(index)]
  let paths = itemPaths.get(key)
  if (paths === undefined) itemPaths.set(key, (paths = []))
  return (paths[index] ??= Object.freeze([key, String(index)]))
}

/** The name of a field for messages and matching: `command`, `args[2]`, `env.TOKEN`; overrides prefix dropped. */
export function fieldName(path: FieldPath): string {
  const rest = path[0] === 'overrides' ? path.slice(2) : path
  const [head = '', ...tail] = rest
  if (tail.length === 0) return head
  // OpenCode's `command` is an array too.
  return head === 'args' || head === 'command'
    ? `${head}[${tail.join('.')}]`
    : `${head}.${tail.join('.')}`
}
