/**
 * Values that may be secrets are never printed. Known public prefixes are kept, because they say
 * what kind of token it is; nothing after them is shown (security.md §1.7).
 */
const publicPrefixes = [
  'github_pat_',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'sk-ant-api03-',
  'sk-ant-',
  'sk-proj-',
  'sk-',
  'sk_live_',
  'sk_test_',
  'rk_live_',
  'xoxb-',
  'xoxp-',
  'xapp-',
  'AKIA',
  'ASIA',
  'AIza',
  'ntn_',
  'secret_',
  'sbp_',
  'sb_secret_',
  'tvly-',
  'fc-',
  'ctx7sk',
  'npm_',
  'glpat-',
  'eyJ'
]

const secretNames =
  /(token|secret|passw(or)?d|api[-_]?key|apikey|auth|credential|private[-_]?key|access[-_]?key|bearer|cookie|session)/i

/** `ghp_… (40 chars)`: the public prefix, if any, and the length. */
export function mask(value: string): string {
  const prefix = publicPrefixes.find(
    (candidate) => value.startsWith(candidate) && value.length > candidate.length + 4
  )
  return `${prefix ?? ''}… (${value.length} chars)`
}

/**
 * Whether a literal value should be masked in messages: it starts like a token, sits under a
 * secret-sounding key, carries credentials in a URL, or is long and random-looking.
 */
export function shouldMask(value: string, key = ''): boolean {
  if (value.length < 6) return false
  if (
    publicPrefixes.some((prefix) => value.startsWith(prefix) && value.length >= prefix.length + 8)
  )
    return true
  if (secretNames.test(key)) return true
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i.test(value)) return true
  if (/^(bearer|basic|token)\s+\S{8,}/i.test(value)) return true
  // Long random tokens; paths, URLs and package specs (with / . @ :) are not flagged by shape alone.
  return (
    /^[A-Za-z0-9_\-+=]{20,}$/.test(value) &&
    entropy(value) > 3.5 &&
    /\d/.test(value) &&
    /[A-Za-z]/.test(value)
  )
}

/** A value quoted for a message, masked when it may be a secret. References are never secret. */
export function displayValue(value: string, key = ''): string {
  // What is left once references are taken out is what could be secret: "Bearer ${TOKEN}" is not.
  const literal = value
    .replace(/\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*/g, '')
    .replace(/^(bearer|basic|token)\s*/i, '')
  if (literal.trim().length < 6 && literal !== value) return `"${value}"`
  return shouldMask(value, key) ? mask(value) : `"${value}"`
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>()
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1)
  let bits = 0
  for (const count of counts.values()) {
    const p = count / value.length
    bits -= p * Math.log2(p)
  }
  return bits
}
