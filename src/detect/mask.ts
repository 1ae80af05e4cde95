/**
 * Values that may be secrets are never printed. Known public prefixes are kept, because they say
 * what kind of token it is; nothing after them is shown (security.md §1.7).
 */
export const publicPrefixes: readonly string[] = [
  'github_pat_',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'sk-ant-api03-',
  'sk-ant-admin01-',
  'sk-ant-',
  'sk-proj-',
  'sk-svcacct-',
  'sk-admin-',
  'sk-or-v1-',
  'sk-',
  'sk_live_',
  'sk_test_',
  'sk_prod_',
  'rk_live_',
  'rk_test_',
  'rk_prod_',
  'pk_live_',
  'pk_test_',
  'xoxb-',
  'xoxp-',
  'xoxe.xoxb-',
  'xoxe.xoxp-',
  'xoxe-',
  'xoxa-',
  'xoxr-',
  'xapp-',
  'https://hooks.slack.com/services/',
  'https://hooks.slack.com/workflows/',
  'https://hooks.slack.com/triggers/',
  'AKIA',
  'ASIA',
  'ABIA',
  'ACCA',
  'AIza',
  'ntn_',
  'secret_',
  'sbp_',
  'sb_secret_',
  'sb_publishable_',
  'tvly-dev-',
  'tvly-prod-',
  'tvly-',
  'fc-',
  'ctx7sk-',
  'ctx7sk',
  'npm_',
  'glpat-',
  'hf_',
  'api_org_',
  'pplx-',
  'lin_api_',
  'gsk_',
  'sntrys_',
  'sntryu_',
  'eyJ'
]

/** `ghp_… (40 chars)`: the public prefix, if any, and the length. */
export function mask(value: string): string {
  const prefix = publicPrefixes.find(
    (candidate) => value.startsWith(candidate) && value.length > candidate.length + 4
  )
  return `${prefix ?? ''}… (${value.length} chars)`
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
