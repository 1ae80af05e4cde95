import type { CanonicalServer, Item } from './canonical.js'
import { compareExtras, compareList, compareMap, compareToolList } from './compare-fields.js'
import type { Difference, MeaningOf } from './difference.js'

export { deepEqual } from './deep-equal.js'
export type { Difference, MeaningOf } from './difference.js'

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

/** A timeout in milliseconds as seconds, where it is. */
function inSeconds(timeout: Item<number> | undefined): Item<number> | undefined {
  return timeout && { value: timeout.value / 1000, path: timeout.path }
}
