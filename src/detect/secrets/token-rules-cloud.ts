// Provider token formats of cloud platforms and hosted backends.
import { tokenRule, type TokenRule } from './token-rule.js'

export const awsRules: readonly TokenRule[] = [
  tokenRule(
    'aws-access-key-id',
    'AWS access key ID',
    'high',
    ['akia', 'asia', 'abia', 'acca', 'a3t'],
    '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)(?<random>[A-Z2-7]{16})',
    3
  )
]

export const googleRules: readonly TokenRule[] = [
  // Often deliberately public (Maps, Firebase), and not push-protected by GitHub: a warning.
  tokenRule('google-api-key', 'Google API key', 'medium', ['aiza'], 'AIza(?<random>[\\w-]{35})', 4)
]

export const supabaseRules: readonly TokenRule[] = [
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
  )
]
