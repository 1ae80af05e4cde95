import type { SecretConfidence } from './candidate.js'

export interface TokenRule {
  readonly detector: string
  readonly kind: string
  readonly confidence: SecretConfidence
  /** Lower-case substrings one of which must occur before the pattern runs (gitleaks' prefilter). */
  readonly keywords: readonly string[]
  /** Global; groups named `random…` hold the part the entropy floor applies to. */
  readonly pattern: RegExp
  /** Bits per character the random part must reach; below it the token is a placeholder. */
  readonly minEntropy: number
}

// A token starts and ends where the token alphabet does, or right after the `:-` of a
// `${VAR:-default}`; the lookbehind also keeps every scan linear.
const tokenStart = '(?:(?<![A-Za-z0-9_-])|(?<=:-))'
const tokenEnd = '(?![A-Za-z0-9_-])'

export function tokenRule(
  detector: string,
  kind: string,
  confidence: SecretConfidence,
  keywords: readonly string[],
  body: string,
  minEntropy: number
): TokenRule {
  const pattern = new RegExp(`${tokenStart}${body}${tokenEnd}`, 'g')
  return { detector, kind, confidence, keywords, pattern, minEntropy }
}
