// What every detector returns: a possible secret, before overlapping ones are resolved.
export type SecretConfidence = 'high' | 'medium' | 'low'

export interface Candidate {
  readonly detector: string
  readonly kind: string
  readonly confidence: SecretConfidence
  readonly start: number
  readonly end: number
  /** The secret text; only ever handed to mask(). */
  readonly text: string
  /** Lower wins when candidates overlap: a provider format says more than a key name does. */
  readonly rank: number
}

export const rankToken = 0
export const rankUrl = 1
export const rankHeader = 2
export const rankContext = 3
