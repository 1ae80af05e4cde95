// Provider token formats (§1.5): one rule per provider, regexes after gitleaks' facts.
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

function tokenRule(
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

export const tokenRules: readonly TokenRule[] = [
  tokenRule(
    'github-pat',
    'GitHub personal access token',
    'high',
    ['ghp_'],
    'ghp_(?<random>[A-Za-z0-9]{36})',
    3
  ),
  tokenRule(
    'github-oauth',
    'GitHub OAuth access token',
    'high',
    ['gho_'],
    'gho_(?<random>[A-Za-z0-9]{36})',
    3
  ),
  tokenRule(
    'github-app-token',
    'GitHub App token',
    'high',
    ['ghu_', 'ghs_'],
    'gh[us]_(?<random>[A-Za-z0-9]{36})',
    3
  ),
  tokenRule(
    'github-refresh-token',
    'GitHub refresh token',
    'high',
    ['ghr_'],
    'ghr_(?<random>[A-Za-z0-9]{36})',
    3
  ),
  tokenRule(
    'github-fine-grained-pat',
    'GitHub fine-grained personal access token',
    'high',
    ['github_pat_'],
    'github_pat_(?<random>\\w{82})',
    3
  ),
  // T3BlbkFJ is base64 for "OpenAI"; without it `sk-…` is too generic to call.
  tokenRule(
    'openai-api-key',
    'OpenAI API key',
    'high',
    ['t3blbkfj'],
    'sk-(?:(?:proj|svcacct|service|admin)-(?<random>[A-Za-z0-9_-]{20,200})|(?<random2>[A-Za-z0-9]{20,64}))T3BlbkFJ(?<random3>[A-Za-z0-9_-]{20,200})',
    3
  ),
  tokenRule(
    'anthropic-api-key',
    'Anthropic API key',
    'high',
    ['sk-ant-api03-'],
    'sk-ant-api03-(?<random>[\\w-]{93})AA',
    3
  ),
  tokenRule(
    'anthropic-admin-api-key',
    'Anthropic admin API key',
    'high',
    ['sk-ant-admin01-'],
    'sk-ant-admin01-(?<random>[\\w-]{93})AA',
    3
  ),
  tokenRule(
    'slack-bot-token',
    'Slack bot token',
    'high',
    ['xoxb-'],
    'xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?(?<random>[A-Za-z0-9]{18,40})',
    3
  ),
  tokenRule(
    'slack-user-token',
    'Slack user token',
    'high',
    ['xoxp-', 'xoxe-'],
    'xox[pe]-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-(?<random>[A-Za-z0-9]{28,34})',
    3
  ),
  tokenRule(
    'slack-config-token',
    'Slack configuration or refresh token',
    'high',
    ['xoxe'],
    'xoxe(?:\\.xox[bp])?-[0-9]-(?<random>[A-Za-z0-9]{140,170})',
    3
  ),
  tokenRule(
    'slack-legacy-token',
    'Slack legacy token',
    'high',
    ['xoxa-', 'xoxr-', 'xoxo-', 'xoxs-'],
    'xox[aros]-(?:[0-9]{1,14}-){0,3}(?<random>[A-Za-z0-9]{8,64})',
    3
  ),
  tokenRule(
    'slack-app-token',
    'Slack app-level token',
    'high',
    ['xapp-'],
    'xapp-[0-9]-[A-Z0-9]{8,12}-[0-9]{8,16}-(?<random>[A-Za-z0-9]{32,80})',
    3
  ),
  tokenRule(
    'slack-webhook-url',
    'Slack incoming webhook URL',
    'high',
    ['hooks.slack.com'],
    '(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/(?:T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/(?<random>[A-Za-z0-9]{20,32})|(?<random2>[A-Za-z0-9+/]{43,56}))',
    3
  ),
  tokenRule(
    'aws-access-key-id',
    'AWS access key ID',
    'high',
    ['akia', 'asia', 'abia', 'acca', 'a3t'],
    '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)(?<random>[A-Z2-7]{16})',
    3
  ),
  tokenRule(
    'stripe-secret-key',
    'Stripe secret key',
    'high',
    ['sk_live_', 'sk_test_', 'sk_prod_'],
    'sk_(?:live|test|prod)_(?<random>[A-Za-z0-9]{10,247})',
    3
  ),
  tokenRule(
    'stripe-restricted-key',
    'Stripe restricted key',
    'high',
    ['rk_live_', 'rk_test_', 'rk_prod_'],
    'rk_(?:live|test|prod)_(?<random>[A-Za-z0-9]{10,247})',
    3
  ),
  tokenRule(
    'stripe-publishable-key',
    'Stripe publishable key (public by design)',
    'low',
    ['pk_live_', 'pk_test_'],
    'pk_(?:live|test)_(?<random>[A-Za-z0-9]{10,247})',
    3
  ),
  // Often deliberately public (Maps, Firebase), and not push-protected by GitHub: a warning.
  tokenRule('google-api-key', 'Google API key', 'medium', ['aiza'], 'AIza(?<random>[\\w-]{35})', 4),
  tokenRule(
    'supabase-access-token',
    'Supabase personal access token',
    'high',
    ['sbp_'],
    'sbp_(?<random>[a-z0-9]{40})',
    3
  ),
  tokenRule(
    'supabase-secret-key',
    'Supabase secret key',
    'high',
    ['sb_secret_'],
    'sb_secret_(?<random>[A-Za-z0-9_-]{20,80})',
    3
  ),
  tokenRule(
    'supabase-publishable-key',
    'Supabase publishable key (public by design)',
    'low',
    ['sb_publishable_'],
    'sb_publishable_(?<random>[A-Za-z0-9_-]{20,80})',
    3
  ),
  tokenRule(
    'notion-api-token',
    'Notion integration token',
    'high',
    ['ntn_'],
    'ntn_(?<random>[0-9]{11}[A-Za-z0-9]{35})',
    3.5
  ),
  tokenRule(
    'notion-legacy-token',
    'Notion integration token (legacy)',
    'high',
    ['secret_'],
    'secret_(?<random>[A-Za-z0-9]{43})',
    4
  ),
  tokenRule(
    'tavily-api-key',
    'Tavily API key',
    'high',
    ['tvly-'],
    'tvly-(?:(?:dev|prod)-)?(?<random>[A-Za-z0-9]{20,64})',
    3.5
  ),
  tokenRule(
    'firecrawl-api-key',
    'Firecrawl API key',
    'high',
    ['fc-'],
    'fc-(?<random>[a-f0-9]{32})',
    3
  ),
  tokenRule(
    'context7-api-key',
    'Context7 API key',
    'high',
    ['ctx7sk'],
    'ctx7sk-?(?<random>[A-Za-z0-9_-]{20,80})',
    3
  ),
  tokenRule(
    'npm-access-token',
    'npm access token',
    'high',
    ['npm_'],
    'npm_(?<random>[A-Za-z0-9]{36})',
    3
  ),
  tokenRule(
    'huggingface-access-token',
    'Hugging Face access token',
    'high',
    ['hf_'],
    'hf_(?<random>[A-Za-z]{34})',
    3
  ),
  tokenRule(
    'huggingface-organization-token',
    'Hugging Face organization token',
    'high',
    ['api_org_'],
    'api_org_(?<random>[A-Za-z]{34})',
    3
  ),
  tokenRule(
    'perplexity-api-key',
    'Perplexity API key',
    'high',
    ['pplx-'],
    'pplx-(?<random>[A-Za-z0-9]{48})',
    3
  ),
  tokenRule(
    'gitlab-pat',
    'GitLab personal access token',
    'high',
    ['glpat-'],
    'glpat-(?<random>[\\w-]{20,64})',
    3
  ),
  tokenRule(
    'linear-api-key',
    'Linear API key',
    'high',
    ['lin_api_'],
    'lin_api_(?<random>[A-Za-z0-9]{40})',
    3
  ),
  tokenRule('groq-api-key', 'Groq API key', 'high', ['gsk_'], 'gsk_(?<random>[A-Za-z0-9]{52})', 3),
  tokenRule(
    'openrouter-api-key',
    'OpenRouter API key',
    'high',
    ['sk-or-v1-'],
    'sk-or-v1-(?<random>[a-f0-9]{64})',
    3
  ),
  tokenRule(
    'sentry-org-token',
    'Sentry organization auth token',
    'high',
    ['sntrys_'],
    'sntrys_(?<random>eyJ[A-Za-z0-9+/]{20,400}={0,2}_[A-Za-z0-9+/]{43})',
    3
  ),
  tokenRule(
    'sentry-user-token',
    'Sentry user auth token',
    'high',
    ['sntryu_'],
    'sntryu_(?<random>[a-f0-9]{64})',
    3
  )
]
