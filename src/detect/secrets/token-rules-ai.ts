// Provider token formats of model APIs and the search, scraping and docs APIs agents call.
import { tokenRule, type TokenRule } from './token-rule.js'

export const openAiRules: readonly TokenRule[] = [
  // T3BlbkFJ is base64 for "OpenAI"; without it `sk-…` is too generic to call.
  tokenRule(
    'openai-api-key',
    'OpenAI API key',
    'high',
    ['t3blbkfj'],
    'sk-(?:(?:proj|svcacct|service|admin)-(?<random>[A-Za-z0-9_-]{20,200})|(?<random2>[A-Za-z0-9]{20,64}))T3BlbkFJ(?<random3>[A-Za-z0-9_-]{20,200})',
    3
  )
]

export const anthropicRules: readonly TokenRule[] = [
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
  )
]

export const tavilyRules: readonly TokenRule[] = [
  tokenRule(
    'tavily-api-key',
    'Tavily API key',
    'high',
    ['tvly-'],
    'tvly-(?:(?:dev|prod)-)?(?<random>[A-Za-z0-9]{20,64})',
    3.5
  )
]

export const firecrawlRules: readonly TokenRule[] = [
  tokenRule(
    'firecrawl-api-key',
    'Firecrawl API key',
    'high',
    ['fc-'],
    'fc-(?<random>[a-f0-9]{32})',
    3
  )
]

export const context7Rules: readonly TokenRule[] = [
  tokenRule(
    'context7-api-key',
    'Context7 API key',
    'high',
    ['ctx7sk'],
    'ctx7sk-?(?<random>[A-Za-z0-9_-]{20,80})',
    3
  )
]

export const huggingFaceRules: readonly TokenRule[] = [
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
  )
]

export const perplexityRules: readonly TokenRule[] = [
  tokenRule(
    'perplexity-api-key',
    'Perplexity API key',
    'high',
    ['pplx-'],
    'pplx-(?<random>[A-Za-z0-9]{48})',
    3
  )
]

export const groqRules: readonly TokenRule[] = [
  tokenRule('groq-api-key', 'Groq API key', 'high', ['gsk_'], 'gsk_(?<random>[A-Za-z0-9]{52})', 3)
]

export const openRouterRules: readonly TokenRule[] = [
  tokenRule(
    'openrouter-api-key',
    'OpenRouter API key',
    'high',
    ['sk-or-v1-'],
    'sk-or-v1-(?<random>[a-f0-9]{64})',
    3
  )
]
