import { describe, expect, it } from '@jest/globals'
import { mask } from '../../src/detect/mask.js'
import { findSecrets, isPlaceholder, type SecretMatch } from '../../src/detect/secrets.js'
import { type FakeTokenFormat, fakeJwt, fakeString, fakeToken } from '../helpers/fake-tokens.js'
import { labelledSecrets } from '../helpers/secrets-labelled.js'

/** The single finding in `value`, checked against the expected detector, confidence and span. */
function expectOne(
  value: string,
  expected: { detector: string; confidence: SecretMatch['confidence']; secret: string },
  key?: string
): SecretMatch {
  const matches = findSecrets(value, { key })
  expect(matches.map((match) => [match.detector, match.confidence])).toEqual([
    [expected.detector, expected.confidence]
  ])
  const match = matches[0]!
  const start = value.indexOf(expected.secret)
  expect([match.start, match.end]).toEqual([start, start + expected.secret.length])
  expect(match.masked).toBe(mask(expected.secret))
  return match
}

function expectNone(value: string, key?: string): void {
  expect(findSecrets(value, { key })).toEqual([])
}

function base64(text: string): string {
  return Buffer.from(text).toString('base64')
}

describe('provider tokens', () => {
  it.each<[FakeTokenFormat, string, SecretMatch['confidence'], string]>([
    ['github-pat', 'github-pat', 'high', 'ghp_… (40 chars)'],
    ['github-oauth', 'github-oauth', 'high', 'gho_… (40 chars)'],
    ['github-app-token', 'github-app-token', 'high', 'ghs_… (40 chars)'],
    ['github-refresh-token', 'github-refresh-token', 'high', 'ghr_… (40 chars)'],
    ['github-fine-grained-pat', 'github-fine-grained-pat', 'high', 'github_pat_… (93 chars)'],
    ['openai-project', 'openai-api-key', 'high', 'sk-proj-… (164 chars)'],
    ['openai-svcacct', 'openai-api-key', 'high', 'sk-svcacct-… (135 chars)'],
    ['openai-admin', 'openai-api-key', 'high', 'sk-admin-… (133 chars)'],
    ['openai-legacy', 'openai-api-key', 'high', 'sk-… (51 chars)'],
    ['anthropic-api-key', 'anthropic-api-key', 'high', 'sk-ant-api03-… (108 chars)'],
    ['anthropic-admin-api-key', 'anthropic-admin-api-key', 'high', 'sk-ant-admin01-… (110 chars)'],
    ['slack-bot-token', 'slack-bot-token', 'high', 'xoxb-… (56 chars)'],
    ['slack-user-token', 'slack-user-token', 'high', 'xoxp-… (77 chars)'],
    ['slack-refresh-token', 'slack-config-token', 'high', 'xoxe-… (153 chars)'],
    ['slack-legacy-token', 'slack-legacy-token', 'high', 'xoxa-… (47 chars)'],
    ['slack-app-token', 'slack-app-token', 'high', 'xapp-… (97 chars)'],
    [
      'slack-webhook-url',
      'slack-webhook-url',
      'high',
      'https://hooks.slack.com/services/… (79 chars)'
    ],
    ['aws-access-key-id', 'aws-access-key-id', 'high', 'AKIA… (20 chars)'],
    ['aws-session-key-id', 'aws-access-key-id', 'high', 'ASIA… (20 chars)'],
    ['stripe-live-secret', 'stripe-secret-key', 'high', 'sk_live_… (107 chars)'],
    ['stripe-test-secret', 'stripe-secret-key', 'high', 'sk_test_… (32 chars)'],
    ['stripe-restricted', 'stripe-restricted-key', 'high', 'rk_live_… (32 chars)'],
    ['stripe-publishable', 'stripe-publishable-key', 'low', 'pk_live_… (32 chars)'],
    ['google-api-key', 'google-api-key', 'medium', 'AIza… (39 chars)'],
    ['supabase-access-token', 'supabase-access-token', 'high', 'sbp_… (44 chars)'],
    ['supabase-secret-key', 'supabase-secret-key', 'high', 'sb_secret_… (41 chars)'],
    ['supabase-publishable-key', 'supabase-publishable-key', 'low', 'sb_publishable_… (46 chars)'],
    ['notion-api-token', 'notion-api-token', 'high', 'ntn_… (50 chars)'],
    ['notion-legacy-token', 'notion-legacy-token', 'high', 'secret_… (50 chars)'],
    ['tavily-api-key', 'tavily-api-key', 'high', 'tvly-… (37 chars)'],
    ['tavily-dev-api-key', 'tavily-api-key', 'high', 'tvly-dev-… (41 chars)'],
    ['firecrawl-api-key', 'firecrawl-api-key', 'high', 'fc-… (35 chars)'],
    ['context7-api-key', 'context7-api-key', 'high', 'ctx7sk-… (43 chars)'],
    ['npm-access-token', 'npm-access-token', 'high', 'npm_… (40 chars)'],
    ['huggingface-access-token', 'huggingface-access-token', 'high', 'hf_… (37 chars)'],
    ['perplexity-api-key', 'perplexity-api-key', 'high', 'pplx-… (53 chars)'],
    ['gitlab-pat', 'gitlab-pat', 'high', 'glpat-… (26 chars)'],
    ['linear-api-key', 'linear-api-key', 'high', 'lin_api_… (48 chars)'],
    ['groq-api-key', 'groq-api-key', 'high', 'gsk_… (56 chars)'],
    ['openrouter-api-key', 'openrouter-api-key', 'high', 'sk-or-v1-… (73 chars)'],
    ['sentry-org-token', 'sentry-org-token', 'high', 'sntrys_… (183 chars)'],
    ['sentry-user-token', 'sentry-user-token', 'high', 'sntryu_… (71 chars)'],
    ['private-key', 'private-key', 'high', '… (841 chars)']
  ])('%s → %s (%s)', (format, detector, confidence, masked) => {
    const token = fakeToken(format)
    // Offsets are those of the token inside the scanned string, wherever it sits.
    const match = expectOne(`prefix "${token}" suffix`, { detector, confidence, secret: token })
    expect(match.masked).toBe(masked)
  })

  it.each([
    ['ghp_ + x filler', `ghp_${'x'.repeat(36)}`],
    ['ghp_ + X filler', `ghp_${'X'.repeat(36)}`],
    ['ghp_ + tiny alphabet', `ghp_${'ab0'.repeat(12)}`],
    ['ghp_ + template words', 'ghp_yourGithubPersonalAccessTokenHere1'],
    ['fine-grained filler', `github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`],
    ['sk_live_ + zeros', `sk_live_${'0'.repeat(24)}`],
    ['Slack filler', `xoxb-0000000000-0000000000000-${'x'.repeat(24)}`],
    ['Notion filler', `ntn_00000000000${'x'.repeat(35)}`],
    ['OpenAI filler', `sk-proj-${'x'.repeat(74)}T3BlbkFJ${'x'.repeat(74)}`],
    ['AWS docs key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['Google filler', `AIza${'X'.repeat(35)}`],
    ['Google sequential', 'AIzaSyabcdefghijklmnopqrstuvwxyz1234567'],
    ['sk-...', 'sk-...'],
    ['xoxb template', 'xoxb-your-slack-bot-token'],
    ['ghp_ template', 'ghp_your_github_personal_access_token']
  ])('%s is a placeholder', (_, value) => {
    expectNone(value)
  })

  it('reports documented example keys as low', () => {
    const documented = ['AIzaSyAnLA7Nfe', 'LquW1tJFpx_eQCxoX-oo6YyIs'].join('')
    const match = expectOne(
      documented,
      { detector: 'google-api-key', confidence: 'low', secret: documented },
      'GOOGLE_API_KEY'
    )
    expect(match.kind).toBe('Google API key (documented example)')
  })

  it('needs token boundaries', () => {
    const token = fakeToken('github-pat')
    expectNone(`x${token}`)
    expectNone(`${token}Z`)
    expectNone(token.slice(0, -1))
  })

  it('finds a literal default inside a reference', () => {
    const token = fakeToken('openai-project', 4)
    expectOne(`\${OPENAI_API_KEY:-${token}}`, {
      detector: 'openai-api-key',
      confidence: 'high',
      secret: token
    })
  })

  it('reports several tokens in one string, sorted and without overlaps', () => {
    const github = fakeToken('github-pat', 5)
    const slack = fakeToken('slack-bot-token', 5)
    const value = `${slack} and ${github}, then Bearer ${github}`
    expect(findSecrets(value).map((match) => [match.detector, match.start])).toEqual([
      ['slack-bot-token', 0],
      ['github-pat', slack.length + 5],
      ['github-pat', value.lastIndexOf(github)]
    ])
  })
})

describe('AWS secret access key', () => {
  it('is high under an AWS secret name', () => {
    const secret = fakeString('base64', 40, 7)
    expectOne(
      secret,
      { detector: 'aws-secret-access-key', confidence: 'high', secret },
      'AWS_SECRET_ACCESS_KEY'
    )
    expectOne(`--aws-secret-access-key=${secret}`, {
      detector: 'aws-secret-access-key',
      confidence: 'high',
      secret
    })
  })

  it('skips the documentation secret', () => {
    expectNone('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AWS_SECRET_ACCESS_KEY')
  })
})

describe('JWT', () => {
  it.each<[string, Record<string, unknown>, SecretMatch['confidence'], string]>([
    [
      'service_role',
      { role: 'service_role', iss: 'supabase' },
      'high',
      'Supabase service_role key (JWT)'
    ],
    ['anon', { role: 'anon', iss: 'supabase' }, 'low', 'Supabase anon key (JWT, public by design)'],
    ['generic', { sub: 'svc', exp: 1 }, 'medium', 'JSON Web Token'],
    [
      'jwt.io sample',
      { sub: '1234567890', name: 'John Doe' },
      'low',
      'JSON Web Token (jwt.io example)'
    ]
  ])('%s', (_, claims, confidence, kind) => {
    const token = fakeJwt(claims)
    const match = expectOne(
      `Bearer ${token}`,
      { detector: 'jwt', confidence, secret: token },
      'Authorization'
    )
    expect(match.kind).toBe(kind)
    expect(match.masked).toBe(`eyJ… (${token.length} chars)`)
  })

  it('needs a header and payload that decode to JSON objects', () => {
    const encode = (text: string) => Buffer.from(text).toString('base64url')
    const signature = fakeString('alnum', 43, 3)
    expectNone(`${encode('{"alg":"HS256"}')}.${encode('{"unterminated')}.${signature}`)
    expectNone(`${encode('{"alg"')}.${encode('{"sub":"svc"}')}.${signature}`)
  })
})

describe('private keys', () => {
  it('finds a PEM block with JSON-style escaped newlines too', () => {
    const key = fakeToken('private-key', 2)
    expectOne(key, { detector: 'private-key', confidence: 'high', secret: key })
    const escaped = key.replaceAll('\n', '\\n')
    expectOne(`"${escaped}"`, { detector: 'private-key', confidence: 'high', secret: escaped })
  })

  it('skips placeholder bodies', () => {
    const label = ['PRIVATE', 'KEY'].join(' ')
    expectNone(`-----BEGIN ${label}-----\n...\n-----END ${label}-----`)
    expectNone(`-----BEGIN ${label}-----\n<your private key>\n-----END ${label}-----`)
    expectNone(`-----BEGIN ${label}-----\n${'X'.repeat(64)}\n-----END ${label}-----`)
  })
})

describe('URL credentials', () => {
  it('reports a password in a connection URL as high', () => {
    const password = fakeString('alnum', 20, 1)
    const match = expectOne(`postgresql://app:${password}@db.acme.io:5432/app`, {
      detector: 'url-credentials',
      confidence: 'high',
      secret: password
    })
    expect(match.kind).toBe('password in a connection URL')
    expect(match.masked).toBe('… (20 chars)')
  })

  it('reports https userinfo and finds URLs anywhere in the string', () => {
    const password = fakeString('alnum', 16, 2)
    const match = expectOne(`git clone https://deploy:${password}@git.acme.io/repo.git now`, {
      detector: 'url-credentials',
      confidence: 'high',
      secret: password
    })
    expect(match.kind).toBe('password in a URL')
  })

  it.each([
    'postgres://postgres:postgres@localhost:5432/postgres',
    'mysql://root:root@127.0.0.1:3306/app',
    'mongodb://admin:admin@mongo:27017',
    'redis://default:password@[::1]:6379',
    'https://user:pass@example.com/mcp',
    'postgres://user:password@host:5432/db'
  ])('local host with a default password is low: %s', (value) => {
    const [match] = findSecrets(value)
    expect(match?.detector).toBe('url-credentials')
    expect(match?.confidence).toBe('low')
  })

  it('keeps a random password on localhost high', () => {
    const password = fakeString('alnum', 20, 3)
    expectOne(`postgres://postgres:${password}@localhost/db`, {
      detector: 'url-credentials',
      confidence: 'high',
      secret: password
    })
  })

  it.each([
    'postgresql://${PGUSER}:${PGPASSWORD}@db.acme.io/app',
    'postgresql://app:${DB_PASSWORD}@db.acme.io/app',
    'postgresql://app:{{password}}@db.acme.io/app',
    'postgres://user:password@db.acme.io:5432/app',
    'postgres://user:<password>@db.acme.io/app',
    'postgres://user:abc@db.acme.io/app',
    'https://mcp.acme.io/sse',
    'mailto:someone@example.com'
  ])('no finding: %s', (value) => {
    expectNone(value)
  })

  it('reports a token-shaped user part', () => {
    const token = fakeString('alnum', 32, 4)
    expectOne(`https://${token}@git.acme.io/repo.git`, {
      detector: 'url-credentials',
      confidence: 'medium',
      secret: token
    })
  })

  it('reports secret-named query parameters', () => {
    const key = fakeString('alnum', 32, 5)
    expectOne(`https://api.acme.io/sse?session=1&apiKey=${key}#top`, {
      detector: 'url-query-secret',
      confidence: 'medium',
      secret: key
    })
    const tavily = fakeToken('tavily-api-key', 5)
    expectOne(`https://mcp.tavily.com/mcp/?tavilyApiKey=${tavily}`, {
      detector: 'tavily-api-key',
      confidence: 'high',
      secret: tavily
    })
  })

  it.each([
    'https://mcp.tavily.com/mcp/?tavilyApiKey=<your-api-key>',
    'https://server.smithery.ai/x/mcp?api_key=${SMITHERY_API_KEY}',
    'https://mcp.supabase.com/mcp?project_ref=xnfutqnhuvqzmpormevm',
    'https://api.acme.io/sse?token=abcdefghij',
    'https://api.acme.io/sse?key=short'
  ])('no query finding: %s', (value) => {
    expectNone(value)
  })

  it("reports Firecrawl's path key", () => {
    const key = fakeString('alnum', 32, 6)
    expectOne(`https://mcp.firecrawl.dev/${key}/v2/mcp`, {
      detector: 'firecrawl-api-key',
      confidence: 'high',
      secret: key
    })
    expectNone('https://mcp.firecrawl.dev/{FIRECRAWL_API_KEY}/v2/mcp')
  })
})

describe('Authorization headers', () => {
  it('reports a literal Bearer token as medium', () => {
    const token = fakeString('alnum', 40, 1)
    expectOne(`Bearer ${token}`, { detector: 'bearer-header', confidence: 'medium', secret: token })
    expectOne(
      `Authorization:Bearer ${token}`,
      { detector: 'bearer-header', confidence: 'medium', secret: token },
      '--header'
    )
    expectOne(`token ${token}`, { detector: 'bearer-header', confidence: 'medium', secret: token })
  })

  it('reports the provider when the Bearer literal has a known format', () => {
    const token = fakeToken('github-pat', 6)
    expectOne(`Bearer ${token}`, { detector: 'github-pat', confidence: 'high', secret: token })
  })

  it.each([
    'Bearer ${TOKEN}',
    'Bearer ${env:TOKEN}',
    'Bearer <token>',
    'Bearer YOUR_TOKEN',
    'Bearer __LAVIGIE_MCP_TOKEN__',
    'Bearer {{token}}',
    'Bearer abc',
    'Creates a Bearer token for the signed-in user',
    'Send the token abcdefgh12345678 later'
  ])('no finding: %s', (value) => {
    expectNone(value, 'Authorization')
  })

  it('decodes Basic credentials', () => {
    const encoded = base64(`svc-mcp:${fakeString('alnum', 16, 2)}`)
    expectOne(`Basic ${encoded}`, {
      detector: 'basic-auth-header',
      confidence: 'medium',
      secret: encoded
    })
    const local = base64('test@liferay.com:test')
    expectOne(`Basic ${local}`, { detector: 'basic-auth-header', confidence: 'low', secret: local })
    expectNone(`Basic ${base64('user:<password>')}`)
    expectNone('Basic authentication is supported')
  })
})

describe('context rule', () => {
  const value = fakeString('alnum', 31, 1)
  const context = { detector: 'context-secret', confidence: 'medium' as const, secret: value }

  it.each([
    'BRAVE_API_KEY',
    'apiKey',
    'x-api-key',
    '--api-key',
    'api-key',
    'DB_PASSWORD',
    'PAT',
    'SENTRY_DSN',
    'MY_CREDENTIALS',
    'Authorization'
  ])('flags a literal under %s', (key) => {
    const match = expectOne(value, context, key)
    expect(match.masked).toBe('… (31 chars)')
  })

  it.each([
    'API_URL',
    'TOKEN_ENDPOINT',
    'CLIENT_ID',
    'AWS_ACCESS_KEY_ID',
    'KEY_PATH',
    'TOKEN_FILE',
    'SECRETS_DIR',
    'STRIPE_PUBLIC_KEY',
    'SUPABASE_PUBLISHABLE_KEY',
    'PROJECT_NAME',
    'MODEL',
    undefined
  ])('ignores the same literal under %s', (key) => {
    expectNone(value, key)
  })

  it('reads the name from --flag=value, NAME=value and Header: value', () => {
    expectOne(`--api-key=${value}`, context)
    expectOne(`OPENAI_TOKEN=${value}`, context)
    expectOne(`X-Api-Key: ${value}`, context)
    expectNone(`--model=${value}`)
  })

  it.each([
    ['vault-dev-password', 'letters and dashes only'],
    ['short1234', 'shorter than 16'],
    ['aaaaaaaabbbbbbbb1', 'low entropy'],
    ['https://api.acme.io/v1/keys', 'URL without credentials'],
    ['/run/secrets/github_token', 'path'],
    ['~/.ssh/id_ed25519', 'home path'],
    ['C:\\Users\\me\\key.pem', 'Windows path'],
    ['correct horse battery staple 42', 'whitespace'],
    ['1234567890', 'digits'],
    ['${API_KEY}', 'reference'],
    ['${API_KEY:-}', 'empty default'],
    ['prefix-${API_KEY}', 'reference with a short literal'],
    ['your-api-key-here', 'placeholder']
  ])('no finding for %s (%s)', (literal) => {
    expectNone(literal, 'API_KEY')
  })

  it('lowers the entropy bar for long hex, and keeps random letters-only keys', () => {
    const hex = fakeString('hex', 32, 3)
    expectOne(hex, { ...context, secret: hex }, 'WEBHOOK_SECRET')
    const letters = 'BSAkqWzPmRtXvLnYcHdGfJbQsVwZe'
    expectOne(letters, { ...context, secret: letters }, 'BRAVE_API_KEY')
  })

  it('reports only the literal around references', () => {
    const literal = fakeString('alnum', 24, 4)
    expectOne(`\${PREFIX}${literal}`, { ...context, secret: literal }, 'API_KEY')
  })
})

describe('nested JSON', () => {
  it('scans string values with their keys as context', () => {
    const token = fakeString('alnum', 32, 1)
    const value = JSON.stringify({ headers: { 'X-Api-Key': token }, name: 'demo' })
    expectOne(
      value,
      { detector: 'context-secret', confidence: 'medium', secret: token },
      'MCP_CONFIG'
    )
  })

  it("finds Notion's token in OPENAPI_MCP_HEADERS", () => {
    const token = fakeToken('notion-api-token', 2)
    expectOne(
      `{"Authorization": "Bearer ${token}", "Notion-Version": "2022-06-28"}`,
      { detector: 'notion-api-token', confidence: 'high', secret: token },
      'OPENAPI_MCP_HEADERS'
    )
  })

  it('uses the previous flag as the key inside arrays', () => {
    const token = fakeString('alnum', 32, 2)
    const value = JSON.stringify(['--api-key', token])
    expectOne(value, { detector: 'context-secret', confidence: 'medium', secret: token })
  })

  it('falls back to the whole string when the text is escaped in the JSON', () => {
    const password = `${fakeString('alnum', 12, 3)}/${fakeString('alnum', 12, 4)}`
    const value = JSON.stringify({ password }).replace('/', '\\/')
    const [match] = findSecrets(value)
    expect(match).toMatchObject({ detector: 'context-secret', start: 0, end: value.length })
    expect(match?.masked).toBe('… (25 chars)')
  })

  it('stops at depth 5 and tolerates invalid JSON', () => {
    const token = fakeString('alnum', 32, 5)
    const deep = (levels: number) =>
      JSON.stringify(
        Array.from({ length: levels }).reduce<unknown>((inner) => ({ wrap: inner }), {
          password: token
        })
      )
    expect(findSecrets(deep(4))).toHaveLength(1)
    expect(findSecrets(deep(5))).toEqual([])
    expect(findSecrets('{"password": "unterminated')).toEqual([])
    expectNone('{"client_name":"Windsurf","client_uri":"https://windsurf.ai"}')
  })
})

describe('isPlaceholder', () => {
  it.each([
    // Whole-value references, every client syntax.
    '${VAR}',
    '${VAR:-}',
    '${VAR:-default}',
    '${env:TOKEN}',
    '${input:github_token}',
    '${workspaceFolder}',
    '$GITHUB_TOKEN',
    '{env:OPENAI_API_KEY}',
    '{{token}}',
    '%API_KEY%',
    '$(op read op://vault/item/token)',
    '${{ secrets.OPENAI_API_KEY }}',
    // Embedded references.
    'Bearer ${TOKEN}',
    'Bearer {{token}}',
    'postgresql://${U}:${P}@db/app',
    // Templates and stand-ins.
    '<your-token>',
    '<YOUR_API_KEY>',
    '[API_KEY]',
    '[REDACTED_API_KEY]',
    'YOUR_API_KEY',
    'your-tavily-api-key',
    'YOUR_API_KEY_HERE',
    'REPLACE_ME',
    'changeme',
    'TODO',
    'xxx',
    '...',
    '…',
    '***',
    'REDACTED',
    '<redacted>',
    '__TEMPLATE_TOKEN__',
    'Bearer __LAVIGIE_MCP_TOKEN__',
    'example-key-123',
    'placeholder',
    'paste-token-here',
    'dummy-key',
    'sample_key_1',
    'fake-token',
    'test123',
    'secret',
    'password',
    // Shapes.
    '1234567890',
    '0000000000000000',
    'abcdefghijklmnop',
    'AKIAIOSFODNN7EXAMPLE',
    '',
    '   ',
    // Pages where one gets a key.
    'https://github.com/settings/tokens',
    'https://etherscan.io/apis',
    'https://thegraph.com/studio/apikeys/'
  ])('%s', (value) => {
    expect(isPlaceholder(value)).toBe(true)
  })

  it.each([
    fakeToken('github-pat'),
    fakeString('alnum', 31, 9),
    'vault-dev-password',
    'https://api.acme.io/mcp',
    `Bearer ${fakeString('alnum', 32, 10)}`,
    `prefix-\${X}-${fakeString('alnum', 20, 11)}`
  ])('not a placeholder: %s', (value) => {
    expect(isPlaceholder(value)).toBe(false)
  })
})

describe('redaction', () => {
  it('never returns secret text outside the offsets', () => {
    const findings = labelledSecrets.flatMap((item) =>
      findSecrets(item.value, { key: item.key }).map(({ start, end, ...fields }) => ({
        // Short local passwords (`pass`) occur in the kind text; real secrets are longer.
        tail: end - start >= 12 ? item.value.slice(end - 8, end) : undefined,
        printed: JSON.stringify(fields),
        masked: fields.masked,
        kind: fields.kind
      }))
    )
    expect(findings.length).toBeGreaterThan(100)
    // The mask keeps a public prefix only; nothing after it, so no secret's tail is ever printed.
    expect(findings.filter(({ masked }) => !/^[^…]{0,40}… \(\d+ chars\)$/.test(masked))).toEqual([])
    // The kind is fixed text: a password ending in "password" is not printed by naming its kind.
    expect(
      findings.filter(
        ({ tail, printed, kind }) =>
          tail !== undefined && printed.includes(tail) && !kind.includes(tail)
      )
    ).toEqual([])
  })
})

describe('repeated scans', () => {
  // Scans are remembered by key and value; a key holding NUL must not pass for another pair.
  it('never answers one key and value with the scan of another', () => {
    const token = fakeToken('github-pat')
    const first = findSecrets(token, { key: 'a\u0000b' })
    const second = findSecrets(`b\u0000${token}`, { key: 'a' })
    expect(first.map((match) => [match.start, match.end])).toEqual([[0, token.length]])
    expect(second.map((match) => [match.start, match.end])).toEqual([[2, token.length + 2]])
    expect(findSecrets(token, { key: 'a\u0000b' })).toBe(first)
  })
})
