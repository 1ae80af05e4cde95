// Provider token formats of code hosts, package registries and error tracking.
import { tokenRule, type TokenRule } from './token-rule.js'

export const githubRules: readonly TokenRule[] = [
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
  )
]

export const npmRules: readonly TokenRule[] = [
  tokenRule(
    'npm-access-token',
    'npm access token',
    'high',
    ['npm_'],
    'npm_(?<random>[A-Za-z0-9]{36})',
    3
  )
]

export const gitlabRules: readonly TokenRule[] = [
  tokenRule(
    'gitlab-pat',
    'GitLab personal access token',
    'high',
    ['glpat-'],
    'glpat-(?<random>[\\w-]{20,64})',
    3
  )
]

export const sentryRules: readonly TokenRule[] = [
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
