import type { ConfigFile, ServerEntry } from '../model/workspace.js'
import { startOf, type Location } from '../model/location.js'
import { findProperty, toPlain, type PlainObject, type ValueNode } from '../model/tree.js'
import { serverFieldNames } from '../platforms/schema-parts.js'
import { fieldName } from '../canonical/canonical.js'
import { deepEqual, type Difference } from '../canonical/compare.js'
import { anySyntax } from '../canonical/display.js'
import { diffEntry, matchServers, type ServerMatch } from './drift.js'
import type { Expected } from './expect.js'

/** An expected server the platform can hold, named and rendered for matchServers. */
export interface Writable {
  readonly name: string
  readonly value: PlainObject
  readonly want: Expected
}

/** How a platform file's servers differ from the central source rendered for its platform. */
export interface FileDrift extends ServerMatch<Writable> {
  /** The field differences of the servers found under their name, less those other rules own. */
  readonly differences: readonly { readonly entry: ServerEntry; readonly difference: Difference }[]
}

export function fileDrift(file: ConfigFile, expected: readonly Expected[]): FileDrift {
  const known = serverFieldNames(file.platform.schema, file.platform.serversKeys[0])
  // A server the source cannot put here at all is source-unexpressible's.
  const writable = expected.flatMap((want) =>
    want.rendered.value === undefined
      ? []
      : [{ name: want.server.name, value: want.rendered.value, want }]
  )
  const match = matchServers(file.platform, file.servers, writable)
  const differences = match.found.flatMap(({ want, entry }) => {
    const unexpressible = new Set(
      want.want.rendered.problems.map((problem) => fieldName(problem.path))
    )
    return diffEntry(file.platform, want.value, entry)
      .filter((difference) => !isCovered(difference, unexpressible, known))
      .map((difference) => ({ entry, difference }))
  })
  return { ...match, differences }
}

/**
 * Differences other rules own: parts of the source the platform cannot express
 * (source-unexpressible), fields the platform ignores (config-unknown-field), a missing `type`
 * (config-schema) and references in another platform's syntax to the same variable
 * (config-env-syntax).
 */
function isCovered(
  difference: Difference,
  unexpressible: ReadonlySet<string>,
  known: ReadonlySet<string>
): boolean {
  const top = difference.field.split(/[.[]/)[0] ?? ''
  if (difference.field === 'type' && difference.kind === 'removed') return true // config-schema, where it matters
  if (unexpressible.has(difference.field) || (top === 'args' && unexpressible.has('args')))
    return true
  if (difference.kind === 'added' && difference.field === top && !known.has(top)) return true
  const { actual, expected } = difference
  return (
    difference.kind === 'changed' &&
    typeof actual === 'string' &&
    typeof expected === 'string' &&
    anySyntax(actual) === expected
  )
}

/** A VS Code input the source declares that the file lacks, or declares otherwise. */
export interface InputDrift {
  readonly id: string
  readonly kind: 'missing' | 'changed'
  readonly at: Location
}

/** VS Code inputs the source declares must be in the file as declared (other inputs may be there too). */
export function inputDrift(file: ConfigFile, wanted: readonly PlainObject[]): InputDrift[] {
  if (wanted.length === 0 || file.root?.kind !== 'object') return []
  const inputs = findProperty(file.root, 'inputs')
  const declared = inputs?.value.kind === 'array' ? inputs.value.items : []
  const drift: InputDrift[] = []
  for (const want of wanted) {
    const id = typeof want.id === 'string' ? want.id : ''
    const found = declared.find((node) => inputId(node) === id)
    if (found === undefined) {
      const at =
        inputs?.key.location ?? file.serversProperty?.key.location ?? startOf(file.root.location)
      drift.push({ id, kind: 'missing', at })
    } else if (!deepEqual(toPlain(found), want))
      drift.push({ id, kind: 'changed', at: found.location })
  }
  return drift
}

function inputId(node: ValueNode): string | undefined {
  const id = node.kind === 'object' ? findProperty(node, 'id')?.value : undefined
  return id?.kind === 'string' ? id.value : undefined
}
