/**
 * Secret detection for single config values (security.md §1.5–1.7): provider token formats, a
 * context rule keyed on secret-sounding names, credentials in URLs, literal Authorization
 * headers, JWTs and private keys, all behind one placeholder and entropy filter. Provider regexes
 * follow gitleaks (MIT) and TruffleHog facts; no code is copied.
 *
 * Nothing here returns secret text: callers get offsets and mask().
 */
import { mask } from './mask.js'
import type { Candidate, SecretConfidence } from './secrets/candidate.js'
import { findAuthorizationHeaders } from './secrets/headers.js'
import { findJwts } from './secrets/jwt.js'
import { findNamedSecrets } from './secrets/named-secrets.js'
import { findPasswords } from './secrets/passwords.js'
import { findInNestedJson } from './secrets/nested-json.js'
import { findPrivateKeys } from './secrets/private-keys.js'
import { findProviderTokens } from './secrets/provider-tokens.js'
import { findUrlSecrets } from './secrets/urls.js'

export type { SecretConfidence } from './secrets/candidate.js'
export { isPlaceholder } from './secrets/placeholders.js'

export interface SecretMatch {
  /** Stable id of the detector, e.g. 'github-pat', 'openai-api-key', 'context-secret', 'url-credentials', 'bearer-header', 'jwt'. */
  readonly detector: string
  /** Human kind for messages: 'GitHub personal access token', 'password in a connection URL', … */
  readonly kind: string
  /**
   * high: a provider format, a private key, a password in a URL (error). medium: a literal under a
   * secret-named key above the entropy bar, a literal Bearer/Basic header, a Google API key
   * (warning). low: public by design or trivially local (sb_publishable_, JWT role anon, Stripe
   * pk_, documented example keys, default passwords on local hosts): notice at most.
   */
  readonly confidence: SecretConfidence
  /**
   * UTF-16 offsets of the secret itself inside the scanned string (end exclusive). For a match found
   * inside a nested JSON string value: the offsets of the same text in the outer string if it occurs
   * there verbatim, else 0..length.
   */
  readonly start: number
  readonly end: number
  /** The mask to print, never the secret: mask(secretText), e.g. 'ghp_… (40 chars)'. */
  readonly masked: string
}

export interface ScanContext {
  /**
   * The name the value sits under: an env var or header name, or the CLI flag an argv element
   * follows. Leading dashes are ignored and names compare case- and separator-insensitively, so
   * `--api-key`, `api-key`, `API_KEY` and `apiKey` are the same name.
   */
  readonly key?: string | undefined
}

/** How many times a JSON string inside a JSON string is decoded again (gitleaks' max-decode-depth). */
const decodeBudget = 3

/**
 * Scans already done, by key, then value: a server is usually in every client's file, so the same
 * values come round once per file. Two maps, not one joined string, so no key and value can be
 * taken for another pair. Bounded, since a hostile repository chooses how many there are; long
 * texts (tool descriptions, server output) are rarely repeated and are not kept.
 */
const scanned = new Map<string | undefined, Map<string, readonly SecretMatch[]>>()
let scannedCount = 0
const scannedLimit = 50_000
const scannedLength = 1_000

/** All secrets in one string value (an env value, a header value, one argv element, a URL, a tool description). Sorted by start, no overlaps. */
export function findSecrets(value: string, context: ScanContext = {}): readonly SecretMatch[] {
  if (value.length > scannedLength) return Object.freeze(scan(value, context.key))
  let byValue = scanned.get(context.key)
  let matches = byValue?.get(value)
  if (matches === undefined) {
    matches = Object.freeze(scan(value, context.key))
    if (scannedCount >= scannedLimit) {
      scanned.clear()
      scannedCount = 0
      byValue = undefined
    }
    if (byValue === undefined) {
      byValue = new Map()
      scanned.set(context.key, byValue)
    }
    byValue.set(value, matches)
    scannedCount++
  }
  return matches
}

function scan(value: string, key: string | undefined): SecretMatch[] {
  return selectCandidates(collectCandidates(value, key, decodeBudget)).map((candidate) => ({
    detector: candidate.detector,
    kind: candidate.kind,
    confidence: candidate.confidence,
    start: candidate.start,
    end: candidate.end,
    masked: mask(candidate.text)
  }))
}

function collectCandidates(value: string, key: string | undefined, budget: number): Candidate[] {
  return [
    ...findProviderTokens(value),
    ...findPrivateKeys(value),
    ...findJwts(value),
    ...findUrlSecrets(value),
    ...findAuthorizationHeaders(value),
    ...findNamedSecrets(value, key),
    ...findPasswords(value, key),
    ...findInNestedJson(value, budget, collectCandidates)
  ]
}

/** Keeps the best candidate of every overlapping group: lowest rank, then longest, then first. */
function selectCandidates(candidates: readonly Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => a.rank - b.rank || b.end - b.start - (a.end - a.start) || a.start - b.start
  )
  // Chosen intervals stay sorted by start and disjoint, so only the neighbours can overlap.
  const chosen: Candidate[] = []
  for (const candidate of ordered) {
    let low = 0
    let high = chosen.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((chosen[middle]?.start ?? 0) < candidate.start) low = middle + 1
      else high = middle
    }
    const before = chosen[low - 1]
    const after = chosen[low]
    if (before !== undefined && before.end > candidate.start) continue
    if (after !== undefined && after.start < candidate.end) continue
    chosen.splice(low, 0, candidate)
  }
  return chosen
}
