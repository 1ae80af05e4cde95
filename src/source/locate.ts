import type { ServerEntry } from '../model/workspace.js'
import type { Location } from '../model/location.js'
import { findProperty, resolvePath } from '../model/tree.js'
import type { FieldPath } from '../canonical/canonical.js'

/** The location of a field of a server entry: its key, or its value; the server's key when absent. */
export function locateField(
  entry: ServerEntry,
  path: FieldPath | undefined,
  atKey: boolean
): Location {
  if (path === undefined || path.length === 0) return entry.name.location
  if (atKey) {
    const parent = resolvePath(entry.value, path.slice(0, -1))
    const last = path.at(-1) ?? ''
    if (parent?.kind === 'object') {
      const property = findProperty(parent, last)
      if (property !== undefined) return property.key.location
    }
  }
  return resolvePath(entry.value, path)?.location ?? entry.name.location
}
