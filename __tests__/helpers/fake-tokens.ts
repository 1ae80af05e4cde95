/**
 * Fake secrets in each provider's real format, built at run time from a seeded PRNG. No
 * realistic token is ever written into a file: GitHub push protection would block the repository,
 * and a literal would be a secret-scanner finding in our own tree.
 */

const digits = '0123456789'
const lowers = 'abcdefghijklmnopqrstuvwxyz'
const uppers = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const letters = lowers + uppers
const alnum = digits + letters
const hex = '0123456789abcdef'
const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const base64 = alnum + '+/'
const base64url = alnum + '-_'
const upperAlnum = digits + uppers
const lowerAlnum = digits + lowers

/** mulberry32: tiny, deterministic, good enough to make tokens look random. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A source of random strings over an alphabet, reproducible from its seed. */
export class FakeRandom {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = generator(seed)
  }

  pick(alphabet: string, length: number): string {
    let text = ''
    for (let index = 0; index < length; index++)
      text += alphabet.charAt(Math.floor(this.next() * alphabet.length))
    return text
  }

  alnum(length: number): string {
    return this.pick(alnum, length)
  }

  hex(length: number): string {
    return this.pick(hex, length)
  }

  uuid(): string {
    return [this.hex(8), this.hex(4), `4${this.hex(3)}`, `a${this.hex(3)}`, this.hex(12)].join('-')
  }
}

export type FakeTokenFormat =
  | 'github-pat'
  | 'github-oauth'
  | 'github-app-token'
  | 'github-refresh-token'
  | 'github-fine-grained-pat'
  | 'openai-project'
  | 'openai-svcacct'
  | 'openai-admin'
  | 'openai-legacy'
  | 'anthropic-api-key'
  | 'anthropic-admin-api-key'
  | 'slack-bot-token'
  | 'slack-user-token'
  | 'slack-refresh-token'
  | 'slack-legacy-token'
  | 'slack-app-token'
  | 'slack-webhook-url'
  | 'aws-access-key-id'
  | 'aws-session-key-id'
  | 'aws-secret-access-key'
  | 'stripe-live-secret'
  | 'stripe-test-secret'
  | 'stripe-restricted'
  | 'stripe-publishable'
  | 'google-api-key'
  | 'supabase-access-token'
  | 'supabase-secret-key'
  | 'supabase-publishable-key'
  | 'notion-api-token'
  | 'notion-legacy-token'
  | 'tavily-api-key'
  | 'tavily-dev-api-key'
  | 'firecrawl-api-key'
  | 'context7-api-key'
  | 'npm-access-token'
  | 'huggingface-access-token'
  | 'perplexity-api-key'
  | 'gitlab-pat'
  | 'linear-api-key'
  | 'groq-api-key'
  | 'openrouter-api-key'
  | 'sentry-org-token'
  | 'sentry-user-token'
  | 'brave-api-key'
  | 'exa-api-key'
  | 'private-key'

const openAiMarker = 'T3BlbkFJ'

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

const builders: Record<FakeTokenFormat, (random: FakeRandom) => string> = {
  'github-pat': (r) => `ghp_${r.alnum(36)}`,
  'github-oauth': (r) => `gho_${r.alnum(36)}`,
  'github-app-token': (r) => `ghs_${r.alnum(36)}`,
  'github-refresh-token': (r) => `ghr_${r.alnum(36)}`,
  'github-fine-grained-pat': (r) => `github_pat_${r.alnum(22)}_${r.alnum(59)}`,
  'openai-project': (r) =>
    `sk-proj-${r.pick(base64url, 74)}${openAiMarker}${r.pick(base64url, 74)}`,
  'openai-svcacct': (r) =>
    `sk-svcacct-${r.pick(base64url, 58)}${openAiMarker}${r.pick(base64url, 58)}`,
  'openai-admin': (r) => `sk-admin-${r.pick(base64url, 58)}${openAiMarker}${r.pick(base64url, 58)}`,
  'openai-legacy': (r) => `sk-${r.alnum(20)}${openAiMarker}${r.alnum(20)}`,
  'anthropic-api-key': (r) => `sk-ant-api03-${r.pick(base64url, 93)}AA`,
  'anthropic-admin-api-key': (r) => `sk-ant-admin01-${r.pick(base64url, 93)}AA`,
  'slack-bot-token': (r) => `xoxb-${r.pick(digits, 12)}-${r.pick(digits, 13)}-${r.alnum(24)}`,
  'slack-user-token': (r) =>
    `xoxp-${r.pick(digits, 12)}-${r.pick(digits, 12)}-${r.pick(digits, 13)}-${r.hex(32)}`,
  'slack-refresh-token': (r) => `xoxe-1-${r.pick(upperAlnum, 146)}`,
  'slack-legacy-token': (r) => `xoxa-2-${r.alnum(40)}`,
  'slack-app-token': (r) =>
    `xapp-1-A${r.pick(upperAlnum, 10)}-${r.pick(digits, 13)}-${r.pick(lowerAlnum, 64)}`,
  'slack-webhook-url': (r) =>
    `https://hooks.slack.com/services/T${r.pick(upperAlnum, 8)}/B${r.pick(upperAlnum, 10)}/${r.alnum(24)}`,
  'aws-access-key-id': (r) => `AKIA${r.pick(base32, 16)}`,
  'aws-session-key-id': (r) => `ASIA${r.pick(base32, 16)}`,
  'aws-secret-access-key': (r) => r.pick(base64, 40),
  'stripe-live-secret': (r) => `sk_live_${r.alnum(99)}`,
  'stripe-test-secret': (r) => `sk_test_${r.alnum(24)}`,
  'stripe-restricted': (r) => `rk_live_${r.alnum(24)}`,
  'stripe-publishable': (r) => `pk_live_${r.alnum(24)}`,
  'google-api-key': (r) => `AIzaSy${r.pick(base64url, 33)}`,
  'supabase-access-token': (r) => `sbp_${r.hex(40)}`,
  'supabase-secret-key': (r) => `sb_secret_${r.pick(base64url, 22)}_${r.alnum(8)}`,
  'supabase-publishable-key': (r) => `sb_publishable_${r.pick(base64url, 22)}_${r.alnum(8)}`,
  'notion-api-token': (r) => `ntn_${r.pick(digits, 11)}${r.alnum(35)}`,
  'notion-legacy-token': (r) => `secret_${r.alnum(43)}`,
  'tavily-api-key': (r) => `tvly-${r.alnum(32)}`,
  'tavily-dev-api-key': (r) => `tvly-dev-${r.alnum(32)}`,
  'firecrawl-api-key': (r) => `fc-${r.hex(32)}`,
  'context7-api-key': (r) => `ctx7sk-${r.uuid()}`,
  'npm-access-token': (r) => `npm_${r.alnum(36)}`,
  'huggingface-access-token': (r) => `hf_${r.pick(letters, 34)}`,
  'perplexity-api-key': (r) => `pplx-${r.alnum(48)}`,
  'gitlab-pat': (r) => `glpat-${r.pick(base64url, 20)}`,
  'linear-api-key': (r) => `lin_api_${r.alnum(40)}`,
  'groq-api-key': (r) => `gsk_${r.alnum(52)}`,
  'openrouter-api-key': (r) => `sk-or-v1-${r.hex(64)}`,
  'sentry-org-token': (r) => {
    const claims = {
      iat: 1700000000 + Number(r.pick(digits, 6)),
      url: 'https://sentry.io',
      region_url: 'https://us.sentry.io',
      org: `org-${r.pick(lowers, 6)}`
    }
    const encoded = Buffer.from(JSON.stringify(claims)).toString('base64').replace(/=+$/, '')
    return `sntrys_${encoded}_${r.pick(base64, 43)}`
  },
  'sentry-user-token': (r) => `sntryu_${r.hex(64)}`,
  'brave-api-key': (r) => `BSA${r.alnum(28)}`,
  'exa-api-key': (r) => r.uuid(),
  'private-key': (r) => {
    const lines = Array.from({ length: 12 }, () => r.pick(base64, 64))
    // Split so that no complete PEM header sits in this file.
    const label = ['RSA', 'PRIVATE', 'KEY'].join(' ')
    return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join('\n')
  }
}

/** A fake token in the given provider format; the same seed always gives the same token. */
export function fakeToken(format: FakeTokenFormat, seed = 1): string {
  return builders[format](new FakeRandom(hashSeed(format, seed)))
}

/** A signed-looking JWT with the given claims and a random signature. */
export function fakeJwt(claims: Record<string, unknown>, seed = 1): string {
  const header = base64UrlJson({ alg: 'HS256', typ: 'JWT' })
  const signature = new FakeRandom(hashSeed('jwt', seed)).pick(base64url, 43)
  return `${header}.${base64UrlJson(claims)}.${signature}`
}

/** Random characters for context-rule cases (Brave-like keys have no fixed prefix). */
export function fakeString(alphabet: 'alnum' | 'hex' | 'base64', length: number, seed = 1): string {
  const random = new FakeRandom(hashSeed(alphabet, seed))
  return random.pick(alphabet === 'alnum' ? alnum : alphabet === 'hex' ? hex : base64, length)
}

function hashSeed(label: string, seed: number): number {
  let hash = 2166136261
  for (const char of `${label}:${seed}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619)
  return hash >>> 0
}
