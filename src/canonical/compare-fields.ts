import { diffArrays } from 'diff'
import type { CanonicalServer, Item } from './canonical.js'
import { deepEqual } from './deep-equal.js'
import type { Difference, MeaningOf } from './difference.js'

// How each kind of field compares: lists aligned item by item, maps key by key, the rest whole.

/** Aligns the lists on their longest common subsequence, so one inserted arg is one finding. */
export function compareList(
  field: string,
  expected: readonly Item<string>[],
  actual: readonly Item<string>[],
  out: Difference[],
  meaning: MeaningOf
): void {
  const pairs = commonPairs(
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

/**
 * Index pairs of the items both lists keep, in order: the unchanged runs of jsdiff's shortest edit
 * script, whose common items are a longest common subsequence.
 */
function commonPairs(a: string[], b: string[]): [number, number][] {
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  for (const change of diffArrays(a, b)) {
    if (change.added) j += change.count
    else if (change.removed) i += change.count
    else for (let k = 0; k < change.count; k++) pairs.push([i++, j++])
  }
  return pairs
}

/** A tool list present on one side only is added or removed whole; else compared item by item. */
export function compareToolList(
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

export function compareMap(
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

export function compareExtras(
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
