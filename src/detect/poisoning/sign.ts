// What every poisoning heuristic reports.
export type PoisonKind =
  | 'pseudo-tag'
  | 'injection-phrase'
  | 'sensitive-reference'
  | 'invisible-unicode'
  | 'ansi-escape'
  | 'hidden-whitespace'
  | 'encoded-blob'
  | 'shadowing'

export interface PoisonSign {
  readonly kind: PoisonKind
  /** Short, safe description for a message: never echoes hostile text raw. */
  readonly detail: string
  /** UTF-16 offsets into the inspected text (end exclusive) of the first occurrence. */
  readonly start: number
  readonly end: number
}
