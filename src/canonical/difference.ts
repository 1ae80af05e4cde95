import type { PlainValue } from '../model/tree.js'
import type { FieldPath } from './canonical.js'

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
