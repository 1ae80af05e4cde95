import { toPlain, type PlainValue } from './tree.js'
import { derivedKey } from '../util/memo.js'
import type { ServerEntry } from './workspace.js'

const plain = derivedKey<PlainValue>('plain')

/**
 * A located entry's loaded value, computed once and kept on the entry: schema validation,
 * normalisation and drift all read every entry.
 */
export function plainEntry(entry: ServerEntry): PlainValue {
  return entry.derived.get(plain, () => toPlain(entry.value))
}
