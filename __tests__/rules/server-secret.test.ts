import { expect, it } from '@jest/globals'
import { lintFiles } from '../../src/lint-text.js'
import { listedExample as listed } from '../../src/rules/examples.js'
import rule from '../../src/rules/server-secret.js'
import { fakeJwt, fakeString, fakeToken } from '../helpers/fake-tokens.js'
import { testRule, type InvalidCase } from '../helpers/rule-tester.js'

const github = fakeToken('github-pat')
const supabase = fakeToken('supabase-access-token')
const notion = fakeToken('notion-api-token')
const brave = `BSA${fakeString('alnum', 28, 7)}`
const bearer = fakeString('alnum', 32, 9)
const anon = fakeJwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'anon' })
const serviceRole = fakeJwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role' })

/** `.mcp.json` with one server whose body is given; findings are located by the needle. */
const mcp = (body: string) => `{\n  "mcpServers": {\n    "s": ${body}\n  }\n}\n`
const at = (text: string, needle: string) => {
  const lines = text.split('\n')
  const line = lines.findIndex((candidate) => candidate.includes(needle))
  return { line: line + 1, column: (lines[line] ?? '').indexOf(needle) + 1 }
}
const finding = (
  text: string,
  needle: string,
  messageId: string,
  extra: Partial<InvalidCase['errors'][number]> = {}
) => ({ messageId, ...at(text, needle), ...extra })

const envToken = mcp(
  `{ "command": "npx", "args": ["-y", "gh@1.0.0"], "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${github}" } }`
)
const argToken = mcp(
  `{ "command": "npx", "args": ["-y", "@supabase/mcp-server-supabase@0.4.5", "--access-token", "${supabase}"] }`
)
const dbUrl = mcp(
  '{ "command": "npx", "args": ["-y", "pg@1.0.0", "postgresql://app:Zr8vQ2mLk4wPx9@db.internal:5432/app"] }'
)
const bearerHeader = mcp(
  `{ "type": "http", "url": "https://mcp.example.com/mcp", "headers": { "Authorization": "Bearer ${bearer}" } }`
)
const contextKey = mcp(
  `{ "command": "npx", "args": ["-y", "brave@1.0.0"], "env": { "BRAVE_API_KEY": "${brave}" } }`
)
const nested = mcp(
  `{ "command": "npx", "args": ["-y", "@notionhq/notion-mcp-server@1.8.1"], "env": { "OPENAPI_MCP_HEADERS": ${JSON.stringify(JSON.stringify({ Authorization: `Bearer ${notion}`, 'Notion-Version': '2022-06-28' }))} } }`
)
const jwts = mcp(
  `{ "command": "npx", "args": ["-y", "sb@1.0.0"], "env": { "SUPABASE_ANON_KEY": "${anon}", "SUPABASE_SERVICE_ROLE_KEY": "${serviceRole}" } }`
)
const comment = `{\n  "servers": {\n    // old: "GITHUB_TOKEN": "${github}"\n    "s": { "type": "stdio", "command": "node", "args": ["s.js"] }\n  }\n}\n`
const asKey = mcp(`{ "command": "node", "args": ["s.js"], "env": { "${github}": "1" } }`)
const passwords = mcp(
  '{ "command": "db-mcp", "args": ["--password", "Winter2024!"], "env": { "PGPASSWORD": "s3cr3t-Pa55", "MYSQL_PWD": "hunter2!x" } }'
)
const codex = `[mcp_servers.github]\ncommand = "npx"\nargs = ["-y", "gh@1.0.0"]\nenv = { GITHUB_TOKEN = "${github}" }\n`

testRule(rule, {
  valid: [
    {
      name: 'references in every syntax',
      path: '.mcp.json',
      text: mcp(
        '{ "command": "npx", "args": ["-y", "x@1.0.0", "--api-key", "${API_KEY}"], "env": { "TOKEN": "${TOKEN:-}", "B": "$B" }, "headers": { "Authorization": "Bearer ${TOKEN}" } }'
      )
    },
    {
      name: 'placeholders found in real configs',
      path: '.mcp.json',
      text: mcp(
        '{ "command": "npx", "args": ["-y", "x@1.0.0"], "env": { "SLACK_BOT_TOKEN": "xoxb-your-slack-bot-token", "GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_your_github_personal_access_token", "NOTION_API_TOKEN": "<paste-your-notion-internal-integration-token-here>", "KALI_API_KEY": "[REDACTED_API_KEY]", "GITHUB_TOKEN": "https://github.com/settings/tokens", "UMBRACO_CLIENT_SECRET": "1234567890", "BRAVE_API_KEY": "YOUR_BRAVE_API_KEY" } }'
      )
    },
    {
      name: 'a local development database with its default password',
      path: '.mcp.json',
      text: mcp(
        '{ "command": "npx", "args": ["-y", "pg@1.0.0", "postgres://postgres:postgres@localhost:5432/app"] }'
      )
    },
    {
      name: 'password placeholders, references, defaults and paths',
      path: '.mcp.json',
      text: mcp(
        '{ "command": "db-mcp", "args": ["--password", "${DB_PASSWORD}"], "env": { "PGPASSWORD": "changeme", "DB_PASSWORD": "<password>", "REDIS_PASSWORD": "xxx", "SMTP_PASSWORD": "your-password", "POSTGRES_PASSWORD": "postgres", "DB_PASSWORD_FILE": "/run/secrets/db", "MYSQL_PWD": "${env:MYSQL_PWD}" } }'
      )
    },
    {
      name: 'the documented AWS example key',
      path: '.mcp.json',
      text: mcp(
        '{ "command": "node", "args": ["s.js"], "env": { "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE" } }'
      )
    }
  ],
  invalid: [
    {
      name: 'a GitHub token in env',
      path: '.mcp.json',
      text: envToken,
      errors: [
        finding(envToken, github, 'secret', {
          severity: 'error',
          server: 's',
          message:
            'a GitHub personal access token in env.GITHUB_PERSONAL_ACCESS_TOKEN of server "s": ghp_… (40 chars); write "${GITHUB_PERSONAL_ACCESS_TOKEN}" in its place and set GITHUB_PERSONAL_ACCESS_TOKEN in the environment, and rotate it: it stays in the git history'
        })
      ]
    },
    {
      name: 'a Supabase token after --access-token, in a Cursor file',
      path: '.cursor/mcp.json',
      text: argToken,
      errors: [
        finding(argToken, supabase, 'secret', {
          severity: 'error',
          message:
            /^a Supabase personal access token in args\[3\] of server "s": sbp_… \(44 chars\); write "\$\{env:API_TOKEN\}" in its place/
        })
      ]
    },
    {
      name: 'a password in a connection URL, located on the password',
      path: '.mcp.json',
      text: dbUrl,
      errors: [
        finding(dbUrl, 'Zr8vQ2mLk4wPx9', 'secret', {
          severity: 'error',
          endColumn: at(dbUrl, 'Zr8vQ2mLk4wPx9').column + 14,
          message:
            /^a password in a connection URL in args\[2\] of server "s": … \(14 chars\); write "\$\{DB_PASSWORD\}"/
        })
      ]
    },
    {
      name: 'a literal Bearer header is a warning',
      path: '.mcp.json',
      text: bearerHeader,
      errors: [finding(bearerHeader, bearer, 'secret', { severity: 'warning' })]
    },
    {
      name: 'a random literal under a secret-named key is a warning',
      path: '.mcp.json',
      text: contextKey,
      errors: [finding(contextKey, brave, 'secret', { severity: 'warning' })]
    },
    {
      name: 'human-chosen passwords under password-named keys and flags are warnings',
      path: '.mcp.json',
      text: passwords,
      errors: [
        finding(passwords, 'Winter2024!', 'secret', {
          severity: 'warning',
          message:
            /^a password under a password-named key in args\[1\] of server "s": … \(11 chars\); write "\$\{DB_PASSWORD\}"/
        }),
        finding(passwords, 's3cr3t-Pa55', 'secret', { severity: 'warning' }),
        finding(passwords, 'hunter2!x', 'secret', { severity: 'warning' })
      ]
    },
    {
      name: 'a Notion token inside a JSON string',
      path: '.mcp.json',
      text: nested,
      errors: [
        finding(nested, notion, 'secret', {
          severity: 'error',
          message:
            /^a Notion integration token in env\.OPENAPI_MCP_HEADERS of server "s": ntn_… \(50 chars\)/
        })
      ]
    },
    {
      name: 'Supabase JWTs: anon is public, service_role is not',
      path: '.mcp.json',
      text: jwts,
      errors: [
        finding(jwts, anon, 'publicKey', { severity: 'notice' }),
        finding(jwts, serviceRole, 'secret', { severity: 'error' })
      ]
    },
    {
      name: 'a token in a comment',
      path: '.vscode/mcp.json',
      text: comment,
      errors: [
        finding(comment, github, 'secret', {
          message:
            /^a GitHub personal access token in a comment: ghp_… \(40 chars\); delete it, and rotate it/
        })
      ]
    },
    {
      name: 'a token pasted as a key',
      path: '.mcp.json',
      text: asKey,
      errors: [finding(asKey, github, 'secret', { message: /in env\.\(key\) of server "s"/ })]
    },
    {
      name: 'Codex: forward the variable instead',
      path: '.codex/config.toml',
      text: codex,
      errors: [
        finding(codex, github, 'secret', {
          message: /; forward it with env_vars = \["GITHUB_TOKEN"\] instead, and rotate it/
        })
      ]
    },
    {
      name: 'a token in a tool description',
      path: '.mcp.json',
      text: mcp('{ "command": "npx", "args": ["-y", "x@1.0.0"] }'),
      enumeration: [
        listed('.mcp.json', 's', [
          { name: 'search', description: `Search. Uses the key ${github} by default.` }
        ])
      ],
      errors: [
        {
          messageId: 'inTool',
          line: 3,
          column: 5,
          severity: 'error',
          message:
            'tool "search" of server "s" carries a GitHub personal access token in its description: ghp_… (40 chars); every client sends it to the model, so report it to the server\'s maintainers'
        }
      ]
    }
  ]
})

it('never prints a detected secret in a message', () => {
  const files = [
    { path: '.mcp.json', text: envToken },
    { path: '.cursor/mcp.json', text: argToken },
    { path: '.gemini/settings.json', text: nested },
    { path: '.vscode/mcp.json', text: comment }
  ]
  const messages = lintFiles(files, [rule]).map((d) => d.message)
  expect(messages.length).toBeGreaterThanOrEqual(4)
  for (const secret of [github, supabase, notion, github.slice(4, 20)])
    for (const message of messages) expect(message).not.toContain(secret)
})
