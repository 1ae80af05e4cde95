import { commonSubsequence } from '../util/lcs.js'
import type { PlainValue } from '../model/tree.js'
import type { CanonicalServer, FieldPath, Item } from './canonical.js'

/**
 * One difference between the server a file should hold (expected) and what it holds (actual).
 * `path` locates it in the actual entry; `keyPath` when the finding belongs on a key.
 */
export interface Difference {
  readonly kind: 'transport' | 'changed' | 'added' | 'removed' | 'renamed' | 'disabled' | 'enabled'
  /** Display name of the field: `command`, `args[2]`, `env.TOKEN`, `timeout`. */
  readonly field: string
  /** The key or value in the actual entry the finding points at; undefined: the server's key. */
  readonly path: FieldPath | undefined
  readonly pointsAtKey: boolean
  /** Canonical values (masked later for display). */
  readonly expected?: PlainValue | undefined
  readonly actual?: PlainValue | undefined
  /** For env/headers keys: the key name, so secret-named values are masked. */
  readonly key?: string
  /** For a rename: the expected key. */
  readonly from?: string
}

/**
 * What a launch string means for comparison: the same string unless the platform says two
 * spellings launch the same thing (a path from the workspace variable and the relative path).
 */
export type MeaningOf = (value: string) => string

/**
 * Compares two normalised servers field by field. Both must come from the same platform, whose
 * `meaning` equates spellings of one path in command, args, cwd and env values.
 */
export function compareServers(
  expected: CanonicalServer,
  actual: CanonicalServer,
  meaning: MeaningOf = (value) => value,
  /** The platform refuses an entry without a type, a local one too. */
  typeRequired = false
): Difference[] {
  if (expected.transport !== actual.transport) {
    return [
      {
        kind: 'transport',
        field: 'transport',
        path: undefined,
        pointsAtKey: true,
        expected: expected.transport,
        actual: actual.transport
      }
    ]
  }
  const differences: Difference[] = []
  // A `type` the platform expects but the entry leaves out: a remote server's (Claude Code rejects
  // a url without one), or any where the platform requires it. Elsewhere a local server's command
  // says what it is.
  if (expected.typed && !actual.typed && (expected.transport !== 'stdio' || typeRequired)) {
    differences.push({
      kind: 'removed',
      field: 'type',
      path: undefined,
      pointsAtKey: true,
      expected: expected.transport
    })
  }
  compareScalar('command', expected.command, actual.command, differences, meaning)
  compareList('args', expected.args, actual.args, differences, meaning)
  compareMap('env', expected.env, actual.env, differences, meaning)
  compareScalar('cwd', expected.cwd, actual.cwd, differences, meaning)
  compareScalar('url', expected.url, actual.url, differences)
  compareMap('headers', expected.headers, actual.headers, differences)
  compareToolList('includeTools', expected.includeTools, actual.includeTools, differences)
  compareToolList('excludeTools', expected.excludeTools, actual.excludeTools, differences)
  // Timeouts are named and shown as the central source writes them (`toolTimeoutSec`, in seconds),
  // whatever field and unit the platform uses.
  compareScalar(
    'toolTimeoutSec',
    inSeconds(expected.toolTimeout),
    inSeconds(actual.toolTimeout),
    differences
  )
  compareScalar(
    'startupTimeoutSec',
    inSeconds(expected.startupTimeout),
    inSeconds(actual.startupTimeout),
    differences
  )
  compareExtras(expected, actual, differences)
  const wantDisabled = expected.disabled?.value === true
  const isDisabled = actual.disabled?.value === true
  if (wantDisabled !== isDisabled) {
    differences.push({
      kind: isDisabled ? 'disabled' : 'enabled',
      field: 'disabled',
      path: actual.disabled?.path,
      pointsAtKey: true
    })
  }
  return differences
}

function compareScalar<T extends string | number>(
  field: string,
  expected: Item<T> | undefined,
  actual: Item<T> | undefined,
  out: Difference[],
  meaning: (value: T) => T | string = (value) => value
): void {
  if (expected?.value === actual?.value) return
  if (
    expected !== undefined &&
    actual !== undefined &&
    meaning(expected.value) === meaning(actual.value)
  )
    return
  if (actual === undefined)
    out.push({
      kind: 'removed',
      field,
      path: undefined,
      pointsAtKey: true,
      expected: expected?.value
    })
  else if (expected === undefined)
    out.push({ kind: 'added', field, path: actual.path, pointsAtKey: true, actual: actual.value })
  else
    out.push({
      kind: 'changed',
      field,
      path: actual.path,
      pointsAtKey: false,
      expected: expected.value,
      actual: actual.value
    })
}

/** Aligns the lists on their longest common subsequence, so one inserted arg is one finding. */
function compareList(
  field: string,
  expected: readonly Item<string>[],
  actual: readonly Item<string>[],
  out: Difference[],
  meaning: MeaningOf
): void {
  const pairs = commonSubsequence(
    expected.map((item) => meaning(item.value)),
    actual.map((item) => meaning(item.value))
  )
  let e = 0
  let a = 0
  const flushGap = (eEnd: number, aEnd: number) => {
    while (e < eEnd && a < aEnd) {
      const actualItem = actual[a]
      out.push({
        kind: 'changed',
        field: `${field}[${a}]`,
        path: actualItem?.path,
        pointsAtKey: false,
        expected: expected[e]?.value,
        actual: actualItem?.value
      })
      e++
      a++
    }
    for (; a < aEnd; a++)
      out.push({
        kind: 'added',
        field: `${field}[${a}]`,
        path: actual[a]?.path,
        pointsAtKey: false,
        actual: actual[a]?.value
      })
    for (; e < eEnd; e++) {
      out.push({
        kind: 'removed',
        field: `${field}[${e}]`,
        path: actual.length > 0 ? [field] : undefined,
        pointsAtKey: true,
        expected: expected[e]?.value
      })
    }
  }
  for (const [eIndex, aIndex] of pairs) {
    flushGap(eIndex, aIndex)
    e = eIndex + 1
    a = aIndex + 1
  }
  flushGap(expected.length, actual.length)
}

/** A timeout in milliseconds as seconds, where it is. */
function inSeconds(timeout: Item<number> | undefined): Item<number> | undefined {
  return timeout && { value: timeout.value / 1000, path: timeout.path }
}

/** A tool list present on one side only is added or removed whole; else compared item by item. */
function compareToolList(
  field: string,
  expected: readonly Item<string>[] | undefined,
  actual: readonly Item<string>[] | undefined,
  out: Difference[]
): void {
  if (expected === undefined && actual === undefined) return
  if (expected !== undefined && actual !== undefined) {
    compareList(field, expected, actual, out, (value) => value)
    return
  }
  const values = (list: readonly Item<string>[] | undefined) => list?.map((tool) => tool.value)
  if (actual === undefined)
    out.push({
      kind: 'removed',
      field,
      path: undefined,
      pointsAtKey: true,
      expected: values(expected)
    })
  else
    out.push({
      kind: 'added',
      field,
      path: actual[0]?.path.slice(0, 1),
      pointsAtKey: true,
      actual: values(actual)
    })
}

function compareMap(
  field: 'env' | 'headers',
  expected: ReadonlyMap<string, Item<string>>,
  actual: ReadonlyMap<string, Item<string>>,
  out: Difference[],
  meaning: MeaningOf = (value) => value
): void {
  const missing = [...expected.keys()].filter((key) => !actual.has(key))
  const extra = [...actual.keys()].filter((key) => !expected.has(key))
  for (const [key, value] of actual) {
    const want = expected.get(key)
    if (want !== undefined && meaning(want.value) !== meaning(value.value)) {
      out.push({
        kind: 'changed',
        field: `${field}.${key}`,
        path: value.path,
        pointsAtKey: false,
        expected: want.value,
        actual: value.value,
        key
      })
    }
  }
  for (const key of extra) {
    const value = actual.get(key)
    // A key that disappeared while another appeared with the same value was renamed.
    const renamedFrom = missing.find((candidate) => expected.get(candidate)?.value === value?.value)
    if (renamedFrom !== undefined) {
      missing.splice(missing.indexOf(renamedFrom), 1)
      out.push({
        kind: 'renamed',
        field: `${field}.${key}`,
        path: value?.path,
        pointsAtKey: true,
        from: renamedFrom,
        key
      })
    } else
      out.push({
        kind: 'added',
        field: `${field}.${key}`,
        path: value?.path,
        pointsAtKey: true,
        actual: value?.value,
        key
      })
  }
  for (const key of missing) {
    const container = [...actual.values()][0]?.path.slice(0, 1)
    out.push({
      kind: 'removed',
      field: `${field}.${key}`,
      path: container,
      pointsAtKey: true,
      expected: expected.get(key)?.value,
      key
    })
  }
}

function compareExtras(
  expected: CanonicalServer,
  actual: CanonicalServer,
  out: Difference[]
): void {
  for (const [key, value] of actual.extras) {
    const want = expected.extras.get(key)
    if (want === undefined)
      out.push({
        kind: 'added',
        field: key,
        path: value.path,
        pointsAtKey: true,
        actual: value.value
      })
    else if (!deepEqual(want.value, value.value)) {
      out.push({
        kind: 'changed',
        field: key,
        path: value.path,
        pointsAtKey: false,
        expected: want.value,
        actual: value.value
      })
    }
  }
  for (const [key, value] of expected.extras) {
    if (!actual.extras.has(key))
      out.push({
        kind: 'removed',
        field: key,
        path: undefined,
        pointsAtKey: true,
        expected: value.value
      })
  }
}

export function deepEqual(a: PlainValue | undefined, b: PlainValue | undefined): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((value, index) => deepEqual(value, b[index]))
    )
  }
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => deepEqual(a[key], b[key]))
}
