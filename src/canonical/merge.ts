import { plainObject, type PlainObject } from '../model/tree.js'
import { isObject } from './normalize.js'

/** Deep merge for overlays: objects merge key by key, arrays and scalars replace, `null` deletes. */
export function mergeOverlay(base: PlainObject, overlay: PlainObject): PlainObject {
  const result = plainObject()
  for (const key of new Set([...Object.keys(base), ...Object.keys(overlay)])) {
    const current = base[key]
    const change = overlay[key]
    if (change === null) continue
    if (change === undefined) {
      if (current !== undefined) result[key] = current
    } else
      result[key] = isObject(change) && isObject(current) ? mergeOverlay(current, change) : change
  }
  return result
}
