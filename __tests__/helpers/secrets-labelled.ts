/**
 * The labelled set the secret detector is measured on.
 *
 * `secret: true` means "a leak": something that must not be committed. Public-by-design keys
 * (Stripe pk_, Supabase sb_publishable_, JWTs with role anon, documented example keys) and
 * default passwords on local hosts are labelled `secret: false`; the detector reports them with
 * confidence low, and precision/recall count only findings above low as "reported".
 *
 * Positives are built at run time in each provider's real format (fake-tokens.ts), so no
 * realistic token is written here. Negatives are literal: every placeholder or reference value
 * found in the real-world corpus (fixtures/corpus), copied here so that this set stands on its own,
 * plus the placeholder classes of security.md §1.6.
 */
import { findSecrets } from '../../src/detect/secrets.js'
import { type FakeTokenFormat, fakeJwt, fakeString, fakeToken } from './fake-tokens.js'

export interface LabelledValue {
  readonly value: string
  /** The env/header name or CLI flag the value sits under. */
  readonly key?: string
  readonly secret: boolean
  readonly note: string
}

function base64(text: string): string {
  return Buffer.from(text).toString('base64')
}

/** Provider formats with the name each usually sits under in an MCP config. */
const providerTokens: readonly (readonly [FakeTokenFormat, string])[] = [
  ['github-pat', 'GITHUB_PERSONAL_ACCESS_TOKEN'],
  ['github-oauth', 'GITHUB_TOKEN'],
  ['github-app-token', 'GITHUB_TOKEN'],
  ['github-refresh-token', 'GITHUB_REFRESH_TOKEN'],
  ['github-fine-grained-pat', 'GITHUB_PERSONAL_ACCESS_TOKEN'],
  ['openai-project', 'OPENAI_API_KEY'],
  ['openai-svcacct', 'OPENAI_API_KEY'],
  ['openai-admin', 'OPENAI_ADMIN_KEY'],
  ['openai-legacy', 'OPENAI_API_KEY'],
  ['anthropic-api-key', 'ANTHROPIC_API_KEY'],
  ['anthropic-admin-api-key', 'ANTHROPIC_ADMIN_KEY'],
  ['slack-bot-token', 'SLACK_BOT_TOKEN'],
  ['slack-user-token', 'SLACK_USER_TOKEN'],
  ['slack-refresh-token', 'SLACK_REFRESH_TOKEN'],
  ['slack-legacy-token', 'SLACK_TOKEN'],
  ['slack-app-token', 'SLACK_APP_TOKEN'],
  ['slack-webhook-url', 'SLACK_WEBHOOK_URL'],
  ['aws-access-key-id', 'AWS_ACCESS_KEY_ID'],
  ['aws-session-key-id', 'AWS_ACCESS_KEY_ID'],
  ['stripe-live-secret', 'STRIPE_SECRET_KEY'],
  ['stripe-test-secret', 'STRIPE_SECRET_KEY'],
  ['stripe-restricted', 'STRIPE_API_KEY'],
  ['google-api-key', 'GOOGLE_API_KEY'],
  ['supabase-access-token', 'SUPABASE_ACCESS_TOKEN'],
  ['supabase-secret-key', 'SUPABASE_SECRET_KEY'],
  ['notion-api-token', 'NOTION_TOKEN'],
  ['notion-legacy-token', 'NOTION_API_KEY'],
  ['tavily-api-key', 'TAVILY_API_KEY'],
  ['tavily-dev-api-key', 'TAVILY_API_KEY'],
  ['firecrawl-api-key', 'FIRECRAWL_API_KEY'],
  ['context7-api-key', '--api-key'],
  ['npm-access-token', 'NPM_TOKEN'],
  ['huggingface-access-token', 'HF_TOKEN'],
  ['perplexity-api-key', 'PERPLEXITY_API_KEY'],
  ['gitlab-pat', 'GITLAB_PERSONAL_ACCESS_TOKEN'],
  ['linear-api-key', 'LINEAR_API_KEY'],
  ['groq-api-key', 'GROQ_API_KEY'],
  ['openrouter-api-key', 'OPENROUTER_API_KEY'],
  ['sentry-org-token', 'SENTRY_AUTH_TOKEN'],
  ['sentry-user-token', 'SENTRY_AUTH_TOKEN'],
  ['private-key', 'GITHUB_APP_PRIVATE_KEY']
]

function providerPositives(): LabelledValue[] {
  return providerTokens.flatMap(([format, key]) =>
    [1, 2].map((seed) => ({
      value: fakeToken(format, seed),
      key,
      secret: true,
      note: `${format} #${seed}`
    }))
  )
}

function otherPositives(): LabelledValue[] {
  const random = (length: number, seed: number) => fakeString('alnum', length, seed)
  const notion = fakeToken('notion-api-token', 3)
  return [
    // Keys without a fixed prefix: the context rule.
    { value: fakeToken('brave-api-key', 1), key: 'BRAVE_API_KEY', secret: true, note: 'Brave #1' },
    { value: fakeToken('brave-api-key', 2), key: 'BRAVE_API_KEY', secret: true, note: 'Brave #2' },
    { value: fakeToken('exa-api-key', 1), key: 'EXA_API_KEY', secret: true, note: 'Exa UUID key' },
    {
      value: fakeString('hex', 40, 1),
      key: 'WEBHOOK_SECRET',
      secret: true,
      note: 'hex secret (hex entropy floor)'
    },
    {
      value: fakeString('base64', 44, 1),
      key: 'clientSecret',
      secret: true,
      note: 'camelCase key, base64 value'
    },
    { value: random(32, 1), key: '--api-key', secret: true, note: '--api-key VALUE (separate)' },
    { value: `--api-key=${random(32, 2)}`, secret: true, note: '--api-key=VALUE' },
    { value: `MY_SERVICE_TOKEN=${random(28, 3)}`, secret: true, note: 'docker -e NAME=VALUE' },
    { value: `X-API-Key: ${random(32, 4)}`, secret: true, note: 'mcp-remote --header name: value' },
    {
      value: fakeString('base64', 40, 2),
      key: 'AWS_SECRET_ACCESS_KEY',
      secret: true,
      note: 'AWS secret #1'
    },
    {
      value: fakeString('base64', 40, 3),
      key: 'aws_secret_access_key',
      secret: true,
      note: 'AWS secret #2'
    },
    // Credentials in URLs.
    {
      value: `postgresql://app:${random(20, 5)}@db.acme-prod.internal:5432/app`,
      key: '--dsn',
      secret: true,
      note: 'postgres URL password'
    },
    {
      value: `mongodb+srv://admin:${random(16, 6)}@cluster0.ab1cd.mongodb.net/app`,
      secret: true,
      note: 'mongodb+srv password'
    },
    {
      value: `redis://default:${random(24, 7)}@redis-12345.c1.cloud.redislabs.com:12345`,
      key: 'REDIS_URL',
      secret: true,
      note: 'redis password under a *_URL name'
    },
    {
      value: `https://deploy:${random(18, 8)}@git.acme.io/repo.git`,
      secret: true,
      note: 'https userinfo'
    },
    {
      value: `postgres://postgres:${random(20, 9)}@localhost:5432/app`,
      secret: true,
      note: 'random password on localhost is still a leak'
    },
    {
      value: `https://mcp.tavily.com/mcp/?tavilyApiKey=${fakeToken('tavily-api-key', 3)}`,
      secret: true,
      note: 'Tavily key in a query'
    },
    {
      value: `https://server.smithery.ai/@acme/search/mcp?api_key=${fakeToken('exa-api-key', 2)}`,
      secret: true,
      note: 'Smithery api_key query'
    },
    {
      value: `https://api.acme.io/sse?session=1&access_token=${random(32, 10)}`,
      secret: true,
      note: 'access_token query'
    },
    {
      value: `https://mcp.firecrawl.dev/${fakeToken('firecrawl-api-key', 3)}/v2/mcp`,
      secret: true,
      note: 'Firecrawl key in the URL path'
    },
    {
      value: `https://mcp.firecrawl.dev/${random(32, 11)}/v2/sse`,
      secret: true,
      note: 'Firecrawl path key without fc- prefix'
    },
    // Authorization headers.
    { value: `Bearer ${random(40, 12)}`, key: 'Authorization', secret: true, note: 'Bearer' },
    {
      value: `Authorization: Bearer ${random(40, 13)}`,
      key: '--header',
      secret: true,
      note: 'mcp-remote --header Bearer'
    },
    {
      value: `Bearer ${fakeToken('github-pat', 3)}`,
      key: 'Authorization',
      secret: true,
      note: 'Bearer with a GitHub PAT'
    },
    { value: `token ${random(40, 14)}`, key: 'Authorization', secret: true, note: 'token scheme' },
    {
      value: `Basic ${base64(`svc-mcp:${random(16, 15)}`)}`,
      key: 'Authorization',
      secret: true,
      note: 'Basic with a real password'
    },
    // Nested JSON.
    {
      value: `{"Authorization": "Bearer ${notion}", "Notion-Version": "2022-06-28"}`,
      key: 'OPENAPI_MCP_HEADERS',
      secret: true,
      note: 'Notion OPENAPI_MCP_HEADERS'
    },
    {
      value: JSON.stringify({ headers: { 'X-Api-Key': random(32, 16) } }),
      key: 'MCP_CONFIG',
      secret: true,
      note: 'nested JSON, key context from the inner name'
    },
    // JWTs.
    {
      value: fakeJwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role' }, 1),
      key: 'SUPABASE_SERVICE_ROLE_KEY',
      secret: true,
      note: 'Supabase service_role JWT'
    },
    {
      value: fakeJwt({ sub: 'svc-1234', scope: 'mcp:all', exp: 1900000000 }, 2),
      key: 'MCP_TOKEN',
      secret: true,
      note: 'generic JWT'
    },
    // A default is a literal too.
    {
      value: `\${OPENAI_API_KEY:-${fakeToken('openai-project', 3)}}`,
      key: 'OPENAI_API_KEY',
      secret: true,
      note: 'secret in a ${VAR:-default}'
    }
  ]
}

/** Placeholder or reference values found in the corpus, verbatim. */
const corpusNegatives: readonly LabelledValue[] = [
  { value: 'xoxb-your-slack-bot-token', key: 'SLACK_BOT_TOKEN', note: 'corpus' },
  { value: 'your_slack_team_id', key: 'SLACK_TEAM_ID', note: 'corpus' },
  {
    value: 'ghp_your_github_personal_access_token',
    key: 'GITHUB_PERSONAL_ACCESS_TOKEN',
    note: 'corpus'
  },
  { value: 'YOUR_GITHUB_TOKEN', key: 'GITHUB_PERSONAL_ACCESS_TOKEN', note: 'corpus' },
  { value: 'YOUR_BRAVE_API_KEY', key: 'BRAVE_API_KEY', note: 'corpus' },
  { value: 'YOUR_GOOGLE_DRIVE_CLIENT_SECRET', key: 'GOOGLE_CLIENT_SECRET', note: 'corpus' },
  { value: 'YOUR_GOOGLE_WORKSPACE_CLIENT_SECRET', key: 'GOOGLE_CLIENT_SECRET', note: 'corpus' },
  { value: 'YOUR_GOOGLE_DRIVE_CLIENT_ID', key: 'GOOGLE_CLIENT_ID', note: 'corpus' },
  { value: 'your_sonarqube_token', key: 'SONARQUBE_TOKEN', note: 'corpus' },
  { value: 'your_sonarqube_org', key: 'SONARQUBE_ORG', note: 'corpus' },
  { value: '[REDACTED_API_KEY]', key: 'KALI_API_KEY', note: 'corpus' },
  {
    value: '<paste-your-notion-internal-integration-token-here>',
    key: 'NOTION_API_TOKEN',
    note: 'corpus'
  },
  { value: 'https://github.com/settings/tokens', key: 'GITHUB_TOKEN', note: 'corpus: docs URL' },
  { value: 'https://etherscan.io/apis', key: 'ETHERSCAN_API_KEY', note: 'corpus: docs URL' },
  { value: 'https://thegraph.com/studio/apikeys/', key: 'GRAPH_API_KEY', note: 'corpus: docs URL' },
  { value: '1234567890', key: 'UMBRACO_CLIENT_SECRET', note: 'corpus: digits' },
  { value: 'umbraco-back-office-mcp', key: 'UMBRACO_CLIENT_ID', note: 'corpus' },
  { value: 'bolt://localhost:7687', key: 'VAULT_NEO4J_URI', note: 'corpus' },
  { value: 'Bearer __LAVIGIE_MCP_TOKEN__', key: 'Authorization', note: 'corpus: template' },
  { value: 'http://127.0.0.1:__LAVIGIE_MCP_PORT__/mcp', key: 'url', note: 'corpus' },
  { value: 'Authorization:Bearer ${GRAPH_API_KEY}', key: '--header', note: 'corpus' },
  {
    value: 'Basic dGVzdEBsaWZlcmF5LmNvbTp0ZXN0',
    key: 'Authorization',
    note: 'corpus: test@liferay.com:test, default password (low)'
  },
  { value: '${input:youtube_api_key}', key: 'YOUTUBE_API_KEY', note: 'corpus' },
  { value: '${input:CONTEXT7_API_KEY}', key: 'CONTEXT7_API_KEY', note: 'corpus' },
  { value: '${env:CONTEXT7_API_KEY}', key: 'CONTEXT7_API_KEY', note: 'corpus' },
  { value: '${CONTEXT7_API_KEY}', key: 'CONTEXT7_API_KEY', note: 'corpus' },
  { value: '${NVIDIA_API_KEY:-}', key: 'NVIDIA_API_KEY', note: 'corpus' },
  { value: '${TELEGRAM_BOT_TOKEN:-}', key: 'TELEGRAM_BOT_TOKEN', note: 'corpus' },
  { value: '${TELEGRAM_CHAT_ID:-}', key: 'TELEGRAM_CHAT_ID', note: 'corpus' },
  { value: '${GITHUB_PERSONAL_ACCESS_TOKEN}', key: 'GITHUB_PERSONAL_ACCESS_TOKEN', note: 'corpus' },
  { value: '${GITHUB_TOKEN}', key: 'GITHUB_PERSONAL_ACCESS_TOKEN', note: 'corpus' },
  {
    value: '${GOOGLE_CALENDAR_CLIENT_SECRET}',
    key: 'GOOGLE_CALENDAR_CLIENT_SECRET',
    note: 'corpus'
  },
  { value: '${ETHERSCAN_API_KEY}', key: 'ETHERSCAN_API_KEY', note: 'corpus' },
  { value: '${SOLANA_RPC_URL}', key: 'RPC_URL', note: 'corpus' },
  { value: '${CNN_FNG_CACHE_TTL_SECONDS:-300}', key: 'CNN_FNG_CACHE_TTL_SECONDS', note: 'corpus' },
  { value: '${workspaceFolder}/.env', key: 'envFile', note: 'corpus' },
  { value: 'defaults to mainnet public RPC', key: 'SOLANA_RPC_URL', note: 'corpus' },
  { value: 'GITHUB_PERSONAL_ACCESS_TOKEN', key: '-e', note: 'corpus: docker -e passthrough' },
  { value: 'SONARQUBE_TOKEN', key: '-e', note: 'corpus: docker -e passthrough' },
  { value: 'GOOGLE_CLIENT_SECRET', key: '-e', note: 'corpus: docker -e passthrough' },
  { value: 'GITHUB_TOOLSETS=context,issues,pull_requests', key: '-e', note: 'corpus' },
  { value: 'http://your-kali-host:5000/', key: '--server', note: 'corpus' },
  {
    value: '/Users/YOUR_USERNAME/.mcp/google-workspace-mcp:/app/config',
    key: '-v',
    note: 'corpus'
  },
  {
    value: '{"client_name":"Windsurf","client_uri":"https://windsurf.ai"}',
    key: '--static-oauth-client-metadata',
    note: 'corpus: nested JSON without secrets'
  },
  {
    value: 'https://mcp.supabase.com/mcp?project_ref=xnfutqnhuvqzmpormevm',
    key: 'url',
    note: 'corpus: project ref is not a secret'
  },
  {
    value:
      'https://mcp.exa.ai/mcp?tools=web_search_exa,get_code_context_exa,crawling_exa,company_research_exa,linkedin_search_exa,deep_researcher_start,deep_researcher_check',
    key: 'url',
    note: 'corpus'
  },
  { value: 'https://api.githubcopilot.com/mcp/', key: 'url', note: 'corpus' },
  { value: 'https://mcp.sentry.dev/mcp/renderiq/javascript-nextjs', key: 'url', note: 'corpus' },
  { value: 'API key for authentication', key: 'description', note: 'corpus' },
  { value: '0', key: 'NODE_TLS_REJECT_UNAUTHORIZED', note: 'corpus' },
  { value: 'oauth-personal', key: 'selectedType', note: 'corpus' }
].map((item) => ({ ...item, secret: false }))

/** §1.6 placeholder classes and public-by-design keys. */
function specNegatives(): LabelledValue[] {
  const pem = ['PRIVATE', 'KEY'].join(' ')
  const items: Omit<LabelledValue, 'secret'>[] = [
    // Prefix + filler.
    { value: `ghp_${'x'.repeat(36)}`, key: 'GITHUB_TOKEN', note: 'ghp_ + x filler' },
    { value: `ghp_${'X'.repeat(36)}`, key: 'GITHUB_TOKEN', note: 'ghp_ + X filler' },
    {
      value: `github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`,
      key: 'GITHUB_TOKEN',
      note: 'fine-grained filler'
    },
    { value: `sk_live_${'0'.repeat(24)}`, key: 'STRIPE_SECRET_KEY', note: 'sk_live_ + zeros' },
    {
      value: `xoxb-0000000000-0000000000000-${'x'.repeat(24)}`,
      key: 'SLACK_BOT_TOKEN',
      note: 'Slack filler'
    },
    { value: `ntn_00000000000${'x'.repeat(35)}`, key: 'NOTION_TOKEN', note: 'Notion filler' },
    { value: 'sk-...', key: 'OPENAI_API_KEY', note: 'sk-...' },
    { value: 'sk-proj-...', key: 'OPENAI_API_KEY', note: 'sk-proj-...' },
    { value: 'sk-ant-api03-...', key: 'ANTHROPIC_API_KEY', note: 'sk-ant-...' },
    { value: 'tvly-YOUR_API_KEY', key: 'TAVILY_API_KEY', note: 'tvly- template' },
    { value: 'fc-YOUR_API_KEY', key: 'FIRECRAWL_API_KEY', note: 'fc- template' },
    { value: 'AKIAIOSFODNN7EXAMPLE', key: 'AWS_ACCESS_KEY_ID', note: 'AWS docs key id' },
    {
      value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      key: 'AWS_SECRET_ACCESS_KEY',
      note: 'AWS docs secret'
    },
    {
      value: ['AIzaSyAnLA7Nfe', 'LquW1tJFpx_eQCxoX-oo6YyIs'].join(''),
      key: 'FIREBASE_API_KEY',
      note: 'documented Firebase example key (low)'
    },
    // References and templates.
    { value: '{{API_KEY}}', key: 'API_KEY', note: '{{x}}' },
    { value: '%API_KEY%', key: 'API_KEY', note: '%X%' },
    { value: '$(op read op://vault/item/token)', key: 'API_KEY', note: '$(x)' },
    { value: '${{ secrets.OPENAI_API_KEY }}', key: 'OPENAI_API_KEY', note: '${{ secrets.X }}' },
    { value: '$GITHUB_TOKEN', key: 'GITHUB_TOKEN', note: '$VAR' },
    { value: '{env:OPENAI_API_KEY}', key: 'OPENAI_API_KEY', note: '{env:X}' },
    { value: 'Bearer ${TOKEN}', key: 'Authorization', note: 'embedded reference' },
    { value: 'Bearer <token>', key: 'Authorization', note: 'Bearer <token>' },
    { value: 'Bearer YOUR_TOKEN', key: 'Authorization', note: 'Bearer YOUR_TOKEN' },
    { value: 'Bearer {{token}}', key: 'Authorization', note: 'Bearer {{token}}' },
    {
      value: 'postgresql://${PGUSER}:${PGPASSWORD}@db.acme.io/app',
      key: '--dsn',
      note: 'references in userinfo'
    },
    { value: 'redis://default:${REDIS_PASSWORD}@redis:6379', note: 'reference password' },
    {
      value: 'https://mcp.tavily.com/mcp/?tavilyApiKey=<your-api-key>',
      key: 'url',
      note: 'query template'
    },
    {
      value: 'https://server.smithery.ai/@acme/search/mcp?api_key=${SMITHERY_API_KEY}',
      key: 'url',
      note: 'query reference'
    },
    {
      value: 'https://mcp.firecrawl.dev/{FIRECRAWL_API_KEY}/v2/mcp',
      key: 'url',
      note: 'Firecrawl path template'
    },
    { value: '<your-token>', key: 'API_TOKEN', note: '<x>' },
    { value: '<YOUR_API_KEY>', key: 'API_KEY', note: '<X>' },
    { value: '[API_KEY]', key: 'API_KEY', note: '[X]' },
    { value: 'YOUR_API_KEY', key: 'API_KEY', note: 'YOUR_…' },
    { value: 'your-api-key-here', key: 'API_KEY', note: 'your-…' },
    { value: 'REPLACE_ME', key: 'API_KEY', note: 'REPLACE_ME' },
    { value: 'changeme', key: 'DB_PASSWORD', note: 'changeme' },
    { value: 'TODO', key: 'API_KEY', note: 'TODO' },
    { value: 'xxx', key: 'API_KEY', note: 'xxx' },
    { value: '...', key: 'API_KEY', note: '...' },
    { value: '***', key: 'API_KEY', note: '***' },
    { value: '********************', key: 'API_KEY', note: 'stars' },
    { value: 'REDACTED', key: 'API_KEY', note: 'REDACTED' },
    { value: '<redacted>', key: 'API_KEY', note: '<redacted>' },
    { value: '__TEMPLATE_TOKEN__', key: 'API_TOKEN', note: '__X__' },
    { value: 'example-api-key-1234567890', key: 'API_KEY', note: 'example' },
    { value: 'placeholder-token-value-9f8e7d', key: 'API_TOKEN', note: 'placeholder' },
    { value: 'dummy-secret-for-local-dev-42', key: 'CLIENT_SECRET', note: 'dummy' },
    { value: 'sample_api_key_0001_abcdef', key: 'API_KEY', note: 'sample' },
    { value: 'fake-token-a1b2c3d4e5f6', key: 'API_TOKEN', note: 'fake' },
    { value: 'test123test123test123', key: 'PASSWORD', note: 'test123' },
    { value: '0000000000000000', key: 'API_KEY', note: 'zeros' },
    { value: 'abcdefghijklmnopqrstuvwxyz123456', key: 'API_KEY', note: 'sequential' },
    {
      value: `-----BEGIN ${pem}-----\n...\n-----END ${pem}-----`,
      key: 'PRIVATE_KEY',
      note: 'PEM placeholder'
    },
    {
      value: fakeJwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }, 3),
      key: 'API_TOKEN',
      note: "jwt.io's sample claims"
    },
    // Local dev databases (§1.6 rule 6): low.
    {
      value: 'postgres://postgres:postgres@localhost:5432/postgres',
      key: '--dsn',
      note: 'local default'
    },
    { value: 'mysql://root:root@127.0.0.1:3306/app', note: 'local user==password' },
    { value: 'mongodb://admin:admin@mongo:27017', note: 'compose service host' },
    { value: 'https://user:pass@example.com/mcp', key: 'url', note: 'example.com user:pass' },
    { value: 'postgres://user:password@host:5432/db', note: 'password placeholder' },
    // Public by design (low).
    { value: fakeToken('stripe-publishable', 1), key: 'STRIPE_PUBLISHABLE_KEY', note: 'pk_ #1' },
    { value: fakeToken('stripe-publishable', 2), key: 'STRIPE_KEY', note: 'pk_ #2' },
    {
      value: fakeToken('supabase-publishable-key', 1),
      key: 'SUPABASE_PUBLISHABLE_KEY',
      note: 'sb_publishable_'
    },
    {
      value: fakeToken('supabase-publishable-key', 2),
      key: 'SUPABASE_KEY',
      note: 'sb_publishable_ under a secret-named key'
    },
    {
      value: fakeJwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'anon' }, 4),
      key: 'SUPABASE_ANON_KEY',
      note: 'Supabase anon JWT'
    },
    {
      value: `Bearer ${fakeJwt({ iss: 'supabase', role: 'anon' }, 5)}`,
      key: 'Authorization',
      note: 'anon JWT in a Bearer header'
    },
    // Not secrets although the name sounds like one.
    { value: '4096', key: 'MAX_TOKENS', note: 'number' },
    { value: 'oauth-personal', key: 'AUTH_TYPE', note: '*_TYPE' },
    { value: '/run/secrets/github_token', key: 'GITHUB_TOKEN_FILE', note: '*_FILE' },
    { value: '~/.ssh/id_ed25519', key: 'SSH_PRIVATE_KEY_PATH', note: '*_PATH' },
    { value: '/etc/ssl/private/server.key', key: 'TLS_PRIVATE_KEY', note: 'path value' },
    { value: 'X-Api-Key', key: 'API_KEY_HEADER', note: 'header name' },
    {
      value: fakeString('alnum', 32, 20),
      key: 'STRIPE_PUBLIC_KEY',
      note: 'public half of a key pair'
    },
    {
      value: 'Creates a Bearer token for the signed-in user',
      key: 'description',
      note: 'prose'
    },
    { value: 'secret', key: 'CLIENT_SECRET', note: 'the word itself' }
  ]
  return items.map((item) => ({ ...item, secret: false }))
}

/**
 * Passwords under password-named keys and flags (#16): human-chosen values no entropy bar finds,
 * and the placeholders, references and default passwords that must stay quiet.
 */
function passwordItems(): LabelledValue[] {
  const found = (value: string, key: string, note: string) => ({ value, key, note, secret: true })
  const quiet = (value: string, key: string, note: string) => ({ value, key, note, secret: false })
  return [
    found('vault-dev-password', 'VAULT_NEO4J_PASSWORD', 'corpus: a committed dev password'),
    found('s3cr3t-Pa55', 'PGPASSWORD', 'PGPASSWORD'),
    found('hunter2!x', 'MYSQL_PWD', 'MYSQL_PWD'),
    found('correct horse battery', 'SMTP_PASSPHRASE', 'a passphrase with spaces'),
    found('Winter2024!', '--password', 'after --password'),
    found('mongo-prod-7731', 'MONGO_INITDB_ROOT_PASSWORD', 'compose-style root password'),
    found('redisPw-44', 'redisPass', 'camelCase name'),
    quiet('${DB_PASSWORD}', 'DB_PASSWORD', 'a reference'),
    quiet('${env:PGPASSWORD}', 'PGPASSWORD', 'a VS Code reference'),
    quiet('changeme', 'REDIS_PASSWORD', 'placeholder word'),
    quiet('<password>', 'DB_PASSWORD', 'angle placeholder'),
    quiet('xxx', 'DB_PASSWORD', 'filler'),
    quiet('your-password', 'DB_PASSWORD', 'your-…'),
    quiet('postgres', 'POSTGRES_PASSWORD', 'default password'),
    quiet('admin123', 'ADMIN_PASSWORD', 'default password'),
    quiet('/run/secrets/db', 'DB_PASSWORD', 'a path'),
    quiet('env://PGPASSWORD_RO', 'PGPASSWORD', 'corpus: a secret-manager reference'),
    quiet('/run/secrets/db_password', 'DB_PASSWORD_FILE', 'a *_FILE name holds a path'),
    quiet('on', 'PASS_THROUGH', 'a name that only starts with pass')
  ]
}

export const labelledSecrets: readonly LabelledValue[] = [
  ...providerPositives(),
  ...otherPositives(),
  ...passwordItems(),
  ...corpusNegatives,
  ...specNegatives()
]

export interface Accuracy {
  readonly total: number
  readonly truePositives: number
  readonly falsePositives: number
  readonly falseNegatives: number
  readonly precision: number
  readonly recall: number
  /** Notes (never values) of the misclassified items. */
  readonly misses: readonly string[]
  /** Per detector: reports above low on labelled secrets / non-secrets, and low reports. */
  readonly byDetector: ReadonlyMap<string, { hits: number; falseHits: number; low: number }>
}

/** A value counts as reported when any finding is above low (low = public by design or local). */
export function measureAccuracy(items: readonly LabelledValue[] = labelledSecrets): Accuracy {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  const misses: string[] = []
  const byDetector = new Map<string, { hits: number; falseHits: number; low: number }>()
  for (const item of items) {
    const matches = findSecrets(item.value, { key: item.key })
    const reported = matches.some((match) => match.confidence !== 'low')
    for (const match of matches) {
      const counts = byDetector.get(match.detector) ?? { hits: 0, falseHits: 0, low: 0 }
      if (match.confidence === 'low') counts.low++
      else if (item.secret) counts.hits++
      else counts.falseHits++
      byDetector.set(match.detector, counts)
    }
    if (reported && item.secret) truePositives++
    else if (reported) {
      falsePositives++
      misses.push(`false positive: ${item.note}`)
    } else if (item.secret) {
      falseNegatives++
      misses.push(`false negative: ${item.note}`)
    }
  }
  const precision = truePositives / Math.max(1, truePositives + falsePositives)
  const recall = truePositives / Math.max(1, truePositives + falseNegatives)
  return {
    total: items.length,
    truePositives,
    falsePositives,
    falseNegatives,
    precision,
    recall,
    misses,
    byDetector
  }
}

/** `secret detector on N labelled values: precision X.XXX, recall Y.YYY (tp …, fp …, fn …)` */
export function formatAccuracy(accuracy: Accuracy): string {
  return (
    `secret detector on ${accuracy.total} labelled values: ` +
    `precision ${accuracy.precision.toFixed(3)}, recall ${accuracy.recall.toFixed(3)} ` +
    `(tp ${accuracy.truePositives}, fp ${accuracy.falsePositives}, fn ${accuracy.falseNegatives})`
  )
}
