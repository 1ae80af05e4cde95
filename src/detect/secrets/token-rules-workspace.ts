// Provider token formats of team chat, notes and issue tracking.
import { tokenRule, type TokenRule } from './token-rule.js'

export const slackRules: readonly TokenRule[] = [
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
  )
]

export const notionRules: readonly TokenRule[] = [
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
  )
]

export const linearRules: readonly TokenRule[] = [
  tokenRule(
    'linear-api-key',
    'Linear API key',
    'high',
    ['lin_api_'],
    'lin_api_(?<random>[A-Za-z0-9]{40})',
    3
  )
]
