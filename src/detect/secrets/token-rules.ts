// Provider token formats (§1.5): one rule per provider, regexes after gitleaks' facts.
import type { TokenRule } from './token-rule.js'
import { githubRules, gitlabRules, npmRules, sentryRules } from './token-rules-code.js'
import {
  anthropicRules,
  context7Rules,
  firecrawlRules,
  groqRules,
  huggingFaceRules,
  openAiRules,
  openRouterRules,
  perplexityRules,
  tavilyRules
} from './token-rules-ai.js'
import { linearRules, notionRules, slackRules } from './token-rules-workspace.js'
import { awsRules, googleRules, supabaseRules } from './token-rules-cloud.js'
import { stripeRules } from './token-rules-payments.js'

export type { TokenRule } from './token-rule.js'

// Order breaks ties: of two rules matching the same span, the earlier one names the finding.
export const tokenRules: readonly TokenRule[] = [
  ...githubRules,
  ...openAiRules,
  ...anthropicRules,
  ...slackRules,
  ...awsRules,
  ...stripeRules,
  ...googleRules,
  ...supabaseRules,
  ...notionRules,
  ...tavilyRules,
  ...firecrawlRules,
  ...context7Rules,
  ...npmRules,
  ...huggingFaceRules,
  ...perplexityRules,
  ...gitlabRules,
  ...linearRules,
  ...groqRules,
  ...openRouterRules,
  ...sentryRules
]
