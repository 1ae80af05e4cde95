import {
  boolean,
  enumOf,
  explain,
  forbidden,
  object,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Codex's server entry and server names (codex.ts holds the rest of the client). Facts:
// ../shared/docs/platforms.md §2.8 (openai/codex codex-rs/config/src/mcp_types.rs and
// config.schema.json). Verified against Codex 0.171.0 on 2026-12-03 by the differential suite
// (__tests__/clients/cases/codex.ts): every wrong type, unknown enum value and transport mix-up
// below makes Codex exit with "Error loading config.toml" (see `invalidEntry` in codex.ts).
const VERIFIED = 'Codex 0.171.0'
const stdioOnly = ['args', 'env', 'env_vars', 'cwd']
// "scopes" is accepted on stdio servers (Codex 0.171.0, 2026-12-03: fields-scopes-stdio).
const httpOnly = [
  'bearer_token_env_var',
  'http_headers',
  'env_http_headers',
  'http_headers_helper',
  'auth',
  'oauth',
  'oauth_resource'
]

const envVar = explain(
  `${VERIFIED} refuses to start unless each env_vars entry is a variable name or { name = "…", source = "local" or "remote" }`,
  {
    anyOf: [
      string,
      {
        type: 'object',
        properties: { name: string, source: enumOf(['local', 'remote']) },
        required: ['name']
      }
    ]
  }
)

const notWith = (transport: string, fields: readonly string[]) =>
  Object.fromEntries(
    fields.map((field) => [
      field,
      forbidden(
        `${VERIFIED} refuses to start with "${field}" on a ${transport} server ("${field} is not supported for ${transport === 'stdio' ? 'stdio' : 'streamable_http'}")`
      )
    ])
  )

/** Codex's approval modes (AppToolApproval), for the server default and per tool. */
const approvalMode = enumOf(['auto', 'prompt', 'writes', 'approve'])
/** Seconds Codex turns into a Duration: a negative number fails the load. */
const seconds = { type: 'number', minimum: 0 }

export const server = serverSchema(
  {
    command: string,
    args: stringArray,
    env: stringMap,
    env_vars: { type: 'array', items: envVar },
    cwd: string,
    url: string,
    bearer_token_env_var: string,
    http_headers: stringMap,
    env_http_headers: stringMap,
    // A shell command printing a JSON object of headers; blank is refused (Codex 0.171.0).
    http_headers_helper: explain(`${VERIFIED} refuses an empty "http_headers_helper"`, {
      type: 'string',
      pattern: '\\S'
    }),
    bearer_token: forbidden(
      `${VERIFIED} refuses to start with an inline "bearer_token": put the token in an environment variable and name it in "bearer_token_env_var"`
    ),
    auth: enumOf(['oauth', 'chatgpt', 'ema_auth']),
    environment_id: string,
    enabled: boolean,
    required: boolean,
    startup_timeout_sec: seconds,
    startup_timeout_ms: { type: 'integer', minimum: 0 },
    startup_readiness: enumOf(['connection', 'catalog']),
    tool_timeout_sec: seconds,
    tool_input_schema_max_bytes: { type: 'integer', minimum: 1 },
    omit_tools_from: { type: 'array', items: enumOf(['code_mode', 'deferred', 'direct']) },
    enabled_tools: stringArray,
    disabled_tools: stringArray,
    default_tools_approval_mode: approvalMode,
    tools: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          approval_mode: approvalMode,
          output_token_limit: { type: 'integer', minimum: 1 }
        }
      }
    },
    supports_parallel_tool_calls: boolean,
    scopes: stringArray,
    oauth: object,
    oauth_resource: string,
    name: string
  },
  [
    requireOneOf(
      ['command', 'url'],
      `a server needs "command" (stdio) or "url" (streamable HTTP): ${VERIFIED} refuses to start without ("invalid transport")`
    ),
    explain(
      `set "command" or "url", not both: ${VERIFIED} refuses to start with both ("url is not supported for stdio")`,
      {
        not: { required: ['command', 'url'] }
      }
    ),
    { if: { required: ['url'] }, then: { properties: notWith('streamable HTTP', stdioOnly) } },
    // Checked when the session starts the server: that server is refused, the others run
    // (Codex 0.171.0, 2026-12-03: fields-env-vars-remote).
    {
      if: {
        not: {
          required: ['environment_id'],
          properties: { environment_id: { not: { const: 'local' } } }
        }
      },
      then: {
        properties: {
          env_vars: {
            items: {
              ...explain(
                `${VERIFIED} refuses to start a local server with an env_vars entry whose source is "remote" ("requires remote MCP stdio")`,
                {
                  not: {
                    type: 'object',
                    required: ['source'],
                    properties: { source: { const: 'remote' } }
                  }
                }
              ),
              'x-refuses': 'server'
            }
          }
        }
      }
    },
    { if: { required: ['command'] }, then: { properties: notWith('stdio', httpOnly) } }
  ]
)

// Checked when a session starts: that server is refused, the others run (Codex 0.171.0,
// 2026-12-03: names-*; codex-rs/codex-mcp rmcp_client "Invalid MCP server name").
export const serverName = explain(
  `${VERIFIED} refuses to start a server whose name has characters other than letters, digits, "_", ":", "@", "/", "." and "-"`,
  { type: 'string', pattern: '^[a-zA-Z0-9_:@/.-]+$' }
)
