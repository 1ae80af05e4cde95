import { plainAt, type PlainObject, type PlainValue, plainObject } from '../model/tree.js'
import type { Dialect } from '../platforms/platform.js'
import { compareServers, deepEqual } from '../canonical/compare.js'
import { projectPathMeaning } from '../canonical/project-paths.js'
import { isObject, normalizeServer } from '../canonical/normalize.js'
import { plainEntry } from '../model/plain-entry.js'
import type { ServerEntry } from '../model/workspace.js'

/** How many of an entry's values closestEntry tries to keep, each with one comparison. */
const MAX_TRIES = 64

/** A path inside a server entry: keys, and indexes into lists. */
export type EntryPath = readonly (string | number)[]

/** One change to a server entry: a value set (added or replaced) or, with `value` undefined, removed. */
export interface EntryEdit {
  readonly path: EntryPath
  readonly value: PlainValue | undefined
}

/**
 * The entry sync writes in place of `actual`: one that means what `expected` means, but keeps every
 * value of `actual` that can stay without changing that meaning — a path spelled
 * `${workspaceFolder}/x`, an explicit `"type": "stdio"`, `enabled = true`, the key order.
 */
export function closestEntry(
  platform: Dialect,
  expected: PlainObject,
  actual: PlainObject
): PlainObject {
  const want = normalizeServer(platform, expected)
  const meaning = projectPathMeaning(platform)
  const means = (candidate: PlainValue) =>
    compareServers(
      want,
      normalizeServer(platform, candidate),
      meaning,
      platform.translation.typeRequired === true
    ).length === 0
  let target: PlainValue = inOrderOf(expected, actual)
  // Every value of the actual entry is tried in place of the expected one, outermost first. Each
  // try compares the whole server, so a huge entry gets a bounded number of them: past it, the
  // rest of the expected values are written as they are.
  let tries = MAX_TRIES
  const keep = (path: EntryPath, value: PlainValue) => {
    const current = plainAt(target, path)
    if (deepEqual(current, value) || tries <= 0) return
    tries--
    const candidate = setAt(target, path, value)
    if (means(candidate)) {
      target = candidate
      return
    }
    if (isObject(value) && isObject(current))
      for (const [key, item] of Object.entries(value)) keep([...path, key], item)
    else if (Array.isArray(value) && Array.isArray(current) && value.length === current.length)
      value.forEach((item, index) => {
        keep([...path, index], item)
      })
  }
  for (const [key, value] of Object.entries(actual)) keep([key], value)
  return isObject(target) ? target : expected
}

/** The edits that turn one entry into another: per key in objects, per item in lists of one length. */
export function entryEdits(from: PlainValue, to: PlainValue, path: EntryPath = []): EntryEdit[] {
  if (deepEqual(from, to)) return []
  if (isObject(from) && isObject(to)) {
    const edits: EntryEdit[] = []
    for (const key of Object.keys(from))
      if (!Object.hasOwn(to, key)) edits.push({ path: [...path, key], value: undefined })
    for (const [key, value] of Object.entries(to)) {
      const before = plainAt(from, [key])
      if (before === undefined) edits.push({ path: [...path, key], value })
      else edits.push(...entryEdits(before, value, [...path, key]))
    }
    return edits
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length)
    return to.flatMap((value, index) => entryEdits(from[index] ?? null, value, [...path, index]))
  return [{ path, value: to }]
}

/**
 * A located entry's loaded value as an object, for the two functions above: the cached plain value
 * the rules compared (both only read it), or an empty object for an entry that is not one.
 */
export function entryObject(entry: ServerEntry): PlainObject {
  const value = plainEntry(entry)
  return isObject(value) ? value : {}
}

/** The expected object with its keys in the actual one's order, new keys last. */
function inOrderOf(expected: PlainObject, actual: PlainObject): PlainObject {
  const ordered = plainObject()
  for (const [key, current] of Object.entries(actual)) {
    const value = plainAt(expected, [key])
    if (value !== undefined)
      ordered[key] = isObject(value) && isObject(current) ? inOrderOf(value, current) : value
  }
  for (const [key, value] of Object.entries(expected))
    if (!Object.hasOwn(ordered, key)) ordered[key] = value
  return ordered
}

/** A copy with the value at `path` replaced; missing objects on the way are created. */
function setAt(value: PlainValue, path: EntryPath, replacement: PlainValue): PlainValue {
  const [key, ...rest] = path
  if (key === undefined) return replacement
  if (Array.isArray(value) && typeof key === 'number') {
    const copy = [...value]
    copy[key] = setAt(copy[key] ?? null, rest, replacement)
    return copy
  }
  const object = isObject(value) ? value : {}
  const name = String(key)
  const copy = Object.assign(plainObject(), object)
  copy[name] = setAt(plainAt(object, [name]) ?? {}, rest, replacement)
  return copy
}
